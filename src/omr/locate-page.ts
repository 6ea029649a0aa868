// Scorer stage 2 (locate): greyscale page + candidate layouts → homography page-mm → image-px
// fitted on the printed fiducials, in any of 4 orientations, under skew, printer scaling and
// phone-photo perspective. Works on a downscaled copy (paper-white estimate → relative threshold →
// connected components → shape filter → geometric hypothesis test, from four corners or, with one
// corner covered, three plus the side marks), then refines the mark centres at full resolution and
// fits a least-squares homography over all found marks.
import type { TallyLayout } from '../tally/layout-schema.js';
import type { LoadedPage } from './load-scan.js';
import { applyH, fitAffine, fitHomography, invertH, jacobian, type Mat3, type Pt } from './homography.js';
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
  /** A corner fiducial that was not found (covered, torn, folded): located from the others. */
  missing?: string;
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
  const B = LOCATE.backgroundBlock;
  const bw = Math.ceil(w / B), bh = Math.ceil(h / B);
  const bmax = new Uint8Array(bw * bh);
  // 2×2 average at each cell's centre instead of the full f×f box: 4 reads per output pixel
  // whatever the resolution. Fiducials are ≥ 4 mm solid squares, so nothing of interest is
  // thinner than a cell; 1-bit input was already smoothed by the loader. The block maximum
  // (paper white) is taken in the same pass: one walk over the page's memory, not two.
  const o = f >= 2 ? (f >> 1) - 1 : 0;
  const d = f >= 2 ? 1 : 0;
  for (let y = 0; y < h; y++) {
    const r0 = (y * f + o) * W, r1 = r0 + d * W;
    const base = ((y / B) | 0) * bw;
    let out = y * w;
    for (let bx = 0, x0 = 0; x0 < w; bx++, x0 += B) {
      let m = bmax[base + bx]!;
      const x1 = Math.min(w, x0 + B);
      for (let x = x0, sx = x0 * f + o; x < x1; x++, sx += f) {
        const v = (src[r0 + sx]! + src[r0 + sx + d]! + src[r1 + sx]! + src[r1 + sx + d]! + 2) >> 2;
        gray[out++] = v;
        if (v > m) m = v;
      }
      bmax[base + bx] = m;
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

/** Growable scratch for the run labelling; kept between pages (one reader per thread). */
const runs = { start: new Int32Array(1 << 14), end: new Int32Array(1 << 14), label: new Int32Array(1 << 14) };
const moments = { parent: new Int32Array(1 << 13), m: new Float64Array(6 << 13) };

function growRuns(n: number) {
  const grow = (a: Int32Array) => { const b = new Int32Array(n * 2); b.set(a); return b; };
  runs.start = grow(runs.start); runs.end = grow(runs.end); runs.label = grow(runs.label);
}

function growLabels(n: number) {
  const p = new Int32Array(n * 2); p.set(moments.parent); moments.parent = p;
  const m = new Float64Array(n * 12); m.set(moments.m); moments.m = m;
}

/**
 * Ink components of the working image with their area and second moments. Run-based: each
 * row's ink runs are unioned with the overlapping runs of the row above (4-connected), and a
 * run's moments are added in closed form. No per-pixel label image; thresholding is fused in.
 */
export function findBlobs(work: WorkingImage): { blobs: Blob[]; inkFraction: number; paperFraction: number } {
  const { w, h, gray, bg, bw, bh } = work;
  const B = LOCATE.backgroundBlock;
  // Ink threshold per block (−1 where the "paper" is too dark to be paper: nothing is ink there).
  const thrBlock = new Float32Array(bw * bh);
  let paperCount = 0;
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      const p = bg[by * bw + bx]!;
      if (p < LOCATE.minPaper) { thrBlock[by * bw + bx] = -1; continue; }
      thrBlock[by * bw + bx] = p * (1 - LOCATE.inkContrast);
      paperCount += (Math.min(w, (bx + 1) * B) - bx * B) * (Math.min(h, (by + 1) * B) - by * B);
    }
  const thr = new Float32Array(w);
  let parent = moments.parent, M = moments.m;
  let labelCount = 1; // label 0 unused
  const find = (a: number) => {
    while (parent[a] !== a) { parent[a] = parent[parent[a]!]!; a = parent[a]!; }
    return a;
  };
  let prevA = 0, prevB = 0; // run index range of the row above
  let nRuns = 0, inkCount = 0;
  for (let y = 0; y < h; y++) {
    if (y % B === 0) { const base = (y / B) * bw; for (let x = 0; x < w; x++) thr[x] = thrBlock[base + ((x / B) | 0)]!; }
    const row = y * w;
    const curA = nRuns;
    let j = prevA;
    let x = 0;
    while (x < w) {
      if (!(gray[row + x]! < thr[x]!)) { x++; continue; }
      const a = x;
      while (x < w && gray[row + x]! < thr[x]!) x++;
      const b = x - 1;
      if (nRuns >= runs.start.length) growRuns(nRuns);
      // union with every run above that overlaps [a, b]
      while (j < prevB && runs.end[j]! < a) j++;
      let label = 0;
      for (let k = j; k < prevB && runs.start[k]! <= b; k++) {
        const r = find(runs.label[k]!);
        if (!label) label = r;
        else if (r !== label) { const lo = Math.min(r, label), hi = Math.max(r, label); parent[hi] = lo; label = lo; }
      }
      if (!label) {
        if (labelCount >= parent.length) { growLabels(labelCount); parent = moments.parent; M = moments.m; }
        label = labelCount++;
        parent[label] = label;
        M.fill(0, label * 6, label * 6 + 6);
      }
      runs.start[nRuns] = a; runs.end[nRuns] = b; runs.label[nRuns] = label; nRuns++;
      // closed-form sums over x = a..b on row y
      const len = b - a + 1, sx = ((a + b) * len) / 2;
      const sxx = (b * (b + 1) * (2 * b + 1) - (a - 1) * a * (2 * a - 1)) / 6;
      const o = label * 6;
      M[o]! += len; M[o + 1]! += sx; M[o + 2]! += y * len; M[o + 3]! += sxx; M[o + 4]! += y * y * len; M[o + 5]! += y * sx;
      inkCount += len;
    }
    prevA = curA; prevB = nRuns;
    // only the previous row's runs are ever looked at again: restart the buffer when it is far along
    if (prevA > (runs.start.length >> 1)) {
      runs.start.copyWithin(0, prevA, prevB); runs.end.copyWithin(0, prevA, prevB); runs.label.copyWithin(0, prevA, prevB);
      prevB -= prevA; nRuns = prevB; prevA = 0;
    }
  }
  // fold every label's moments into its root
  for (let l = labelCount - 1; l >= 1; l--) {
    const r = find(l);
    if (r === l) continue;
    for (let k = 0; k < 6; k++) M[r * 6 + k]! += M[l * 6 + k]!;
  }
  const maxArea = (Math.max(w, h) / 12) ** 2;
  const blobs: Blob[] = [];
  for (let r = 1; r < labelCount; r++) {
    if (parent[r] !== r) continue;
    const o = r * 6;
    const a = M[o]!;
    if (a < LOCATE.minArea || a > maxArea) continue;
    const cx = M[o + 1]! / a, cy = M[o + 2]! / a;
    // +1/12: variance of a unit pixel, so small blobs are not judged too "thin".
    const vxx = M[o + 3]! / a - cx * cx + 1 / 12, vyy = M[o + 4]! / a - cy * cy + 1 / 12, vxy = M[o + 5]! / a - cx * cy;
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
  // No clean four-corner fit (every side mark found, sizes as predicted): one corner may be
  // covered, and other solid blobs (a filled box, the code boxes) can then make up a poor fit,
  // even a sideways one. Add the three-corner fits; the QR's position decides between them.
  const perfect = (h: PageLocation) => 4 + 2 * (h.geometry.fiducials.length - 4);
  if (!hyps.some((h) => h.score >= perfect(h) - 1.5)) hyps.push(...threeCornerHypotheses(work, blobs, perDir, geometries));
  if (!hyps.length) return { status: 'unlocated', reason: 'corner marks not found in a consistent layout', work };
  hyps.sort((a, b) => b.score - a.score);
  // Keep the best hypothesis per (geometry, orientation): the 180° twin of a symmetric mark set
  // scores the same and is resolved by the QR / code boxes later.
  const best = hyps[0]!.score;
  const kept: PageLocation[] = [];
  for (const h of hyps) {
    if (h.score < best - 1.5) break;
    if (kept.some((k) => k.geometry === h.geometry && k.orientation === h.orientation)) continue;
    const refined = refine(page, work, h);
    if (refined) kept.push(refined);
  }
  if (!kept.length) return { status: 'unlocated', reason: 'too few marks found again at full resolution for a fit', work };
  kept.sort((a, b) => b.score - a.score || a.residualMm - b.residualMm);
  return { status: 'ok', locations: kept, work };
}

/**
 * Fits tried when no four-corner fit is clean: one corner may be covered, torn off or folded
 * under. Three corners fix an affine map; it must then find both side marks (ml, mr) near
 * where it puts them, so five marks carry the fit. Perspective makes the affine prediction miss
 * by up to ~15 mm on the side of the missing corner, hence the wide search; a wrong pick is
 * caught later, because the QR is then not where the fit puts it.
 */
function threeCornerHypotheses(work: WorkingImage, blobs: Blob[], perDir: Blob[][], geometries: FiducialGeometry[]): PageLocation[] {
  const out: PageLocation[] = [];
  const K = LOCATE.perCorner;
  for (const g of geometries) {
    const corners = cornerFiducials(g);
    const extras = g.fiducials.filter((f) => !corners.includes(f));
    if (extras.length < 2) continue;
    for (let missing = 0; missing < 4; missing++) {
      const present = [0, 1, 2, 3].filter((k) => k !== missing);
      const src = present.map((k) => centre(corners[k]!));
      for (let rot = 0; rot < 4; rot++) {
        const lists = present.map((k) => perDir[(k + rot) % 4]!.slice(0, K));
        for (const a of lists[0]!) for (const b of lists[1]!) for (const c of lists[2]!) {
          const trio = [a, b, c];
          if (a === b || b === c || a === c) continue;
          const A = fitAffine(src, trio.map((q) => ({ x: q.cx * work.f, y: q.cy * work.f })));
          if (!A) continue;
          const an = anisotropy(A, g.widthMm / 2, g.heightMm / 2);
          if (an.ratio > LOCATE.maxAnisotropy || Math.sign(A[0]! * A[4]! - A[1]! * A[3]!) < 0) continue; // mirrored = wrong order
          const s = an.scale / work.f; // working px per mm
          let ok = true, areaErr = 0;
          present.forEach((k, i) => {
            const f = corners[k]!;
            const ratio = trio[i]!.area / (f.wMm * f.hMm * s * s);
            if (ratio < LOCATE.areaRatio[0] || ratio > LOCATE.areaRatio[1]) ok = false;
            areaErr += Math.abs(Math.log(ratio));
          });
          if (!ok) continue;
          // every side mark must be found near its affine prediction
          const srcAll = [...src], dstAll = trio.map((q) => ({ x: q.cx * work.f, y: q.cy * work.f }));
          for (const e of extras) {
            const p = applyH(A, centre(e).x, centre(e).y);
            let best: Blob | undefined, bestD = LOCATE.threeCornerSearchMm * s * work.f;
            const expected = e.wMm * e.hMm * s * s;
            for (const q of blobs) {
              const d = Math.hypot(q.cx * work.f - p.x, q.cy * work.f - p.y);
              const ratio = q.area / expected;
              if (d < bestD && !trio.includes(q) && ratio >= LOCATE.areaRatio[0] && ratio <= LOCATE.areaRatio[1]) { bestD = d; best = q; }
            }
            if (!best) { ok = false; break; }
            srcAll.push(centre(e)); dstAll.push({ x: best.cx * work.f, y: best.cy * work.f });
          }
          if (!ok) continue;
          const H = fitHomography(srcAll, dstAll);
          if (!H || anisotropy(H, g.widthMm / 2, g.heightMm / 2).ratio > LOCATE.maxAnisotropy) continue;
          out.push({ H, Hinv: invertH(H), orientation: orientationOf(H, g), residualMm: 0, geometry: g, used: srcAll.length, score: 3 + extras.length * 2 - areaErr * 0.5 - 1, missing: corners[missing]!.id });
        }
      }
    }
  }
  return out;
}

/** Re-find every fiducial at full resolution around its predicted centre and refit over all of
 *  them; null when fewer than four are found (the rough fit alone is not trusted to read boxes). */
function refine(page: LoadedPage, work: WorkingImage, h: PageLocation): PageLocation | null {
  const src: Pt[] = [], dst: Pt[] = [];
  for (const f of h.geometry.fiducials) {
    // a corner judged missing stays out: whatever covers it (a thumb, the table) is no mark
    if (f.id === h.missing) continue;
    const c = centre(f);
    const p = refineMark(page, work, h.H, f);
    if (p) { src.push(c); dst.push(p); }
  }
  const H = src.length >= 4 ? fitHomography(src, dst) : null;
  if (!H) return null;
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
