// Criteria set (+ optional roster person) → the phiếu tự đánh giá, chấm điểm: heading, identity
// block, the points table (TT | Tiêu chí / Chỉ số | Điểm tối đa | Điểm tự chấm | Điểm … chấm |
// Ghi chú) with subtotals and total, the recognition rule in words, self-classification boxes,
// date line and signatures. Pure builder.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CriteriaSet, Indicator } from '../criteria/criteria-schema.js';
import { formatNumber } from '../locale/format-vi.js';
import { optionsOf } from '../criteria/indicator-options.js';
import { mm } from '../pdf/units.js';
import { signatureBlock } from './blocks.js';
import {
  formDocument, formHeading, handDateLine, provenanceNote, tickChoices, writeLine, FORM_WIDTH_MM,
  type FormContext, type Person,
} from './form-parts.js';
import { MODEL_WORDING } from './model-wording.js';
import { FORM } from './page-setup.js';

const pts = (n: number) => formatNumber(n);

/** The recognition rule in plain words, e.g. "tổng điểm từ 80 điểm trở lên; Tiêu chí 1 đạt ít nhất 20 điểm". */
export function recognitionRuleText(set: CriteriaSet): string {
  const r = set.scoring.recognition;
  const parts = [`tổng điểm đạt từ ${pts(r.min_total)} điểm trở lên (tối đa ${pts(set.scoring.max_total)} điểm)`];
  for (const [cid, min] of Object.entries(r.min_per_criterion)) {
    const c = set.criteria.find((x) => x.id === cid);
    parts.push(`tiêu chí "${c?.title ?? cid}" đạt ít nhất ${pts(min)}/${pts(c?.max ?? 0)} điểm`);
  }
  if (r.required_indicators.length) parts.push(`đạt các chỉ số bắt buộc ${r.required_indicators.join(', ')}`);
  const bands = set.scoring.classification.map((b) => `${b.label}: từ ${pts(b.min_total)} điểm`).join('; ');
  return `Được công nhận "${set.model_name}" khi ${parts.join('; ')}.${bands ? ` Xếp loại — ${bands}.` : ''}`;
}

/** How an indicator is scored, printed under its text: "(Đạt: 10 điểm; Không đạt: 0 điểm)".
 *  Options come from optionsOf(), so the scoresheet, the tally sheets and the scorer agree. */
export function scoringHint(ind: Indicator): string {
  if (ind.type === 'points') return `(Chấm từ 0 đến ${pts(ind.max)} điểm)`;
  return `(${optionsOf(ind).map((o) => `${o.label}: ${pts(o.points)} điểm`).join('; ')})`;
}

const COLS_MM = { tt: 11, max: 17, self: 18, assessor: 19, note: 20 };
const textColMm = FORM_WIDTH_MM - Object.values(COLS_MM).reduce((a, b) => a + b, 0);

/** Per-indicator marks for a worked example (handouts): points shown in the self-score column. */
export type ExampleMarks = Record<string, number>;

function pointsTable(set: CriteriaSet, assessorColumn: string, example?: ExampleMarks): Content[] {
  const head = (t: string): TableCell => ({ text: t, bold: true, fontSize: FORM.tableHeadPt, alignment: 'center' });
  const header: TableCell[] = [head('TT'), head('Tiêu chí / Chỉ số'), head('Điểm tối đa'), head('Điểm tự chấm'), head(assessorColumn), head('Ghi chú')];
  // pdfmake adds cell padding and rules to fixed widths: subtract them so the table fits the text width.
  const pad = 3;
  const widths = [COLS_MM.tt, textColMm, COLS_MM.max, COLS_MM.self, COLS_MM.assessor, COLS_MM.note].map((w) => mm(w) - 2 * pad - FORM.rulePt);
  const layout = {
    hLineWidth: () => FORM.rulePt, vLineWidth: () => FORM.rulePt,
    paddingTop: () => 2, paddingBottom: () => 2, paddingLeft: () => pad, paddingRight: () => pad,
  };
  const centred = (t: string, bold = false): TableCell => ({ text: t, alignment: 'center', bold });
  // One outer table repeats the column header on every page; each criterion is an inner table
  // whose header row is the criterion itself, kept with its first indicator (keepWithHeaderRows)
  // and repeated if the criterion runs over a page. Inner widths equal the outer columns.
  const inner = (body: TableCell[][], headerRows: number): TableCell => ({
    colSpan: 6,
    border: [false, false, false, false],
    table: { widths, headerRows, keepWithHeaderRows: headerRows ? 1 : 0, dontBreakRows: true, body },
    layout,
  } as TableCell);
  const outerRow = (cell: TableCell): TableCell[] => [cell, '', '', '', '', ''];
  const body: TableCell[][] = [header];
  set.criteria.forEach((c, ci) => {
    const sub = example ? c.indicators.reduce((a, i) => a + (example[i.id] ?? 0), 0) : undefined;
    const criterionRow: TableCell[] = [
      centred(String(ci + 1), true),
      { text: `${c.id}. ${c.title}`, bold: true },
      centred(pts(c.max), true),
      centred(sub === undefined ? '' : pts(sub), true), '', '',
    ];
    const rows = c.indicators.map((ind, ii): TableCell[] => [
      centred(`${ci + 1}.${ii + 1}`),
      { stack: [{ text: ind.text }, { text: scoringHint(ind), italics: true, fontSize: 11 }] },
      centred(pts(ind.max)),
      centred(example?.[ind.id] !== undefined ? pts(example[ind.id]) : ''),
      '', '',
    ]);
    body.push(outerRow(inner([criterionRow, ...rows], 1)));
  });
  const total = example ? Object.values(example).reduce((a, b) => a + b, 0) : undefined;
  body.push(outerRow(inner([[centred(''), { text: 'TỔNG CỘNG', bold: true }, centred(pts(set.scoring.max_total), true), centred(total === undefined ? '' : pts(total), true), '', '']], 0)));
  return [{
    table: { widths: widths.map((w) => w + 2 * pad), headerRows: 1, body },
    // The outer table frames only its header; the inner tables draw their own rules.
    layout: {
      hLineWidth: () => FORM.rulePt, vLineWidth: () => FORM.rulePt,
      paddingTop: (row: number) => (row === 0 ? 2 : 0), paddingBottom: (row: number) => (row === 0 ? 2 : 0),
      paddingLeft: () => 0, paddingRight: () => 0,
    },
  } as Content];
}

/** The content of one person's sheet (no page frame), so a roster can chain many. */
export function scoresheetContent(set: CriteriaSet, ctx: FormContext, person: Person = {}, example?: ExampleMarks): Content[] {
  const w = MODEL_WORDING[set.model];
  const year = ctx.config.nam;
  const bands = set.scoring.classification.length ? set.scoring.classification.map((b) => b.label) : [set.scoring.recognition.label];
  const half = (FORM_WIDTH_MM - 4) / 2;
  const identity: Content[] = [
    writeLine(ctx, w.fields[0], person.name ?? ''),
    ...(set.model === 'cong_dan_hoc_tap'
      ? [
          { columns: [writeLine(ctx, 'Năm sinh', person.birthYear ?? '', half), writeLine(ctx, 'Giới tính', person.gender ?? '', half)], columnGap: mm(4) } as Content,
          writeLine(ctx, 'Khu phố / Đơn vị', person.unit ?? ''),
          writeLine(ctx, 'Nhóm đối tượng', set.subject_group?.label ?? person.group ?? ''),
        ]
      : w.fields.slice(1, 3).map((f) => writeLine(ctx, f))),
  ];
  return [
    formHeading(ctx),
    { text: 'PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM', bold: true, fontSize: FORM.titlePt, alignment: 'center', margin: [0, mm(5), 0, 0] },
    { text: `DANH HIỆU "${set.model_name.toLocaleUpperCase('vi')}" NĂM ${year}`, bold: true, fontSize: FORM.headingPt + 1, alignment: 'center' },
    ...(set.subject_group ? [{ text: `(Dành cho nhóm: ${set.subject_group.label})`, italics: true, alignment: 'center' } as Content] : []),
    { stack: identity, margin: [0, mm(2), 0, mm(4)] },
    ...pointsTable(set, w.assessorColumn, example),
    { text: recognitionRuleText(set), margin: [0, mm(3), 0, mm(1)], italics: true },
    {
      unbreakable: true,
      stack: [
        { text: 'Tự xếp loại (đánh dấu X vào một ô):', bold: true, margin: [0, mm(2), 0, 0] },
        tickChoices(ctx, [...bands, 'Chưa đạt']),
        handDateLine(year),
        {
          columns: [
            signatureBlock({ position: w.confirmer, name: ' ', note: '(Ký, ghi rõ họ tên)', size: FORM.bodyPt, spaceMm: 20 }),
            signatureBlock({ position: w.signer, name: person.name ?? ' ', note: '(Ký, ghi rõ họ tên)', size: FORM.bodyPt, spaceMm: 20 }),
          ],
        },
      ],
    },
  ];
}

export interface SheetEntry {
  set: CriteriaSet;
  person?: Person;
  /** Pages this sheet takes (from a trial render); with several sheets an odd count gets a
   *  blank page after it so each sheet starts on a front side when printed double-sided. */
  pages?: number;
}

/** The blank sheet of one set. */
export function buildScoresheet(set: CriteriaSet, ctx: FormContext): TDocumentDefinitions {
  return buildSheets([{ set }], ctx);
}

/** Many personalised sheets in one PDF (one unit of a roster), ready for duplex printing. */
export function buildSheets(entries: SheetEntry[], ctx: FormContext, example?: ExampleMarks): TDocumentDefinitions {
  const duplex = entries.length > 1;
  // Page → entry, to name the person and set in each page's footer.
  const owner: number[] = [];
  const content: Content[] = entries.flatMap((e, k) => {
    const pages = e.pages ?? 1;
    const pad = duplex && pages % 2 === 1;
    for (let i = 0; i < pages + (pad ? 1 : 0); i++) owner.push(k);
    const sheet: Content[] = [{ stack: scoresheetContent(e.set, ctx, e.person, example), ...(k > 0 ? { pageBreak: 'before' as const } : {}) }];
    if (pad) sheet.push({ text: '(Trang này để trống để in hai mặt)', italics: true, fontSize: FORM.footerPt, alignment: 'center', pageBreak: 'before', margin: [0, mm(100), 0, 0] });
    return sheet;
  });
  return formDocument({
    content,
    footerNote: (page) => {
      const e = entries[owner[page - 1] ?? 0] ?? entries[0];
      const note = provenanceNote(e.set);
      return e.person?.name ? `${e.person.name} — ${note}` : note;
    },
  });
}
