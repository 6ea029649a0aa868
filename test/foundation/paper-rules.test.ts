// Evidence 8: the paper rules of the forms, measured from the built PDFs — text positions and
// sizes (pdfjs-dist), vector drawing (content streams), and rendered pixels (pdftoppm).
//   nothing within 10 mm of the paper edge · body text ≥ 13 pt, nothing under 10 pt ·
//   tick boxes ≥ 5 mm · handwriting lines ≥ 8 mm apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formsProducer } from '../../src/build/forms-producer.js';
import type { BuildContext } from '../../src/build/producers.js';
import { loadProject } from '../../src/config/load-config.js';
import { loadCriteria, type LoadedCriteriaSet } from '../../src/criteria/load-criteria.js';
import { fontFilesFor } from '../../src/pdf/fonts.js';
import { measurerFor } from '../../src/pdf/measure-text.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { FORM } from '../../src/documents/page-setup.js';
import {
  A4_PT, dashedLines, darkPixelsNearEdge, findSquares, pageContents, PT_PER_MM, rectsOf, renderGray, textItems, type TextItem,
} from '../helpers/pdf-tools.js';
import { tempProject, wardFiles, type TempProject } from '../helpers/temp-project.js';
import { HS_SET, NFD_SET } from './sample-sets.js';

let proj: TempProject;
let sets: LoadedCriteriaSet[];
const SET_IDS = ['cdht-hs', 'gdht-nfd', 'mau'];
const FORMS = SET_IDS.flatMap((id) => [`phieu-dang-ky/${id}.pdf`, `phieu-cham-diem/${id}.pdf`]);
const file = (rel: string) => proj.path(`out/${rel}`);
const items = new Map<string, { pages: { width: number; height: number }[]; items: TextItem[] }>();

/**
 * The forms exactly as `build` makes them (the same producer, renderer and metadata), without the
 * other producers (tally sheets, handouts …) whose cost and rules are not under test here.
 */
async function buildForms(dir: string): Promise<LoadedCriteriaSet[]> {
  const project = await loadProject(undefined, dir);
  const { sets: loaded, problems } = await loadCriteria(project.criteriaDir, dir);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const fonts = fontFilesFor(project.config, project.root);
  const pdfDate = new Date(`${project.config.ngay_tao_tep}T00:00:00Z`);
  const meta = (title: string, subject: string) => ({ title, subject, author: project.config.phuong.ten, date: pdfDate });
  const ctx: BuildContext = {
    project, criteria: loaded, fonts, measure: measurerFor(fonts), pdfDate,
    render: (d) => renderPdf(d, meta('', ''), fonts),
  };
  const { docs } = await formsProducer(ctx);
  for (const d of docs) {
    const pdf = await renderPdf(d.definition, meta(d.title, d.subject), fonts);
    mkdirSync(dirname(proj.path(`out/${d.file}`)), { recursive: true });
    writeFileSync(proj.path(`out/${d.file}`), pdf.bytes);
  }
  return loaded;
}

beforeAll(async () => {
  proj = tempProject(wardFiles({ 'criteria/cdht-hs.yaml': HS_SET, 'criteria/gdht-nfd.yaml': NFD_SET }));
  sets = await buildForms(proj.dir);
  expect(proj.list('out')).toEqual([...FORMS].sort());
  for (const f of FORMS) items.set(f, await textItems(file(f)));
});
afterAll(() => proj?.remove());

const mmOf = (pt: number) => pt / PT_PER_MM;

describe('the constants of page-setup.ts state the rules', () => {
  it('margins ≥ 10 mm, body ≥ 13 pt, smallest text ≥ 10 pt, boxes ≥ 5 mm, lines ≥ 8 mm apart', () => {
    expect(Math.min(...Object.values(FORM.marginMm))).toBeGreaterThanOrEqual(10);
    expect(FORM.bodyPt).toBeGreaterThanOrEqual(13);
    expect(Math.min(FORM.footerPt, FORM.tableHeadPt, FORM.headingPt, FORM.titlePt)).toBeGreaterThanOrEqual(10);
    expect(FORM.boxMm).toBeGreaterThanOrEqual(5);
    expect(FORM.writeLineMm).toBeGreaterThanOrEqual(8);
  });
});

describe.each(FORMS)('%s', (f) => {
  it('no text within 10 mm of the paper edge (pdfjs positions)', () => {
    const { pages, items: its } = items.get(f)!;
    expect(its.length).toBeGreaterThan(20);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(A4_PT.width, 0);
      expect(p.height).toBeCloseTo(A4_PT.height, 0);
    }
    const edge = 10 * PT_PER_MM;
    for (const it of its) {
      const { width: W, height: H } = pages[it.page - 1];
      const where = `p${it.page} "${it.str}" x=${mmOf(it.x).toFixed(1)}mm y=${mmOf(it.y).toFixed(1)}mm`;
      expect(it.x, where).toBeGreaterThanOrEqual(edge);
      expect(it.x + it.width, where).toBeLessThanOrEqual(W - edge);
      expect(it.y - 0.25 * it.size, where).toBeGreaterThanOrEqual(edge); // descenders
      expect(it.y + it.size, where).toBeLessThanOrEqual(H - edge); // ascenders
    }
  });

  it('no dark pixel within 10 mm of the paper edge (pdftoppm, 72 dpi)', () => {
    const pages = renderGray(file(f), 72);
    expect(pages.length).toBeGreaterThan(0);
    for (const [k, img] of pages.entries()) {
      // Something is printed at all (the check is not vacuous) …
      expect(img.data.some((v) => v < 128), `p${k + 1}`).toBe(true);
      // … and none of it in the 10 mm band.
      expect(darkPixelsNearEdge(img, 10).slice(0, 5), `p${k + 1}`).toEqual([]);
    }
  });

  it('no text under 10 pt; the body text is at least 13 pt', () => {
    const its = items.get(f)!.items;
    const small = its.filter((it) => it.size < 10 - 0.01).map((it) => `${it.str} (${it.size.toFixed(1)} pt)`);
    expect(small).toEqual([]);
    // Body: by characters, most of the text is at 13 pt or more.
    const chars = (xs: TextItem[]) => xs.reduce((a, it) => a + it.str.length, 0);
    expect(chars(its.filter((it) => it.size >= 13 - 0.01)) / chars(its)).toBeGreaterThan(0.5);
    // The labels of the write-in lines and the commitments/indicators are body text.
    const label = its.find((it) => it.str.startsWith('Họ và tên'));
    expect(label, 'Họ và tên label').toBeDefined();
    expect(label!.size).toBeGreaterThanOrEqual(13 - 0.01);
  });

  it('tick boxes are squares ≥ 5 mm, in the drawing and in the rendered pixels', () => {
    const contents = pageContents(file(f));
    const squares = contents.map((c) => rectsOf(c).filter((r) => Math.abs(Math.abs(r.w) - Math.abs(r.h)) < 0.5 && mmOf(Math.abs(r.w)) < 15));
    for (const s of squares.flat()) expect(mmOf(Math.abs(s.w)), JSON.stringify(s)).toBeGreaterThanOrEqual(5);
    const pages = renderGray(file(f), 150);
    for (const [k, img] of pages.entries()) {
      const found = findSquares(img, 2, 12);
      expect(found.length, `p${k + 1}: squares drawn vs seen`).toBe(squares[k].length);
      for (const s of found) {
        expect(s.wMm, `p${k + 1} box at ${s.x},${s.y}`).toBeGreaterThanOrEqual(5);
        expect(s.hMm, `p${k + 1} box at ${s.x},${s.y}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('handwriting lines stay inside the text area (never within 10 mm of the edge)', () => {
    for (const [k, content] of pageContents(file(f)).entries()) {
      for (const l of dashedLines(content)) {
        const where = `p${k + 1} line ${mmOf(l.x1).toFixed(1)}→${mmOf(l.x2).toFixed(1)} mm at y=${mmOf(l.y1).toFixed(1)} mm`;
        expect(mmOf(Math.min(l.x1, l.x2)), where).toBeGreaterThanOrEqual(10);
        expect(mmOf(A4_PT.width - Math.max(l.x1, l.x2)), where).toBeGreaterThanOrEqual(10);
        // … and inside the text area: a row of two lines once pushed each 4 mm past it.
        expect(mmOf(A4_PT.width - Math.max(l.x1, l.x2)), where).toBeGreaterThanOrEqual(FORM.marginMm.right - 0.5);
      }
    }
  });

  it('handwriting lines are at least 8 mm apart', () => {
    for (const [k, content] of pageContents(file(f)).entries()) {
      const ys = [...new Set(dashedLines(content).filter((l) => Math.abs(l.y1 - l.y2) < 0.01).map((l) => Math.round(l.y1 * 10) / 10))].sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(mmOf(ys[i] - ys[i - 1]), `p${k + 1} lines at ${ys[i - 1]} and ${ys[i]} pt`).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('the checks above measure something', () => {
  it('scoresheets have one tick box per classification band + "Chưa đạt"; registration forms one per subject group', () => {
    for (const id of SET_IDS) {
      const set = sets.find((s) => s.set.id === id)!.set;
      const bands = Math.max(set.scoring.classification.length, 1) + 1;
      const count = (rel: string) => pageContents(file(rel)).flatMap((c) => rectsOf(c).filter((r) => Math.abs(Math.abs(r.w) - Math.abs(r.h)) < 0.5)).length;
      expect(count(`phieu-cham-diem/${id}.pdf`), id).toBe(bands);
      const groups = set.model === 'cong_dan_hoc_tap' ? 2 : 0; // mau + cdht-hs are the two Công dân groups
      expect(count(`phieu-dang-ky/${id}.pdf`), id).toBe(groups);
    }
  });

  it('registration forms have write-in lines for every identity field and the learning plan', () => {
    for (const id of SET_IDS) {
      const lines = pageContents(file(`phieu-dang-ky/${id}.pdf`)).flatMap((c) => dashedLines(c));
      expect(lines.length, id).toBeGreaterThanOrEqual(5 + 3); // ≥ 5 identity fields + 3 plan lines (one sheet with the subject groups)
    }
  });

  it('indicator texts are printed at body size (≥ 13 pt)', () => {
    for (const id of SET_IDS) {
      const its = items.get(`phieu-cham-diem/${id}.pdf`)!.items;
      const texts = sets.find((s) => s.set.id === id)!.set.criteria.flatMap((c) => c.indicators.map((i) => i.text));
      const runs = its.filter((it) => it.str.trim().length >= 8 && texts.some((t) => t.includes(it.str.trim())));
      expect(runs.length, id).toBeGreaterThanOrEqual(texts.length);
      for (const r of runs) expect(r.size, `${id}: ${r.str}`).toBeGreaterThanOrEqual(13 - 0.01);
    }
  });
});
