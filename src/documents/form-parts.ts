// Pieces shared by the participant forms (scoresheet, registration form): page frame, title,
// write-in lines, tick boxes, provenance footer. Pure functions of their arguments.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CriteriaSet } from '../criteria/criteria-schema.js';
import type { ProjectConfig } from '../config/config-schema.js';
import { mm } from '../pdf/units.js';
import type { Measure } from '../pdf/measure-text.js';
import { nationalHeading } from './blocks.js';
import { A4, FORM } from './page-setup.js';

export interface FormContext {
  config: ProjectConfig;
  measure: Measure;
}

/** One participant from a roster; every field is optional on a blank form. */
export interface Person {
  id?: string;
  name?: string;
  birthYear?: string;
  gender?: string;
  unit?: string;
  group?: string;
}

export const FORM_WIDTH_MM = A4.widthMm - FORM.marginMm.left - FORM.marginMm.right;

/** The organisation that hands out forms: the Hội Khuyến học when configured, else the first one. */
export function formIssuer(config: ProjectConfig) {
  return config.co_quan.hoi ?? Object.values(config.co_quan)[0];
}

export function formHeading(ctx: FormContext): Content {
  const issuer = formIssuer(ctx.config);
  return nationalHeading({
    parent: issuer?.chu_quan ?? '',
    issuer: issuer?.ten ?? ctx.config.phuong.ten,
    sizes: { agency: 11, national: 12, motto: 13 },
    leftMm: 86,
    measure: ctx.measure,
  });
}

/** An empty square tick box of FORM.boxMm, drawn as a vector (never a glyph: fonts vary). */
export const tickBox = (sizeMm: number = FORM.boxMm): Content => ({
  width: mm(sizeMm),
  canvas: [{ type: 'rect', x: 0, y: 0, w: mm(sizeMm), h: mm(sizeMm), lineWidth: FORM.rulePt }],
}) as Content;

/** "□ label" items in a row, boxes ≥ 5 mm; each item as wide as its label so none wraps. */
export function tickChoices(ctx: FormContext, labels: string[], fontSize: number = FORM.bodyPt): Content {
  return {
    columns: labels.map((label) => ({
      width: mm(FORM.boxMm + 2 + 7) + ctx.measure(label, fontSize),
      columnGap: 0,
      columns: [tickBox(), { text: label, fontSize, width: '*', margin: [mm(2), mm(0.6), 0, 0] }],
    })),
    margin: [0, mm(1.5), 0, mm(1.5)],
  } as Content;
}

/** Choices whose labels may be long (subject groups): two per row when they fit in half the
 *  text width, otherwise one per row, the label wrapping beside its box — never past the margin. */
export function tickChoiceRows(ctx: FormContext, labels: string[], fontSize: number = FORM.bodyPt): Content[] {
  const halfPt = mm(FORM_WIDTH_MM / 2 - FORM.boxMm - 4);
  const perRow = labels.every((l) => ctx.measure(l, fontSize) <= halfPt) ? 2 : 1;
  const rows: Content[] = [];
  for (let k = 0; k < labels.length; k += perRow)
    rows.push({
      columns: labels.slice(k, k + perRow).map((label) => ({
        width: mm(FORM_WIDTH_MM / perRow),
        columnGap: 0,
        columns: [tickBox(), { text: label, fontSize, width: '*', margin: [mm(2), mm(0.6), mm(3), 0] }],
      })),
      margin: [0, mm(1.5), 0, mm(1.5)],
    } as Content);
  return rows;
}

/** "Label: value ……" on a dotted write-in line at least FORM.writeLineMm high. Every width is
 *  fixed (no "*"): pdfmake widens star columns to their widest content, which pushed lines
 *  past the text area when two write-in lines share a row. */
export function writeLine(ctx: FormContext, label: string, value = '', widthMm = FORM_WIDTH_MM, fontSize: number = FORM.bodyPt): Content {
  const labelText = `${label}: `;
  const labelPt = ctx.measure(labelText, fontSize) + 1;
  const valuePt = Math.max(mm(10), mm(widthMm) - labelPt);
  return {
    width: mm(widthMm),
    // columnGap is inherited in pdfmake: a row of two write-in lines must not widen each one.
    columnGap: 0,
    columns: [
      { text: labelText, fontSize, width: labelPt },
      {
        width: valuePt,
        stack: [
          { text: value || ' ', fontSize, bold: Boolean(value) },
          { canvas: [{ type: 'line', x1: 0, y1: 0, x2: valuePt - 1, y2: 0, lineWidth: 0.6, dash: { length: 1.2, space: 2 } }] },
        ],
      },
    ],
    // Line pitch ≥ 8 mm: room for handwriting in older hands.
    margin: [0, mm(FORM.writeLineMm) - fontSize * 1.2 - 1, 0, 0],
  } as Content;
}

/** Blank write-in lines (commitments, notes). */
export const blankLines = (count: number, widthMm = FORM_WIDTH_MM): Content => ({
  stack: Array.from({ length: count }, () => ({
    canvas: [{ type: 'line', x1: 0, y1: mm(FORM.writeLineMm), x2: mm(widthMm), y2: mm(FORM.writeLineMm), lineWidth: 0.6, dash: { length: 1.2, space: 2 } }],
  })),
});

/** "…………, ngày …… tháng …… năm 2026": the place-and-date line to fill by hand. */
export const handDateLine = (year: number): Content => ({
  text: `…………………, ngày …… tháng …… năm ${year}`,
  italics: true,
  alignment: 'right',
  fontSize: FORM.bodyPt,
  margin: [0, mm(4), 0, mm(1)],
});

/** The footer names the set and its source, or says it is a sample to check locally. The set's
 *  full title is printed at the top of the form; here its id keeps the footer to two lines. */
export function provenanceNote(set: CriteriaSet): string {
  const p = set.provenance;
  return p.verified
    ? `Bộ tiêu chí "${set.id}" theo ${p.document}${p.date ? ` (${p.date.split('-').reverse().join('/')})` : ''}.`
    : `Bộ tiêu chí "${set.id}": BẢN MẪU chưa đối chiếu văn bản gốc (${p.document}); kiểm tra với văn bản của địa phương trước khi dùng.`;
}

export interface FormFrame {
  content: Content[];
  /** Footer left text; the page number goes right. */
  footerNote: (page: number, pageCount: number) => string;
}

export function formDocument(f: FormFrame): TDocumentDefinitions {
  const m = FORM.marginMm;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [mm(m.left), mm(m.top), mm(m.right), mm(m.bottom)],
    defaultStyle: { fontSize: FORM.bodyPt, lineHeight: 1.1 },
    content: f.content,
    footer: (page, pageCount) => ({
      columns: [
        { text: f.footerNote(page, pageCount), width: '*' },
        { text: `Trang ${page}/${pageCount}`, width: 'auto' },
      ],
      fontSize: FORM.footerPt,
      // Single line spacing: even a three-line note ends above the 10 mm edge band.
      lineHeight: 1,
      margin: [mm(m.left), mm(2), mm(m.right), 0],
      columnGap: mm(4),
    }),
  };
}
