// A written PDF → a PNG picture of its first page and its page count (for out/index.html).
// pdf.js (legacy build, Node) draws on the @napi-rs/canvas its canvasFactory provides.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const pdfjsDir = () => dirname(require.resolve('pdfjs-dist/package.json'));

interface CanvasLike {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
}
interface CanvasFactoryOwner { canvasFactory: { create(w: number, h: number): { canvas: { getContext(t: '2d'): CanvasLike; toBuffer(mime: 'image/png'): Buffer } } } }

export interface Thumbnail {
  png: Buffer;
  width: number;
  height: number;
  pages: number;
}

/** Page 1 drawn `widthPx` wide (height follows the page's shape). */
export async function pdfThumbnail(bytes: Uint8Array, widthPx: number): Promise<Thumbnail> {
  const lib = await (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  const doc = await lib.getDocument({
    // pdf.js detaches the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    standardFontDataUrl: pathToFileURL(join(pdfjsDir(), 'standard_fonts') + '/').href,
    cMapUrl: pathToFileURL(join(pdfjsDir(), 'cmaps') + '/').href,
    cMapPacked: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: widthPx / base.width });
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    const { canvas } = (doc as unknown as CanvasFactoryOwner).canvasFactory.create(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
    return { png: canvas.toBuffer('image/png'), width, height, pages: doc.numPages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
