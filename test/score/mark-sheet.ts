// Test helper: a tally PDF page → PNG (pdftoppm) → hand-like marks drawn in page millimetres →
// a JPEG/PNG "scan" for the scorer. Marks: tick, cross, fill (solid = cancel).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { TallyLayout } from '../../src/tally/layout-schema.js';

export type Mark = 'tick' | 'cross' | 'fill';

/** One PDF page (1-based) as PNG bytes at `dpi`. */
export function renderPage(pdf: string, page: number, dpi: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-render-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', '-singlefile', pdf, join(dir, 'p')]);
    return readFileSync(join(dir, 'p.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Draw marks on a rendered page; `marks` maps box id → mark. */
export async function markPage(png: Buffer, layout: TallyLayout, pageIndex: number, marks: Record<string, Mark>, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const s = meta.width! / layout.pageSize.widthMm;
  const page = layout.pages[pageIndex]!;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${meta.width}" height="${meta.height}">`;
  for (const [id, kind] of Object.entries(marks)) {
    const b = page.boxes.find((x) => x.id === id);
    if (!b) throw new Error(`no box ${id} on page ${pageIndex}`);
    const X = b.xMm * s, Y = b.yMm * s, W = b.wMm * s;
    const pen = `stroke="#1a2a80" stroke-width="${0.55 * s}" stroke-linecap="round" fill="none"`;
    if (kind === 'fill') svg += `<rect x="${X - 0.3 * s}" y="${Y - 0.3 * s}" width="${W + 0.6 * s}" height="${W + 0.6 * s}" fill="#1a2a80"/>`;
    else if (kind === 'cross') svg += `<path d="M${X + W * 0.15} ${Y + W * 0.15} L${X + W * 0.85} ${Y + W * 0.85} M${X + W * 0.85} ${Y + W * 0.15} L${X + W * 0.15} ${Y + W * 0.85}" ${pen}/>`;
    else svg += `<path d="M${X + W * 0.12} ${Y + W * 0.55} L${X + W * 0.4} ${Y + W * 0.88} L${X + W * 0.92} ${Y + W * 0.08}" ${pen}/>`;
  }
  svg += '</svg>';
  const img = sharp(png).composite([{ input: Buffer.from(svg) }]).flatten({ background: '#ffffff' });
  return format === 'jpeg' ? img.jpeg({ quality: 88 }).toBuffer() : img.png().toBuffer();
}
