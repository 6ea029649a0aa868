// Tally sheets: the layout JSON is the printed geometry (checked in rendered pixels), the paper
// rules (box size, pitch, clear zone, margins), page codes, QR payloads and determinism.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { loadCriteria } from '../../src/criteria/load-criteria.js';
import type { CriteriaSet } from '../../src/criteria/criteria-schema.js';
import { buildTallySheet, decodePageCode, pageCode, planTallySheet, finishTallySheet, CODE_BITS, type TallyInput } from '../../src/documents/tally-sheet.js';
import { ID_INDICATOR } from '../../src/tally/layout-schema.js';
import { TALLY } from '../../src/documents/page-setup.js';
import { BUNDLED_FONTS } from '../../src/pdf/fonts.js';
import { measurerFor } from '../../src/pdf/measure-text.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { TallyLayoutSchema, type Rect, type TallyLayout } from '../../src/tally/layout-schema.js';
import { renderGray, type GrayImage } from '../helpers/pdf-tools.js';
import { REPO_ROOT } from '../helpers/temp-project.js';

const require = createRequire(import.meta.url);
const measure = measurerFor(BUNDLED_FONTS);
const META = { title: 't', subject: 's', author: 'a', date: new Date('2026-01-01T00:00:00Z') };
const ROSTER = Array.from({ length: 17 }, (_, k) => ({ id: `A${String(k + 1).padStart(2, '0')}`, name: k === 3 ? '=1+2 Trần Thị Bích Ngọc Hoàng Phương Thảo Uyên' : `Người thứ ${k + 1}`, unit: 'Khu phố 1' }));

let sets: CriteriaSet[] = [];
let dir = '';
beforeAll(async () => {
  sets = [
    ...(await loadCriteria(join(REPO_ROOT, 'test/fixtures/ward/criteria'), REPO_ROOT)).sets.map((s) => s.set),
    ...(await loadCriteria(join(REPO_ROOT, 'criteria'), REPO_ROOT)).sets.map((s) => s.set).filter((s) => s.id === 'cdht-cbccvc' || s.id === 'gdht'),
  ];
  dir = mkdtempSync(join(tmpdir(), 'hoctap-tally-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = (kind: TallyInput['kind'], roster: boolean): TallyInput => ({ kind, persons: roster ? ROSTER : [], year: 2026, fillCancels: true, measure });
const variants = [
  ['personal', false], ['personal', true], ['group', false], ['group', true],
] as const;

/** Gap between two rectangles (0 when they touch or overlap), Euclidean. */
function gap(a: Rect, b: Rect): number {
  const dx = Math.max(0, b.xMm - (a.xMm + a.wMm), a.xMm - (b.xMm + b.wMm));
  const dy = Math.max(0, b.yMm - (a.yMm + a.hMm), a.yMm - (b.yMm + b.hMm));
  return Math.hypot(dx, dy);
}

describe('geometry of every variant', () => {
  it('boxes ≥ 5 mm, ≥ 8 mm pitch in a row, ≥ 3 mm apart, nothing printed within 3 mm, ≥ 10 mm from the edges', () => {
    for (const set of sets)
      for (const [kind, roster] of variants) {
        const plan = planTallySheet(set, input(kind, roster));
        const { layout } = finishTallySheet(plan);
        expect(TallyLayoutSchema.safeParse(layout).success).toBe(true);
        const { widthMm: W, heightMm: H } = layout.pageSize;
        const inside = (r: Rect, m: number) => r.xMm >= m - 1e-6 && r.yMm >= m - 1e-6 && r.xMm + r.wMm <= W - m + 1e-6 && r.yMm + r.hMm <= H - m + 1e-6;
        for (const f of layout.fiducials) expect(inside(f, 10), `${set.id} ${kind} fiducial ${f.id}`).toBe(true);
        plan.pages.forEach((pp, i) => {
          const page = layout.pages[i]!;
          const ids = new Set(page.boxes.map((b) => b.id));
          expect(ids.size).toBe(page.boxes.length);
          for (const b of page.boxes) {
            expect(b.wMm).toBeGreaterThanOrEqual(5);
            expect(b.hMm).toBeGreaterThanOrEqual(5);
            expect(inside(b, 10)).toBe(true);
          }
          for (const [k, a] of page.boxes.entries())
            for (const b of page.boxes.slice(k + 1)) {
              expect(gap(a, b), `${set.id} ${kind} ${a.id} ${b.id}`).toBeGreaterThanOrEqual(3 - 1e-6);
              if (Math.abs(a.yMm - b.yMm) < 1) expect(Math.abs(a.xMm - b.xMm)).toBeGreaterThanOrEqual(8 - 1e-6);
            }
          for (const t of pp.texts) {
            expect(inside(t, 10), `text "${t.text}"`).toBe(true);
            expect(t.pt).toBeGreaterThanOrEqual(10);
            for (const b of page.boxes) expect(gap(t, b), `${set.id} ${kind} "${t.text}" near ${b.id}`).toBeGreaterThanOrEqual(TALLY.clearMm - 0.01);
          }
          for (const l of pp.lines) {
            const r = { xMm: Math.min(l.x1, l.x2), yMm: Math.min(l.y1, l.y2), wMm: Math.abs(l.x2 - l.x1), hMm: Math.abs(l.y2 - l.y1) };
            for (const b of page.boxes) expect(gap(r, b), `${set.id} ${kind} line near ${b.id}`).toBeGreaterThanOrEqual(TALLY.clearMm - 0.01);
          }
          // QR and code boxes keep their quiet zone from every box and fiducial.
          for (const b of page.boxes) expect(gap(page.qr, b)).toBeGreaterThanOrEqual(TALLY.qrQuietMm);
          for (const f of layout.fiducials) expect(gap(page.qr, f)).toBeGreaterThanOrEqual(TALLY.qrQuietMm);
          expect(page.qr.wMm).toBeGreaterThanOrEqual(16);
          expect(inside(page.qr, 10)).toBe(true);
          for (const c of page.codeBoxes) for (const f of layout.fiducials) expect(gap(c, f)).toBeGreaterThanOrEqual(TALLY.fiducialQuietMm);
        });
      }
  });

  it('every indicator option has a box for every person; blank sheets carry digit boxes', () => {
    const set = sets.find((s) => s.id === 'cdht-cbccvc')!;
    const { layout } = buildTallySheet(set, input('group', true));
    for (const p of ROSTER)
      for (const ind of set.criteria.flatMap((c) => c.indicators)) {
        const boxes = layout.pages.flatMap((pg) => pg.boxes.filter((b) => b.person === p.id && b.indicator === ind.id));
        expect(boxes.length, `${p.id} ${ind.id}`).toBe(ind.levels ? ind.levels.length : 2);
      }
    const blank = buildTallySheet(set, input('group', false)).layout;
    for (const slot of blank.pages[0]!.persons) {
      expect(slot.idBoxes.length).toBe(20);
      expect(new Set(slot.idBoxes.map((b) => b.digit))).toEqual(new Set([0, 1]));
      expect(blank.pages[0]!.boxes.filter((b) => b.person === slot.person && b.indicator === ID_INDICATOR).length).toBe(20);
    }
    const personal = buildTallySheet(set, input('personal', false)).layout;
    expect(personal.pages[0]!.persons[0]!.idBoxes.length).toBe(30);
  });
});

describe('page identity', () => {
  it('page codes round-trip; a flipped bit or two neighbouring bits never decode', () => {
    for (const [no, page] of [[0, 0], [1023, 4095], [517, 3], [86, 1234]] as const) {
      const code = pageCode(no, page);
      expect(decodePageCode(code)).toEqual({ layoutNo: no, pageIndex: page });
      for (let b = 0; b < CODE_BITS.total; b++) {
        expect(decodePageCode(code ^ (1 << b))).toBeUndefined();
        if (b + 1 < CODE_BITS.total) expect(decodePageCode(code ^ (3 << b))).toBeUndefined();
      }
    }
    expect(decodePageCode(0)).toBeUndefined();
    expect(decodePageCode((1 << CODE_BITS.total) - 1)).toBeUndefined();
  });

  it('serials, sheet ids and QR payloads follow the format', () => {
    const { layout } = buildTallySheet(sets[0]!, input('group', true), 77);
    layout.pages.forEach((p, i) => {
      expect(p.serial).toBe(`N0077-${String(i + 1).padStart(3, '0')}`);
      expect(p.sheetId).toBe(`${layout.criteriaSetId}:${layout.layoutHash}:${i}`);
      expect(p.qr.payload).toBe(`HT1|${layout.criteriaSetId}|${layout.layoutHash}|${i}|${layout.pages.length}|${p.serial}`);
      expect(decodePageCode(p.code)).toEqual({ layoutNo: 77, pageIndex: i });
    });
  });
});

describe('the PDF is the layout', () => {
  let layout: TallyLayout;
  let pages: GrayImage[];
  let pdfPath = '';
  beforeAll(async () => {
    const sheet = buildTallySheet(sets.find((s) => s.id === 'cdht-cbccvc')!, input('group', true));
    layout = sheet.layout;
    const pdf = await renderPdf(sheet.definition, META, BUNDLED_FONTS);
    expect(pdf.pages).toBe(layout.pages.length);
    pdfPath = join(dir, 'group.pdf');
    writeFileSync(pdfPath, pdf.bytes);
    pages = renderGray(pdfPath, 150);
  });

  const at = (img: GrayImage, xMm: number, yMm: number) => img.data[Math.round((yMm / 25.4) * img.dpi) * img.width + Math.round((xMm / 25.4) * img.dpi)]!;

  it('fiducials, box outlines and code boxes are where the layout says', () => {
    expect(pages.length).toBe(layout.pages.length);
    const img = pages[1]!;
    expect(img.width).toBe(Math.round((layout.pageSize.widthMm / 25.4) * 150));
    for (const f of layout.fiducials) {
      expect(at(img, f.xMm + f.wMm / 2, f.yMm + f.hMm / 2)).toBeLessThan(60);
      expect(at(img, f.xMm - 1.2, f.yMm + f.hMm / 2)).toBeGreaterThan(200);
    }
    const page = layout.pages[1]!;
    for (const b of page.boxes.filter((_, k) => k % 7 === 0)) {
      expect(at(img, b.xMm + b.wMm / 2, b.yMm + b.hMm / 2), `${b.id} inside`).toBeGreaterThan(200);
      // The outline: darkest pixel across the left edge ±0.3 mm.
      const edge = Math.min(...[-0.3, -0.15, 0, 0.15, 0.3].map((d) => at(img, b.xMm + d, b.yMm + b.hMm / 2)));
      expect(edge, `${b.id} outline`).toBeLessThan(128);
      expect(at(img, b.xMm - 1.5, b.yMm + b.hMm / 2), `${b.id} clear left`).toBeGreaterThan(200);
    }
    for (const c of page.codeBoxes) {
      const v = at(img, c.xMm + c.wMm / 2, c.yMm + c.hMm / 2);
      if ((page.code >> c.bit) & 1) expect(v).toBeLessThan(60);
      else expect(v).toBeGreaterThan(200);
    }
  });

  it('the QR decodes to the layout payload', async () => {
    await prepareZXingModule({ overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer }, fireImmediately: true });
    for (const [i, img] of pages.entries()) {
      const rgba = new Uint8ClampedArray(img.width * img.height * 4);
      for (let k = 0; k < img.data.length; k++) { rgba[k * 4] = rgba[k * 4 + 1] = rgba[k * 4 + 2] = img.data[k]!; rgba[k * 4 + 3] = 255; }
      const found = await readBarcodes({ data: rgba, width: img.width, height: img.height, colorSpace: 'srgb' } as ImageData, { formats: ['QRCode'] });
      expect(found.map((f) => f.text)).toContain(layout.pages[i]!.qr.payload);
    }
  });
});

describe('determinism', () => {
  it('the same inputs give byte-identical PDFs and layouts', async () => {
    const set = sets[0]!;
    const a = buildTallySheet(set, input('personal', true));
    const b = buildTallySheet(set, input('personal', true));
    expect(JSON.stringify(a.layout)).toBe(JSON.stringify(b.layout));
    const pa = await renderPdf(a.definition, META, BUNDLED_FONTS);
    const pb = await renderPdf(b.definition, META, BUNDLED_FONTS);
    expect(pa.bytes.equals(pb.bytes)).toBe(true);
    // A different roster changes the layout hash (a QR of the old print no longer matches).
    const c = buildTallySheet(set, { ...input('personal', true), persons: ROSTER.slice(1) });
    expect(c.layout.layoutHash).not.toBe(a.layout.layoutHash);
  });
});
