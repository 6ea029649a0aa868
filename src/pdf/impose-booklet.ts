// PDF pages (from our own renders) → one A4-landscape booklet PDF: two A5 slots per side in
// saddle-stitch order, pages padded to a multiple of 4. pdfmake cannot import PDFs, so this
// works at PDF level: each source page becomes a Form XObject drawn scaled into its slot.
// Reads the classic xref files pdfkit writes (no object streams); not a general PDF parser.
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { mm } from './units.js';

type Obj =
  | { t: 'dict'; v: Map<string, Obj> }
  | { t: 'arr'; v: Obj[] }
  | { t: 'name'; v: string }
  | { t: 'num'; v: string }
  | { t: 'str'; v: string }
  | { t: 'ref'; n: number }
  | { t: 'kw'; v: string };

interface Parsed {
  text: string;
  offsets: Map<number, number>;
  trailer: Map<string, Obj>;
  cache: Map<number, { value: Obj; stream?: string }>;
}

const WS = /[\0\t\n\f\r ]/;
const DELIM = /[()<>[\]{}/%]/;

class Lexer {
  constructor(readonly s: string, public i: number) {}
  skip() {
    for (;;) {
      while (this.i < this.s.length && WS.test(this.s[this.i]!)) this.i++;
      if (this.s[this.i] !== '%') return;
      while (this.i < this.s.length && this.s[this.i] !== '\n' && this.s[this.i] !== '\r') this.i++;
    }
  }
  word(): string {
    this.skip();
    const start = this.i;
    while (this.i < this.s.length && !WS.test(this.s[this.i]!) && !DELIM.test(this.s[this.i]!)) this.i++;
    return this.s.slice(start, this.i);
  }
  value(): Obj {
    this.skip();
    const s = this.s;
    const c = s[this.i];
    if (s.startsWith('<<', this.i)) {
      this.i += 2;
      const v = new Map<string, Obj>();
      for (;;) {
        this.skip();
        if (s.startsWith('>>', this.i)) { this.i += 2; return { t: 'dict', v }; }
        const key = this.value();
        if (key.t !== 'name') throw new Error(`PDF: dictionary key expected at ${this.i}`);
        v.set(key.v, this.value());
      }
    }
    if (c === '[') {
      this.i++;
      const v: Obj[] = [];
      for (;;) {
        this.skip();
        if (s[this.i] === ']') { this.i++; return { t: 'arr', v }; }
        v.push(this.value());
      }
    }
    if (c === '/') {
      this.i++;
      const start = this.i;
      while (this.i < s.length && !WS.test(s[this.i]!) && !DELIM.test(s[this.i]!)) this.i++;
      return { t: 'name', v: s.slice(start, this.i) };
    }
    if (c === '(') {
      const start = this.i;
      let depth = 0;
      for (; this.i < s.length; this.i++) {
        const ch = s[this.i];
        if (ch === '\\') { this.i++; continue; }
        if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) { this.i++; break; }
      }
      return { t: 'str', v: s.slice(start, this.i) };
    }
    if (c === '<') {
      const end = s.indexOf('>', this.i);
      const v = s.slice(this.i, end + 1);
      this.i = end + 1;
      return { t: 'str', v };
    }
    const w = this.word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // "n g R" is a reference: look ahead without consuming otherwise.
      const save = this.i;
      const g = this.word();
      if (/^\d+$/.test(g) && this.word() === 'R') return { t: 'ref', n: Number(w) };
      this.i = save;
      return { t: 'num', v: w };
    }
    if (!w) throw new Error(`PDF: unexpected "${c}" at ${this.i}`);
    return { t: 'kw', v: w };
  }
}

function parsePdf(bytes: Buffer): Parsed {
  const text = bytes.toString('latin1');
  const sx = text.lastIndexOf('startxref');
  const lx = new Lexer(text, sx + 'startxref'.length);
  let at = Number(lx.word());
  const offsets = new Map<number, number>();
  lx.i = at;
  if (lx.word() !== 'xref') throw new Error('PDF: only classic xref tables are supported');
  for (;;) {
    const save = lx.i;
    const first = lx.word();
    if (first === 'trailer') break;
    const count = Number(lx.word());
    if (!/^\d+$/.test(first) || !Number.isFinite(count)) { lx.i = save; throw new Error('PDF: bad xref'); }
    for (let k = 0; k < count; k++) {
      const off = Number(lx.word()); lx.word();
      const kind = lx.word();
      if (kind === 'n') offsets.set(Number(first) + k, off);
    }
  }
  const trailer = lx.value();
  if (trailer.t !== 'dict') throw new Error('PDF: bad trailer');
  return { text, offsets, trailer: trailer.v, cache: new Map() };
}

function getObj(p: Parsed, n: number): { value: Obj; stream?: string } {
  const hit = p.cache.get(n);
  if (hit) return hit;
  const off = p.offsets.get(n);
  if (off === undefined) throw new Error(`PDF: object ${n} missing`);
  const lx = new Lexer(p.text, off);
  lx.word(); lx.word();
  if (lx.word() !== 'obj') throw new Error(`PDF: object ${n} header`);
  const value = lx.value();
  let stream: string | undefined;
  const after = lx.i;
  lx.skip();
  if (p.text.startsWith('stream', lx.i)) {
    let start = lx.i + 6;
    if (p.text[start] === '\r') start++;
    if (p.text[start] === '\n') start++;
    const lenObj = value.t === 'dict' ? value.v.get('Length') : undefined;
    const len = lenObj?.t === 'num' ? Number(lenObj.v) : lenObj?.t === 'ref' ? Number((getObj(p, lenObj.n).value as { v: string }).v) : p.text.indexOf('endstream', start) - start;
    stream = p.text.slice(start, start + len);
  } else lx.i = after;
  const entry = { value, stream };
  p.cache.set(n, entry);
  return entry;
}

const resolve = (p: Parsed, o: Obj | undefined): Obj | undefined => (o?.t === 'ref' ? getObj(p, o.n).value : o);
const dictOf = (p: Parsed, o: Obj | undefined) => {
  const r = resolve(p, o);
  return r?.t === 'dict' ? r.v : undefined;
};

interface SourcePage {
  box: number[];
  resources?: Obj;
  contents: string;
}

/** Every page of a parsed PDF: media box, resources (inherited if need be) and the decoded content. */
function pagesOf(p: Parsed): SourcePage[] {
  const root = dictOf(p, p.trailer.get('Root'));
  const out: SourcePage[] = [];
  const walk = (node: Obj | undefined, inherited: { box?: Obj; res?: Obj }) => {
    const d = dictOf(p, node);
    if (!d) return;
    const here = { box: d.get('MediaBox') ?? inherited.box, res: d.get('Resources') ?? inherited.res };
    if ((resolve(p, d.get('Type')) as { v?: string } | undefined)?.v === 'Pages') {
      const kids = resolve(p, d.get('Kids'));
      if (kids?.t === 'arr') for (const k of kids.v) walk(k, here);
      return;
    }
    const boxArr = resolve(p, here.box);
    const box = boxArr?.t === 'arr' ? boxArr.v.map((x) => Number((resolve(p, x) as { v: string }).v)) : [0, 0, 595.28, 841.89];
    const c = d.get('Contents');
    const refs = c?.t === 'arr' ? c.v : c ? [c] : [];
    const parts = refs.map((r) => {
      if (r.t !== 'ref') return '';
      const { value, stream = '' } = getObj(p, r.n);
      const filter = value.t === 'dict' ? resolve(p, value.v.get('Filter')) : undefined;
      const raw = Buffer.from(stream, 'latin1');
      if (!filter) return stream;
      if (filter.t === 'name' && filter.v === 'FlateDecode') return inflateSync(raw).toString('latin1');
      throw new Error('PDF: unsupported content filter');
    });
    out.push({ box, resources: here.res, contents: parts.join('\n') });
  };
  walk(root?.get('Pages'), {});
  return out;
}

function serialise(o: Obj): string {
  switch (o.t) {
    case 'dict': return `<<${[...o.v].map(([k, v]) => `/${k} ${serialise(v)}`).join(' ')}>>`;
    case 'arr': return `[${o.v.map(serialise).join(' ')}]`;
    case 'name': return `/${o.v}`;
    case 'ref': return `${o.n} 0 R`;
    default: return o.v;
  }
}

/** Collects objects of the new file; imports objects of source PDFs with new numbers. */
class Writer {
  objects: (string | undefined)[] = [undefined];
  private imported = new Map<Parsed, Map<number, number>>();
  private tags = new Map<string, string>();

  reserve(): number {
    this.objects.push(undefined);
    return this.objects.length - 1;
  }
  set(n: number, value: string, stream?: string) {
    this.objects[n] = stream === undefined ? value : `${value}\nstream\n${stream}\nendstream`;
  }
  add(value: string, stream?: string): number {
    const n = this.reserve();
    this.set(n, value, stream);
    return n;
  }
  /** A value from a source, its references imported (recursively) and renumbered. */
  importValue(p: Parsed, o: Obj, src: number): Obj {
    switch (o.t) {
      case 'ref': return { t: 'ref', n: this.importObj(p, o.n, src) };
      case 'arr': return { t: 'arr', v: o.v.map((x) => this.importValue(p, x, src)) };
      case 'dict': {
        const v = new Map<string, Obj>();
        for (const [k, x] of o.v) {
          if (k === 'Parent') continue;
          // Every render names its font subsets BZZZZZ+, CZZZZZ+…: the same tag for different
          // subsets would let a viewer mix glyphs up, so each source gets its own tags.
          if ((k === 'BaseFont' || k === 'FontName') && x.t === 'name' && /^[A-Z]{6}\+/.test(x.v)) v.set(k, { t: 'name', v: this.tag(src, x.v.slice(0, 6)) + x.v.slice(6) });
          else v.set(k, this.importValue(p, x, src));
        }
        return { t: 'dict', v };
      }
      default: return o;
    }
  }
  private tag(src: number, old: string): string {
    const key = `${src}:${old}`;
    let t = this.tags.get(key);
    if (!t) {
      let k = this.tags.size;
      t = '';
      for (let i = 0; i < 6; i++) { t = String.fromCharCode(65 + (k % 26)) + t; k = Math.floor(k / 26); }
      this.tags.set(key, t);
    }
    return t;
  }
  private importObj(p: Parsed, n: number, src: number): number {
    let map = this.imported.get(p);
    if (!map) this.imported.set(p, (map = new Map()));
    const have = map.get(n);
    if (have !== undefined) return have;
    const mine = this.reserve();
    map.set(n, mine);
    const { value, stream } = getObj(p, n);
    this.set(mine, serialise(this.importValue(p, value, src)), stream);
    return mine;
  }
  bytes(rootN: number, infoN: number): Buffer {
    const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let pos = chunks[0]!.length;
    const offsets: number[] = [];
    for (let n = 1; n < this.objects.length; n++) {
      const b = Buffer.from(`${n} 0 obj\n${this.objects[n] ?? 'null'}\nendobj\n`, 'latin1');
      offsets[n] = pos;
      pos += b.length;
      chunks.push(b);
    }
    const id = createHash('md5').update(Buffer.concat(chunks)).digest('hex');
    const xref = [`xref\n0 ${this.objects.length}\n0000000000 65535 f \n`, ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
    chunks.push(Buffer.from(`${xref}trailer\n<</Size ${this.objects.length} /Root ${rootN} 0 R /Info ${infoN} 0 R /ID [<${id}> <${id}>]>>\nstartxref\n${pos}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(chunks);
  }
}

/** A PDF text string: UTF-16BE with BOM, as hex (Vietnamese titles survive). */
const pdfText = (s: string) => `<FEFF${Buffer.from(s.normalize('NFC'), 'utf16le').swap16().toString('hex').toUpperCase()}>`;
const pdfDate = (d: Date) => `(D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;

/**
 * Page numbers (0-based, null = blank) on each side of each sheet, in print order, for a
 * saddle-stitched booklet of `count` pages: sheet k front = [last−2k, 2k], back = [2k+1, last−2k−1].
 */
export function bookletSides(count: number): [number | null, number | null][] {
  const n = Math.max(4, Math.ceil(count / 4) * 4);
  const page = (i: number) => (i < count ? i : null);
  const sides: [number | null, number | null][] = [];
  for (let k = 0; k < n / 4; k++) {
    sides.push([page(n - 1 - 2 * k), page(2 * k)]);
    sides.push([page(2 * k + 1), page(n - 2 - 2 * k)]);
  }
  return sides;
}

export interface PageRef {
  /** A rendered PDF (ours: pdfkit output) and the 0-based page to take from it. */
  pdf: Buffer;
  page: number;
}

export interface ImposeMeta {
  title: string;
  subject: string;
  author: string;
  date: Date;
}

/**
 * Impose pages (A5, or any size: each is scaled to fit its half-sheet slot and centred) two up
 * on A4 landscape in booklet order. Returns the PDF and its number of sides (pages).
 */
export function imposeBooklet(pages: PageRef[], meta: ImposeMeta): { bytes: Buffer; pages: number } {
  const W = mm(297), H = mm(210);
  const w = new Writer();
  const parsed = new Map<Buffer, { p: Parsed; pages: SourcePage[]; src: number }>();
  const source = (b: Buffer) => {
    let s = parsed.get(b);
    if (!s) {
      const p = parsePdf(b);
      parsed.set(b, (s = { p, pages: pagesOf(p), src: parsed.size }));
    }
    return s;
  };
  const forms = new Map<string, number>();
  const formOf = (ref: PageRef): { n: number; box: number[] } => {
    const s = source(ref.pdf);
    const pg = s.pages[ref.page];
    if (!pg) throw new Error(`PDF: page ${ref.page + 1} missing`);
    const key = `${s.src}:${ref.page}`;
    let n = forms.get(key);
    if (n === undefined) {
      const res = pg.resources ? serialise(w.importValue(s.p, pg.resources, s.src)) : '<<>>';
      const data = deflateSync(Buffer.from(pg.contents, 'latin1')).toString('latin1');
      n = w.add(`<</Type /XObject /Subtype /Form /BBox [${pg.box.join(' ')}] /Resources ${res} /Filter /FlateDecode /Length ${data.length}>>`, data);
      forms.set(key, n);
    }
    return { n, box: pg.box };
  };
  const pagesN = w.reserve();
  const kids: number[] = [];
  const fmt = (x: number) => String(Math.round(x * 1000) / 1000);
  for (const side of bookletSides(pages.length)) {
    const xobjects: string[] = [];
    const ops: string[] = [];
    side.forEach((idx, slot) => {
      if (idx === null) return;
      const { n, box } = formOf(pages[idx]!);
      const [x0, y0, x1, y1] = box as [number, number, number, number];
      const s = Math.min(W / 2 / (x1 - x0), H / (y1 - y0));
      const tx = slot * (W / 2) + (W / 2 - (x1 - x0) * s) / 2 - x0 * s;
      const ty = (H - (y1 - y0) * s) / 2 - y0 * s;
      xobjects.push(`/P${slot} ${n} 0 R`);
      ops.push(`q ${fmt(s)} 0 0 ${fmt(s)} ${fmt(tx)} ${fmt(ty)} cm /P${slot} Do Q`);
    });
    const content = deflateSync(Buffer.from(ops.join('\n'), 'latin1')).toString('latin1');
    const contentN = w.add(`<</Filter /FlateDecode /Length ${content.length}>>`, content);
    kids.push(w.add(`<</Type /Page /Parent ${pagesN} 0 R /MediaBox [0 0 ${fmt(W)} ${fmt(H)}] /Resources <</XObject <<${xobjects.join(' ')}>>>> /Contents ${contentN} 0 R>>`));
  }
  w.set(pagesN, `<</Type /Pages /Count ${kids.length} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]>>`);
  const rootN = w.add(`<</Type /Catalog /Pages ${pagesN} 0 R>>`);
  const infoN = w.add(`<</Title ${pdfText(meta.title)} /Subject ${pdfText(meta.subject)} /Author ${pdfText(meta.author)} /Creator (hoctap) /Producer (hoctap booklet) /CreationDate ${pdfDate(meta.date)} /ModDate ${pdfDate(meta.date)}>>`);
  return { bytes: w.bytes(rootN, infoN), pages: kids.length };
}
