// Scorer stage 1 (load): scan files (JPEG, PNG, TIFF incl. multi-page / 1-bit / CCITT G4, PDF)
// → greyscale pages, one record per page. A bad file yields a failure record with a reason and
// the batch goes on; nothing here throws for bad input.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { loadPdfJs, openPdf, type CanvasFactoryOwner, type PdfDocument, type PdfJs } from '../pdf/open-pdf.js';
import { LOAD } from './thresholds.js';

export interface LoadedPage {
  /** The file path (or name) the page came from. */
  source: string;
  /** 0-based page within the file (multi-page TIFF / PDF). */
  pageIndex: number;
  width: number;
  height: number;
  /** 8-bit luminance, row-major, width × height. */
  gray: Uint8Array;
  /** Resolution as declared by the file (0 when unknown; phone photos often say 72). Informational only. */
  dpi: number;
  /** True when the file was 1-bit: `gray` was smoothed so dithered grey reads as grey. */
  bilevel?: boolean;
}

export interface LoadFailure {
  source: string;
  pageIndex?: number;
  failure: true;
  reason: string;
}

export const isLoadFailure = (x: LoadedPage | LoadFailure): x is LoadFailure => 'failure' in x;

sharp.cache(false); // every file is read once; libvips' operation cache only costs memory here

function failure(source: string, reason: string, pageIndex?: number): LoadFailure {
  return { source, failure: true, reason, ...(pageIndex === undefined ? {} : { pageIndex }) };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);

/** Async generator over the pages of many files, in order. */
export async function* loadScans(files: Iterable<string> | AsyncIterable<string>): AsyncGenerator<LoadedPage | LoadFailure> {
  for await (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      yield failure(file, `cannot read file: ${message(e)}`);
      continue;
    }
    yield* loadScanBytes(file, bytes);
  }
}

export type ScanKind = 'pdf' | 'image' | 'unknown';

export function sniffKind(bytes: Uint8Array): ScanKind {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0xff && head[1] === 0xd8) return 'image'; // JPEG
  if (head.subarray(1, 4).toString('latin1') === 'PNG') return 'image';
  if (head.subarray(0, 4).toString('latin1') === 'II*\0' || head.subarray(0, 4).toString('latin1') === 'MM\0*') return 'image';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF') return 'image'; // WebP
  // Some PDFs carry junk before the header; pdf.js tolerates that, so look a little further.
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return 'pdf';
  return 'unknown';
}

/** All pages of one file already in memory. */
export async function* loadScanBytes(source: string, bytes: Uint8Array): AsyncGenerator<LoadedPage | LoadFailure> {
  const kind = sniffKind(bytes);
  if (kind === 'pdf') yield* loadPdf(source, bytes);
  else if (kind === 'image') yield* loadImage(source, bytes);
  else yield failure(source, 'not a JPEG, PNG, TIFF or PDF file');
}

async function* loadImage(source: string, bytes: Uint8Array): AsyncGenerator<LoadedPage | LoadFailure> {
  let pages = 1;
  let density = 0;
  let exifRotated = false;
  let colour = false;
  try {
    const meta = await sharp(bytes, { failOn: 'none' }).metadata();
    pages = meta.pages ?? 1;
    density = meta.density ?? 0;
    exifRotated = (meta.orientation ?? 1) !== 1;
    colour = (meta.channels ?? 0) >= 3;
  } catch (e) {
    yield failure(source, `unreadable image: ${message(e)}`);
    return;
  }
  for (let i = 0; i < pages; i++) {
    try {
      // failOn 'truncated': a partly written JPEG decodes as grey garbage below the cut, which
      // would be scored as blank boxes; better to report the file than to guess.
      const img = sharp(bytes, { page: i, pages: 1, failOn: 'truncated', limitInputPixels: LOAD.maxPixels });
      // Honour EXIF orientation (phone photos) only when there is one: auto-rotate costs ~12 ms
      // per A4 page at 200 dpi even for an upright image (measured, sharp 0.35).
      const oriented = exifRotated ? img.rotate() : img;
      // Colour: the green channel is the grey image (sharp brings CMYK and 16-bit files to 8-bit
      // sRGB first). libvips' sRGB → b-w conversion runs through linear light in floats and
      // costs ~45 ms per 200 dpi A4 page, more than the JPEG decode itself; taking one band is
      // free. For the inks people mark with (blue or black ballpoint, red pen, pencil) green
      // darkens at least as much as luminance does, so marks lose no contrast against paper.
      const { data, info } = await (colour ? oriented.extractChannel(1) : oriented.greyscale())
        .raw()
        .toBuffer({ resolveWithObject: true });
      const gray = info.channels === 1 ? new Uint8Array(data.buffer, data.byteOffset, data.length) : firstChannel(data, info.channels);
      yield await finishPage(source, i, info.width, info.height, gray, density);
    } catch (e) {
      yield failure(source, `unreadable image${pages > 1 ? ` page ${i + 1}` : ''}: ${message(e)}`, i);
    }
  }
}

function firstChannel(data: Buffer, channels: number): Uint8Array {
  const out = new Uint8Array(data.length / channels);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) out[i] = data[j]!;
  return out;
}

/** Shared tail: bilevel detection + smoothing, so dithered 1-bit scans read as grey levels. */
async function finishPage(source: string, pageIndex: number, width: number, height: number, gray: Uint8Array, dpi: number): Promise<LoadedPage | LoadFailure> {
  if (width < LOAD.minSidePx || height < LOAD.minSidePx)
    return failure(source, `image too small (${width}×${height} px)`, pageIndex);
  const page: LoadedPage = { source, pageIndex, width, height, gray, dpi: Math.round(dpi) };
  if (isBilevel(gray)) {
    // Sigma ~ one dither cell at the file's resolution (scaled from its size when no dpi is declared).
    // Declared resolutions are often wrong (72, or units mixed up): trust it only near the
    // resolution implied by an A4 page filling the image.
    const bySize = Math.max(width, height) / 11.7;
    const estDpi = dpi > bySize * 0.6 && dpi < bySize * 1.6 ? dpi : bySize;
    const sigma = Math.max(0.6, (LOAD.bilevelBlurMm * estDpi) / 25.4);
    const blurred = await sharp(gray, { raw: { width, height, channels: 1 } }).blur(sigma).toColourspace('b-w').raw().toBuffer();
    page.gray = new Uint8Array(blurred.buffer, blurred.byteOffset, blurred.length);
    page.bilevel = true;
  }
  return page;
}

function isBilevel(gray: Uint8Array): boolean {
  // Sample ~50k pixels; a 1-bit file decodes to only 0 and 255.
  const step = Math.max(1, Math.floor(gray.length / 50_000)) | 1;
  let other = 0;
  let n = 0;
  for (let i = 0; i < gray.length; i += step, n++) {
    const v = gray[i]!;
    if (v !== 0 && v !== 255) other++;
  }
  return other / n < 0.002;
}

// ---------------------------------------------------------------- PDF

async function* loadPdf(source: string, bytes: Uint8Array): AsyncGenerator<LoadedPage | LoadFailure> {
  const lib = await loadPdfJs();
  let doc: PdfDocument;
  try {
    doc = await openPdf(bytes);
  } catch (e) {
    yield failure(source, `unreadable PDF: ${message(e)}`);
    return;
  }
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      try {
        const page = await doc.getPage(i);
        const img = await fullPageImage(lib, page);
        if (img) {
          yield await finishPage(source, i - 1, img.width, img.height, img.gray, img.dpi);
        } else {
          yield await renderPdfPage(source, i - 1, page, doc as unknown as CanvasFactoryOwner);
        }
        page.cleanup();
      } catch (e) {
        yield failure(source, `unreadable PDF page ${i}: ${message(e)}`, i - 1);
      }
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

interface PdfImage { width: number; height: number; kind?: number; data?: Uint8Array | Uint8ClampedArray }

/** A scanner PDF page is one image covering the page: use it at its own resolution (no resampling). */
async function fullPageImage(lib: PdfJs, page: PdfPage): Promise<{ width: number; height: number; gray: Uint8Array; dpi: number } | undefined> {
  const ops = await page.getOperatorList();
  const imageOps: string[] = [];
  for (let k = 0; k < ops.fnArray.length; k++) {
    const fn = ops.fnArray[k];
    if (fn === lib.OPS.paintImageXObject) imageOps.push(ops.argsArray[k][0] as string);
    else if (fn === lib.OPS.paintInlineImageXObject || fn === lib.OPS.paintImageMaskXObject) return undefined;
  }
  // Exactly one image (text is allowed: scanners add an invisible OCR layer) → use it; else render.
  if (imageOps.length !== 1) return undefined;
  const name = imageOps[0]!;
  const obj = await new Promise<PdfImage | undefined>((resolve) => {
    try {
      const objs = name.startsWith('g_') ? page.commonObjs : page.objs;
      objs.get(name, (o: unknown) => resolve(o as PdfImage));
    } catch {
      resolve(undefined);
    }
  });
  if (!obj || !obj.data || !obj.width || !obj.height) return undefined;
  const [, , pw, ph] = page.view as number[];
  const rotated = (page.rotate ?? 0) % 180 !== 0;
  const pageW = rotated ? ph! : pw!;
  const pageH = rotated ? pw! : ph!;
  // Must cover (nearly) the whole page in either orientation; the locator handles the rotation.
  const ar = obj.width / obj.height;
  const par = pageW / pageH;
  if (Math.abs(ar / par - 1) > 0.04 && Math.abs(ar * par - 1) > 0.04) return undefined;
  const gray = new Uint8Array(obj.width * obj.height);
  const d = obj.data;
  if (obj.kind === 1) {
    // GRAYSCALE_1BPP: rows padded to whole bytes, 1 = white.
    const rowBytes = (obj.width + 7) >> 3;
    for (let y = 0; y < obj.height; y++)
      for (let x = 0; x < obj.width; x++)
        gray[y * obj.width + x] = (d[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
  } else if (obj.kind === 2 || obj.kind === 3) {
    const ch = obj.kind === 2 ? 3 : 4;
    for (let i = 0, j = 0; i < gray.length; i++, j += ch)
      gray[i] = d[j + 1]!; // green, as for image files (see loadImage)
  } else return undefined;
  const longPt = Math.max(pageW, pageH);
  const dpi = (Math.max(obj.width, obj.height) / longPt) * 72;
  return { width: obj.width, height: obj.height, gray, dpi };
}

async function renderPdfPage(source: string, pageIndex: number, page: PdfPage, doc: CanvasFactoryOwner): Promise<LoadedPage | LoadFailure> {
  const scale = LOAD.pdfRenderDpi / 72;
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  // The document's canvasFactory is @napi-rs/canvas-backed in Node (pdfjs 5).
  const { canvas } = doc.canvasFactory.create(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const gray = new Uint8Array(width * height);
  for (let i = 0, j = 1; i < gray.length; i++, j += 4) gray[i] = rgba[j]!; // green, as for image files
  return finishPage(source, pageIndex, width, height, gray, LOAD.pdfRenderDpi);
}

