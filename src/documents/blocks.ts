// Content blocks shared by forms and formal documents: the two-column national heading and
// the signature block. Pure: sizes and the text measurer come in as arguments.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { mm, ptToMm } from '../pdf/units.js';
import type { Measure } from '../pdf/measure-text.js';
import { upperVi } from '../locale/format-vi.js';
import { DECREE30, QUOC_HIEU, TIEU_NGU } from './page-setup.js';

/** Length of the rule under cơ quan ban hành (mm), from the issuer line's width and the column's. */
export const issuerRuleMm = (issuerMm: number, columnMm: number) =>
  Math.max(DECREE30.agencyRuleMinMm, Math.min(issuerMm, columnMm) / DECREE30.agencyRuleRatio);

export interface HeadingSpec {
  /** Cơ quan chủ quản (may be empty) and cơ quan ban hành, as written in hoctap.yaml. */
  parent: string;
  issuer: string;
  /** "Số: 12/KH-HKH" under the issuer; omitted on forms. */
  number?: string;
  /** Place-and-date line under the motto, e.g. "Bình Minh, ngày 05 tháng 3 năm 2026". */
  dateLine?: string;
  sizes: { agency: number; national: number; motto: number; number?: number; date?: number };
  /** Width of the left column in mm (NĐ30 samples give it about 40 % of the text width). */
  leftMm: number;
  measure: Measure;
  ruleWidthPt?: number;
}

/** A horizontal rule of a given length (pt), centred in its column. */
export const centredRule = (lengthPt: number, widthPt = 0.6): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: lengthPt, y2: 0, lineWidth: widthPt }],
  alignment: 'center',
  margin: [0, 1, 0, 0],
});

export function nationalHeading(h: HeadingSpec): Content {
  const upper = upperVi;
  const mottoWidth = h.measure(TIEU_NGU, h.sizes.motto, 'bold');
  const issuerWidth = h.measure(upper(h.issuer), h.sizes.agency, 'bold');
  const left: Content[] = [
    ...(h.parent ? [{ text: upper(h.parent), fontSize: h.sizes.agency }] : []),
    { text: upper(h.issuer), fontSize: h.sizes.agency, bold: true },
    // NĐ30: a short rule, a third to a half of the issuer line, centred under it.
    centredRule(mm(issuerRuleMm(ptToMm(issuerWidth), h.leftMm)), h.ruleWidthPt),
    ...(h.number ? [{ text: h.number, fontSize: h.sizes.number ?? h.sizes.agency, margin: [0, 4, 0, 0] as [number, number, number, number] }] : []),
  ];
  const right: Content[] = [
    { text: QUOC_HIEU, fontSize: h.sizes.national, bold: true },
    { text: TIEU_NGU, fontSize: h.sizes.motto, bold: true },
    centredRule(mottoWidth, h.ruleWidthPt),
    ...(h.dateLine ? [{ text: h.dateLine, fontSize: h.sizes.date ?? h.sizes.motto, italics: true, margin: [0, 6, 0, 0] as [number, number, number, number] }] : []),
  ];
  return {
    columns: [
      { width: mm(h.leftMm), stack: left, alignment: 'center' },
      { width: '*', stack: right, alignment: 'center' },
    ],
    columnGap: mm(2),
  };
}

export interface SignatureSpec {
  /** "TM. BAN THƯỜNG VỤ" etc. (may be empty), position, name. */
  authority?: string;
  position: string;
  name: string;
  /** Shown in italics under the position on forms: "(Ký, ghi rõ họ tên)". */
  note?: string;
  size: number;
  spaceMm: number;
}

export function signatureBlock(s: SignatureSpec): Content {
  return {
    stack: [
      ...(s.authority ? [{ text: upperVi(s.authority), bold: true, fontSize: s.size }] : []),
      { text: upperVi(s.position), bold: true, fontSize: s.size },
      ...(s.note ? [{ text: s.note, italics: true, fontSize: s.size - 1 }] : []),
      { text: s.name, bold: true, fontSize: s.size, margin: [0, mm(s.spaceMm), 0, 0] as [number, number, number, number] },
    ],
    alignment: 'center',
    unbreakable: true,
  };
}

/** pageBreakBefore for any document: a heading (a node with headlineLevel) never ends a page, it
 *  moves to the next page with what follows it. */
export const headingsKeepWithNext: NonNullable<TDocumentDefinitions['pageBreakBefore']> = (node, q) =>
  Boolean(node.headlineLevel) && q.getFollowingNodesOnPage().length === 0;
