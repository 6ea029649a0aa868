// Document definition → PDF bytes. The only module that imports pdfmake. Output is
// deterministic: fixed metadata dates (so pdfkit's file id is fixed too) and NFC text.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT, type FontFiles } from './fonts.js';

const require = createRequire(import.meta.url);

// pdfkit re-parses every TTF for every document (fontkit.create), which made separate PDFs
// 5× slower than one big one (stack-notes §4). Memoise create() by the font bytes. The
// exports object is frozen-ish (non-configurable), so swap the cached module's exports
// before pdfkit is first required.
(() => {
  const pdfkitPath = require.resolve('pdfkit');
  const fontkitPath = createRequire(pdfkitPath).resolve('fontkit');
  const real = createRequire(pdfkitPath)('fontkit');
  const cache = new Map<string, unknown>();
  const create = (buffer: Uint8Array, postscriptName?: string) => {
    const key = `${createHash('sha1').update(buffer).digest('hex')}:${postscriptName ?? ''}`;
    if (!cache.has(key)) cache.set(key, real.create(buffer, postscriptName));
    // Glyph objects remember the characters they were first made for; the subsetter of the
    // previous PDF made composite parts (the "a" inside "ạ") with none, which broke the next
    // PDF's ToUnicode map (copied text lost letters). Keep the parsed tables, not the glyphs.
    const font = cache.get(key) as { _glyphs: Record<number, unknown> };
    font._glyphs = {};
    return font;
  };
  require.cache[fontkitPath]!.exports = { ...real, create };
})();

const pdfmake = require('pdfmake');
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);

let registered = '';
function registerFonts(files: FontFiles) {
  const key = JSON.stringify(files);
  if (key === registered) return;
  const names = {} as Record<keyof FontFiles, string>;
  for (const [style, path] of Object.entries(files) as [keyof FontFiles, string][]) {
    const name = `${style}-${createHash('sha1').update(path).digest('hex').slice(0, 8)}.ttf`;
    pdfmake.virtualfs.writeFileSync(name, readFileSync(path));
    names[style] = name;
  }
  pdfmake.setFonts({ [FONT]: names });
  registered = key;
}

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  keywords?: string;
  /** Written as CreationDate and ModDate; fixed per project so rebuilds are identical. */
  date: Date;
}

/** NFC-normalise every string in a definition (NFD marks render beside their letter). */
export function normaliseText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normaliseText) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'function' ? v : normaliseText(v);
    return out as T;
  }
  return value;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

export async function renderPdf(definition: TDocumentDefinitions, meta: PdfMeta, fonts: FontFiles): Promise<RenderedPdf> {
  registerFonts(fonts);
  let pages = 0;
  const def = normaliseText({
    ...definition,
    defaultStyle: { font: FONT, ...definition.defaultStyle },
    info: {
      title: meta.title, subject: meta.subject, author: meta.author, keywords: meta.keywords ?? '',
      creator: 'hoctap', producer: 'hoctap (pdfmake)', creationDate: meta.date, modDate: meta.date,
    },
  });
  // Count pages through a background callback chained onto the builder's own.
  const userBackground = def.background;
  def.background = (page: number, size: any) => {
    pages = Math.max(pages, page);
    return typeof userBackground === 'function' ? userBackground(page, size) : (userBackground as Content | undefined) ?? null;
  };
  const bytes: Buffer = await pdfmake.createPdf(def).getBuffer();
  return { bytes, pages };
}

export { mm, MM } from './units.js';
