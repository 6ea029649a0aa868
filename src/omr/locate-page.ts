// Scorer stage 2 (locate): greyscale page + candidate layouts → homography page-mm → image-px
// fitted on the printed fiducials, in any of 4 orientations, under skew, printer scaling and
// phone-photo perspective. Works on a downscaled copy (paper-white estimate → relative threshold →
// connected components → shape filter → geometric hypothesis test), then refines the mark centres
// at full resolution and fits a least-squares homography over all found marks.
import type { TallyLayout } from '../tally/layout-schema.js';
import type { LoadedPage } from './load-scan.js';
import { applyH, fitHomography, invertH, jacobian, type Mat3, type Pt } from './homography.js';
import { LOCATE } from './thresholds.js';

export interface WorkingImage {
  /** Integer downscale factor from the full-resolution page. */
  f: number;
  w: number;
  h: number;
  gray: Uint8Array;
  /** Paper-white estimate per block (bw × bh blocks of LOCATE.backgroundBlock working px). */
  bg: Float32Array;
  bw: number;
  bh: number;
}

export interface FiducialGeometry {
  key: string;
  widthMm: number;
  heightMm: number;
  fiducials: TallyLayout['fiducials'];
  layouts: TallyLayout[];
}

export interface PageLocation {
  /** page mm → full-resolution image px. */
  H: Mat3;
  /** image px → page mm. */
  Hinv: Mat3;
  orientation: 0 | 90 | 180 | 270;
  residualMm: number;
  geometry: FiducialGeometry;
  /** Fiducials used in the final fit. */
  used: number;
  score: number;
}

export type LocateResult =
  | { status: 'ok'; locations: PageLocation[]; work: WorkingImage }
  | { status: 'blank' | 'unlocated'; reason: string; work: WorkingImage };

interface Blob { area: number; cx: number; cy: number; l1: number; l2: number }

// ------------------------------------------------------------------ working copy

export function makeWorkingImage(page: LoadedPage): WorkingImage {
  const f = Math.max(1, Math.round(Math.max(page.width, page.height) / LOCATE.workingLongSide));
  const w = Math.floor(page.width / f), h = Math.floor(page.height / f);
  const gray = new Uint8Array(w * h);
  const src = page.gray, W = page.width;
  // 2×2 average at each cell's centre instead of the full f×f box: 4 reads per output pixel
  // whatever the resolution. Fiducials are ≥ 4 mm solid squares, so nothing of interest is
  // thinner than a cell; 1-bit input was already smoothed by the loader.
  const o = f >= 2 ? (f >> 1) - 1 : 0;
  const d = f >= 2 ? 1 : 0;
  for (let y = 0; y < h; y++) {
    const r0 = (y * f + o) * W, r1 = r0 + d * W;
    let out = y * w;
    for (let x = 0, sx = o; x < w; x++, sx += f) gray[out++] = (src[r0 + sx]! + src[r0 + sx + d]! + src[r1 + sx]! + src[r1 + sx + d]! + 2) >> 2;
  }
  const B = LOCATE.backgroundBlock;
  const bw = Math.ceil(w / B), bh = Math.ceil(h / B);
  const bmax = new Float32Array(bw * bh);
  const colBlock = new Int32Array(w);
  for (let x = 0; x < w; x++) colBlock[x] = (x / B) | 0;
  for (let y = 0; y < h; y++) {
    const base = ((y / B) | 0) * bw;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const k = base + colBlock[x]!;
      const v = gray[row + x]!;
      if (v > bmax[k]!) bmax[k] = v;
    }
  }
  // 3×3 block max (so a block inside a solid mark sees paper), then 3×3 mean (smooth the map).
  const mx = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) {
        const yy = by + j, xx = bx + i;
        if (yy >= 0 && yy < bh && xx >= 0 && xx < bw) m = Math.max(m, bmax[yy * bw + xx]!);
      }
      mx[by * bw + bx] = m;
    }
  const bg = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      let s = 0, c = 0;
      for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) {
        const yy = by + j, xx = bx + i;
        if (yy >= 0 && yy < bh && xx >= 0 && xx < bw) { s += mx[yy * bw + xx]!; c++; }
      }
      bg[by * bw + bx] = s / c;
    }
  return { f, w, h, gray, bg, bw, bh };
}

/** Paper white at a full-resolution image position (bilinear over the block map). */
export function paperWhiteAt(work: WorkingImage, x: number, y: number): number {
  const B = LOCATE.backgroundBlock * work.f;
  const gx = Math.min(Math.max(x / B - 0.5, 0), work.bw - 1), gy = Math.min(Math.max(y / B - 0.5, 0), work.bh - 1);
  const x0 = Math.floor(gx), y0 = Math.floor(gy);
  const x1 = Math.min(x0 + 1, work.bw - 1), y1 = Math.min(y0 + 1, work.bh - 1);
  const fx = gx - x0, fy = gy - y0;
  const b = work.bg;
  const top = b[y0 * work.bw + x0]! * (1 - fx) + b[y0 * work.bw + x1]! * fx;
  const bot = b[y1 * work.bw + x0]! * (1 - fx) + b[y1 * work.bw + x1]! * fx;
  return top * (1 - fy) + bot * fy;
}

// ------------------------------------------------------------------ components

function findBlobs(work: WorkingImage): { blobs: Blob[]; inkFraction: number; paperFraction: number } {
  const { w, h, gray, bg, bw } = work;
  const B = LOCATE.backgroundBlock;
  const ink = new Uint8Array(w * h);
  let inkCount = 0, paperCount = 0;
  const colBlock = new Int32Array(w);
  for (let x = 0; x < w; x++) colBlock[x] = (x / B) | 0;
  for (let y = 0; y < h; y++) {
    const base = ((y / B) | 0) * bw;
    for (let x = 0; x < w; x++) {
      const p = bg[base + colBlock[x]!]!;
      if (p < LOCATE.minPaper) continue;
      paperCount++;
      if (gray[y * w + x]! < p * (1 - LOCATE.inkContrast)) { ink[y * w + x] = 1; inkCount++; }
    }
  }
  // Two-pass 4-connected labelling with union-find.
  const labels = new Int32Array(w * h);
  const parent: number[] = [0];
  const find = (a: number) => {
    while (parent[a] !== a) { parent[a] = parent[parent[a]!]!; a = parent[a]!; }
    return a;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!ink[i]) continue;
      const up = y > 0 ? labels[i - w]! : 0;
      const left = x > 0 ? labels[i - 1]! : 0;
      if (!up && !left) { const l = parent.length; parent.push(l); labels[i] = l; }
      else if (up && left && up !== left) {
        const a = find(up), b = find(left);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        labels[i] = Math.min(a, b);
      } else labels[i] = up || left;
    }
  }
  const n = parent.length;
  const root = new Int32Array(n);
  for (let l = 1; l < n; l++) root[l] = find(l);
  const A = new Float64Array(n), SX = new Float64Array(n), SY = new Float64Array(n);
  const SXX = new Float64Array(n), SYY = new Float64Array(n), SXY = new Float64Array(n);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const l = labels[y * w + x]!;
      if (!l) continue;
      const r = root[l]!;
      A[r]!++; SX[r]! += x; SY[r]! += y; SXX[r]! += x * x; SYY[r]! += y * y; SXY[r]! += x * y;
    }
  }
  const maxArea = (Math.max(w, h) / 12) ** 2;
  const blobs: Blob[] = [];
  for (let r = 1; r < n; r++) {
    const a = A[r]!;
    if (a < LOCATE.minArea || a > maxArea) continue;
    const cx = SX[r]! / a, cy = SY[r]! / a;
    // +1/12: variance of a unit pixel, so small blobs are not judged too "thin".
    const vxx = SXX[r]! / a - cx * cx + 1 / 12, vyy = SYY[r]! / a - cy * cy + 1 / 12, vxy = SXY[r]! / a - cx * cy;
    const tr = vxx + vyy, det = vxx * vyy - vxy * vxy;
    if (det <= 0) continue;
    const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
    const l1 = tr / 2 + disc, l2 = tr / 2 - disc;
    if (l2 <= 0) continue;
    const compact = a / (12 * Math.sqrt(det));
    if (compact < LOCATE.compactness[0] || compact > LOCATE.compactness[1]) continue;
    if (Math.sqrt(l1 / l2) > LOCATE.maxElongation) continue;
    blobs.push({ area: a, cx: cx + 0.5, cy: cy + 0.5, l1, l2 });
  }
  return { blobs, inkFraction: paperCount ? inkCount / paperCount : 0, paperFraction: paperCount / (w * h) };
}

// ------------------------------------------------------------------ geometry hypotheses

export function fiducialGeometries(layouts: TallyLayout[]): FiducialGeometry[] {
  const map = new Map<string, FiducialGeometry>();
  for (const l of layouts) {
    const key = JSON.stringify([l.pageSize.widthMm, l.pageSize.heightMm, l.fiducials.map((f) => [f.id, f.xMm, f.yMm, f.wMm, f.hMm])]);
    const g = map.get(key);
    if (g) g.layouts.push(l);
    else map.set(key, { key, widthMm: l.pageSize.widthMm, heightMm: l.pageSize.heightMm, fiducials: l.fiducials, layouts: [l] });
  }
  return [...map.values()];
}

const centre = (r: { xMm: number; yMm: number; wMm: number; hMm: number }): Pt => ({ x: r.xMm + r.wMm / 2, y: r.yMm + r.hMm / 2 });

/** The 4 fiducials nearest the page corners, in cyclic order tl, tr, br, bl. */
function cornerFiducials(g: FiducialGeometry) {
  const targets: Pt[] = [{ x: 0, y: 0 }, { x: g.widthMm, y: 0 }, { x: g.widthMm, y: g.heightMm }, { x: 0, y: g.heightMm }];
  return targets.map((t) => {
    let best = g.fiducials[0]!;
    for (const f of g.fiducials) {
      const c = centre(f), b = centre(best);
      if (Math.hypot(c.x - t.x, c.y - t.y) < Math.hypot(b.x - t.x, b.y - t.y)) best = f;
    }
    return best;
  });
}

function orientationOf(H: Mat3, g: FiducialGeometry): PageLocation['orientation'] {
  const c = { x: g.widthMm / 2, y: g.heightMm / 2 };
  const a = applyH(H, c.x, c.y), b = applyH(H, c.x + 10, c.y);
  const deg = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  const q = ((Math.round(deg / 90) % 4) + 4) % 4;
  return (q * 90) as PageLocation['orientation'];
}

function anisotropy(H: Mat3, x: number, y: number): { ratio: number; scale: number } {
  const J = jacobian(H, x, y);
  const a = J.dxdu, b = J.dxdv, c = J.dydu, d = J.dydv;
  const s1 = a * a + b * b + c * c + d * d;
  const det = Math.abs(a * d - b * c);
  const disc = Math.sqrt(Math.max(0, s1 * s1 - 4 * det * det));
  const smax = Math.sqrt((s1 + disc) / 2), smin = Math.sqrt(Math.max(1e-12, (s1 - disc) / 2));
  return { ratio: smax / smin, scale: Math.sqrt(det) };
}

export function locatePage(page: LoadedPage, layouts: TallyLayout[], geometries = fiducialGeometries(layouts)): LocateResult {
  const work = makeWorkingImage(page);
  const { blobs, inkFraction, paperFraction } = findBlobs(work);
  if (paperFraction < 0.2) return { status: 'unlocated', reason: 'no paper found in the image (too dark)', work };
  if (inkFraction < 0.0015) return { status: 'blank', reason: 'no printed content found', work };
  if (blobs.length < 4) return { status: 'unlocated', reason: `corner marks not found (${blobs.length} candidate marks)`, work };

  const dirs = [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const; // image tl, tr, br, bl
  const perDir = dirs.map(([dx, dy]) =>
    [...blobs].sort((p, q) => q.cx * dx + q.cy * dy - (p.cx * dx + p.cy * dy)).slice(0, LOCATE.perCorner));

  const hyps: PageLocation[] = [];
  for (const g of geometries) {
    const corners = cornerFiducials(g);
    const cornerPts = corners.map(centre);
    const extras = g.fiducials.filter((f) => !corners.includes(f));
    const K = LOCATE.perCorner;
    for (let i0 = 0; i0 < Math.min(K, perDir[0]!.length); i0++)
      for (let i1 = 0; i1 < Math.min(K, perDir[1]!.length); i1++)
        for (let i2 = 0; i2 < Math.min(K, perDir[2]!.length); i2++)
          for (let i3 = 0; i3 < Math.min(K, perDir[3]!.length); i3++) {
            const quad = [perDir[0]![i0]!, perDir[1]![i1]!, perDir[2]![i2]!, perDir[3]![i3]!];
            if (new Set(quad).size < 4) continue;
            const areas = quad.map((b) => b.area);
            if (Math.max(...areas) / Math.min(...areas) > 3) continue;
            // image side lengths of the quad (tl→tr, tr→br, br→bl, bl→tl)
            const side = [0, 1, 2, 3].map((k) => Math.hypot(quad[(k + 1) % 4]!.cx - quad[k]!.cx, quad[(k + 1) % 4]!.cy - quad[k]!.cy));
            for (let rot = 0; rot < 4; rot++) {
              // cheap pre-check before fitting: the sides that carry the page width vs height must
              // have about the page's aspect (perspective ≤ 20° changes it by < 30 %)
              const across = (side[rot % 4]! + side[(rot + 2) % 4]!) / 2, down = (side[(rot + 1) % 4]! + side[(rot + 3) % 4]!) / 2;
              const aspect = across / down / (g.widthMm / g.heightMm);
              if (aspect < 0.7 || aspect > 1.43) continue;
              // layout corner k ↦ image corner (k + rot) % 4 (clockwise quarter turns)
              const dst = cornerPts.map((_, k) => ({ x: quad[(k + rot) % 4]!.cx * work.f, y: quad[(k + rot) % 4]!.cy * work.f }));
              const H = fitHomography(cornerPts, dst);
              if (!H) continue;
              const an = anisotropy(H, g.widthMm / 2, g.heightMm / 2);
              if (an.ratio > LOCATE.maxAnisotropy) continue;
              // fiducial sizes must agree with the scale the fit implies
              let ok = true;
              let areaErr = 0;
              for (let k = 0; k < 4; k++) {
                const f = corners[k]!;
                const c = centre(f);
                const s = anisotropy(H, c.x, c.y).scale / work.f; // working px per mm
                const predicted = f.wMm * f.hMm * s * s;
                const ratio = quad[(k + rot) % 4]!.area / predicted;
                if (ratio < LOCATE.areaRatio[0] || ratio > LOCATE.areaRatio[1]) { ok = false; break; }
                areaErr += Math.abs(Math.log(ratio));
              }
              if (!ok) continue;
              let matched = 0;
              const Hinv = invertH(H);
              for (const e of extras) {
                const c = centre(e);
                const p = applyH(H, c.x, c.y);
                let best = Infinity;
                for (const b of blobs) {
                  const d = Math.hypot(b.cx * work.f - p.x, b.cy * work.f - p.y);
                  if (d < best) {
                    const q = applyH(Hinv, b.cx * work.f, b.cy * work.f);
                    if (Math.hypot(q.x - c.x, q.y - c.y) <= LOCATE.extraMatchMm) best = d;
                  }
                }
                if (best < Infinity) matched++;
              }
              const score = 4 + matched * 2 - areaErr * 0.5;
              hyps.push({ H, Hinv, orientation: orientationOf(H, g), residualMm: 0, geometry: g, used: 4 + matched, score });
            }
          }
  }
  if (!hyps.length) return { status: 'unlocated', reason: 'corner marks not found in a consistent layout', work };
  hyps.sort((a, b) => b.score - a.score);
  // Keep the best hypothesis per (geometry, orientation): the 180° twin of a symmetric mark set
  // scores the same and is resolved by the QR / code boxes later.
  const best = hyps[0]!.score;
  const kept: PageLocation[] = [];
  for (const h of hyps) {
    if (h.score < best - 1.5) break;
    if (kept.some((k) => k.geometry === h.geometry && k.orientation === h.orientation)) continue;
    kept.push(refine(page, work, h));
  }
  kept.sort((a, b) => b.score - a.score || a.residualMm - b.residualMm);
  return { status: 'ok', locations: kept, work };
}

/** Re-find every fiducial at full resolution around its predicted centre and refit over all of them. */
function refine(page: LoadedPage, work: WorkingImage, h: PageLocation): PageLocation {
  const src: Pt[] = [], dst: Pt[] = [];
  for (const f of h.geometry.fiducials) {
    const c = centre(f);
    const p = refineMark(page, work, h.H, f);
    if (p) { src.push(c); dst.push(p); }
  }
  const H = src.length >= 4 ? fitHomography(src, dst) : null;
  if (!H) return { ...h, residualMm: Number.NaN };
  const Hinv = invertH(H);
  let ss = 0;
  for (let k = 0; k < src.length; k++) {
    const q = applyH(Hinv, dst[k]!.x, dst[k]!.y);
    ss += (q.x - src[k]!.x) ** 2 + (q.y - src[k]!.y) ** 2;
  }
  return { ...h, H, Hinv, used: src.length, residualMm: Math.sqrt(ss / src.length), orientation: orientationOf(H, h.geometry) };
}

/** Darkness-weighted centroid of the solid mark inside a window around its predicted centre (image px). */
function refineMark(page: LoadedPage, work: WorkingImage, H: Mat3, f: { xMm: number; yMm: number; wMm: number; hMm: number }): Pt | null {
  const c = centre(f);
  const p = applyH(H, c.x, c.y);
  const s = anisotropy(H, c.x, c.y).scale; // px per mm
  // window: the mark plus ~1.5 mm, well inside its ≥ 3 mm quiet zone
  const r = Math.ceil((Math.max(f.wMm, f.hMm) / 2 + 1.5) * s);
  const x0 = Math.max(0, Math.round(p.x - r)), x1 = Math.min(page.width - 1, Math.round(p.x + r));
  const y0 = Math.max(0, Math.round(p.y - r)), y1 = Math.min(page.height - 1, Math.round(p.y + r));
  if (x1 - x0 < 4 || y1 - y0 < 4) return null;
  const white = paperWhiteAt(work, p.x, p.y);
  let lo = 255;
  const g = page.gray, W = page.width;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) lo = Math.min(lo, g[y * W + x]!);
  if (white - lo < 40) return null;
  const t = (white + lo) / 2;
  let sw = 0, sx = 0, sy = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const v = g[y * W + x]!;
      if (v < t) { const wt = t - v; sw += wt; sx += wt * x; sy += wt * y; }
    }
  if (sw === 0) return null;
  const q = { x: sx / sw + 0.5, y: sy / sw + 0.5 };
  // A centroid far from the prediction means something else was in the window: do not use it.
  if (Math.hypot(q.x - p.x, q.y - p.y) > 1.5 * s) return null;
  return q;
}
