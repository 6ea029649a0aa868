// QR module matrix from pdfmake's own encoder, so tally sheets can draw the QR as vector squares
// of an exact size in mm (pdfmake's `qr` node rounds the module size down to whole points).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const qrEnc = require('pdfmake/js/qrEnc.js').default as { measure: (node: Record<string, unknown>) => { _width: number; _canvas: { x: number; y: number; w: number; color: string }[] } };

/** Rows of modules (true = dark), no quiet zone; byte mode for anything not all-numeric. */
export function qrMatrix(text: string, eccLevel: 'L' | 'M' | 'Q' | 'H' = 'Q'): boolean[][] {
  const probe = qrEnc.measure({ qr: text, eccLevel, fit: 4000 });
  const first = probe._canvas.find((r) => r.color !== '#fff' && r.color !== undefined && r !== probe._canvas[0]);
  const mod = first?.w ?? 1;
  const n = Math.round(probe._width / mod);
  const rows = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  for (const r of probe._canvas.slice(1)) rows[Math.round(r.y / mod)]![Math.round(r.x / mod)] = true;
  return rows;
}
