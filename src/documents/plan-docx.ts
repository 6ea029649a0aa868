// Builder: a parsed administrative document (plans/plan-model.ts) → Word .docx bytes, from the
// same document and the same DECREE30 constants as the PDF (plan-document.ts). Real Word styles
// (Normal, Heading 1–3, Căn cứ, Tên loại, Trích yếu, Nơi nhận …) so the secretary keeps editing it.
import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph,
  Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, convertMillimetersToTwip,
  type IBorderOptions, type IParagraphOptions,
} from 'docx';
import type { Measure } from '../pdf/measure-text.js';
import { ptToMm } from '../pdf/units.js';
import { upperVi } from '../locale/format-vi.js';
import { issuerRuleMm } from './blocks.js';
import { recipientLines, type Block, type PlanDocument, type Run } from '../plans/plan-model.js';
import { DECREE30_TEXT_WIDTH_MM, headerColumnsMm, tableWidthsMm } from './plan-document.js';
import { A4, DECREE30, QUOC_HIEU, TIEU_NGU } from './page-setup.js';

const D = DECREE30;
/** The family Word looks for; LibreOffice substitutes the metric-compatible Liberation Serif. */
const WORD_FONT = 'Times New Roman';
const twip = (v: number) => Math.round(convertMillimetersToTwip(v));
const halfPt = (pt: number) => Math.round(pt * 2);
const ptTwip = (pt: number) => Math.round(pt * 20);
/** Word "multiple" line spacing is in 240ths of a line. */
const lineSpacing = (times: number) => ({ line: Math.round(240 * times), lineRule: LineRuleType.AUTO });

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(D.rulePt * 8)), color: '000000', space: 0 };

const runsOf = (runs: readonly Run[], extra: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] =>
  runs.map((r) => new TextRun({ text: r.text, bold: r.bold || extra.bold || undefined, italics: r.italics || extra.italics || undefined, size: extra.size }));

const centred = (text: string, opts: { bold?: boolean; italics?: boolean; size: number; style?: string; after?: number; before?: number }) =>
  new Paragraph({
    style: opts.style,
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, ...lineSpacing(1) },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: halfPt(opts.size) })],
  });

/** A solid rule `lengthMm` long, centred in a column `columnMm` wide: the bottom border of an empty, tiny paragraph. */
const ruleParagraph = (lengthMm: number, columnMm: number, afterPt = 0) => {
  const side = Math.max(0, (columnMm - lengthMm) / 2);
  return new Paragraph({
    indent: { left: twip(side), right: twip(side), firstLine: 0 },
    spacing: { before: 0, after: ptTwip(afterPt), line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: RULE },
    children: [new TextRun({ text: '', size: 2 })],
  });
};

const cell = (children: (Paragraph | Table)[], widthMm: number, align: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable] = VerticalAlignTable.TOP) =>
  new TableCell({ children, width: { size: twip(widthMm), type: WidthType.DXA }, verticalAlign: align, margins: { top: 0, bottom: 0, left: 0, right: 0 } });

const layoutTable = (widthsMm: number[], cells: TableCell[], cantSplit = false) =>
  new Table({
    width: { size: twip(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(twip),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: cells, cantSplit })],
  });

function heading(doc: PlanDocument, measure: Measure): (Paragraph | Table)[] {
  const cols = headerColumnsMm(measure, doc.header.placeDate);
  const toMm = ptToMm;
  const upper = upperVi;
  const issuerMm = toMm(measure(upper(doc.header.issuer), D.agencyPt, 'bold'));
  const left = [
    ...(doc.header.parent ? [centred(upper(doc.header.parent), { size: D.agencyPt, style: 'CoQuan' })] : []),
    centred(upper(doc.header.issuer), { size: D.agencyPt, bold: true, style: 'CoQuan' }),
    ruleParagraph(issuerRuleMm(issuerMm, cols.left), cols.left, 4),
    centred(doc.header.number, { size: D.numberPt, style: 'CoQuan' }),
  ];
  const mottoMm = toMm(measure(TIEU_NGU, D.mottoPt, 'bold'));
  const right = [
    centred(QUOC_HIEU, { size: D.nationalPt, bold: true, style: 'QuocHieu' }),
    centred(TIEU_NGU, { size: D.mottoPt, bold: true, style: 'QuocHieu' }),
    ruleParagraph(mottoMm, cols.right, 6),
    centred(doc.header.placeDate, { size: D.datePt, italics: true, style: 'DiaDanh' }),
  ];
  const summaryMm = Math.min(toMm(measure(doc.summary, D.titlePt, 'bold')), DECREE30_TEXT_WIDTH_MM);
  return [
    layoutTable([cols.left, D.headerGapMm, cols.right], [cell(left, cols.left), cell([new Paragraph({ children: [] })], D.headerGapMm), cell(right, cols.right)]),
    new Paragraph({ style: 'TenLoai', children: [new TextRun(doc.kind)] }),
    new Paragraph({ style: 'TrichYeu', children: [new TextRun(doc.summary)] }),
    ruleParagraph(Math.max(D.minRuleMm, summaryMm * D.summaryRuleRatio), DECREE30_TEXT_WIDTH_MM),
    ...(doc.authority ? [centred(doc.authority, { size: D.titlePt, bold: true, before: twip(3) })] : []),
    ...addressees(doc),
    new Paragraph({ spacing: { before: 0, after: twip(D.bodyBeforeMm) - ptTwip(D.paragraphAfterPt) }, children: [] }),
  ];
}

function addressees(doc: PlanDocument): Paragraph[] {
  if (!doc.addressees.length) return [];
  if (doc.addressees.length === 1)
    return [centred(`Kính gửi: ${doc.addressees[0]}.`.replace(/\.\.$/, '.'), { size: D.bodyPt, before: twip(4) })];
  return [
    centred('Kính gửi:', { size: D.bodyPt, before: twip(4) }),
    ...recipientLines(doc.addressees).map((l) => centred(l, { size: D.bodyPt })),
  ];
}

function blockDocx(b: Block, measure: Measure, extra: Partial<IParagraphOptions> = {}): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ style: `Heading${b.level}`, ...extra, children: [new TextRun({ text: `${b.label} `, bold: b.level < 3 }), ...runsOf(b.runs)] })];
    case 'paragraph':
      return [new Paragraph({
        ...(b.align && b.align !== 'justify' ? { alignment: b.align === 'center' ? AlignmentType.CENTER : AlignmentType.RIGHT, indent: { firstLine: 0 } } : {}),
        ...extra,
        children: runsOf(b.runs),
      })];
    case 'basis':
      return [new Paragraph({ style: 'CanCu', ...extra, children: runsOf(b.runs) })];
    case 'item':
      return [new Paragraph({ style: 'DanhMuc', ...extra, children: [new TextRun(`${b.marker} `), ...runsOf(b.runs)] })];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case 'table':
      return [
        ...(extra.pageBreakBefore ? [new Paragraph({ pageBreakBefore: true, spacing: { after: 0 }, children: [] })] : []),
        planTable(b, measure),
      ];
  }
}

function planTable(b: Extract<Block, { kind: 'table' }>, measure: Measure): Table {
  const widths = tableWidthsMm(b, measure);
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(D.tableRulePt * 8)), color: '000000' };
  const alignOf = (a: string) => (a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const row = (cells: Run[][], head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: cells.map((c, i) =>
        new TableCell({
          width: { size: twip(widths[i]), type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { left: ptTwip(D.tableCellPaddingPt), right: ptTwip(D.tableCellPaddingPt), top: 40, bottom: 40 },
          children: [new Paragraph({ style: 'BangChu', alignment: head ? AlignmentType.CENTER : alignOf(b.columns[i].align), children: runsOf(c, head ? { bold: true } : {}) })],
        })),
    });
  return new Table({
    width: { size: twip(DECREE30_TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map(twip),
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [row(b.header, true), ...b.rows.map((r) => row(r, false))],
  });
}

/** Nơi nhận beside the signature, one unsplittable table row, kept with the last body line. */
function closing(doc: PlanDocument): Table {
  const left = [
    new Paragraph({ style: 'NoiNhanTieuDe', children: [new TextRun('Nơi nhận:')] }),
    ...recipientLines(doc.recipients).map((l) => new Paragraph({ style: 'NoiNhan', children: [new TextRun(l)] })),
  ];
  const right = [
    ...doc.signature.lines.map((l) => new Paragraph({ style: 'ChuKy', children: [new TextRun(l)] })),
    new Paragraph({ style: 'ChuKy', spacing: { before: twip(D.signatureSpaceMm), after: 0 }, children: [new TextRun(doc.signature.name)] }),
  ];
  const rightMm = DECREE30_TEXT_WIDTH_MM - D.recipientsColumnMm - 2;
  return layoutTable([D.recipientsColumnMm, 2, rightMm], [cell(left, D.recipientsColumnMm), cell([new Paragraph({ children: [] })], 2), cell(right, rightMm)], true);
}

const pageNumber = () =>
  new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { after: 0 }, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPt(D.pageNumberPt) })] })],
  });

/** The paragraph styles the document uses; Word shows them in its style gallery. */
function styles() {
  const base = { font: WORD_FONT, color: '000000' };
  const plain = { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 0, after: 0, ...lineSpacing(1) } };
  const body = { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: twip(D.indentMm) }, spacing: { before: 0, after: ptTwip(D.paragraphAfterPt), ...lineSpacing(D.lineHeight) } };
  return {
    default: { document: { run: { ...base, size: halfPt(D.bodyPt) }, paragraph: body } },
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true, run: { ...base, size: halfPt(D.bodyPt) }, paragraph: body },
      { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { ...base, bold: true, size: halfPt(D.bodyPt) }, paragraph: { ...body, keepNext: true, outlineLevel: 0 } },
      { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { ...base, bold: true, size: halfPt(D.bodyPt) }, paragraph: { ...body, keepNext: true, outlineLevel: 1 } },
      { id: 'Heading3', name: 'heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { ...base, size: halfPt(D.bodyPt) }, paragraph: { ...body, keepNext: true, outlineLevel: 2 } },
      { id: 'CanCu', name: 'Căn cứ', basedOn: 'Normal', next: 'CanCu', quickFormat: true, run: { ...base, italics: true, size: halfPt(D.bodyPt) }, paragraph: body },
      { id: 'DanhMuc', name: 'Gạch đầu dòng', basedOn: 'Normal', next: 'DanhMuc', quickFormat: true, run: { ...base, size: halfPt(D.bodyPt) }, paragraph: body },
      { id: 'CoQuan', name: 'Cơ quan, số', basedOn: 'Normal', run: { ...base, size: halfPt(D.agencyPt) }, paragraph: plain },
      { id: 'QuocHieu', name: 'Quốc hiệu', basedOn: 'Normal', run: { ...base, bold: true, size: halfPt(D.nationalPt) }, paragraph: plain },
      { id: 'DiaDanh', name: 'Địa danh, ngày tháng', basedOn: 'Normal', run: { ...base, italics: true, size: halfPt(D.datePt) }, paragraph: plain },
      { id: 'TenLoai', name: 'Tên loại văn bản', basedOn: 'Normal', next: 'TrichYeu', quickFormat: true, run: { ...base, bold: true, size: halfPt(D.titlePt) }, paragraph: { ...plain, spacing: { ...plain.spacing, before: twip(D.titleBeforeMm) } } },
      { id: 'TrichYeu', name: 'Trích yếu', basedOn: 'Normal', quickFormat: true, run: { ...base, bold: true, size: halfPt(D.titlePt) }, paragraph: plain },
      { id: 'BangChu', name: 'Chữ trong bảng', basedOn: 'Normal', run: { ...base, size: halfPt(D.tablePt) }, paragraph: { ...plain, alignment: AlignmentType.LEFT } },
      { id: 'NoiNhanTieuDe', name: 'Nơi nhận (tiêu đề)', basedOn: 'Normal', run: { ...base, bold: true, italics: true, size: halfPt(D.recipientsHeadPt) }, paragraph: { ...plain, alignment: AlignmentType.LEFT } },
      { id: 'NoiNhan', name: 'Nơi nhận', basedOn: 'Normal', run: { ...base, size: halfPt(D.recipientsPt) }, paragraph: { ...plain, alignment: AlignmentType.LEFT } },
      { id: 'ChuKy', name: 'Chữ ký', basedOn: 'Normal', run: { ...base, bold: true, size: halfPt(D.signaturePt) }, paragraph: plain },
    ],
  };
}

export async function buildPlanDocx(doc: PlanDocument, measure: Measure, meta: { title: string; creator: string }): Promise<Buffer> {
  const body = doc.body.flatMap((b, i) => blockDocx(b, measure, i === doc.body.length - 1 ? { keepNext: true, keepLines: true } : {}));
  const appendix = doc.appendix.flatMap((b, i) => blockDocx(b, measure, i === 0 ? { pageBreakBefore: true } : {}));
  const M = D.marginMm;
  const document = new Document({
    title: meta.title,
    creator: meta.creator,
    styles: styles(),
    sections: [{
      properties: {
        // Different first page: NĐ30 prints no number on page 1.
        titlePage: true,
        page: {
          size: { width: twip(A4.widthMm), height: twip(A4.heightMm), orientation: PageOrientation.PORTRAIT },
          margin: { top: twip(M.top), bottom: twip(M.bottom), left: twip(M.left), right: twip(M.right), header: twip(D.pageNumberTopMm), footer: twip(8) },
        },
      },
      headers: { default: pageNumber(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
      children: [...heading(doc, measure), ...body, closing(doc), ...appendix],
    }],
  });
  return Packer.toBuffer(document);
}

