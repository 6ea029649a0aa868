// A written PDF → a PNG picture of its first page and its page count (for out/index.html).
// pdf.js (legacy build, Node) draws on the @napi-rs/canvas its canvasFactory provides.
import { openPdf, type CanvasFactoryOwner } from './open-pdf.js';

export interface Thumbnail {
  png: Buffer;
  width: number;
  height: number;
  pages: number;
}

/** Page 1 drawn `widthPx` wide (height follows the page's shape). */
export async function pdfThumbnail(bytes: Uint8Array, widthPx: number): Promise<Thumbnail> {
  const doc = await openPdf(bytes);
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
