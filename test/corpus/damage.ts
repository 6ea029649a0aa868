// Pixel-level damage for the synthetic corpus: blur, noise, photocopy, 1-bit by threshold or by
// dithering, lighting gradient + shadow, perspective warp. Greyscale or RGB(A) buffers in place.
import sharp from 'sharp';
import type { Rng } from './prng.js';

export async function blurGray(gray: Uint8Array, w: number, h: number, sigma: number): Promise<Uint8Array> {
  if (sigma < 0.3) return gray;
  const out = await sharp(gray, { raw: { width: w, height: h, channels: 1 } }).blur(sigma).toColourspace('b-w').raw().toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export function addNoise(px: Uint8Array | Uint8ClampedArray, sigma: number, rng: Rng, channels = 1): void {
  if (sigma <= 0) return;
  // Cheap gaussian-ish noise: table of normal deviates re-used with a random stride.
  const table = new Float32Array(4096);
  for (let i = 0; i < table.length; i++) table[i] = rng.normal() * sigma;
  let k = rng.int(0, 4095);
  const stride = rng.int(1, 97) | 1;
  for (let i = 0; i < px.length; i++) {
    if (channels === 4 && (i & 3) === 3) continue;
    k = (k + stride) & 4095;
    const v = px[i]! + table[k]!;
    px[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}

export function threshold(gray: Uint8Array, t: number): void {
  for (let i = 0; i < gray.length; i++) gray[i] = gray[i]! < t ? 0 : 255;
}

/** Floyd–Steinberg error diffusion to 1 bit (what cheap MFPs do in "text/photo" B&W mode). */
export function dither(gray: Uint8Array, w: number, h: number): void {
  const err = new Float32Array(gray.length);
  for (let i = 0; i < gray.length; i++) err[i] = gray[i]!;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const old = err[i]!;
      const nv = old < 128 ? 0 : 255;
      gray[i] = nv;
      const e = old - nv;
      if (x + 1 < w) err[i + 1]! += (e * 7) / 16;
      if (y + 1 < h) {
        if (x > 0) err[i + w - 1]! += (e * 3) / 16;
        err[i + w]! += (e * 5) / 16;
        if (x + 1 < w) err[i + w + 1]! += e / 16;
      }
    }
  }
}

/** One photocopy generation: toner contrast curve, slight blur, speckles. */
export async function photocopy(gray: Uint8Array, w: number, h: number, rng: Rng): Promise<Uint8Array> {
  const gamma = rng.range(1.3, 1.8);
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    const t = Math.pow(v / 255, gamma) * 1.15; // darkens mid greys, burns light greys to white
    lut[v] = Math.max(0, Math.min(255, Math.round(t * 255)));
  }
  for (let i = 0; i < gray.length; i++) gray[i] = lut[gray[i]!]!;
  const out = await blurGray(gray, w, h, rng.range(0.5, 1.0));
  const specks = Math.floor((w * h) / rng.range(20000, 60000));
  for (let s = 0; s < specks; s++) {
    const x = rng.int(1, w - 3), y = rng.int(1, h - 3);
    const r = rng.int(0, 1);
    for (let dy = 0; dy <= r; dy++) for (let dx = 0; dx <= r; dx++) out[(y + dy) * w + x + dx] = rng.int(20, 90);
  }
  return out;
}

/** Inverse 3×3 (row-major). */
export function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det, C / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}

/** Perspective warp of an RGBA source onto an RGBA destination already holding the background. H maps src px → dst px. */
export function warpRgba(src: Uint8ClampedArray, sw: number, sh: number, dst: Uint8ClampedArray, dw: number, dh: number, H: number[]): void {
  const M = invert3(H);
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      const z = M[6]! * x + M[7]! * y + M[8]!;
      const u = (M[0]! * x + M[1]! * y + M[2]!) / z;
      const v = (M[3]! * x + M[4]! * y + M[5]!) / z;
      if (u < 0 || v < 0 || u >= sw - 1 || v >= sh - 1) continue;
      const x0 = u | 0, y0 = v | 0, fx = u - x0, fy = v - y0;
      const i00 = (y0 * sw + x0) * 4, i10 = i00 + 4, i01 = i00 + sw * 4, i11 = i01 + 4;
      const o = (y * dw + x) * 4;
      for (let c = 0; c < 3; c++) {
        const top = src[i00 + c]! + (src[i10 + c]! - src[i00 + c]!) * fx;
        const bot = src[i01 + c]! + (src[i11 + c]! - src[i01 + c]!) * fx;
        dst[o + c] = top + (bot - top) * fy;
      }
      dst[o + 3] = 255;
    }
  }
}

/** Uneven light: linear gradient between two brightness levels + an optional soft-edged shadow band. */
export function lighting(rgba: Uint8ClampedArray, w: number, h: number, rng: Rng): void {
  const ang = rng.range(0, Math.PI * 2);
  const cx = Math.cos(ang), cy = Math.sin(ang);
  const lo = rng.range(0.6, 0.85), hi = rng.range(0.95, 1.05);
  const shadow = rng.chance(0.6);
  const sAng = rng.range(0, Math.PI * 2);
  const sx = Math.cos(sAng), sy = Math.sin(sAng);
  const sOff = rng.range(0.2, 0.45) * Math.min(w, h);
  const sDepth = rng.range(0.6, 0.8);
  const soft = rng.range(10, 60);
  const R = Math.hypot(w, h) / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const px = x - w / 2, py = y - h / 2;
      const t = ((px * cx + py * cy) / R + 1) / 2;
      let f = lo + (hi - lo) * t;
      if (shadow) {
        const d = px * sx + py * sy - sOff; // shadow where d > 0 (a corner of the page under a hand/phone)
        const k = d <= -soft ? 0 : d >= soft ? 1 : (d + soft) / (2 * soft);
        f *= 1 - (1 - sDepth) * k;
      }
      const o = (y * w + x) * 4;
      rgba[o] = rgba[o]! * f; rgba[o + 1] = rgba[o + 1]! * f; rgba[o + 2] = rgba[o + 2]! * f;
    }
  }
}
