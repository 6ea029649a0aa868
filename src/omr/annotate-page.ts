// Scorer output helper: page + reading + layout → small PNG of the scan with every box outlined
// by its decision (marked green, empty grey, cancelled red, ambiguous orange) for review.
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { TallyLayout } from '../tally/layout-schema.js';
import type { LoadedPage } from './load-scan.js';
import type { PageReading } from './read-page.js';
import { applyH, jacobian } from './homography.js';
import { ANNOTATE } from './thresholds.js';

const COLOURS: Record<string, string> = { marked: '#12a312', empty: '#9a9a9a', cancelled: '#e01010', ambiguous: '#ff8c00' };

export async function annotatePage(page: LoadedPage, reading: PageReading, layout?: TallyLayout): Promise<Buffer> {
  const H = reading.homography;
  // scale to ~ANNOTATE.dpi on the page (or 1/4 size when the page was not located)
  let scale = 0.25;
  if (H && layout) {
    const J = jacobian(H, layout.pageSize.widthMm / 2, layout.pageSize.heightMm / 2);
    const pxPerMm = Math.sqrt(Math.abs(J.dxdu * J.dydv - J.dxdv * J.dydu));
    scale = Math.min(1, ANNOTATE.dpi / 25.4 / pxPerMm);
  }
  const w = Math.max(1, Math.round(page.width * scale)), h = Math.max(1, Math.round(page.height * scale));
  // libvips shrinks and expands to RGBA in one pass; the canvas only draws the outlines.
  const rgba = await sharp(page.gray, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize(w, h, { kernel: 'linear' }).toColourspace('srgb').ensureAlpha().raw().toBuffer();
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(w, h);
  img.data.set(rgba);
  ctx.putImageData(img, 0, 0);
  if (H && layout) {
    const lp = layout.pages[reading.layoutPageIndex ?? -1];
    const byId = new Map(reading.boxes.map((b) => [b.id, b]));
    ctx.lineWidth = 2;
    for (const b of lp?.boxes ?? []) {
      const r = byId.get(b.id);
      const dx = Number(r?.metrics.dxMm ?? 0), dy = Number(r?.metrics.dyMm ?? 0);
      const pad = 0.8;
      const pts = [[b.xMm - pad, b.yMm - pad], [b.xMm + b.wMm + pad, b.yMm - pad], [b.xMm + b.wMm + pad, b.yMm + b.hMm + pad], [b.xMm - pad, b.yMm + b.hMm + pad]]
        .map(([x, y]) => applyH(H, x! + dx, y! + dy));
      ctx.strokeStyle = COLOURS[r?.state ?? 'ambiguous']!;
      ctx.lineWidth = r?.state === 'empty' ? 1 : 2;
      ctx.beginPath();
      pts.forEach((p, k) => (k ? ctx.lineTo(p.x * scale, p.y * scale) : ctx.moveTo(p.x * scale, p.y * scale)));
      ctx.closePath();
      ctx.stroke();
    }
  }
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(0, 0, w, 18);
  ctx.fillStyle = reading.status === 'ok' ? '#000' : '#c00';
  ctx.font = '12px sans-serif';
  const counts = ['marked', 'cancelled', 'ambiguous'].map((s) => `${s} ${reading.boxes.filter((b) => b.state === s).length}`).join(', ');
  ctx.fillText(`${reading.status}${reading.sheetId ? ' ' + reading.sheetId : ''}${reading.orientation ? ` rot ${reading.orientation}°` : ''}${reading.residualMm != null ? ` fit ${reading.residualMm} mm` : ''} — ${counts}${reading.reason ? ' — ' + reading.reason : ''}`, 4, 13);
  // PNG through libvips at a low compression level: 3–4× faster than the canvas encoder, and
  // these review images are read once and thrown away.
  const drawn = ctx.getImageData(0, 0, w, h).data;
  return sharp(Buffer.from(drawn.buffer, drawn.byteOffset, drawn.length), { raw: { width: w, height: h, channels: 4 } })
    .removeAlpha().png({ compressionLevel: ANNOTATE.pngCompression, adaptiveFiltering: false }).toBuffer();
}
