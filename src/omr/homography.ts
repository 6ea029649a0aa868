// Scorer geometry helpers: projective transform (3×3, row-major) fitted by normalised DLT with
// least squares over ≥ 4 point pairs, application and inversion. Pure math, no pixels.

export type Mat3 = Float64Array; // length 9, row-major
export interface Pt { x: number; y: number }

export function applyH(H: ArrayLike<number>, x: number, y: number): Pt {
  const z = H[6]! * x + H[7]! * y + H[8]!;
  return { x: (H[0]! * x + H[1]! * y + H[2]!) / z, y: (H[3]! * x + H[4]! * y + H[5]!) / z };
}

export function invertH(m: ArrayLike<number>): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = Array.from(m) as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return Float64Array.from([A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d].map((v) => v / det));
}

export function multiplyH(a: ArrayLike<number>, b: ArrayLike<number>): Mat3 {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
  return out;
}

/** Similarity that moves the points' centroid to 0 and their mean distance to √2 (Hartley normalisation). */
function normaliser(pts: Pt[]): Mat3 {
  let cx = 0, cy = 0;
  for (const p of pts) { cx += p.x; cy += p.y; }
  cx /= pts.length; cy /= pts.length;
  let d = 0;
  for (const p of pts) d += Math.hypot(p.x - cx, p.y - cy);
  d /= pts.length;
  const s = d > 0 ? Math.SQRT2 / d : 1;
  return Float64Array.from([s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1]);
}

/**
 * H with dst ≈ H·src. Least squares with h33 = 1 fixed (8 unknowns, normal equations), on
 * normalised coordinates so the system is well conditioned. Undefined (null) for < 4 pairs or
 * degenerate configurations.
 */
export function fitHomography(src: Pt[], dst: Pt[]): Mat3 | null {
  const n = src.length;
  if (n < 4 || dst.length !== n) return null;
  const Ts = normaliser(src), Td = normaliser(dst);
  const AtA = new Float64Array(64);
  const Atb = new Float64Array(8);
  const row = new Float64Array(8);
  for (let k = 0; k < n; k++) {
    const s = applyH(Ts, src[k]!.x, src[k]!.y);
    const d = applyH(Td, dst[k]!.x, dst[k]!.y);
    for (let eq = 0; eq < 2; eq++) {
      if (eq === 0) row.set([s.x, s.y, 1, 0, 0, 0, -s.x * d.x, -s.y * d.x]);
      else row.set([0, 0, 0, s.x, s.y, 1, -s.x * d.y, -s.y * d.y]);
      const b = eq === 0 ? d.x : d.y;
      for (let i = 0; i < 8; i++) {
        Atb[i]! += row[i]! * b;
        for (let j = 0; j < 8; j++) AtA[i * 8 + j]! += row[i]! * row[j]!;
      }
    }
  }
  const h = solve(AtA, Atb, 8);
  if (!h) return null;
  const Hn = Float64Array.from([h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1]);
  const H = multiplyH(invertH(Td), multiplyH(Hn, Ts));
  const z = H[8]!;
  if (!Number.isFinite(z) || Math.abs(z) < 1e-15) return null;
  for (let i = 0; i < 9; i++) H[i]! /= z;
  return H;
}

/** The affine map (last row 0 0 1) taking 3 points onto 3 points; null when they are collinear. */
export function fitAffine(src: Pt[], dst: Pt[]): Mat3 | null {
  if (src.length !== 3 || dst.length !== 3) return null;
  const A = Float64Array.from(src.flatMap((p) => [p.x, p.y, 1]));
  const ax = solve(A, Float64Array.from(dst.map((p) => p.x)), 3);
  const ay = solve(A, Float64Array.from(dst.map((p) => p.y)), 3);
  if (!ax || !ay) return null;
  return Float64Array.from([ax[0]!, ax[1]!, ax[2]!, ay[0]!, ay[1]!, ay[2]!, 0, 0, 1]);
}

/** Gaussian elimination with partial pivoting; null when singular. */
function solve(A: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]!) > Math.abs(M[p * n + c]!)) p = r;
    if (Math.abs(M[p * n + c]!) < 1e-12) return null;
    if (p !== c) {
      for (let k = 0; k < n; k++) { const t = M[c * n + k]!; M[c * n + k] = M[p * n + k]!; M[p * n + k] = t; }
      const t = x[c]!; x[c] = x[p]!; x[p] = t;
    }
    for (let r = c + 1; r < n; r++) {
      const f = M[r * n + c]! / M[c * n + c]!;
      if (f === 0) continue;
      for (let k = c; k < n; k++) M[r * n + k]! -= f * M[c * n + k]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let k = r + 1; k < n; k++) s -= M[r * n + k]! * x[k]!;
    x[r] = s / M[r * n + r]!;
  }
  return x;
}

/** Local linear approximation of H at (x, y): image px per page mm along u and v. */
export function jacobian(H: ArrayLike<number>, x: number, y: number): { dxdu: number; dydu: number; dxdv: number; dydv: number } {
  const e = 0.5;
  const p0 = applyH(H, x, y), pu = applyH(H, x + e, y), pv = applyH(H, x, y + e);
  return { dxdu: (pu.x - p0.x) / e, dydu: (pu.y - p0.y) / e, dxdv: (pv.x - p0.x) / e, dydv: (pv.y - p0.y) / e };
}
