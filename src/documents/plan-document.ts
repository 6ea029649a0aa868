// Pure builder: a parsed administrative document (plans/plan-model.ts) → pdfmake definition in
// the Nghị định 30/2020 Phụ lục I layout. Sizes come from page-setup.ts DECREE30; the Word
// twin (plan-docx.ts) reads the same document and the same constants.
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { mm } from '../pdf/units.js';
import type { Measure } from '../pdf/measure-text.js';
import { recipientLines, runsText, type Block, type PlanDocument, type Run } from '../plans/plan-model.js';
import { centredRule, headingsKeepWithNext, nationalHeading } from './blocks.js';
import { A4, DECREE30, QUOC_HIEU } from './page-setup.js';

const D = DECREE30;
const M = D.marginMm;
export const DECREE30_TEXT_WIDTH_MM = A4.widthMm - M.left - M.right;

/**
 * Width of the right header column: the Quốc hiệu on one line (and the date line), plus a little
 * air; the left column (cơ quan) takes the rest and wraps, as printed NĐ30 documents do.
 */
export function headerColumnsMm(measure: Measure, placeDate: string): { left: number; right: number } {
  const pt = Math.max(measure(QUOC_HIEU, D.nationalPt, 'bold'), measure(placeDate, D.datePt, 'italics'));
  const right = Math.ceil((pt / mm(1)) + D.headerAirMm);
  return { left: DECREE30_TEXT_WIDTH_MM - right - D.headerGapMm, right };
}

/**
 * Runs → pdfmake inlines. pdfmake may break a line after "/" or "-" and, in justified text,
 * then widens the gap inside "677/QĐ-TTg": a token that holds "/" or "-" is kept whole (noWrap).
 */
const inline = (runs: readonly Run[]) =>
  runs.flatMap((r) => {
    const style = { ...(r.bold ? { bold: true } : {}), ...(r.italics ? { italics: true } : {}) };
    return r.text.split(/(\S*[^\s/-][/-]\S*)/).filter(Boolean).map((t) => ({ text: t, ...style, ...(/\S[/-]|[/-]\S/.test(t) && !/\s/.test(t) ? { noWrap: true } : {}) }));
  });

const after = (pt: number): [number, number, number, number] => [0, 0, 0, pt];

function blockContent(b: Block, measure: Measure): Content {
  const para = { alignment: 'justify' as const, leadingIndent: mm(D.indentMm), margin: after(D.paragraphAfterPt) };
  switch (b.kind) {
    case 'heading':
      // headlineLevel lets pageBreakBefore keep a heading with the text under it.
      return { ...para, text: [{ text: `${b.label} `, bold: b.level < 3 }, ...inline(b.runs)], headlineLevel: b.level };
    case 'paragraph':
      return b.align && b.align !== 'justify'
        ? { text: inline(b.runs), alignment: b.align, margin: after(D.paragraphAfterPt) }
        : { ...para, text: inline(b.runs) };
    case 'basis':
      return { ...para, text: inline(b.runs), italics: true };
    case 'item':
      return { ...para, text: [`${b.marker} `, ...inline(b.runs)] };
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
    case 'table':
      return planTable(b, measure);
  }
}

/**
 * Column widths in mm (cell padding included) shared by the PDF and Word tables: proportional to
 * the dash counts of the separator row, but never narrower than the longest word of the header.
 */
export function tableWidthsMm(b: Extract<Block, { kind: 'table' }>, measure: Measure): number[] {
  const padMm = (2 * D.tableCellPaddingPt + D.tableRulePt + 1) / mm(1);
  const minMm = b.header.map((cell) => Math.max(...runsText(cell).split(/\s+/).map((w) => measure(w, D.tablePt, 'bold') / mm(1))) + padMm);
  const widths = b.columns.map(() => 0);
  let free = DECREE30_TEXT_WIDTH_MM;
  let open = b.columns.map((_, i) => i);
  // Give fixed minimums to columns whose share is too small, then share the rest by weight.
  for (;;) {
    const total = open.reduce((a, i) => a + b.columns[i].weight, 0);
    const short = open.filter((i) => (free * b.columns[i].weight) / total < minMm[i]);
    if (!short.length) {
      for (const i of open) widths[i] = (free * b.columns[i].weight) / total;
      return widths;
    }
    for (const i of short) (widths[i] = minMm[i]), (free -= minMm[i]);
    open = open.filter((i) => !short.includes(i));
    if (!open.length) return widths;
  }
}

function planTable(b: Extract<Block, { kind: 'table' }>, measure: Measure): ContentTable {
  const pad = D.tableCellPaddingPt;
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: tableWidthsMm(b, measure).map((w) => mm(w) - 2 * pad - D.tableRulePt),
      body: [
        b.header.map((cell) => ({ text: inline(cell), bold: true, alignment: 'center' as const })),
        ...b.rows.map((row) => row.map((cell, i) => ({ text: inline(cell), alignment: b.columns[i].align }))),
      ],
    },
    layout: {
      hLineWidth: () => D.tableRulePt,
      vLineWidth: () => D.tableRulePt,
      paddingLeft: () => pad,
      paddingRight: () => pad,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize: D.tablePt,
    lineHeight: 1,
    margin: after(D.paragraphAfterPt * 2),
  };
}

/** Nơi nhận (left) beside the signature block (right), top-aligned as in NĐ30 ô 7 and ô 9a. */
function closing(doc: PlanDocument): Content {
  const recipients = {
    width: mm(D.recipientsColumnMm),
    stack: [
      { text: 'Nơi nhận:', bold: true, italics: true, fontSize: D.recipientsHeadPt },
      ...recipientLines(doc.recipients).map((l) => ({ text: l, fontSize: D.recipientsPt, lineHeight: 1 })),
    ],
  };
  const signature = {
    width: '*',
    alignment: 'center' as const,
    stack: [
      ...doc.signature.lines.map((l) => ({ text: l, bold: true, fontSize: D.signaturePt, lineHeight: 1 })),
      { text: doc.signature.name, bold: true, fontSize: D.signaturePt, margin: [0, mm(D.signatureSpaceMm), 0, 0] as [number, number, number, number] },
    ],
  };
  return { columns: [recipients, signature], columnGap: mm(2), margin: [0, mm(2), 0, 0] } as Content;
}

export function buildPlanPdf(doc: PlanDocument, measure: Measure): TDocumentDefinitions {
  const textWidthPt = mm(DECREE30_TEXT_WIDTH_MM);
  const cols = headerColumnsMm(measure, doc.header.placeDate);
  const summaryWidth = Math.min(measure(doc.summary, D.titlePt, 'bold'), textWidthPt);
  const head: Content[] = [
    nationalHeading({
      parent: doc.header.parent,
      issuer: doc.header.issuer,
      number: doc.header.number,
      dateLine: doc.header.placeDate,
      sizes: { agency: D.agencyPt, national: D.nationalPt, motto: D.mottoPt, number: D.numberPt, date: D.datePt },
      leftMm: cols.left,
      measure,
      ruleWidthPt: D.rulePt,
    }),
    { text: doc.kind, bold: true, fontSize: D.titlePt, alignment: 'center', margin: [0, mm(D.titleBeforeMm), 0, 0] },
    { text: doc.summary, bold: true, fontSize: D.titlePt, alignment: 'center' },
    // NĐ30: a short rule under the trích yếu, a third to a half of its line.
    { ...(centredRule(Math.max(mm(D.minRuleMm), summaryWidth * D.summaryRuleRatio), D.rulePt) as object), margin: [0, 2, 0, 0] } as Content,
    ...(doc.authority ? [{ text: doc.authority, bold: true, fontSize: D.titlePt, alignment: 'center' as const, margin: [0, mm(3), 0, 0] as [number, number, number, number] }] : []),
    ...addressees(doc),
    { text: '', margin: [0, mm(D.bodyBeforeMm), 0, 0] },
  ];
  const body = doc.body.map((b) => blockContent(b, measure));
  // The signature never stands alone at the top of a page: it travels with the last text block.
  const last = doc.body.at(-1);
  const keepLast = last && last.kind !== 'table' && last.kind !== 'pageBreak';
  const tail: Content = { stack: [...(keepLast ? [body.pop()!] : []), closing(doc)], unbreakable: true };
  const appendix = doc.appendix.map((b) => blockContent(b, measure));
  if (appendix.length) appendix[0] = { stack: [appendix[0]], pageBreak: 'before' };
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [mm(M.left), mm(M.top), mm(M.right), mm(M.bottom)],
    defaultStyle: { fontSize: D.bodyPt, lineHeight: D.lineHeight },
    // NĐ30: page numbers centred in the top margin, from page 2 on.
    header: (page: number) =>
      page === 1 ? null : { text: String(page), alignment: 'center', fontSize: D.pageNumberPt, margin: [mm(M.left), mm(D.pageNumberTopMm), mm(M.right), 0] },
    pageBreakBefore: headingsKeepWithNext,
    content: [...head, ...body, tail, ...appendix],
  };
}

function addressees(doc: PlanDocument): Content[] {
  if (!doc.addressees.length) return [];
  const margin: [number, number, number, number] = [0, mm(4), 0, 0];
  if (doc.addressees.length === 1) return [{ text: `Kính gửi: ${doc.addressees[0]}.`.replace(/\.\.$/, '.'), alignment: 'center', margin }];
  return [{
    columns: [
      { width: '*', text: 'Kính gửi:', alignment: 'right', margin: [0, 0, mm(2), 0] },
      { width: 'auto', stack: recipientLines(doc.addressees) },
      { width: '*', text: '' },
    ],
    margin,
  }];
}
