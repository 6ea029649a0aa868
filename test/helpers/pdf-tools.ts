// Test helper: look inside built PDFs with the poppler tools, qpdf and pdfjs-dist, so tests
// assert what a printer and a reader will get (text, fonts, positions, pixels).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PT_PER_MM = 72 / 25.4;
export const A4_PT = { width: 595.28, height: 841.89 };

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** pdftotext output (UTF-8), -layout off; pages separated by form feeds. */
export const pdfText = (file: string, extra: string[] = []) => run('pdftotext', ['-enc', 'UTF-8', ...extra, file, '-']);

/** Whitespace collapsed to single spaces, so wrapped lines compare with the source text. */
export const collapse = (s: string) => s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();

/** Text of each page (pdftotext splits pages with form feeds). */
export const pageTexts = (file: string) => pdfText(file).split('\f').slice(0, -1);

export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1].trim()] = m[2].trim();
  }
  return out;
}

export interface PdfFont { name: string; type: string; emb: boolean; sub: boolean; uni: boolean }

export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    // name type… encoding emb sub uni object ID — the last five columns are fixed.
    const cols = l.trim().split(/\s+/);
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0], type: cols.slice(1, -6).join(' '), emb: emb === 'yes', sub: sub === 'yes', uni: uni === 'yes' };
  });
}

/** qpdf --check: returns [exit code, output]. */
export function qpdfCheck(file: string): { code: number; output: string } {
  try {
    return { code: 0, output: run('qpdf', ['--check', file]) };
  } catch (e: any) {
    return { code: e.status ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

export interface TextItem { page: number; str: string; x: number; y: number; size: number; width: number; font: string }

/** Every text run with its position (x, y of the baseline from the bottom-left, pt) and size (pt). */
export async function textItems(file: string): Promise<{ pages: { width: number; height: number }[]; items: TextItem[] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, verbosity: 0 }).promise;
  const items: TextItem[] = [];
  const pages: { width: number; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    pages.push({ width: x1 - x0, height: y1 - y0 });
    const tc = await page.getTextContent();
    for (const it of tc.items as any[]) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a, b, , d, e, f] = it.transform as number[];
      items.push({ page: n, str: it.str, x: e, y: f, size: Math.hypot(a, b) || Math.abs(d), width: it.width, font: it.fontName });
    }
  }
  await doc.destroy();
  return { pages, items };
}

/** Decompressed content stream of each page (qpdf --qdf), for vector drawing checks. */
export function pageContents(file: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-qdf-'));
  try {
    const out = join(dir, 'q.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, out]);
    const text = readFileSync(out, 'latin1');
    return text.split(/%% Contents for page \d+/).slice(1).map((s) => s.split(/\nendstream/)[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Rect { x: number; y: number; w: number; h: number }

/** Rectangles drawn with the `re` operator (pdfkit coordinates: top-left origin after its flip). */
export const rectsOf = (content: string): Rect[] =>
  [...content.matchAll(/^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re$/gm)].map((m) => ({ x: +m[1], y: +m[2], w: +m[3], h: +m[4] }));

/** Dashed straight lines (`[dash] d … x y m x y l`) — the handwriting lines of the forms. */
export function dashedLines(content: string): { x1: number; y1: number; x2: number; y2: number }[] {
  const out: { x1: number; y1: number; x2: number; y2: number }[] = [];
  let dashed = false;
  for (const line of content.split('\n')) {
    const d = /^\[(.*)\] [\d.]+ d$/.exec(line);
    if (d) dashed = d[1].trim() !== '';
    const m = /^(-?[\d.]+) (-?[\d.]+) m$/.exec(line);
    if (m) out.push({ x1: +m[1], y1: +m[2], x2: NaN, y2: NaN });
    const l = /^(-?[\d.]+) (-?[\d.]+) l$/.exec(line);
    if (l && out.length && Number.isNaN(out.at(-1)!.x2)) {
      if (dashed) Object.assign(out.at(-1)!, { x2: +l[1], y2: +l[2] });
      else out.pop();
    }
  }
  return out.filter((s) => !Number.isNaN(s.x2));
}

export interface GrayImage { width: number; height: number; dpi: number; data: Uint8Array }

/** Render every page with pdftoppm to 8-bit grey (0 = black). */
export function renderGray(file: string, dpi: number): GrayImage[] {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-ppm-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), file, join(dir, 'p')]);
    return readdirSync(dir).sort().map((f) => parsePgm(readFileSync(join(dir, f)), dpi));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePgm(buf: Buffer, dpi: number): GrayImage {
  // "P5\n<w> <h>\n<max>\n" then bytes.
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]))) tok += String.fromCharCode(buf[pos++]);
    tokens.push(tok);
  }
  pos++;
  if (tokens[0] !== 'P5') throw new Error(`not a binary PGM: ${tokens[0]}`);
  const width = Number(tokens[1]);
  const height = Number(tokens[2]);
  return { width, height, dpi, data: new Uint8Array(buf.buffer, buf.byteOffset + pos, width * height) };
}

/** Dark pixels (value < threshold) closer than `mm` to any paper edge. */
export function darkPixelsNearEdge(img: GrayImage, mm: number, threshold = 128): { x: number; y: number }[] {
  const band = Math.floor((mm / 25.4) * img.dpi);
  const out: { x: number; y: number }[] = [];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      if (x >= band && x < img.width - band && y >= band && y < img.height - band) continue;
      if (img.data[y * img.width + x] < threshold) out.push({ x, y });
    }
  return out;
}

/**
 * Square outlines in a rendering: a maximal horizontal dark run whose two ends start vertical
 * dark runs of about the same length, closed by a bottom run of that length. Sizes in mm.
 */
export function findSquares(img: GrayImage, minMm = 2, maxMm = 12, threshold = 128): { x: number; y: number; wMm: number; hMm: number }[] {
  const px = (mm: number) => (mm / 25.4) * img.dpi;
  const dark = (x: number, y: number) => x >= 0 && y >= 0 && x < img.width && y < img.height && img.data[y * img.width + x] < threshold;
  const run = (x: number, y: number, dx: number, dy: number) => {
    let n = 0;
    while (dark(x + n * dx, y + n * dy)) n++;
    return n;
  };
  const tol = 3;
  const found: { x: number; y: number; wMm: number; hMm: number }[] = [];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; ) {
      if (!dark(x, y)) { x++; continue; }
      const w = run(x, y, 1, 0);
      if (w >= px(minMm) && w <= px(maxMm) && !found.some((f) => Math.abs(f.x - x) <= tol && Math.abs(f.y - y) <= 2 * tol)) {
        const left = run(x, y, 0, 1);
        const right = run(x + w - 1, y, 0, 1);
        if (Math.abs(left - w) <= tol && Math.abs(right - w) <= tol) {
          const bottom = Math.max(run(x, y + left - 1, 1, 0), run(x, y + left - 2, 1, 0));
          if (Math.abs(bottom - w) <= tol) found.push({ x, y, wMm: (w / img.dpi) * 25.4, hMm: (left / img.dpi) * 25.4 });
        }
      }
      x += w;
    }
  }
  return found;
}
