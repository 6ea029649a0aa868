// The scorer's image side end to end on a small fixed-seed slice of the synthetic corpus (real
// tally PDFs rendered by pdf.js, human-like marks, scanner and phone-photo damage), asserting
// the accuracy targets; plus the page statuses (blank, foreign, code-box fallback) and annotation.
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { isLoadFailure, loadScanBytes, type LoadedPage } from '../../src/omr/load-scan.js';
import { annotatePage, readPage } from '../../src/omr/read-page.js';
import { applyH, invertH, multiplyH } from '../../src/omr/homography.js';
import { locatePage } from '../../src/omr/locate-page.js';
import { readSheetId } from '../../src/omr/read-sheet-id.js';
import type { TallyLayout } from '../../src/tally/layout-schema.js';
import { makeCase, type Family, type PaperSource } from '../corpus/make-corpus.js';
import { emptyTally, evaluate, type Tally } from '../corpus/evaluate.js';
import { realSheets } from '../corpus/real-sheets.js';

let layouts: TallyLayout[];
let paper: PaperSource;
beforeAll(async () => { ({ layouts, paper } = await realSheets()); });

async function firstPage(bytes: Buffer): Promise<LoadedPage> {
  for await (const p of loadScanBytes('t', bytes)) if (!isLoadFailure(p)) return p;
  throw new Error('no page');
}

async function run(family: Family, seeds: number[]): Promise<Tally> {
  const t = emptyTally();
  for (const seed of seeds) {
    const c = await makeCase(seed, family, layouts, paper);
    const r = await readPage(await firstPage(c.bytes), layouts);
    expect(r.status, `${family} seed ${seed} ${JSON.stringify(c.params)}: ${r.reason}`).toBe('ok');
    expect(r.orientation, `${family} seed ${seed} orientation`).toBe(c.orientation);
    evaluate(c, r, t);
  }
  return t;
}

const rate = (n: number, t: Tally) => n / (t.boxes - t.invisible);
const SEEDS = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);

describe('corpus slice (fixed seeds)', () => {
  it('scanner family: every sheet identified, silent ≤ 0.05 %, flagged ≤ 2 %', async () => {
    const t = await run('scanner', SEEDS(2000, 20));
    expect(t.identified).toBe(t.pages);
    expect(rate(t.silent, t), JSON.stringify(t.errors.slice(0, 3))).toBeLessThanOrEqual(0.0005);
    expect(rate(t.flagged, t)).toBeLessThanOrEqual(0.02);
  });
  it('phone-photo family: every sheet identified, silent ≤ 0.3 %, flagged ≤ 5 %', async () => {
    const t = await run('photo', SEEDS(2000, 8));
    expect(t.identified).toBe(t.pages);
    expect(rate(t.silent, t), JSON.stringify(t.errors.slice(0, 3))).toBeLessThanOrEqual(0.003);
    expect(rate(t.flagged, t)).toBeLessThanOrEqual(0.05);
  });
});

describe('page statuses', () => {
  it('a white page is blank, a page of another layout is foreign', async () => {
    const white = { source: 'w', pageIndex: 0, width: 1654, height: 2339, gray: new Uint8Array(1654 * 2339).fill(250), dpi: 200 };
    expect((await readPage(white, layouts)).status).toBe('blank');
    const c = await makeCase(7, 'clean', layouts, paper);
    const others = layouts.filter((l) => l.layoutHash !== c.layout.layoutHash);
    const r = await readPage(await firstPage(c.bytes), others);
    expect(r.status).toBe('foreign');
    expect(r.boxes).toEqual([]);
  });
  it('reads the code boxes when the QR is destroyed', async () => {
    const c = await makeCase(8, 'clean', layouts, paper);
    const page = await firstPage(c.bytes);
    const first = await readPage(page, layouts);
    expect(first.idMethod).toBe('qr');
    const qr = c.layout.pages[c.pageIndex]!.qr;
    const a = applyH(first.homography!, qr.xMm - 1, qr.yMm - 1), b = applyH(first.homography!, qr.xMm + qr.wMm + 1, qr.yMm + qr.hMm + 1);
    for (let y = Math.floor(a.y); y < b.y; y++) for (let x = Math.floor(a.x); x < b.x; x++) page.gray[y * page.width + x] = 255;
    const r = await readPage(page, layouts);
    expect(r.status).toBe('ok');
    expect(r.idMethod).toBe('code-boxes');
    expect(r.sheetId).toBe(first.sheetId);
    expect(r.boxes.map((x) => x.state)).toEqual(first.boxes.map((x) => x.state));
  });
  it('a fit that puts the QR a few mm from where it is found is refused (its boxes would be read in the wrong places)', async () => {
    const c = await makeCase(8, 'clean', layouts, paper);
    const page = await firstPage(c.bytes);
    const loc = locatePage(page, layouts);
    expect(loc.status).toBe('ok');
    if (loc.status !== 'ok') return;
    // the upright fit (the 180° twin of a symmetric mark set is also among the candidates)
    const id = await readSheetId(page, loc.work, loc.locations, layouts);
    expect(id.status).toBe('ok');
    const good = id.location;
    // the same fit moved 4 mm down the page: the QR still lies inside the decoder's crop
    const H = multiplyH(good.H, Float64Array.from([1, 0, 0, 0, 1, -4, 0, 0, 1]));
    const moved = { ...good, H, Hinv: invertH(H) };
    const r = await readSheetId(page, loc.work, [moved], layouts);
    expect(r.status).toBe('unidentified');
  });
  it('one corner mark covered (white-out, or a thumb / the table over the corner) → located from the other five marks', async () => {
    const cases = [['scanner', 2003], ['scanner', 2010], ['photo', 2001], ['photo', 2004]] as const;
    for (const [family, seed] of cases) {
      const c = await makeCase(seed, family, layouts, paper);
      const whole = await firstPage(c.bytes);
      const first = await readPage(whole, layouts);
      expect(first.status).toBe('ok');
      const corners = c.layout.fiducials.filter((f) => f.id.length === 2 && f.id !== 'ml' && f.id !== 'mr');
      for (const [k, f] of corners.entries()) {
        const page = { ...whole, gray: Uint8Array.from(whole.gray) };
        // white-out over the mark on even corners; a dark patch over the whole corner on odd ones
        const dark = k % 2 === 1;
        const m = dark ? 4 : 1.5; // 4 mm: up to the QR's and code boxes' quiet zones
        const pts = [[f.xMm - m, f.yMm - m], [f.xMm + f.wMm + m, f.yMm - m], [f.xMm - m, f.yMm + f.hMm + m], [f.xMm + f.wMm + m, f.yMm + f.hMm + m]].map(([x, y]) => applyH(first.homography!, x!, y!));
        const x0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p.x)))), x1 = Math.min(page.width, Math.ceil(Math.max(...pts.map((p) => p.x))));
        const y0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p.y)))), y1 = Math.min(page.height, Math.ceil(Math.max(...pts.map((p) => p.y))));
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) page.gray[y * page.width + x] = dark ? 40 : 235;
        const r = await readPage(page, layouts);
        const what = `${family} ${seed} corner ${f.id} ${dark ? 'dark' : 'white'}`;
        expect(r.status, `${what}: ${r.reason}`).toBe('ok');
        expect(r.sheetId, what).toBe(first.sheetId);
        expect(r.residualMm!, what).toBeLessThan(1);
        expect(r.boxes.map((b) => `${b.id} ${b.state}`), what).toEqual(first.boxes.map((b) => `${b.id} ${b.state}`));
      }
    }
  });
  it('annotates a page as a small PNG: each box outlined in the colour of its state, status line on top', async () => {
    const c = await makeCase(9, 'photo', layouts, paper);
    const page = await firstPage(c.bytes);
    const r = await readPage(page, layouts);
    const png = await annotatePage(page, r, c.layout);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeLessThan(page.width * page.height / 2);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const scale = info.width / page.width;
    const lp = c.layout.pages[r.layoutPageIndex!]!;
    const expected: Record<string, (p: number[]) => boolean> = {
      marked: ([R, G, B]) => G! > 140 && R! < 60 && B! < 60,
      empty: ([R, G, B]) => Math.abs(R! - 0x9a) < 8 && Math.abs(G! - 0x9a) < 8 && Math.abs(B! - 0x9a) < 8,
    };
    let checked = 0;
    for (const b of r.boxes.filter((x) => x.state in expected).slice(0, 40)) {
      const box = lp.boxes.find((x) => x.id === b.id)!;
      // middle of the outline's top edge, drawn 0.8 mm outside the (re-registered) box
      const q = applyH(r.homography!, box.xMm + box.wMm / 2 + b.metrics.dxMm!, box.yMm - 0.8 + b.metrics.dyMm!);
      const x = Math.round(q.x * scale), y = Math.round(q.y * scale);
      // the 1–2 px line may sit one pixel off the rounded point: look at the 3×3 neighbourhood
      const near = [-1, 0, 1].flatMap((j) => [-1, 0, 1].map((i) => { const o = ((y + j) * info.width + x + i) * info.channels; return [data[o]!, data[o + 1]!, data[o + 2]!]; }));
      expect(near.some(expected[b.state]!), `${b.id} ${b.state} at ${x},${y}: ${JSON.stringify(near)}`).toBe(true);
      checked++;
    }
    expect(new Set(r.boxes.map((b) => b.state))).toContain('marked');
    expect(checked).toBeGreaterThan(10);
    // the status line: a light band with dark text across the top
    const top = Array.from({ length: 18 * info.width }, (_, i) => data[i * info.channels]!);
    expect(top.filter((v) => v > 200).length / top.length).toBeGreaterThan(0.8);
    expect(top.filter((v) => v < 100).length).toBeGreaterThan(50);
  });
});
