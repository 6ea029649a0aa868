// Scorer output helper: page + reading + layout → small PNG of the scan with every box outlined
// by its decision (marked green, empty grey, cancelled red, ambiguous orange) for review.
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { TallyLayout } from '../tally/layout-schema.js';
import type { LoadedPage } from './load-scan.js';
import type { PageReading } from './read-page.js';
import { applyH, jacobian } from './homography.js';
import { ANNOTATE } from './thresholds.js';

const COLOURS: Record<string, [number, number, number]> = {
  marked: [0x12, 0xa3, 0x12], empty: [0x9a, 0x9a, 0x9a], cancelled: [0xe0, 0x10, 0x10], ambiguous: [0xff, 0x8c, 0x00],
};
/** px. Height of the status line drawn over the top of the image. */
const HEADER_PX = 18;

/**
 * Outlines are drawn straight into the RGB pixels (a few hundred short lines); only the status
 * line goes through a canvas, at 18 px high. Round-tripping the whole page through a canvas
 * cost ~30 ms per page, as much as reading it (--cpu-prof of `hoctap score`).
 */
export async function annotatePage(page: LoadedPage, reading: PageReading, layout?: TallyLayout): Promise<Buffer> {
  const H = reading.homography;
  // shrink by a whole factor to about ANNOTATE.dpi on the page (by 4 when the page was not located)
  let f = 4;
  if (H && layout) {
    const J = jacobian(H, layout.pageSize.widthMm / 2, layout.pageSize.heightMm / 2);
    const pxPerMm = Math.sqrt(Math.abs(J.dxdu * J.dydv - J.dxdv * J.dydu));
    f = Math.max(1, Math.round((pxPerMm * 25.4) / ANNOTATE.dpi));
  }
  const scale = 1 / f;
  const w = Math.max(1, Math.floor(page.width / f)), h = Math.max(1, Math.floor(page.height / f));
  // the scratch buffer serves one call at a time (a worker annotates one page at a time)
  const own = !scratchBusy;
  scratchBusy = true;
  try {
    return await drawAndEncode(reading, layout, shrinkToRgb(page, f, w, h, ANNOTATE.greyLevels, own), w, h, scale);
  } finally {
    if (own) scratchBusy = false;
  }
}

async function drawAndEncode(reading: PageReading, layout: TallyLayout | undefined, rgb: Uint8Array, w: number, h: number, scale: number): Promise<Buffer> {
  const H = reading.homography;
  const img: Rgb = { data: rgb, w, h };
  if (H && layout) {
    const lp = layout.pages[reading.layoutPageIndex ?? -1];
    const byId = new Map(reading.boxes.map((b) => [b.id, b]));
    for (const b of lp?.boxes ?? []) {
      const r = byId.get(b.id);
      const dx = Number(r?.metrics.dxMm ?? 0), dy = Number(r?.metrics.dyMm ?? 0);
      const pad = 0.8;
      const pts = [[b.xMm - pad, b.yMm - pad], [b.xMm + b.wMm + pad, b.yMm - pad], [b.xMm + b.wMm + pad, b.yMm + b.hMm + pad], [b.xMm - pad, b.yMm + b.hMm + pad]]
        .map(([x, y]) => applyH(H, x! + dx, y! + dy)).map((p) => ({ x: p.x * scale, y: p.y * scale }));
      const colour = COLOURS[r?.state ?? 'ambiguous']!;
      const thick = r?.state === 'empty' ? 1 : 2;
      for (let k = 0; k < 4; k++) drawLine(img, pts[k]!, pts[(k + 1) % 4]!, thick, colour);
    }
  }
  const counts = ['marked', 'cancelled', 'ambiguous'].map((s) => `${s} ${reading.boxes.filter((b) => b.state === s).length}`).join(', ');
  drawHeader(img, `${reading.status}${reading.sheetId ? ' ' + reading.sheetId : ''}${reading.orientation ? ` rot ${reading.orientation}°` : ''}${reading.residualMm != null ? ` fit ${reading.residualMm} mm` : ''} — ${counts}${reading.reason ? ' — ' + reading.reason : ''}`, reading.status === 'ok');
  // PNG through libvips at a low compression level: 3–4× faster than the canvas encoder, and
  // these review images are read once and thrown away.
  return sharp(rgb, { raw: { width: w, height: h, channels: 3 } })
    .png({ compressionLevel: ANNOTATE.pngCompression, adaptiveFiltering: false }).toBuffer();
}

let rgbScratch = new Uint8Array(0);
let scratchBusy = false;

/**
 * f×f box average of the page into RGB with only `levels` grey levels (a power of 2). Few
 * levels: the scan noise in the low bits made the PNGs 7× larger and 3× slower to encode, and
 * a mark is as easy to see in 16 levels as in 256. Done here rather than by libvips because a
 * resize plus this expansion over libvips' fresh output buffer cost ~50 ms a page, this ~10 ms
 * (the buffer is reused; on this VM first-touched memory is expensive).
 */
function shrinkToRgb(page: LoadedPage, f: number, w: number, h: number, levels: number, scratch: boolean): Uint8Array {
  if (scratch && rgbScratch.length < w * h * 3) rgbScratch = new Uint8Array(w * h * 3);
  const rgb = scratch ? rgbScratch.subarray(0, w * h * 3) : new Uint8Array(w * h * 3);
  const src = page.gray, W = page.width;
  const step = 256 / levels, keep = 256 - step, mid = step >> 1, n = f * f, half = n >> 1;
  for (let y = 0; y < h; y++) {
    let o = y * w * 3;
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let j = 0; j < f; j++) { const row = (y * f + j) * W + x * f; for (let i = 0; i < f; i++) s += src[row + i]!; }
      const v = (((s + half) / n) & keep) | mid;
      rgb[o++] = v; rgb[o++] = v; rgb[o++] = v;
    }
  }
  return rgb;
}

interface Rgb { data: Uint8Array; w: number; h: number }

/** A straight line of `thick` px square dots from a to b (image px), clipped to the image. */
function drawLine(img: Rgb, a: { x: number; y: number }, b: { x: number; y: number }, thick: number, c: readonly number[]) {
  const [r, g, bl] = c as [number, number, number];
  const d = img.data;
  const steps = Math.max(1, Math.ceil(Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y))));
  const off = (thick - 1) >> 1;
  for (let i = 0; i <= steps; i++) {
    const x0 = Math.round(a.x + ((b.x - a.x) * i) / steps) - off, y0 = Math.round(a.y + ((b.y - a.y) * i) / steps) - off;
    for (let y = Math.max(0, y0); y < Math.min(img.h, y0 + thick); y++)
      for (let x = Math.max(0, x0); x < Math.min(img.w, x0 + thick); x++) { const o = (y * img.w + x) * 3; d[o] = r; d[o + 1] = g; d[o + 2] = bl; }
  }
}

/** The status line: text on a light band across the top, drawn on a small canvas and blended in. */
function drawHeader(img: Rgb, text: string, ok: boolean) {
  const hh = Math.min(HEADER_PX, img.h);
  const canvas = createCanvas(img.w, hh);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = ok ? '#000' : '#c00';
  ctx.font = '12px sans-serif';
  ctx.fillText(text, 4, 13);
  const t = ctx.getImageData(0, 0, img.w, hh).data;
  // band: 85 % white over the scan; then the text by its coverage (alpha)
  for (let i = 0, j = 0; i < img.w * hh; i++, j += 4) {
    const alpha = t[j + 3]! / 255;
    for (let ch = 0; ch < 3; ch++) {
      const band = img.data[i * 3 + ch]! * 0.15 + 255 * 0.85;
      img.data[i * 3 + ch] = Math.round(band * (1 - alpha) + t[j + ch]! * alpha);
    }
  }
}
