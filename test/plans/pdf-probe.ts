// Test helper: read what a built PDF really contains: text with position, size and font
// (pdfjs-dist), plain text (pdftotext), and page pixels (pdftoppm) for drawn rules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const PT_PER_MM = 72 / 25.4;

export interface TextItem {
  str: string;
  /** Left edge and baseline from the page's top-left, in pt. */
  x: number;
  top: number;
  width: number;
  size: number;
  font: string;
}

export async function pdfText(path: string): Promise<{ pageHeight: number; pageWidth: number; pages: TextItem[][] }> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages: TextItem[][] = [];
  let pageHeight = 0, pageWidth = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , w, h] = page.view;
    pageHeight = h; pageWidth = w;
    await page.getOperatorList();
    const tc = await page.getTextContent();
    // pdfjs adds a synthetic " " item across gaps (table cells, columns); real text never is one space.
    pages.push(tc.items.filter((it: any) => it.str && it.str !== ' ').map((it: any) => ({
      str: it.str,
      x: it.transform[4],
      top: h - it.transform[5],
      width: it.width,
      size: Math.hypot(it.transform[2], it.transform[3]),
      font: page.commonObjs.has(it.fontName) ? (page.commonObjs.get(it.fontName) as any).name : it.fontName,
    })));
  }
  await pdf.destroy();
  return { pageHeight, pageWidth, pages };
}

/** pdftotext of every page, pages split on form feed. */
export const pdftotext = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

/** A page as 8-bit gray pixels at `dpi`. */
export function pagePixels(path: string, page: number, dpi: number): { width: number; height: number; data: Buffer; scale: number } {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-px-'));
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, join(dir, 'p')]);
  const buf = readFileSync(join(dir, 'p.pgm'));
  // P5\n<w> <h>\n255\n<data>
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  return { width: +header[1], height: +header[2], data: buf.subarray(header[0].length), scale: dpi / 72 };
}

/** Longest run of dark pixels on row y between x0 and x1 (pixels). */
export function darkRun(px: ReturnType<typeof pagePixels>, y: number, x0: number, x1: number): { start: number; length: number } {
  let best = { start: 0, length: 0 }, start = -1;
  for (let x = Math.max(0, x0); x <= Math.min(px.width - 1, x1) + 1; x++) {
    const dark = x <= x1 && px.data[y * px.width + x] < 128;
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) {
      if (x - start > best.length) best = { start, length: x - start };
      start = -1;
    }
  }
  return best;
}
