// Seeded synthetic corpus: a filled tally page (printed sheet + human-like marks) pushed through a
// damage family (scanner or phone photo) and encoded like a real file. Ground truth = what was drawn.
// The printed sheet comes from a "paper source": the real tally PDF rendered by pdf.js when the
// builder is available, else the hand-made synthetic layout drawn directly.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { TallyLayout, TallyPage } from '../../src/tally/layout-schema.js';
import { fitHomography } from '../../src/omr/homography.js';
import { makeRng, type Rng } from './prng.js';
import { fillPage, penGrey, type Pen, type Truth } from './draw-marks.js';
import { drawBlankSheet } from './synthetic-layout.js';
import { addNoise, blurGray, dither, lighting, photocopy, threshold, warpRgba } from './damage.js';

export type Family = 'clean' | 'scanner' | 'photo';

/** Draws the printed, unfilled page onto ctx whose transform is already page-mm → px. */
export type PaperSource = (ctx: SKRSContext2D, layout: TallyLayout, page: TallyPage, pxPerMm: number) => Promise<void>;

export const syntheticPaper: PaperSource = (ctx, layout, page) => drawBlankSheet(ctx, layout, page);

export interface CorpusCase {
  seed: number;
  family: Family;
  layout: TallyLayout;
  pageIndex: number;
  truth: Map<string, Truth>;
  /** Marks that did not survive into the pixels (light pencil under a 1-bit threshold): no reader can see them. */
  invisible: Set<string>;
  bytes: Buffer;
  ext: 'jpg' | 'png' | 'tif';
  /** Clockwise quarter turn of the content in the image. */
  orientation: 0 | 90 | 180 | 270;
  params: Record<string, string | number | boolean>;
}

async function paper(layout: TallyLayout, page: TallyPage, dpi: number, rng: Rng, source: PaperSource): Promise<{ canvas: Canvas; truth: Map<string, Truth>; pens: Map<string, Pen> }> {
  const k = dpi / 25.4;
  const { widthMm: W, heightMm: H } = layout.pageSize;
  const canvas = createCanvas(Math.round(W * k), Math.round(H * k));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(k, 0, 0, k, 0, 0);
  await source(ctx, layout, page, k);
  ctx.setTransform(k, 0, 0, k, 0, 0);
  const pens = new Map<string, Pen>();
  const truth = fillPage(ctx, page, rng, layout.markingRule, pens);
  return { canvas, truth, pens };
}

/** Pin some damage parameters (throughput sets: fixed dpi, JPEG). */
export interface Force { dpi?: number; mode?: 'jpeg' | 'png' | 'bw-threshold' | 'bw-dither'; quality?: number }

export async function makeCase(seed: number, family: Family, layouts: TallyLayout[], source: PaperSource = syntheticPaper, force: Force = {}): Promise<CorpusCase> {
  const rng = makeRng(seed * 7919 + (family === 'photo' ? 2 : family === 'scanner' ? 1 : 0));
  const layout = rng.pick(layouts);
  const pageIndex = rng.int(0, layout.pages.length - 1);
  const page = layout.pages[pageIndex]!;
  const { widthMm: W, heightMm: H } = layout.pageSize;
  const params: CorpusCase['params'] = { layout: layout.kind };

  if (family === 'photo') return photoCase();

  // ---- scanner / clean: render the paper, then one affine "print + scan" transform.
  const dpiPick = family === 'clean' ? 200 : rng.pick([150, 200, 200, 300, 300, 400, 600]);
  const dpi = force.dpi ?? dpiPick;
  const paperDpi = Math.min(300, Math.max(200, dpi));
  const { canvas: sheet, truth, pens } = await paper(layout, page, paperDpi, rng, source);
  const invisible = new Set<string>();
  const quarter = family === 'clean' ? 0 : rng.pick([0, 0, 1, 2, 3] as const);
  const skewDeg = family === 'clean' ? 0 : rng.chance(0.2) ? rng.range(-10, 10) : rng.normal() * 1.5;
  const printScale = family === 'clean' ? 1 : rng.chance(0.3) ? rng.range(0.85, 1.05) : 1;
  Object.assign(params, { dpi, quarter, skewDeg: +skewDeg.toFixed(2), printScale: +printScale.toFixed(3) });
  const k = dpi / 25.4;
  // Scanner bed: the skewed page's bounding box + a few mm (a flatbed larger than the sheet), so
  // a rotated page keeps its corners; an ADF that cuts the corners off is a different failure.
  const rad = (Math.abs(skewDeg) * Math.PI) / 180;
  const bbW = (W * Math.cos(rad) + H * Math.sin(rad)) * printScale, bbH = (W * Math.sin(rad) + H * Math.cos(rad)) * printScale;
  const outW0 = Math.round((Math.max(W, bbW) + 8) * k), outH0 = Math.round((Math.max(H, bbH) + 8) * k);
  const outW = quarter % 2 ? outH0 : outW0, outH = quarter % 2 ? outW0 : outH0;
  const out = createCanvas(outW, outH);
  const ctx = out.getContext('2d');
  ctx.fillStyle = 'rgb(250,250,250)';
  ctx.fillRect(0, 0, outW, outH);
  ctx.translate(outW / 2, outH / 2);
  ctx.rotate((quarter * Math.PI) / 2 + (skewDeg * Math.PI) / 180);
  ctx.translate(rng.range(-2, 2) * k, rng.range(-2, 2) * k);
  const s = (printScale * dpi) / paperDpi;
  ctx.scale(s, s);
  ctx.translate(-sheet.width / 2, -sheet.height / 2);
  ctx.drawImage(sheet, 0, 0);
  const rgba = ctx.getImageData(0, 0, outW, outH).data;
  let gray: Uint8Array = new Uint8Array(outW * outH);
  for (let i = 0, j = 0; i < gray.length; i++, j += 4) gray[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;

  let ext: CorpusCase['ext'] = 'jpg';
  let bytes: Buffer;
  if (family === 'clean') {
    bytes = await sharp(gray, { raw: { width: outW, height: outH, channels: 1 } }).jpeg({ quality: 90 }).toBuffer();
  } else {
    const blur = rng.chance(0.5) ? rng.range(0.3, 1.2) * (dpi / 300) : 0;
    gray = await blurGray(gray, outW, outH, blur);
    const copy = rng.chance(0.15);
    if (copy) gray = await photocopy(gray, outW, outH, rng);
    const noise = rng.range(0, 10);
    addNoise(gray, noise, rng);
    const modePick = rng.pick(['jpeg', 'jpeg', 'jpeg', 'jpeg', 'jpeg', 'png', 'bw-threshold', 'bw-dither'] as const);
    const mode = force.mode ?? modePick;
    Object.assign(params, { blur: +blur.toFixed(2), copy, noise: +noise.toFixed(1), mode });
    if (mode === 'jpeg') {
      const qPick = rng.int(40, 95);
      const quality = force.quality ?? qPick;
      params.quality = quality;
      bytes = await sharp(gray, { raw: { width: outW, height: outH, channels: 1 } }).jpeg({ quality }).toBuffer();
    } else if (mode === 'png') {
      ext = 'png';
      bytes = await sharp(gray, { raw: { width: outW, height: outH, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
    } else {
      if (mode === 'bw-threshold') {
        const t = rng.int(110, 160);
        threshold(gray, t);
        // a stroke whose darkest grey is above the cut (blur only lightens it) is gone
        for (const [id, pen] of pens) if (penGrey(pen) >= t - 8) invisible.add(id);
      }
      else dither(gray, outW, outH);
      ext = 'tif';
      // toColourspace('b-w') makes libvips write a true 1-bit image (G4 needs 1 bit/sample)
      bytes = await sharp(gray, { raw: { width: outW, height: outH, channels: 1 } }).toColourspace('b-w')
        .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: k, yres: k, resolutionUnit: 'inch' }) // sharp's xres is px per mm
        .toBuffer();
    }
  }
  return { seed, family, layout, pageIndex, truth, invisible, bytes, ext, orientation: (quarter * 90) as CorpusCase['orientation'], params };

  async function photoCase(): Promise<CorpusCase> {
    const paperDpi = 200;
    const { canvas: sheet, truth } = await paper(layout, page, paperDpi, rng, source);
    const kp = paperDpi / 25.4;
    // Camera: portrait 3:4 frame, 6–8 MP class. The page plane tilted ≤ 20° about a random in-plane
    // axis, rotated in-plane, perspective projection; 10–20 % of the frame is background.
    const portrait = H > W ? !rng.chance(0.15) : rng.chance(0.15);
    const outW = portrait ? 2250 : 3000, outH = portrait ? 3000 : 2250;
    const tilt = (rng.range(0, 20) * Math.PI) / 180;
    const axis = rng.range(0, Math.PI);
    const quarter = rng.pick([0, 0, 0, 2] as const) + ((portrait ? H > W : W > H) ? 0 : 1);
    const roll = (rng.range(-8, 8) * Math.PI) / 180 + (quarter * Math.PI) / 2;
    const fill = rng.range(0.78, 0.9);
    const corners = [[0, 0], [W, 0], [W, H], [0, H]] as const;
    const ca = Math.cos(axis), sa = Math.sin(axis);
    const project = (X: number, Y: number, f: number, Z0: number) => {
      // tilt about the axis (ca, sa, 0) through the page centre
      const x = X - W / 2, y = Y - H / 2;
      const along = x * ca + y * sa, across = -x * sa + y * ca;
      const acrossT = across * Math.cos(tilt), z = across * Math.sin(tilt);
      const xr = along * ca - acrossT * sa, yr = along * sa + acrossT * ca;
      const xr2 = xr * Math.cos(roll) - yr * Math.sin(roll), yr2 = xr * Math.sin(roll) + yr * Math.cos(roll);
      return { x: (f * xr2) / (Z0 + z), y: (f * yr2) / (Z0 + z) };
    };
    const Z0 = 400; // mm camera distance, ~phone held over an A4 page
    let pts = corners.map(([X, Y]) => project(X, Y, 1, Z0));
    const bw = Math.max(...pts.map((p) => p.x)) - Math.min(...pts.map((p) => p.x));
    const bh = Math.max(...pts.map((p) => p.y)) - Math.min(...pts.map((p) => p.y));
    const f = Math.min((outW * fill) / bw, (outH * fill) / bh);
    pts = corners.map(([X, Y]) => project(X, Y, f, Z0));
    const mx = (Math.max(...pts.map((p) => p.x)) + Math.min(...pts.map((p) => p.x))) / 2;
    const my = (Math.max(...pts.map((p) => p.y)) + Math.min(...pts.map((p) => p.y))) / 2;
    const ox = outW / 2 - mx + rng.range(-0.04, 0.04) * outW, oy = outH / 2 - my + rng.range(-0.04, 0.04) * outH;
    const dst = pts.map((p) => ({ x: p.x + ox, y: p.y + oy }));
    const src = corners.map(([X, Y]) => ({ x: X * kp, y: Y * kp }));
    const Hm = fitHomography(src, dst)!;
    // background: a table top, darker and textured
    const bg = createCanvas(outW, outH);
    const bctx = bg.getContext('2d');
    const base = rng.pick([[120, 90, 60], [80, 80, 85], [150, 140, 120], [40, 40, 45]]);
    bctx.fillStyle = `rgb(${base.join(',')})`;
    bctx.fillRect(0, 0, outW, outH);
    for (let i = 0; i < 40; i++) {
      bctx.strokeStyle = `rgba(${rng.int(0, 60)},${rng.int(0, 50)},${rng.int(0, 40)},0.25)`;
      bctx.lineWidth = rng.range(2, 20);
      bctx.beginPath();
      const y = rng.range(0, outH);
      bctx.moveTo(0, y);
      bctx.bezierCurveTo(outW / 3, y + rng.range(-80, 80), (2 * outW) / 3, y + rng.range(-80, 80), outW, y + rng.range(-80, 80));
      bctx.stroke();
    }
    const dstImg = bctx.getImageData(0, 0, outW, outH);
    const srcImg = sheet.getContext('2d').getImageData(0, 0, sheet.width, sheet.height);
    warpRgba(srcImg.data, sheet.width, sheet.height, dstImg.data, outW, outH, Array.from(Hm));
    // warm colour cast of indoor light, then gradient + shadow, focus blur, sensor noise
    const cast = [1, rng.range(0.93, 1), rng.range(0.82, 0.97)];
    const d = dstImg.data;
    for (let i = 0; i < d.length; i += 4) { d[i + 1] = d[i + 1]! * cast[1]!; d[i + 2] = d[i + 2]! * cast[2]!; }
    lighting(d, outW, outH, rng);
    const noise = rng.range(2, 7);
    addNoise(d, noise, rng, 4);
    const blur = rng.range(0.4, 1.3);
    const quality = rng.int(60, 92);
    const bytes = await sharp(Buffer.from(d.buffer, d.byteOffset, d.length), { raw: { width: outW, height: outH, channels: 4 } })
      .removeAlpha().blur(blur).jpeg({ quality }).toBuffer();
    Object.assign(params, { tiltDeg: +((tilt * 180) / Math.PI).toFixed(1), rollDeg: +((roll * 180) / Math.PI).toFixed(1), fill: +fill.toFixed(2), noise: +noise.toFixed(1), blur: +blur.toFixed(2), quality });
    return { seed, family, layout, pageIndex, truth, invisible: new Set(), bytes, ext: 'jpg', orientation: ((quarter % 4) * 90) as CorpusCase['orientation'], params };
  }
}
