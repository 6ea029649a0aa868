// Scorer stage 3 (identify): located page candidates → which layout page this is. The QR is
// decoded from a small crop around where the layout says it is (which also settles the 180°
// ambiguity of a symmetric fiducial set: the wrong twin's crop holds no QR); if no QR reads,
// the code-box row is read through the homography and matched against the known page codes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { Rect, TallyLayout, TallyPage } from '../tally/layout-schema.js';
import type { LoadedPage } from './load-scan.js';
import { applyH, jacobian } from './homography.js';
import type { PageLocation, WorkingImage } from './locate-page.js';
import { darkFractions } from './measure-marks.js';
import { IDENTIFY } from './thresholds.js';

const require = createRequire(import.meta.url);
let zxingReady: Promise<unknown> | undefined;

/** Load the reader .wasm from the package (the default would fetch it from a CDN, which fails offline). */
export function ensureZXing(): Promise<unknown> {
  zxingReady ??= prepareZXingModule({
    overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer },
    fireImmediately: true,
  });
  return zxingReady;
}

export interface QrPayload { criteriaSetId: string; layoutHash: string; pageIndex: number; pageCount: number; serial: string }

/** `HT1|<criteriaSetId>|<layoutHash>|<pageIndex>|<pageCount>|<serial>` → fields, or null. */
export function parsePayload(text: string): QrPayload | null {
  const p = text.split('|');
  if (p.length !== 6 || p[0] !== 'HT1') return null;
  const pageIndex = Number(p[3]), pageCount = Number(p[4]);
  if (!Number.isInteger(pageIndex) || !Number.isInteger(pageCount)) return null;
  return { criteriaSetId: p[1]!, layoutHash: p[2]!, pageIndex, pageCount, serial: p[5]! };
}

export type SheetIdResult =
  | { status: 'ok'; layout: TallyLayout; page: TallyPage; method: 'qr' | 'code-boxes'; location: PageLocation; serial: string }
  | { status: 'foreign' | 'unidentified'; reason: string; location: PageLocation };

/** Decode the QR inside the page-mm rectangle `r` (plus margin) through the location's homography;
 *  with its text, how far (mm, page axes) the symbol's centre lies from the rectangle's centre. */
export async function decodeQrAt(page: LoadedPage, loc: PageLocation, r: Rect): Promise<{ text: string; offsetMm: number } | null> {
  await ensureZXing();
  const m = IDENTIFY.qrMarginMm;
  const corners = [[r.xMm - m, r.yMm - m], [r.xMm + r.wMm + m, r.yMm - m], [r.xMm + r.wMm + m, r.yMm + r.hMm + m], [r.xMm - m, r.yMm + r.hMm + m]]
    .map(([x, y]) => applyH(loc.H, x!, y!));
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.x))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.y))));
  const x1 = Math.min(page.width, Math.ceil(Math.max(...corners.map((c) => c.x))));
  const y1 = Math.min(page.height, Math.ceil(Math.max(...corners.map((c) => c.y))));
  if (x1 - x0 < 20 || y1 - y0 < 20) return null;
  const J = jacobian(loc.H, r.xMm + r.wMm / 2, r.yMm + r.hMm / 2);
  const pxPerMm = Math.sqrt(Math.abs(J.dxdu * J.dydv - J.dxdv * J.dydu));
  const tries = [Math.max(1, Math.floor(pxPerMm / IDENTIFY.qrPxPerMm))];
  if (tries[0]! > 1) tries.push(1); // a damaged code sometimes only reads at full resolution
  for (const d of tries) {
    const w = Math.floor((x1 - x0) / d), h = Math.floor((y1 - y0) / d);
    const rgba = new Uint8ClampedArray(w * h * 4);
    const g = page.gray, W = page.width;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let s = 0;
        for (let j = 0; j < d; j++) { const row = (y0 + y * d + j) * W + x0 + x * d; for (let i = 0; i < d; i++) s += g[row + i]!; }
        const v = s / (d * d);
        const o = (y * w + x) * 4;
        rgba[o] = rgba[o + 1] = rgba[o + 2] = v; rgba[o + 3] = 255;
      }
    // Fast pass first (a clean crop of a known-size QR), then zxing's harder search.
    for (const tryHarder of [false, true]) {
      try {
        const res = await readBarcodes({ data: rgba, width: w, height: h, colorSpace: 'srgb' } as ImageData, {
          formats: ['QRCode'], tryHarder, tryRotate: tryHarder, tryInvert: false, tryDownscale: false, maxNumberOfSymbols: 1,
        });
        const hit = res.find((x) => x.isValid && x.text);
        if (hit) {
          const c = hit.position;
          const at = applyH(loc.Hinv, x0 + ((c.topLeft.x + c.topRight.x + c.bottomLeft.x + c.bottomRight.x) / 4) * d, y0 + ((c.topLeft.y + c.topRight.y + c.bottomLeft.y + c.bottomRight.y) / 4) * d);
          return { text: hit.text, offsetMm: Math.hypot(at.x - (r.xMm + r.wMm / 2), at.y - (r.yMm + r.hMm / 2)) };
        }
      } catch {
        // a decoder failure on one crop is just "no QR here"
      }
    }
  }
  return null;
}

function qrRects(loc: PageLocation): Rect[] {
  const seen = new Map<string, Rect>();
  for (const l of loc.geometry.layouts) for (const p of l.pages) seen.set(`${p.qr.xMm},${p.qr.yMm},${p.qr.wMm},${p.qr.hMm}`, p.qr);
  return [...seen.values()];
}

export async function readSheetId(page: LoadedPage, work: WorkingImage, locations: PageLocation[], layouts: TallyLayout[]): Promise<SheetIdResult> {
  let foreign: { reason: string; location: PageLocation } | undefined;
  for (const loc of locations) {
    for (const r of qrRects(loc)) {
      const qr = await decodeQrAt(page, loc, r);
      if (!qr) continue;
      // A QR read away from where the fit puts it means the fit is wrong (a twin, or marks
      // confused with a solid box): its boxes would be read in the wrong places.
      if (qr.offsetMm > IDENTIFY.qrMaxOffsetMm) continue;
      const p = parsePayload(qr.text);
      if (!p) { foreign ??= { reason: 'the QR code is not a hoctap tally sheet code', location: loc }; continue; }
      const layout = layouts.find((l) => l.layoutHash === p.layoutHash);
      const lp = layout?.pages[p.pageIndex];
      if (!layout || !lp) {
        foreign ??= { reason: `the sheet belongs to an unknown layout (${p.criteriaSetId}, ${p.layoutHash}, page ${p.pageIndex + 1})`, location: loc };
        continue;
      }
      // The QR must sit where this page's layout puts it, else the homography belongs to a twin.
      if (lp.qr.xMm !== r.xMm || lp.qr.yMm !== r.yMm) continue;
      if (!loc.geometry.layouts.includes(layout)) continue;
      return { status: 'ok', layout, page: lp, method: 'qr', location: loc, serial: p.serial };
    }
  }
  // Fallback: code boxes. A page matches when every bit is clearly read and equals its code.
  let anyClean: PageLocation | undefined;
  for (const loc of locations) {
    for (const layout of loc.geometry.layouts) {
      for (const lp of layout.pages) {
        if (!lp.codeBoxes.length) continue;
        const fr = darkFractions({ page, work, H: loc.H }, lp.codeBoxes);
        let clean = true, match = true;
        lp.codeBoxes.forEach((b, k) => {
          const v = fr[k]!;
          const bit = v >= IDENTIFY.codeBoxOn ? 1 : v <= IDENTIFY.codeBoxOff ? 0 : -1;
          if (bit < 0) clean = false;
          if (bit !== ((lp.code >> b.bit) & 1)) match = false;
        });
        if (clean && match) return { status: 'ok', layout, page: lp, method: 'code-boxes', location: loc, serial: lp.serial };
        if (clean) anyClean ??= loc;
      }
    }
  }
  if (foreign) return { status: 'foreign', ...foreign };
  // Clean code bits that match nothing could be another form, or a misread twin position: without
  // a QR this is not enough to call the page foreign.
  if (anyClean) return { status: 'unidentified', reason: 'no QR code read and the code boxes name no known sheet', location: anyClean };
  return { status: 'unidentified', reason: 'neither the QR code nor the code boxes could be read', location: locations[0]! };
}
