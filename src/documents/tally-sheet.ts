// Tally sheets read by `hoctap score`: criteria set (+ roster people) → geometry in mm first
// (every mark box, fiducial, QR, code box and text line placed), then the layout JSON and the
// pdfmake definition are both derived from that one plan. Pure builder: no I/O, no clock.
// Format: docs/tally-sheet-format.md. Kinds: personal (A4 portrait) and group (A4 landscape).
import { createHash } from 'node:crypto';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CriteriaSet, Indicator } from '../criteria/criteria-schema.js';
import { optionsOf } from '../criteria/indicator-options.js';
import { formatNumber } from '../locale/format-vi.js';
import type { Measure } from '../pdf/measure-text.js';
import { qrMatrix } from '../pdf/qr-matrix.js';
import { mm } from '../pdf/units.js';
import { crossVectors, tickVectors } from './mark-pictures.js';
import { digitBoxId, ID_INDICATOR, TALLY_FORMAT, type Rect, type TallyLayout, type TallyPage } from '../tally/layout-schema.js';
import { A4, TALLY } from './page-setup.js';

export type TallyKind = 'personal' | 'group';

/** One pre-printed person (from a roster). */
export interface TallyPerson {
  /** Stable id used in box ids; no "/" (roster id or "P001"…). */
  id: string;
  name: string;
  unit?: string;
}

export interface TallyInput {
  kind: TallyKind;
  /** Pre-printed people; empty or absent → blank sheet(s) with the number written in digit boxes. */
  persons?: TallyPerson[];
  /** hoctap.yaml nam. */
  year: number;
  /** hoctap.yaml danh_dau.to_kin_la_huy: a solid fill cancels a mark (else it counts as a mark). */
  fillCancels: boolean;
  measure: Measure;
}

// ---------------------------------------------------------------------------------------------
// The page code (fallback id): 24 code boxes, bit i = box i from the left, filled = 1.
// bits 0–11 page index, 12–21 layout number, 22 and 23 odd-parity checks over the even- and
// odd-numbered data bits (a smudge over two neighbouring boxes flips one bit of each half;
// odd parity makes all-empty and all-filled rows invalid).

export const CODE_BITS = { page: 12, layout: 10, total: 24 } as const;
const DATA_BITS = CODE_BITS.page + CODE_BITS.layout;

export function pageCode(layoutNo: number, pageIndex: number): number {
  if (layoutNo < 0 || layoutNo >= 1 << CODE_BITS.layout || pageIndex < 0 || pageIndex >= 1 << CODE_BITS.page)
    throw new RangeError(`page code out of range: layout ${layoutNo}, page ${pageIndex}`);
  const data = (layoutNo << CODE_BITS.page) | pageIndex;
  let even = 1, odd = 1;
  for (let b = 0; b < DATA_BITS; b++) if ((data >> b) & 1) b % 2 === 0 ? (even ^= 1) : (odd ^= 1);
  return data | (even << DATA_BITS) | (odd << (DATA_BITS + 1));
}

/** The layout number and page of a code read from the boxes, or undefined when a check fails. */
export function decodePageCode(code: number): { layoutNo: number; pageIndex: number } | undefined {
  const data = code & ((1 << DATA_BITS) - 1);
  const layoutNo = data >> CODE_BITS.page;
  const pageIndex = data & ((1 << CODE_BITS.page) - 1);
  return pageCode(layoutNo, pageIndex) === code ? { layoutNo, pageIndex } : undefined;
}

/** Default layout number: 10 bits of the layout hash (the producer resolves collisions). */
export const layoutNoOf = (layoutHash: string) => parseInt(layoutHash.slice(0, 4), 16) & ((1 << CODE_BITS.layout) - 1);

export const serialOf = (kind: TallyKind, layoutNo: number, pageIndex: number) =>
  `${kind === 'group' ? 'N' : 'C'}${String(layoutNo).padStart(4, '0')}-${String(pageIndex + 1).padStart(3, '0')}`;

// ---------------------------------------------------------------------------------------------
// The plan: everything placed in mm. Text is one line per item (wrapped here, never by pdfmake),
// so its rectangle is known exactly and the clear zone around boxes can be checked.

export interface PlacedText { xMm: number; yMm: number; wMm: number; hMm: number; text: string; pt: number; bold?: boolean; italics?: boolean }
export interface PlacedLine { x1: number; y1: number; x2: number; y2: number; pt: number; dash?: boolean; grey?: boolean }
export type Picture = 'tick' | 'cross' | 'fill';

export interface PagePlan {
  texts: PlacedText[];
  lines: PlacedLine[];
  /** Outlined rectangles that are not mark boxes (the example boxes of the marking rule). */
  pictures: { rect: Rect; picture: Picture }[];
  /** The page's layout entry without its identity (serial, QR payload, code) yet. */
  page: Omit<TallyPage, 'sheetId' | 'serial' | 'code' | 'qr'> & { qr: Rect };
}

export interface TallyPlan {
  kind: TallyKind;
  criteriaSetId: string;
  title: string;
  pageSize: { widthMm: number; heightMm: number };
  fiducials: TallyLayout['fiducials'];
  markingRule: TallyLayout['markingRule'];
  pages: PagePlan[];
  /** sha256 over everything geometric (first 8 hex digits); a QR names it. */
  layoutHash: string;
}

const lineMm = (pt: number) => (pt * TALLY.lineHeight) / mm(1);
const r2 = (v: number) => Math.round(v * 100) / 100;
const pts = (n: number) => formatNumber(n);

/** Greedy word wrap with the printing font; a word longer than the width is cut. */
export function wrapText(measure: Measure, text: string, pt: number, widthMm: number, bold = false): string[] {
  const width = mm(widthMm);
  const style = bold ? 'bold' : 'normal';
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next, pt, style) <= width) line = next;
    else {
      if (line) lines.push(line);
      line = word;
      while (measure(line, pt, style) > width && line.length > 1) {
        let k = line.length - 1;
        while (k > 1 && measure(line.slice(0, k), pt, style) > width) k--;
        lines.push(line.slice(0, k));
        line = line.slice(k);
      }
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Shorten to one line of the width, ending in "…". */
function fitLine(measure: Measure, text: string, pt: number, widthMm: number, bold = false): string {
  const style = bold ? 'bold' : 'normal';
  if (measure(text, pt, style) <= mm(widthMm)) return text;
  let k = text.length;
  while (k > 1 && measure(`${text.slice(0, k)}…`, pt, style) > mm(widthMm)) k--;
  return `${text.slice(0, k).trimEnd()}…`;
}

class PageInk {
  texts: PlacedText[] = [];
  lines: PlacedLine[] = [];
  pictures: PagePlan['pictures'] = [];
  constructor(readonly measure: Measure) {}

  /** One line of text at (x, y) = top-left of its line box; returns its width in mm. */
  text(text: string, xMm: number, yMm: number, pt: number, style: { bold?: boolean; italics?: boolean; align?: 'left' | 'center' | 'right' } = {}): number {
    const wMm = this.measure(text, pt, style.bold ? (style.italics ? 'bolditalics' : 'bold') : style.italics ? 'italics' : 'normal') / mm(1);
    const x = style.align === 'center' ? xMm - wMm / 2 : style.align === 'right' ? xMm - wMm : xMm;
    if (text) this.texts.push({ xMm: r2(x), yMm: r2(yMm), wMm: r2(wMm), hMm: r2(lineMm(pt)), text, pt, bold: style.bold, italics: style.italics });
    return wMm;
  }

  /** Wrapped paragraph; returns the y below it. */
  para(text: string, xMm: number, yMm: number, widthMm: number, pt: number, style: { bold?: boolean; italics?: boolean; maxLines?: number } = {}): number {
    let lines = wrapText(this.measure, text, pt, widthMm, style.bold);
    if (style.maxLines && lines.length > style.maxLines) {
      lines = lines.slice(0, style.maxLines);
      lines[lines.length - 1] = fitLine(this.measure, `${lines[lines.length - 1]} …`, pt, widthMm, style.bold);
    }
    lines.forEach((l, i) => this.text(l, xMm, yMm + i * lineMm(pt), pt, style));
    return yMm + lines.length * lineMm(pt);
  }

  line(x1: number, y1: number, x2: number, y2: number, pt = 0.6, opts: { dash?: boolean; grey?: boolean } = {}) {
    this.lines.push({ x1: r2(x1), y1: r2(y1), x2: r2(x2), y2: r2(y2), pt, ...opts });
  }
}

// ---------------------------------------------------------------------------------------------
// Frame shared by both kinds: fiducials, QR place, code-box row, header, rule strip, footer.

function fiducialsOf(W: number, H: number): TallyLayout['fiducials'] {
  const c = TALLY.fiducialInsetMm;
  const sq = (id: string, cx: number, cy: number, s: number) => ({ id, xMm: cx - s / 2, yMm: cy - s / 2, wMm: s, hMm: s });
  return [
    sq('tl', c, c, TALLY.fiducialMm), sq('tr', W - c, c, TALLY.fiducialMm),
    sq('bl', c, H - c, TALLY.fiducialMm), sq('br', W - c, H - c, TALLY.fiducialMm),
    sq('ml', c, H / 2, TALLY.extraFiducialMm), sq('mr', W - c, H / 2, TALLY.extraFiducialMm),
  ];
}

/** Left/right limits of text and boxes: clear of the fiducials and their quiet zone. */
const innerLeft = TALLY.fiducialInsetMm + TALLY.fiducialMm / 2 + TALLY.fiducialQuietMm + 1; // 19 mm
const qrRect = (W: number): Rect => ({ xMm: W - innerLeft - 2 - TALLY.qrMm, yMm: TALLY.edgeMm, wMm: TALLY.qrMm, hMm: TALLY.qrMm });
const codeBoxesOf = (H: number) => Array.from({ length: CODE_BITS.total }, (_, bit) => ({
  bit, xMm: innerLeft + 3 + bit * TALLY.codeBoxPitchMm, yMm: H - TALLY.fiducialInsetMm - TALLY.codeBoxMm / 2, wMm: TALLY.codeBoxMm, hMm: TALLY.codeBoxMm,
}));

/** Header (title, set, page line), rule strip; returns the y where the body may start. */
function drawFrame(ink: PageInk, W: number, title: string, setTitle: string, fillCancels: boolean): number {
  const x = innerLeft + 3;
  const right = qrRect(W).xMm - TALLY.qrQuietMm - 2;
  ink.text(title, x, TALLY.edgeMm, TALLY.titlePt, { bold: true });
  let y = ink.para(setTitle, x, TALLY.edgeMm + lineMm(TALLY.titlePt) + 0.5, right - x, TALLY.bodyPt, { maxLines: 2 });
  y = Math.max(y + 1, TALLY.edgeMm + TALLY.qrMm + lineMm(TALLY.smallPt) + 1.5);
  // Marking rule with pictures: the same 5 mm boxes as on the sheet, marks drawn as vectors.
  const b = TALLY.boxMm;
  let cx = x;
  const pic = (picture: Picture, caption: string) => {
    ink.pictures.push({ rect: { xMm: cx, yMm: y, wMm: b, hMm: b }, picture });
    cx += b + 1.5 + ink.text(caption, cx + b + 1.5, y + (b - lineMm(TALLY.labelPt)) / 2, TALLY.labelPt, { bold: true }) + 5;
  };
  ink.text('Cách đánh dấu:', cx, y + (b - lineMm(TALLY.labelPt)) / 2, TALLY.labelPt, { bold: true });
  cx += ink.measure('Cách đánh dấu:', TALLY.labelPt, 'bold') / mm(1) + 3;
  pic('tick', 'chọn');
  pic('cross', 'chọn');
  pic('fill', fillCancels ? 'tô kín = huỷ ô đã đánh dấu' : 'tô kín cũng là chọn');
  const rule = fillCancels
    ? 'Mỗi chỉ số chọn một ô. Đánh dấu ✓ hoặc ✗ vào trong ô bằng bút bi xanh hoặc đen. Chọn nhầm: tô kín ô đó rồi đánh dấu ô đúng.'
    : 'Mỗi chỉ số chọn một ô. Đánh dấu ✓, ✗ hoặc tô kín ô bằng bút bi xanh hoặc đen. Chọn nhầm: dùng phiếu mới.';
  // Tinos has no ✓ ✗ glyphs: the words stand in; the pictures above show the marks.
  y = ink.para(rule.replace('✓ hoặc ✗', 'dấu tích hoặc dấu nhân').replace('✓, ✗', 'dấu tích, dấu nhân'), x, y + b + 1.5, W - 2 * x, TALLY.smallPt, { italics: true });
  return y + 2;
}

/** Lowest y the body may use (above the footer line and code boxes). */
const bodyBottom = (H: number) => H - TALLY.fiducialInsetMm - TALLY.codeBoxMm / 2 - 2 - lineMm(TALLY.smallPt) - 2;

// ---------------------------------------------------------------------------------------------
// Digit boxes (blank sheets): the person's number in the roster list, one row of ten boxes
// (0–9) per decimal place; the digits are printed under the boxes, clear of them.

type IdBox = TallyPage['persons'][number]['idBoxes'][number];
type Box = TallyPage['boxes'][number];

/** One row of ten digit boxes (0–9) for decimal place `digit` (0 = units) of the person number. */
function digitRow(ink: PageInk, slot: string, x0: number, y0: number, digit: number, boxes: Box[], idBoxes: IdBox[]) {
  for (let v = 0; v <= 9; v++) {
    const rect = { xMm: r2(x0 + v * 8), yMm: r2(y0), wMm: TALLY.boxMm, hMm: TALLY.boxMm };
    idBoxes.push({ ...rect, digit, value: v });
    boxes.push({ ...rect, id: digitBoxId(slot, digit, v), person: slot, indicator: ID_INDICATOR, option: `${digit}-${v}`, points: 0 });
    ink.text(String(v), rect.xMm + TALLY.boxMm / 2, rect.yMm + TALLY.boxMm + TALLY.clearMm, TALLY.smallPt, { align: 'center' });
  }
}
/** Digit row pitch: box, clear zone, the digits, clear zone. */
const DIGIT_PITCH = Math.ceil(TALLY.boxMm + 2 * TALLY.clearMm + TALLY.smallPt * TALLY.lineHeight / (72 / 25.4));


// ---------------------------------------------------------------------------------------------
// Personal sheet: A4 portrait, one person, every indicator with its options one per line.

function planPersonal(set: CriteriaSet, input: TallyInput): PagePlan[] {
  const { widthMm: W, heightMm: H } = A4;
  const persons: (TallyPerson | undefined)[] = input.persons?.length ? input.persons : [undefined];
  const x = innerLeft + 3;
  const right = W - innerLeft - 3;
  const labelPt = TALLY.labelPt;
  const optLabel = (o: { label: string; points: number }) => `${o.label} (${pts(o.points)} đ)`;
  const allOptions = set.criteria.flatMap((c) => c.indicators.flatMap((i) => optionsOf(i)));
  const optTextW = Math.min(62, Math.max(...allOptions.map((o) => input.measure(optLabel(o), labelPt) / mm(1))) + 1);
  const optX = right - optTextW - TALLY.clearMm - TALLY.boxMm;
  const textW = optX - TALLY.clearMm - x;
  const pages: PagePlan[] = [];
  for (const person of persons) {
    const slot = person?.id ?? 'S1';
    const indicators: { ind: Indicator; no: string }[] = set.criteria.flatMap((c, ci) => c.indicators.map((ind, ii) => ({ ind, no: `${ci + 1}.${ii + 1}` })));
    let k = 0;
    while (k < indicators.length) {
      const ink = new PageInk(input.measure);
      const boxes: Box[] = [];
      const idBoxes: IdBox[] = [];
      let y = drawFrame(ink, W, `PHIẾU ĐÁNH DẤU CÁ NHÂN — ${set.model_name.toLocaleUpperCase('vi')} ${input.year}`, set.title, input.fillCancels);
      // Identity: on every page, so a loose page still says whose it is.
      if (person) {
        ink.text(`Họ và tên: ${person.name}`, x, y, TALLY.bodyPt, { bold: true });
        y += lineMm(TALLY.bodyPt) + 0.5;
        ink.text(`Mã: ${person.id}${person.unit ? ` — ${person.unit}` : ''}`, x, y, TALLY.labelPt);
        y += lineMm(TALLY.labelPt) + 2;
      } else {
        ink.text('Họ và tên:', x, y + 2, TALLY.bodyPt);
        ink.line(x + 22, y + 2 + lineMm(TALLY.bodyPt), right, y + 2 + lineMm(TALLY.bodyPt), 0.6, { dash: true });
        y += lineMm(TALLY.bodyPt) + 5;
        ink.para('Số thứ tự trong danh sách: mỗi hàng đánh dấu một ô (trăm, chục, đơn vị).', x, y, 60, TALLY.labelPt);
        const places = ['Trăm', 'Chục', 'Đơn vị'];
        const digitsX = right - 9 * 8 - TALLY.boxMm;
        places.forEach((p, r) => {
          ink.text(p, digitsX - TALLY.clearMm - 1, y + r * DIGIT_PITCH + (TALLY.boxMm - lineMm(TALLY.labelPt)) / 2, TALLY.labelPt, { align: 'right' });
          digitRow(ink, slot, digitsX, y + r * DIGIT_PITCH, 2 - r, boxes, idBoxes);
        });
        y += 2 * DIGIT_PITCH + TALLY.boxMm + TALLY.clearMm + lineMm(TALLY.smallPt) + 2;
      }
      ink.line(x, y, right, y, 0.75);
      y += TALLY.clearMm;
      const bottom = bodyBottom(H);
      const startK = k;
      while (k < indicators.length) {
        const { ind, no } = indicators[k]!;
        const opts = optionsOf(ind);
        const head = `${no}. ${ind.short}`;
        const headLines = wrapText(input.measure, head, TALLY.bodyPt, textW, true);
        const bodyLines = wrapText(input.measure, ind.text, TALLY.smallPt, textW);
        const textH = headLines.length * lineMm(TALLY.bodyPt) + bodyLines.length * lineMm(TALLY.smallPt);
        const optLines = opts.map((o) => wrapText(input.measure, optLabel(o), labelPt, optTextW));
        const pitches = optLines.map((l) => Math.max(TALLY.optionPitchMm, l.length * lineMm(labelPt) + TALLY.clearMm));
        const optsH = pitches.slice(0, -1).reduce((a, b) => a + b, 0) + Math.max(TALLY.boxMm, optLines[optLines.length - 1]!.length * lineMm(labelPt));
        const rowH = Math.max(textH, optsH);
        if (y + rowH > bottom && k > startK) break;
        let ty = ink.para(head, x, y, textW, TALLY.bodyPt, { bold: true });
        ink.para(ind.text, x, ty, textW, TALLY.smallPt);
        let oy = y;
        opts.forEach((o, oi) => {
          const rect = { xMm: r2(optX), yMm: r2(oy), wMm: TALLY.boxMm, hMm: TALLY.boxMm };
          boxes.push({ ...rect, id: `${slot}/${ind.id}/${o.id}`, person: slot, indicator: ind.id, option: o.id, points: o.points });
          const lines = optLines[oi]!;
          const ly = oy + (lines.length === 1 ? (TALLY.boxMm - lineMm(labelPt)) / 2 : 0);
          lines.forEach((l, li) => ink.text(l, optX + TALLY.boxMm + TALLY.clearMm, ly + li * lineMm(labelPt), labelPt));
          oy += pitches[oi]!;
        });
        y += rowH + TALLY.clearMm;
        ink.line(x, y, right, y, 0.5, { grey: true });
        y += TALLY.clearMm;
        k++;
      }
      pages.push(pagePlan(ink, pages.length, W, H, [{ person: slot, name: person?.name ?? '', unit: person?.unit ?? '', idBoxes }], boxes));
    }
  }
  return pages;
}

function pagePlan(ink: PageInk, pageIndex: number, W: number, H: number, persons: TallyPage['persons'], boxes: Box[]): PagePlan {
  return {
    texts: ink.texts, lines: ink.lines, pictures: ink.pictures,
    page: { pageIndex, qr: qrRect(W), codeBoxes: codeBoxesOf(H), persons, boxes },
  };
}

// ---------------------------------------------------------------------------------------------
// Group tally: A4 landscape, a row per person, a column per option grouped by indicator. Wide
// sets are split into column bands; every page repeats the headers and the people of its rows.

function planGroup(set: CriteriaSet, input: TallyInput): PagePlan[] {
  const { widthMm: W, heightMm: H } = { widthMm: A4.heightMm, heightMm: A4.widthMm };
  const preprinted = Boolean(input.persons?.length);
  const x = innerLeft + 3;
  const right = W - innerLeft - 3;
  const P = TALLY.columnPitchMm;
  // Left columns: STT | (Mã) | Họ và tên; then the box area, then the row number again.
  const sttW = 8, idW = preprinted ? 16 : 0, nameW = preprinted ? 50 : 52;
  const boxesX = x + sttW + idW + nameW + TALLY.clearMm;
  const rowNoW = 7;
  const areaRight = right - rowNoW - TALLY.clearMm;
  const indicators = set.criteria.flatMap((c, ci) => c.indicators.map((ind, ii) => ({ ind, no: `${ci + 1}.${ii + 1}`, opts: optionsOf(ind) })));
  const groupW = (n: number) => (n - 1) * P + TALLY.boxMm;
  // Column bands: whole indicators, as many as fit.
  const bands: (typeof indicators)[] = [];
  let band: typeof indicators = [];
  let used = 0;
  for (const it of indicators) {
    const w = groupW(it.opts.length) + (band.length ? TALLY.groupGapMm : 0);
    if (band.length && boxesX + used + w > areaRight) { bands.push(band); band = []; used = 0; }
    used += groupW(it.opts.length) + (band.length ? TALLY.groupGapMm : 0);
    band.push(it);
  }
  if (band.length) bands.push(band);

  // Header height: the tallest wrapped indicator label of any band (so every page is alike).
  const labelW = (n: number) => groupW(n) + TALLY.groupGapMm - 2;
  const headLines = (it: (typeof indicators)[number]) => wrapText(input.measure, `${it.no} ${it.ind.short}`, TALLY.smallPt, labelW(it.opts.length), true).slice(0, 4);
  const headH = Math.max(...indicators.map((it) => headLines(it).length)) * lineMm(TALLY.smallPt);
  // Blank rows: box row, digit-box row for the number (tens, units), digits under it.
  const rowPitch = preprinted ? TALLY.rowPitchMm : TALLY.optionPitchMm + TALLY.boxMm + TALLY.clearMm + lineMm(TALLY.smallPt) + TALLY.clearMm + 1;
  const persons: (TallyPerson | undefined)[] = preprinted ? input.persons! : [];
  const pages: PagePlan[] = [];
  const optHead = (o: { points: number }) => `${pts(o.points)}đ`;
  let block = 0;
  for (let first = 0; block === 0 || first < persons.length; block++) {
    let rowsHere = 0;
    for (const bandItems of bands) {
      const ink = new PageInk(input.measure);
      const boxes: Box[] = [];
      const slots: TallyPage['persons'] = [];
      const bandNote = bands.length > 1 ? ` — chỉ số ${bandItems[0]!.no} đến ${bandItems[bandItems.length - 1]!.no}` : '';
      let y = drawFrame(ink, W, `PHIẾU ĐÁNH DẤU THEO NHÓM — ${set.model_name.toLocaleUpperCase('vi')} ${input.year}${bandNote}`, set.title, input.fillCancels);
      if (!preprinted) {
        ink.text('Tổ / nhóm: ', x, y, TALLY.labelPt);
        ink.line(x + 20, y + lineMm(TALLY.labelPt), x + 120, y + lineMm(TALLY.labelPt), 0.6, { dash: true });
        y += lineMm(TALLY.labelPt) + 2;
      }
      // Column headers: indicator label over its option columns, the option's points under it.
      const headTop = y;
      const optTop = headTop + headH + 1;
      const boxTop0 = optTop + lineMm(TALLY.smallPt) + TALLY.clearMm + 0.1;
      ink.text('STT', x + sttW / 2, optTop, TALLY.smallPt, { bold: true, align: 'center' });
      if (preprinted) ink.text('Mã', x + sttW + 1, optTop, TALLY.smallPt, { bold: true });
      ink.text(preprinted ? 'Họ và tên' : 'Họ và tên (viết tay)', x + sttW + idW + 1, optTop, TALLY.smallPt, { bold: true });
      let gx = boxesX;
      const columns: { it: (typeof indicators)[number]; xs: number[] }[] = [];
      for (const it of bandItems) {
        const xs = it.opts.map((_, oi) => gx + oi * P);
        columns.push({ it, xs });
        const centre = gx + groupW(it.opts.length) / 2;
        headLines(it).forEach((l, li) => ink.text(l, centre, headTop + li * lineMm(TALLY.smallPt), TALLY.smallPt, { bold: true, align: 'center' }));
        it.opts.forEach((o, oi) => ink.text(optHead(o), xs[oi]! + TALLY.boxMm / 2, optTop, TALLY.smallPt, { align: 'center' }));
        gx += groupW(it.opts.length) + TALLY.groupGapMm;
      }
      const rowNoX = gx - TALLY.groupGapMm + TALLY.clearMm + rowNoW / 2;
      const bottom = bodyBottom(H);
      const maxRows = Math.max(1, Math.floor((bottom - boxTop0 - (rowPitch - TALLY.rowPitchMm + TALLY.boxMm)) / rowPitch) + 1);
      const rows = preprinted ? persons.slice(first, first + maxRows) : Array.from({ length: maxRows }, () => undefined);
      rowsHere = rows.length;
      const lastBoxBottom = boxTop0 + (rows.length - 1) * rowPitch + (preprinted ? TALLY.boxMm : TALLY.optionPitchMm + TALLY.boxMm);
      rows.forEach((person, r) => {
        const by = boxTop0 + r * rowPitch;
        const stt = preprinted ? first + r + 1 : r + 1;
        const slot = person?.id ?? `R${String(r + 1).padStart(2, '0')}`;
        const ty = by + (TALLY.boxMm - lineMm(TALLY.labelPt)) / 2;
        ink.text(String(stt), x + sttW / 2, ty, TALLY.labelPt, { align: 'center' });
        ink.text(String(stt), rowNoX, ty, TALLY.labelPt, { align: 'center' });
        const idBoxes: IdBox[] = [];
        if (person) {
          ink.text(fitLine(input.measure, person.id, TALLY.smallPt, idW - 1), x + sttW + 1, by + (TALLY.boxMm - lineMm(TALLY.smallPt)) / 2, TALLY.smallPt);
          ink.text(fitLine(input.measure, person.name, TALLY.labelPt, nameW - 2), x + sttW + idW + 1, ty, TALLY.labelPt);
        } else {
          // Write-in line for the name, then the number as tens and units digit boxes.
          ink.line(x + sttW + 1, by + TALLY.boxMm, x + sttW + nameW - 1, by + TALLY.boxMm, 0.6, { dash: true });
          const dy = by + TALLY.optionPitchMm;
          ink.text('Số TT: chục', x + sttW + 1, dy + (TALLY.boxMm - lineMm(TALLY.smallPt)) / 2, TALLY.smallPt);
          digitRow(ink, slot, boxesX, dy, 1, boxes, idBoxes);
          ink.text('đơn vị', boxesX + 9 * 8 + TALLY.boxMm + TALLY.clearMm, dy + (TALLY.boxMm - lineMm(TALLY.smallPt)) / 2, TALLY.smallPt);
          digitRow(ink, slot, boxesX + 10 * 8 + 16, dy, 0, boxes, idBoxes);
        }
        for (const { it, xs } of columns)
          it.opts.forEach((o, oi) => boxes.push({ xMm: r2(xs[oi]!), yMm: r2(by), wMm: TALLY.boxMm, hMm: TALLY.boxMm, id: `${slot}/${it.ind.id}/${o.id}`, person: slot, indicator: it.ind.id, option: o.id, points: o.points }));
        slots.push({ person: slot, name: person?.name ?? '', unit: person?.unit ?? '', idBoxes });
        // Rules between rows across the name columns only (a rule through the box area would sit too close to the boxes).
        if (r < rows.length - 1) {
          const ly = by + rowPitch - (rowPitch - (preprinted ? TALLY.boxMm : TALLY.optionPitchMm + TALLY.boxMm + TALLY.clearMm + lineMm(TALLY.smallPt))) / 2;
          ink.line(x, ly, boxesX - TALLY.clearMm, ly, 0.5, { grey: true });
        }
      });
      // Rules between indicator groups, in the middle of the 6 mm gap (3 mm from the boxes).
      // Blank rows: only beside the indicator boxes, since the digit-box row below spans the columns.
      for (const { xs } of columns.slice(1)) {
        const lx = xs[0]! - TALLY.groupGapMm / 2;
        if (preprinted) ink.line(lx, headTop, lx, lastBoxBottom, 0.6);
        else {
          ink.line(lx, headTop, lx, boxTop0 - TALLY.clearMm, 0.6);
          rows.forEach((_, r) => ink.line(lx, boxTop0 + r * rowPitch - 1, lx, boxTop0 + r * rowPitch + TALLY.boxMm, 0.6));
        }
      }
      ink.line(x, boxTop0 - TALLY.clearMm + 0.5, boxesX - TALLY.clearMm, boxTop0 - TALLY.clearMm + 0.5, 0.75);
      pages.push(pagePlan(ink, pages.length, W, H, slots, boxes));
    }
    first += rowsHere;
    if (!preprinted) break;
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------

export function planTallySheet(set: CriteriaSet, input: TallyInput): TallyPlan {
  const pages = input.kind === 'personal' ? planPersonal(set, input) : planGroup(set, input);
  const pageSize = input.kind === 'personal' ? { widthMm: A4.widthMm, heightMm: A4.heightMm } : { widthMm: A4.heightMm, heightMm: A4.widthMm };
  const fiducials = fiducialsOf(pageSize.widthMm, pageSize.heightMm);
  const markingRule = { tickChooses: true, fillCancels: input.fillCancels };
  const geometric = { kind: input.kind, criteriaSetId: set.id, pageSize, fiducials, markingRule, pages: pages.map((p) => p.page) };
  const layoutHash = createHash('sha256').update(JSON.stringify(geometric)).digest('hex').slice(0, 8);
  return { kind: input.kind, criteriaSetId: set.id, title: set.title, pageSize, fiducials, markingRule, pages, layoutHash };
}

export interface TallySheet {
  layout: TallyLayout;
  definition: TDocumentDefinitions;
}

/** Give the plan its identity (layout number → serials, QR payloads, page codes) and draw it. */
export function finishTallySheet(plan: TallyPlan, layoutNo: number = layoutNoOf(plan.layoutHash)): TallySheet {
  const n = plan.pages.length;
  const pages: TallyPage[] = plan.pages.map((p, i) => {
    const serial = serialOf(plan.kind, layoutNo, i);
    return {
      pageIndex: i,
      sheetId: `${plan.criteriaSetId}:${plan.layoutHash}:${i}`,
      serial,
      qr: { ...p.page.qr, payload: `HT1|${plan.criteriaSetId}|${plan.layoutHash}|${i}|${n}|${serial}` },
      codeBoxes: p.page.codeBoxes,
      code: pageCode(layoutNo, i),
      persons: p.page.persons,
      boxes: p.page.boxes,
    };
  });
  const layout: TallyLayout = {
    format: { ...TALLY_FORMAT }, kind: plan.kind, criteriaSetId: plan.criteriaSetId, layoutHash: plan.layoutHash,
    pageSize: plan.pageSize, markingRule: plan.markingRule, fiducials: plan.fiducials, pages,
  };
  return { layout, definition: drawTallySheet(plan, layout) };
}

export function buildTallySheet(set: CriteriaSet, input: TallyInput, layoutNo?: number): TallySheet {
  return finishTallySheet(planTallySheet(set, input), layoutNo);
}

// ---------------------------------------------------------------------------------------------
// Drawing: everything absolutely positioned in each page's background; the flow content is
// only the page breaks. Marks solid black; mark-box outlines black ≥ 0.75 pt.

/** The marking-rule pictures printed on the sheet: the same vectors the handouts teach with. */
function pictureMarks(r: Rect, picture: Picture): any[] {
  const X = mm(r.xMm), Y = mm(r.yMm), S = mm(r.wMm);
  if (picture === 'fill') return [{ type: 'rect', x: X, y: Y, w: S, h: S, color: 'black', lineWidth: TALLY.boxOutlinePt }];
  return picture === 'tick' ? tickVectors(X, Y, S, 1.4) : crossVectors(X, Y, S, 1.4);
}

function pageContent(plan: TallyPlan, pagePlan: PagePlan, page: TallyPage, pageCount: number): Content[] {
  const { widthMm: W, heightMm: H } = plan.pageSize;
  const out: Content[] = [];
  const canvas: any[] = [];
  const rect = (r: Rect, fill: boolean, lineWidth: number) =>
    canvas.push({ type: 'rect', x: mm(r.xMm), y: mm(r.yMm), w: mm(r.wMm), h: mm(r.hMm), lineWidth, ...(fill ? { color: 'black' } : {}) });
  for (const f of plan.fiducials) rect(f, true, 0);
  for (const b of page.boxes) rect(b, false, TALLY.boxOutlinePt);
  for (const c of page.codeBoxes) rect(c, ((page.code >> c.bit) & 1) === 1, TALLY.boxOutlinePt);
  for (const p of pagePlan.pictures) {
    rect(p.rect, false, TALLY.boxOutlinePt);
    canvas.push(...pictureMarks(p.rect, p.picture));
  }
  for (const l of pagePlan.lines)
    canvas.push({ type: 'line', x1: mm(l.x1), y1: mm(l.y1), x2: mm(l.x2), y2: mm(l.y2), lineWidth: l.pt, lineColor: l.grey ? '#555555' : 'black', ...(l.dash ? { dash: { length: 1.2, space: 2 } } : {}) });
  // QR as vector modules of an exact size.
  const m = qrMatrix(page.qr.payload, 'Q');
  const cell = mm(page.qr.wMm) / m.length;
  for (let i = 0; i < m.length; i++)
    for (let j = 0; j < m.length; j++)
      if (m[i]![j]) canvas.push({ type: 'rect', x: mm(page.qr.xMm) + j * cell, y: mm(page.qr.yMm) + i * cell, w: cell + 0.02, h: cell + 0.02, color: 'black', lineWidth: 0 });
  out.push({ canvas, absolutePosition: { x: 0, y: 0 } } as Content);
  // Human-readable serial under the QR, footer line.
  const serialY = page.qr.yMm + page.qr.hMm + 0.6;
  const texts = [...pagePlan.texts];
  const serialText = `Số phiếu ${page.serial}`;
  drawFooterText(texts, page, W, H, pageCount);
  texts.push({ xMm: page.qr.xMm, yMm: serialY, wMm: page.qr.wMm, hMm: lineMm(TALLY.smallPt), text: serialText, pt: TALLY.smallPt, bold: true });
  for (const t of texts)
    out.push({ text: t.text, fontSize: t.pt, bold: t.bold, italics: t.italics, lineHeight: 1, absolutePosition: { x: mm(t.xMm), y: mm(t.yMm) } } as Content);
  return out;
}

/** The footer text is drawn, not planned: it depends on the serial (identity), not on geometry. */
function drawFooterText(texts: PlacedText[], page: TallyPage, _W: number, H: number, pageCount: number) {
  const y = H - TALLY.fiducialInsetMm - TALLY.codeBoxMm / 2 - 2 - lineMm(TALLY.smallPt);
  texts.push({
    xMm: innerLeft + 3, yMm: r2(y), wMm: 0, hMm: r2(lineMm(TALLY.smallPt)), pt: TALLY.smallPt, italics: true,
    text: `In đúng kích thước 100 %, không thu nhỏ — Số phiếu ${page.serial} — Trang ${page.pageIndex + 1}/${pageCount}`,
  });
}

export function drawTallySheet(plan: TallyPlan, layout: TallyLayout): TDocumentDefinitions {
  const n = layout.pages.length;
  return {
    pageSize: { width: mm(plan.pageSize.widthMm), height: mm(plan.pageSize.heightMm) },
    pageMargins: [0, 0, 0, 0],
    content: layout.pages.map((_, i) => ({ text: '', ...(i > 0 ? { pageBreak: 'before' as const } : {}) })),
    background: (page: number) => pageContent(plan, plan.pages[page - 1]!, layout.pages[page - 1]!, n),
  };
}
