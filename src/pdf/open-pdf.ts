// Opening a PDF with pdf.js in Node (legacy build; fonts and cmaps from the package, no
// network, no eval). Shared by the index page thumbnails and the scorer's PDF loader.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** pdf.js in Node draws on the @napi-rs/canvas its document's canvasFactory provides. */
export interface CanvasLike {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
export interface CanvasFactoryOwner {
  canvasFactory: { create(w: number, h: number): { canvas: { getContext(t: '2d'): CanvasLike; toBuffer(mime: 'image/png'): Buffer } } };
}

let pdfjs: Promise<PdfJs> | undefined;
export const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const pdfjsDir = () => dirname(require.resolve('pdfjs-dist/package.json'));

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const lib = await loadPdfJs();
  return lib.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    standardFontDataUrl: pathToFileURL(join(pdfjsDir(), 'standard_fonts') + '/').href,
    cMapUrl: pathToFileURL(join(pdfjsDir(), 'cmaps') + '/').href,
    cMapPacked: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: 0,
  }).promise;
}
