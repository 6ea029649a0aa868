// Scorer stage 4 (measure): located page + layout boxes → raw metrics per box, no decisions.
// Each box is sampled on a small mm grid through the local affine of the homography (no full-page
// warp), re-registered on its own printed outline (±1 mm), then measured: ink coverage of the
// inner area, mean darkness, strong-ink coverage, largest ink-free hole, ink in the spill ring.
import type { Rect } from '../tally/layout-schema.js';
import type { LoadedPage } from './load-scan.js';
import { applyH, jacobian, type Mat3 } from './homography.js';
import { paperWhiteAt, type WorkingImage } from './locate-page.js';
import { MEASURE } from './thresholds.js';

export interface BoxMetrics {
  /** Fraction of the inner area (box minus outline margin) darker than MEASURE.inkDarkness. */
  ink: number;
  /** Fraction of the inner area darker than MEASURE.solidDarkness. */
  strong: number;
  /** Mean darkness (1 − grey/paper white) of the inner area. */
  mean: number;
  /** Largest 4-connected ink-free region of the inner area, as a fraction of it. */
  hole: number;
  /** mm. Largest extent (bounding box side) of the biggest 8-connected ink blob inside: a dot is < 1 mm, a tick ≥ 2.5 mm. */
  span: number;
  /** Like ink / span but at MEASURE.faintDarkness: light pencil after blur, used only to flag. */
  faint: number;
  faintSpan: number;
  /** Ink fraction in the spill ring around the box. */
  ring: number;
  /** How many of the ring's 4 sides carry ink (≥ half the ring threshold). */
  ringSides: number;
  /** Mean darkness on the found outline minus just outside it: how sure the position is. */
  outline: number;
  /** Re-registration shift found, mm (page axes). */
  dxMm: number;
  dyMm: number;
  /** Paper white used (grey level). */
  white: number;
}

interface Grid {
  raw: Uint8Array; // grey levels as sampled (darkness = 1 − raw / white)
  n: number; // samples per side
  step: number; // mm
  origin: number; // mm offset of sample 0 from the box's top-left, negative (the margin)
}

/**
 * Scratch buffers reused from box to box and page to page (one reader per thread): a page has
 * up to a few hundred boxes, and allocating their typed arrays afresh was a third of the
 * reader's garbage-collection time (measured with --cpu-prof on the bench's 200 dpi pages).
 */
const scratch = {
  grids: new Uint8Array(1 << 20),
  hist: new Uint32Array(256),
  col: new Float32Array(128),
  row: new Float32Array(128),
  free: new Uint8Array(4096),
  ink: new Uint8Array(4096),
  faint: new Uint8Array(4096),
  stack: new Int32Array(4096),
};

/** A zeroed scratch array of at least `n` elements (grown, never shrunk). */
function zeroed(key: 'free' | 'ink' | 'faint', n: number): Uint8Array {
  if (scratch[key].length < n) scratch[key] = new Uint8Array(n * 2);
  const a = scratch[key];
  a.fill(0, 0, n);
  return a;
}

function stackFor(n: number): Int32Array {
  if (scratch.stack.length < n) scratch.stack = new Int32Array(n * 2);
  return scratch.stack;
}

/** Sample a square region (box ± margin) in page mm, nearest neighbour through the local affine. */
function sampleBox(page: LoadedPage, work: WorkingImage, H: Mat3, r: Rect, marginMm: number, step: number, localWhite = true, into?: Uint8Array): Grid & { white: number } {
  const cx = r.xMm + r.wMm / 2, cy = r.yMm + r.hMm / 2;
  const J = jacobian(H, cx, cy);
  const c = applyH(H, cx, cy);
  const span = Math.max(r.wMm, r.hMm) + 2 * marginMm;
  const n = Math.ceil(span / step) + 1;
  const origin = -marginMm;
  const u0 = r.xMm + origin - cx, v0 = r.yMm + origin - cy; // relative to the centre, mm
  const W = page.width, Hh = page.height, g = page.gray;
  const raw = into ? into.subarray(0, n * n) : new Uint8Array(n * n);
  const hist = scratch.hist.fill(0);
  const sxu = J.dxdu * step, syu = J.dydu * step, sxv = J.dxdv * step, syv = J.dydv * step;
  let rx = c.x + J.dxdu * u0 + J.dxdv * v0, ry = c.y + J.dydu * u0 + J.dydv * v0;
  const fallback = Math.round(paperWhiteAt(work, c.x, c.y));
  // Whole region inside the image (the usual case): no bounds checks in the inner loop.
  const ex = rx + sxu * (n - 1), ey = ry + syu * (n - 1), fx = rx + sxv * (n - 1), fy = ry + syv * (n - 1);
  const gx = ex + sxv * (n - 1), gy = ey + syv * (n - 1);
  const inside = Math.min(rx, ex, fx, gx) >= 0 && Math.min(ry, ey, fy, gy) >= 0 && Math.max(rx, ex, fx, gx) < W - 1 && Math.max(ry, ey, fy, gy) < Hh - 1;
  for (let j = 0; j < n; j++) {
    let x = rx, y = ry;
    const row = j * n;
    if (inside) {
      for (let i = 0; i < n; i++) {
        raw[row + i] = g[(y | 0) * W + (x | 0)]!;
        x += sxu; y += syu;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const xi = x | 0, yi = y | 0;
        const v = xi >= 0 && yi >= 0 && xi < W && yi < Hh ? g[yi * W + xi]! : fallback;
        raw[row + i] = v;
        x += sxu; y += syu;
      }
    }
    rx += sxv; ry += syv;
  }
  // Local paper white = a high percentile of the region itself: most of box ± 2.8 mm is paper
  // even with a solid fill, and it follows shadows that the page-level map smooths over.
  // (every 3rd sample is plenty for a percentile)
  for (let k = 0; k < raw.length; k += 3) hist[raw[k]!]!++;
  let acc = 0, p80 = 255;
  const target = Math.ceil(raw.length / 3) * MEASURE.whitePercentile;
  for (let v = 0; v < 256; v++) { acc += hist[v]!; if (acc >= target) { p80 = v; break; } }
  const white = localWhite ? Math.max(1, p80, fallback * 0.5) : Math.max(1, fallback);
  return { raw, n, step, origin, white };
}

/** Column and row darkness profiles over the middle 80 % of the box (for outline registration). */
function profiles(grid: Grid & { white: number }, r: Rect): { col: Float32Array; row: Float32Array } {
  const { raw, n, step, origin, white } = grid;
  const band = (len: number) => [Math.max(0, Math.round((-origin + 0.1 * len) / step)), Math.min(n - 1, Math.round((-origin + 0.9 * len) / step))] as const;
  const [ya, yb] = band(r.hMm), [xa, xb] = band(r.wMm);
  if (scratch.col.length < n) { scratch.col = new Float32Array(n * 2); scratch.row = new Float32Array(n * 2); }
  const col = scratch.col.fill(0, 0, n), row = scratch.row;
  for (let y = 0; y < n; y++) {
    const inY = y >= ya && y <= yb;
    let rs = 0;
    const base = y * n;
    for (let x = 0; x < n; x++) {
      const d = white - raw[base + x]!;
      if (inY) col[x]! += d;
      if (x >= xa && x <= xb) rs += d;
    }
    row[y] = rs / ((xb - xa + 1) * white);
  }
  for (let x = 0; x < n; x++) col[x]! /= (yb - ya + 1) * white;
  return { col, row };
}

/** Best outline position along one axis: dark on the two edges, light just outside them. */
function registerAxis(prof: Float32Array, grid: Grid, len: number): { shift: number; contrast: number } {
  const { n, step, origin } = grid;
  const e0 = -origin / step; // sample index of the nominal left/top edge
  const e1 = (-origin + len) / step;
  const out = Math.max(1, Math.round(0.45 / step)); // just outside the outline
  const S = Math.round(MEASURE.searchMm / step);
  const at = (k: number) => prof[Math.min(n - 1, Math.max(0, Math.round(k)))]!;
  // take the darker of 3 samples around each edge: outline width/blur varies
  const edge = (k: number) => Math.max(at(k - 1), at(k), at(k + 1));
  let best = -Infinity, bestShift = 0;
  for (let s = -S; s <= S; s++) {
    const score = edge(e0 + s) + edge(e1 + s) - at(e0 + s - out) - at(e1 + s + out) - Math.abs(s) * step * 0.02;
    if (score > best) { best = score; bestShift = s; }
  }
  return { shift: bestShift, contrast: best / 2 };
}

export interface MeasureContext {
  page: LoadedPage;
  work: WorkingImage;
  H: Mat3;
}

export function measureBoxes(ctx: MeasureContext, boxes: readonly Rect[]): BoxMetrics[] {
  const { page, work, H } = ctx;
  if (!boxes.length) return [];
  // px per mm at the page centre decides the sampling step: never finer than the image itself.
  const mid = boxes[Math.floor(boxes.length / 2)]!;
  const J = jacobian(H, mid.xMm, mid.yMm);
  const pxPerMm = Math.sqrt(Math.abs(J.dxdu * J.dydv - J.dxdv * J.dydu));
  const step = Math.max(MEASURE.stepMm, 1 / pxPerMm);
  const margin = MEASURE.searchMm + MEASURE.ringOuterMm + 0.2;
  // All grids live in one pooled buffer: they are needed again after the neighbour pass.
  const sideOf = (r: Rect) => Math.ceil((Math.max(r.wMm, r.hMm) + 2 * margin) / step) + 1;
  const total = boxes.reduce((t, r) => t + sideOf(r) ** 2, 0);
  if (scratch.grids.length < total) scratch.grids = new Uint8Array(total * 2);
  let offset = 0;
  const grids = boxes.map((r) => {
    const g = sampleBox(page, work, H, r, margin, step, true, scratch.grids.subarray(offset));
    offset += g.n * g.n;
    return g;
  });
  // pass 1: each box's own outline shift
  const shifts = grids.map((g, k) => {
    const r = boxes[k]!;
    const p = profiles(g, r);
    const x = registerAxis(p.col, g, r.wMm);
    const y = registerAxis(p.row, g, r.hMm);
    return { sx: x.shift, sy: y.shift, q: Math.min(x.contrast, y.contrast) };
  });
  // pass 2: a shift that disagrees with its good neighbours (a heavy mark fooled the outline
  // search) is replaced by their median: the true field of shifts is smooth over ~15 mm.
  const final = shifts.map((s, k) => {
    const r = boxes[k]!;
    const near: { sx: number; sy: number }[] = [];
    for (let m = 0; m < boxes.length; m++) {
      const o = boxes[m]!;
      if (Math.abs(o.xMm - r.xMm) < 16 && Math.abs(o.yMm - r.yMm) < 16 && shifts[m]!.q > 0.12) near.push(shifts[m]!);
    }
    if (near.length < 3) return s;
    const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const mx = med(near.map((p) => p.sx)), my = med(near.map((p) => p.sy));
    const tol = Math.round(0.35 / step);
    if (Math.abs(s.sx - mx) > tol || Math.abs(s.sy - my) > tol || s.q < 0.12) return { sx: mx, sy: my, q: s.q };
    return s;
  });
  return grids.map((g, k) => metricsOf(g, boxes[k]!, final[k]!));
}

function metricsOf(g: Grid & { white: number }, r: Rect, s: { sx: number; sy: number; q: number }): BoxMetrics {
  const { raw, n, step, origin, white } = g;
  const ix = (mm: number) => Math.round((mm - origin) / step);
  const inset = MEASURE.innerInsetMm;
  const ax = ix(inset) + s.sx, bx = ix(r.wMm - inset) + s.sx;
  const ay = ix(inset) + s.sy, by = ix(r.hMm - inset) + s.sy;
  const inW = bx - ax + 1, inH = by - ay + 1;
  // thresholds as grey levels: darkness d = 1 − v / white  ⇔  v = white·(1 − d)
  const tInk = white * (1 - MEASURE.inkDarkness), tStrong = white * (1 - MEASURE.solidDarkness), tFaint = white * (1 - MEASURE.faintDarkness);
  let ink = 0, strong = 0, sum = 0, total = 0;
  const free = zeroed('free', inW * inH);
  for (let y = ay; y <= by; y++)
    for (let x = ax; x <= bx; x++) {
      const v = raw[y * n + x] ?? white;
      total++;
      if (v < white) sum += white - v;
      if (v < tInk) ink++; else free[(y - ay) * inW + (x - ax)] = 1;
      if (v < tStrong) strong++;
    }
  // largest ink-free 4-connected region (iterative flood fill); no ink → the whole area
  let hole = ink === 0 ? total : 0;
  const stack = stackFor(inW * inH);
  for (let i = 0; ink > 0 && i < inW * inH; i++) {
    if (free[i] !== 1) continue;
    let size = 0, top = 0;
    free[i] = 2; stack[top++] = i;
    while (top) {
      const p = stack[--top]!;
      size++;
      const px = p % inW, py = (p / inW) | 0;
      if (px > 0 && free[p - 1] === 1) { free[p - 1] = 2; stack[top++] = p - 1; }
      if (px < inW - 1 && free[p + 1] === 1) { free[p + 1] = 2; stack[top++] = p + 1; }
      if (py > 0 && free[p - inW] === 1) { free[p - inW] = 2; stack[top++] = p - inW; }
      if (py < inH - 1 && free[p + inW] === 1) { free[p + inW] = 2; stack[top++] = p + inW; }
    }
    if (size > hole) hole = size;
  }
  // biggest ink blob (8-connected) and its extent: separates dots/dust from strokes
  const inkMask = zeroed('ink', inW * inH), faintMask = zeroed('faint', inW * inH);
  let faint = 0;
  for (let y = ay; y <= by; y++)
    for (let x = ax; x <= bx; x++) {
      const v = raw[y * n + x] ?? white;
      const k = (y - ay) * inW + (x - ax);
      if (v < tInk) inkMask[k] = 1;
      if (v < tFaint) { faintMask[k] = 1; faint++; }
    }
  const span = ink ? biggestBlobExtent(inkMask, inW, inH) * step : 0;
  const faintSpan = faint ? biggestBlobExtent(faintMask, inW, inH) * step : 0;
  // spill ring, per side
  const ri = MEASURE.ringInnerMm, ro = MEASURE.ringOuterMm;
  const sides = [0, 0, 0, 0], sideN = [0, 0, 0, 0];
  const ox = ix(0) + s.sx, oy = ix(0) + s.sy, ex = ix(r.wMm) + s.sx, ey = ix(r.hMm) + s.sy;
  const i0 = Math.round(ri / step), i1 = Math.round(ro / step);
  for (let y = oy - i1; y <= ey + i1; y++) {
    if (y < 0 || y >= n) continue;
    for (let x = ox - i1; x <= ex + i1; x++) {
      if (x < 0 || x >= n) continue;
      const inside = x > ox - i0 && x < ex + i0 && y > oy - i0 && y < ey + i0;
      if (inside) continue;
      // side by the nearest box edge
      const dl = ox - x, dr = x - ex, dt = oy - y, db = y - ey;
      const m = Math.max(dl, dr, dt, db);
      const side = m === dt ? 0 : m === dr ? 1 : m === db ? 2 : 3;
      sideN[side]!++;
      if (raw[y * n + x]! < tInk) sides[side]!++;
    }
  }
  const ringTotal = sideN.reduce((a, b) => a + b, 0);
  const ringInk = sides.reduce((a, b) => a + b, 0);
  return {
    ink: ink / total,
    strong: strong / total,
    mean: sum / total / white,
    hole: hole / total,
    span,
    faint: faint / total,
    faintSpan,
    ring: ringTotal ? ringInk / ringTotal : 0,
    ringSides: sides.filter((c, k) => sideN[k]! && c / sideN[k]! > 0.05).length,
    outline: s.q,
    dxMm: s.sx * step,
    dyMm: s.sy * step,
    white: g.white,
  };
}

/** Dark fraction of each rectangle's inner 70 % (code boxes: filled black = 1). No re-registration: they are solid. */
export function darkFractions(ctx: MeasureContext, rects: readonly Rect[]): number[] {
  const { page, work, H } = ctx;
  return rects.map((r) => {
    const g = sampleBox(page, work, H, { xMm: r.xMm + r.wMm * 0.15, yMm: r.yMm + r.hMm * 0.15, wMm: r.wMm * 0.7, hMm: r.hMm * 0.7 }, 0, Math.min(0.15, r.wMm / 12), false);
    const span = Math.round((r.wMm * 0.7) / g.step);
    let dark = 0, tot = 0;
    for (let y = 0; y <= span && y < g.n; y++)
      for (let x = 0; x <= span && x < g.n; x++) { tot++; if (g.raw[y * g.n + x]! < g.white * 0.55) dark++; }
    return tot ? dark / tot : 0;
  });
}

/** Longest bounding-box side (in samples) of the largest 8-connected blob of 1s; clears the mask. */
function biggestBlobExtent(mask: Uint8Array, w: number, h: number): number {
  let best = 0, bestSize = 0;
  // each pixel is pushed at most once, so w·h slots suffice
  const stack = stackFor(w * h);
  for (let i = 0; i < w * h; i++) {
    if (mask[i] !== 1) continue;
    let size = 0, minX = w, maxX = -1, minY = h, maxY = -1, top = 0;
    mask[i] = 2; stack[top++] = i;
    while (top) {
      const p = stack[--top]!;
      size++;
      const px = p % w, py = (p / w) | 0;
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const qx = px + dx, qy = py + dy;
          if (qx < 0 || qy < 0 || qx >= w || qy >= h) continue;
          const q = qy * w + qx;
          if (mask[q] === 1) { mask[q] = 2; stack[top++] = q; }
        }
    }
    if (size > bestSize) { bestSize = size; best = Math.max(maxX - minX + 1, maxY - minY + 1); }
  }
  return best;
}
