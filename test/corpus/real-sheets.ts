// Paper source from the real tally builder: criteria set → buildTallySheet → pdfmake PDF →
// pdf.js raster (cached per page and resolution) drawn as the printed sheet of a corpus page.
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
import type { Canvas } from '@napi-rs/canvas';
import { loadCriteria } from '../../src/criteria/load-criteria.js';
import { buildTallySheet } from '../../src/documents/tally-sheet.js';
import { BUNDLED_FONTS } from '../../src/pdf/fonts.js';
import { measurerFor } from '../../src/pdf/measure-text.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import type { TallyLayout } from '../../src/tally/layout-schema.js';
import type { PaperSource } from './make-corpus.js';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');
const META = { title: 'corpus', subject: 'corpus', author: 'hoctap', date: new Date('2026-01-01T00:00:00Z') };

export interface RealSheets { layouts: TallyLayout[]; paper: PaperSource }

const ROSTER = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Minh Hải', 'Bùi Thị Hoa', 'Đỗ Văn Khánh', 'Hồ Thị Lan', 'Ngô Quang Minh', 'Dương Thị Nga', 'Lý Văn Phúc', 'Mai Thị Quyên', 'Trịnh Văn Sơn', 'Tạ Thị Tâm', 'Cao Văn Út', 'Lương Thị Vân', 'Kiều Văn Xuân', 'Quách Thị Yến']
  .map((name, k) => ({ id: `A${String(k + 1).padStart(2, '0')}`, name, unit: 'Khu phố 1' }));

let cached: Promise<RealSheets> | undefined;

/** Group (roster + blank rows) and personal (roster + blank) sheets of two bundled criteria sets. */
export function realSheets(): Promise<RealSheets> {
  cached ??= build();
  return cached;
}

async function build(): Promise<RealSheets> {
  const measure = measurerFor(BUNDLED_FONTS);
  const sets = (await loadCriteria(join(ROOT, 'criteria'), ROOT)).sets.map((s) => s.set);
  const pick = (id: string) => sets.find((s) => s.id === id) ?? sets[0]!;
  const variants = [
    { set: pick('cdht-cbccvc'), kind: 'group' as const, persons: ROSTER },
    { set: pick('gdht'), kind: 'group' as const, persons: [] },
    { set: pick('cdht-cbccvc'), kind: 'personal' as const, persons: ROSTER.slice(0, 2) },
    { set: pick('gdht'), kind: 'personal' as const, persons: [] },
  ];
  const layouts: TallyLayout[] = [];
  const pdfs = new Map<string, Uint8Array>();
  for (const v of variants) {
    const sheet = buildTallySheet(v.set, { kind: v.kind, persons: v.persons, year: 2026, fillCancels: true, measure });
    if (layouts.some((l) => l.layoutHash === sheet.layout.layoutHash)) continue;
    const pdf = await renderPdf(sheet.definition, META, BUNDLED_FONTS);
    layouts.push(sheet.layout);
    pdfs.set(sheet.layout.layoutHash, pdf.bytes);
  }
  const rasters = new Map<string, Promise<Canvas>>();
  const paper: PaperSource = async (ctx, layout, page, pxPerMm) => {
    const key = `${layout.layoutHash}:${page.pageIndex}:${pxPerMm.toFixed(3)}`;
    if (!rasters.has(key)) rasters.set(key, rasterise(pdfs.get(layout.layoutHash)!, page.pageIndex, pxPerMm));
    const canvas = await rasters.get(key)!;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(canvas, 0, 0);
    ctx.restore();
  };
  return { layouts, paper };
}

async function rasterise(bytes: Uint8Array, pageIndex: number, pxPerMm: number): Promise<Canvas> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = dirname(require.resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0,
    standardFontDataUrl: pathToFileURL(join(dir, 'standard_fonts') + '/').href,
  }).promise;
  const page = await doc.getPage(pageIndex + 1);
  const viewport = page.getViewport({ scale: (pxPerMm * 25.4) / 72 });
  const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: Canvas } } }).canvasFactory;
  const { canvas } = factory.create(Math.round(viewport.width), Math.round(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
  // keep the raster, drop the document
  const copy = (await import('@napi-rs/canvas')).createCanvas(canvas.width, canvas.height);
  copy.getContext('2d').drawImage(canvas, 0, 0);
  await doc.destroy();
  return copy;
}
