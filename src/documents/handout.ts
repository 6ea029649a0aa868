// Criteria set + hoctap.yaml + the rendered words of templates/tap-huan → the training handout
// (tài liệu tập huấn), A4 or A5 (the booklet's pages). The words come from the templates; the
// tables, worked example, timeline, contacts and pictures come from the data. Pure builder.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ProjectConfig } from '../config/config-schema.js';
import type { CriteriaSet } from '../criteria/criteria-schema.js';
import { problem, type Problem } from '../errors.js';
import { formatDateLong, formatNumber } from '../locale/format-vi.js';
import type { Measure } from '../pdf/measure-text.js';
import { mm } from '../pdf/units.js';
import { parseInline } from '../plans/parse-markup.js';
import type { RenderedLine } from '../plans/render-template.js';
import type { SheetScore } from '../scoring/score-sheet.js';
import { headingsKeepWithNext } from './blocks.js';
import { formIssuer, type FormContext, type Person } from './form-parts.js';
import { markVectors, verdictVectors, type MarkKind } from './mark-pictures.js';
import { A4, A5, HANDOUT } from './page-setup.js';
import { isPictogram, PICTOGRAMS, pictogram } from './pictograms.js';
import { scoresheetContent, scoringHint, type ExampleMarks } from './scoresheet.js';

const pts = (n: number) => formatNumber(n);

// ─── Markup ────────────────────────────────────────────────────────────────────────────────
// The template text, after Handlebars (the plans' renderer: same helpers, same located
// errors), is plain lines. Inline emphasis is the plans' (parseInline); the line kinds below
// are the handout's own (pictures and data blocks have no place in an NĐ30 plan):
//   # Title line            ## Section heading        ### Sub-heading
//   - list item             blank line = new paragraph; **bold** inside a line
//   @but Step text          a step with a pictogram (names: PICTOGRAMS)
//   @dung:tich+cheo Text    a right (dung) or wrong (sai) way to mark, boxes joined by "+"
//   [[bang-tieu-chi]]       a block made from the data (tables, example, timeline, contacts)
//   [giữa] text             a centred line (as in the plans' markup)
//   ---                     a new slide (slides only)

export type MarkupBlock =
  | { kind: 'title'; lines: string[]; line: number }
  | { kind: 'heading'; level: 2 | 3; text: string; line: number }
  | { kind: 'para'; text: string; line: number; center?: boolean }
  | { kind: 'list'; items: string[]; line: number }
  | { kind: 'step'; icon: string; text: string; line: number }
  | { kind: 'mark'; right: boolean; marks: MarkKind[]; text: string; line: number }
  | { kind: 'data'; name: string; line: number }
  | { kind: 'break'; line: number };

/** Template names of the marks (Vietnamese, as a ward writes them) → mark kinds. */
export const MARK_NAMES: Record<string, MarkKind> = {
  tich: 'tick', cheo: 'cross', 'to-kin': 'fill', khoanh: 'circle', cham: 'dot', 'to-mot-phan': 'partial', 'ngoai-o': 'outside', trong: 'empty',
};

/** Data blocks of the handout and of the slides, with what each shows (for hints and warnings). */
export const HANDOUT_BLOCKS: Record<string, string> = {
  'bang-tieu-chi': 'bảng tiêu chí, chỉ số và điểm',
  'cong-nhan': 'điều kiện công nhận',
  'phieu-mau': 'phiếu chấm mẫu đã điền',
  'moc-thoi-gian': 'lịch các bước trong năm',
  'lien-he': 'người cần hỏi và số điện thoại',
};
export const SLIDE_BLOCKS: Record<string, string> = { ...HANDOUT_BLOCKS, 'bang-tieu-chi': 'các tiêu chí, mỗi tiêu chí vài trang chiếu' };

const PICTURE_LINE = /^(\s*)@(\S+)\s*(.*)$/;
const BLOCK_LINE = /^(\s*)\[\[\s*([^\]]*?)\s*\]\]\s*$/;

function markPictureSpec(name: string): { right: boolean; marks: MarkKind[] } | undefined {
  const m = /^(dung|sai):(.+)$/.exec(name);
  if (!m) return undefined;
  const marks = m[2]!.split('+').map((k) => MARK_NAMES[k]);
  return marks.every(Boolean) && marks.length <= 3 ? { right: m[1] === 'dung', marks: marks as MarkKind[] } : undefined;
}

/** Lines after Handlebars (each with the template line it came from) → blocks. */
export function parseTapHuanMarkup(input: string | readonly RenderedLine[]): MarkupBlock[] {
  const lines = typeof input === 'string' ? input.split(/\r?\n/).map((text, i) => ({ text, line: i + 1 })) : input;
  const blocks: MarkupBlock[] = [];
  let para: { text: string[]; line: number } | undefined;
  const flush = () => {
    if (para) blocks.push({ kind: 'para', text: para.text.join(' '), line: para.line });
    para = undefined;
  };
  lines.forEach(({ text: raw, line }) => {
    const s = raw.normalize('NFC').trim();
    const last = blocks.at(-1);
    if (!s) return flush();
    let m: RegExpExecArray | null;
    if (s === '---') { flush(); blocks.push({ kind: 'break', line }); return; }
    if ((m = /^(#{1,3})\s+(.*)$/.exec(s))) {
      flush();
      if (m[1] === '#') {
        if (last?.kind === 'title') last.lines.push(m[2]!);
        else blocks.push({ kind: 'title', lines: [m[2]!], line });
      } else blocks.push({ kind: 'heading', level: m[1]!.length as 2 | 3, text: m[2]!, line });
      return;
    }
    if ((m = /^[-*]\s+(.*)$/.exec(s))) {
      flush();
      if (last?.kind === 'list') last.items.push(m[1]!);
      else blocks.push({ kind: 'list', items: [m[1]!], line });
      return;
    }
    if ((m = BLOCK_LINE.exec(s))) { flush(); blocks.push({ kind: 'data', name: m[2]!, line }); return; }
    if ((m = /^\[(giữa|giua)\]\s*(.*)$/i.exec(s))) { flush(); blocks.push({ kind: 'para', text: m[2]!, line, center: true }); return; }
    if ((m = PICTURE_LINE.exec(s))) {
      flush();
      const spec = markPictureSpec(m[2]!);
      blocks.push(spec ? { kind: 'mark', ...spec, text: m[3]!, line } : { kind: 'step', icon: m[2]!, text: m[3]!, line });
      return;
    }
    if (para) para.text.push(s);
    else para = { text: [s], line };
  });
  flush();
  return blocks;
}

/**
 * Picture and block names checked in the template source itself (before Handlebars), so a
 * problem points at the very line and column the ward wrote.
 */
export function checkMarkupSource(source: string, file: string, blocks: Record<string, string>): Problem[] {
  const problems: Problem[] = [];
  // Comments may show the syntax ("@dung:<dấu>"): blank them out, keeping lines and columns.
  const visible = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));
  visible.split(/\r?\n/).forEach((raw, i) => {
    let m: RegExpExecArray | null;
    if ((m = PICTURE_LINE.exec(raw)) && !m[2]!.includes('{{')) {
      const name = m[2]!;
      if (!isPictogram(name) && !markPictureSpec(name))
        problems.push(problem('E_HANDOUT_PICTURE_UNKNOWN', { name, pictograms: PICTOGRAMS.join(', '), marks: Object.keys(MARK_NAMES).join(', ') }, { file, line: i + 1, col: m[1]!.length + 2 }));
    } else if ((m = BLOCK_LINE.exec(raw)) && !(m[2]! in blocks)) {
      problems.push(problem('E_HANDOUT_BLOCK_UNKNOWN', { name: m[2]!, allowed: Object.keys(blocks).map((b) => `[[${b}]]`).join(', ') }, { file, line: i + 1, col: m[1]!.length + 1 }));
    }
  });
  return problems;
}

/** "**bold**", "*italic*" inside a line → pdfmake text runs (the plans' inline markup); a plain
 *  string when there is no emphasis (pdfmake's keep-heading-with-text check sees inline runs as
 *  nodes of their own). */
const runs = (text: string): string | ReturnType<typeof parseInline> => {
  const r = parseInline(text);
  return r.length === 1 && !r[0]!.bold && !r[0]!.italics ? r[0]!.text : r;
};

// ─── Data for the handout ──────────────────────────────────────────────────────────────────

/**
 * Deterministic example marks for the worked example: full points, then every second indicator
 * one step lower (next level, or a fifth off for `points`) when the sheet still passes — a
 * realistic sheet that is recognised. Yes/no indicators keep full points unless they may drop.
 */
export function exampleMarks(set: CriteriaSet, score: (points: ExampleMarks) => SheetScore): ExampleMarks {
  const marks: ExampleMarks = {};
  const all = set.criteria.flatMap((c) => c.indicators);
  for (const ind of all) marks[ind.id] = ind.max;
  all.forEach((ind, k) => {
    if (k % 2 === 0) return;
    const lower = ind.type === 'levels'
      ? [...ind.levels!].map((l) => l.points).filter((p) => p < ind.max).sort((a, b) => b - a)[0]
      : ind.type === 'points' ? Math.round(ind.max * 0.8 * 2) / 2 : 0;
    if (lower === undefined || lower >= ind.max) return;
    const trial = { ...marks, [ind.id]: lower };
    if (score(trial).recognised) marks[ind.id] = lower;
  });
  return marks;
}

export const STEP_KEYS = ['dang_ky', 'tu_danh_gia', 'binh_xet', 'cong_nhan'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

const STEP_DEFAULT: Record<StepKey, { label: string; icon: string }> = {
  dang_ky: { label: 'Đăng ký', icon: 'phieu' },
  tu_danh_gia: { label: 'Tự đánh giá', icon: 'kiem' },
  binh_xet: { label: 'Bình xét', icon: 'nhom' },
  cong_nhan: { label: 'Công nhận', icon: 'sao' },
};

export interface TimelineStep {
  key: StepKey;
  label: string;
  icon: string;
  /** ISO date or '' when neither hoctap.yaml nor the set gives one. */
  date: string;
  by: string;
  description: string;
}

/** The year's four steps: label/by/description from the set's procedure; date from hoctap.yaml
 *  `lich.<key>` when given, else the procedure's MM-DD in the campaign year `nam`. */
export function yearTimeline(set: CriteriaSet, config: ProjectConfig): TimelineStep[] {
  return STEP_KEYS.map((key) => {
    const p = set.procedure.find((s) => s.key === key);
    const date = config.lich[key] ?? (p ? `${config.nam}-${p.due}` : '');
    return { key, label: p?.label ?? STEP_DEFAULT[key].label, icon: STEP_DEFAULT[key].icon, date, by: p?.by ?? '', description: p?.description ?? '' };
  });
}

export const dateOrBlank = (iso: string) => (iso ? formatDateLong(iso) : '(chưa định ngày)');

export interface WorkedExample {
  marks: ExampleMarks;
  score: SheetScore;
  person: Person;
}

export interface HandoutData {
  set: CriteriaSet;
  config: ProjectConfig;
  measure: Measure;
  example: WorkedExample;
  timeline: TimelineStep[];
}

/** Sizes a block is drawn at: the A4 or A5 handout, or a slide. */
export interface BlockStyle {
  widthMm: number;
  bodyPt: number;
  headingPt: number;
  subheadingPt: number;
  titlePt: number;
  smallPt: number;
  pictogramMm: number;
  markBoxMm: number;
  rulePt: number;
  gapPt: number;
  slide?: boolean;
}

export type HandoutPaper = 'A4' | 'A5';

export function handoutStyle(paper: HandoutPaper): BlockStyle {
  const page = paper === 'A4' ? A4 : A5;
  const m = paper === 'A4' ? HANDOUT.marginMm : HANDOUT.a5MarginMm;
  return {
    widthMm: page.widthMm - m.left - m.right,
    bodyPt: HANDOUT.bodyPt, headingPt: HANDOUT.headingPt, subheadingPt: HANDOUT.subheadingPt, titlePt: HANDOUT.titlePt,
    smallPt: HANDOUT.bodyPt, pictogramMm: paper === 'A4' ? HANDOUT.pictogramMm : HANDOUT.pictogramMm - 2,
    markBoxMm: paper === 'A4' ? HANDOUT.markBoxMm : HANDOUT.markBoxMm - 2,
    rulePt: HANDOUT.rulePt, gapPt: HANDOUT.paragraphAfterPt,
  };
}

// ─── Blocks ────────────────────────────────────────────────────────────────────────────────

const noLines = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 };

/** A picture beside text (steps and marks): picture column of fixed width so texts align. */
function besideText(picture: Content, pictureWidthMm: number, text: string, st: BlockStyle, pictureHeightMm: number): Content {
  const lineH = st.bodyPt * 1.25;
  // Centre a one- or two-line text on the picture; longer texts start at its top.
  const top = Math.max(0, (mm(pictureHeightMm) - lineH) / 2 - 1);
  return {
    columns: [
      { width: mm(pictureWidthMm), stack: [picture] },
      { width: '*', text: runs(text), fontSize: st.bodyPt, margin: [0, top, 0, 0] },
    ],
    columnGap: mm(4),
    margin: [0, st.gapPt / 2, 0, st.gapPt],
    unbreakable: true,
  } as Content;
}

function stepBlock(icon: string, text: string, st: BlockStyle): Content {
  return besideText(pictogram(icon, st.pictogramMm), st.pictogramMm, text, st, st.pictogramMm);
}

/** A way to mark, right or wrong: the boxes as marked, a badge (circled tick / black cross), the words. */
function markBlock(right: boolean, marks: MarkKind[], text: string, st: BlockStyle): Content {
  const s = st.markBoxMm;
  const pad = s * 0.45;
  const gap = s * 0.7;
  const badge = s * 0.75;
  // room for two boxes, so the texts of the usual blocks line up; a third box widens its own block
  const n = Math.max(2, marks.length);
  const widthMm = pad + n * s + (n - 1) * gap + s * 1.1 + badge + 2;
  const canvas = marks.flatMap((k, i) => markVectors(k, s, mm(pad + i * (s + gap)), mm(pad), st.rulePt));
  canvas.push(...verdictVectors(right, badge, mm(widthMm - badge - 1), mm(pad + (s - badge) / 2)));
  return besideText({ canvas } as Content, widthMm, text, st, s + 2 * pad);
}

export function criteriaTable(set: CriteriaSet, st: BlockStyle): Content {
  const narrow = st.widthMm < 140;
  const widths = [mm(narrow ? 17 : 20), '*', mm(narrow ? 17 : 22)];
  const head = (t: string): TableCell => ({ text: t, bold: true, alignment: 'center' });
  const header: TableCell[] = [head('Mã'), head('Chỉ số (lời của bộ tiêu chí) và cách chấm'), head('Điểm\ntối đa')];
  const layout = (rows: number) => ({
    // Heavy rules round the header and the criterion row: each criterion reads as one group.
    hLineWidth: (i: number) => (i <= 2 || i === rows ? HANDOUT.heavyRulePt : st.rulePt),
    vLineWidth: () => st.rulePt,
    paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 3, paddingBottom: () => 4,
  });
  // One table per criterion, as on the scoresheet: the column header and the criterion row
  // repeat on a new page and never end a page without an indicator under them.
  const tables: Content[] = set.criteria.map((c, k) => {
    const body: TableCell[][] = [
      header,
      [{ text: c.id, bold: true }, { text: `Tiêu chí: ${c.title}`, bold: true }, { text: pts(c.max), bold: true, alignment: 'center' }],
      ...c.indicators.map((ind): TableCell[] => [
        { text: ind.id },
        {
          stack: [
            { text: ind.text },
            { text: `Cách chấm: ${scoringHint(ind).replace(/^\(|\)$/g, '')}.`, italics: true, margin: [0, 2, 0, 0] },
            ...(ind.evidence ? [{ text: `Minh chứng: ${ind.evidence}`, italics: true, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
          ],
        },
        { text: pts(ind.max), alignment: 'center', bold: true },
      ]),
    ];
    return {
      table: { widths, headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, body },
      layout: layout(body.length),
      margin: [0, k === 0 ? st.gapPt : st.gapPt * 1.5, 0, 0],
    } as Content;
  });
  tables.push({
    table: { widths, body: [[{ text: '' }, { text: 'TỔNG CỘNG', bold: true }, { text: pts(set.scoring.max_total), bold: true, alignment: 'center' }]] },
    layout: layout(1),
    margin: [0, st.gapPt * 1.5, 0, 0],
  } as Content);
  return { stack: tables, fontSize: st.bodyPt, margin: [0, 0, 0, st.gapPt * 2] } as Content;
}

/** The recognition rule as short items made from the set's scoring rules. */
export function recognitionItems(set: CriteriaSet): string[] {
  const r = set.scoring.recognition;
  const items = [`Tổng điểm từ **${pts(r.min_total)} điểm** trở lên (tối đa ${pts(set.scoring.max_total)} điểm).`];
  for (const [cid, min] of Object.entries(r.min_per_criterion)) {
    const c = set.criteria.find((x) => x.id === cid);
    items.push(`Tiêu chí ${cid} (${c?.title ?? ''}) đạt ít nhất **${pts(min)}** trên ${pts(c?.max ?? 0)} điểm.`);
  }
  if (r.required_indicators.length) {
    const all = set.criteria.flatMap((c) => c.indicators);
    const every = r.required_indicators.length === all.length;
    items.push(every
      ? 'Chỉ số nào cũng phải đạt: không chỉ số nào được 0 điểm.'
      : `Các chỉ số bắt buộc phải đạt: ${r.required_indicators.join(', ')}.`);
  }
  for (const b of set.scoring.classification) items.push(`Xếp loại **${b.label}**: từ ${pts(b.min_total)} điểm.`);
  return items;
}

function bulletList(items: string[], st: BlockStyle): Content {
  return { ul: items.map((t) => ({ text: runs(t), margin: [0, 0, 0, st.gapPt / 2] })), fontSize: st.bodyPt, margin: [mm(2), 0, 0, st.gapPt] } as Content;
}

export function timelineBlock(steps: TimelineStep[], st: BlockStyle): Content {
  const icon = st.pictogramMm;
  const c = mm(icon / 2);
  // The arrow to the next step sits under the step's picture, in the same row, so a step and
  // its arrow never part at a page end.
  const arrow: Content = {
    canvas: [
      { type: 'line', x1: c, y1: mm(1.5), x2: c, y2: mm(7.5), lineWidth: HANDOUT.heavyRulePt },
      { type: 'polyline', points: [{ x: c - mm(2), y: mm(5.5) }, { x: c, y: mm(8) }, { x: c + mm(2), y: mm(5.5) }], lineWidth: HANDOUT.heavyRulePt, lineJoin: 'round' },
    ],
  } as Content;
  const body: TableCell[][] = steps.map((s, k) => [
    { stack: [pictogram(s.icon, icon), ...(k < steps.length - 1 ? [arrow] : [])] } as TableCell,
    {
      stack: [
        { text: [{ text: `Bước ${k + 1}. ${s.label}: `, bold: true }, { text: s.date ? formatDateLong(s.date).replace(/^ngày/, 'trước ngày') : '(chưa định ngày)', bold: true }], fontSize: st.slide ? st.bodyPt : st.subheadingPt },
        ...(s.by ? [{ text: s.by, fontSize: st.slide ? st.smallPt : st.bodyPt }] : []),
        ...(s.description && !st.slide ? [{ text: s.description, italics: true }] : []),
      ],
      margin: [0, 0, 0, mm(2)],
    } as TableCell,
  ]);
  return {
    table: { widths: [mm(icon), '*'], body, dontBreakRows: true },
    layout: { ...noLines, paddingRight: (i: number) => (i === 0 ? mm(4) : 0) },
    fontSize: st.bodyPt,
    margin: [0, st.gapPt, 0, st.gapPt],
  } as Content;
}

export function contactsBlock(config: ProjectConfig, st: BlockStyle): Content {
  if (!config.lien_he.length) {
    const issuer = formIssuer(config);
    return stepBlock('hoi', `Xin hỏi ${issuer?.ten ?? config.phuong.ten}.`, st);
  }
  const narrow = st.widthMm < 140;
  const head = (t: string): TableCell => ({ text: t, bold: true });
  return {
    columns: [
      { width: mm(st.pictogramMm), stack: [pictogram('hoi', st.pictogramMm)] },
      {
        width: '*',
        table: {
          widths: narrow ? ['*', 'auto'] : ['*', '*', 'auto'],
          headerRows: 1,
          body: [
            narrow ? [head('Người cần hỏi'), head('Điện thoại')] : [head('Họ và tên'), head('Việc phụ trách'), head('Điện thoại')],
            ...config.lien_he.map((c): TableCell[] => narrow
              ? [{ stack: [{ text: c.ho_ten, bold: true }, { text: c.vai_tro }] }, { text: c.dien_thoai || '—', bold: true, noWrap: true }]
              : [{ text: c.ho_ten, bold: true }, { text: c.vai_tro }, { text: c.dien_thoai || '—', bold: true, noWrap: true }]),
          ],
        },
        layout: { hLineWidth: () => st.rulePt, vLineWidth: () => st.rulePt, paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 3, paddingBottom: () => 3 },
      },
    ],
    columnGap: mm(4),
    fontSize: st.bodyPt,
    margin: [0, st.gapPt, 0, st.gapPt],
  } as Content;
}

/** The worked example: a real scoresheet from our own builder with the example marks, framed. */
export function exampleSheetBlock(data: HandoutData, st: BlockStyle): Content {
  const form: FormContext = { config: data.config, measure: data.measure };
  return {
    table: { widths: ['*'], body: [[{ stack: scoresheetContent(data.set, form, data.example.person, data.example.marks), fontSize: 13 }]] },
    layout: { hLineWidth: () => 1, vLineWidth: () => 1, paddingLeft: () => 1, paddingRight: () => 1, paddingTop: () => 6, paddingBottom: () => 6 },
    margin: [0, st.gapPt, 0, st.gapPt],
  } as Content;
}

/** Per-criterion subtotals of the example (slides, and under the sheet in the booklet). */
export function exampleSummary(data: HandoutData, st: BlockStyle): Content {
  const { set } = data;
  const sc = data.example.score;
  const head = (t: string): TableCell => ({ text: t, bold: true, alignment: 'center' });
  return {
    table: {
      widths: ['*', 'auto', 'auto'],
      headerRows: 1,
      body: [
        [head('Tiêu chí'), head('Tối đa'), head('Tự chấm')],
        ...set.criteria.map((c): TableCell[] => [{ text: `${c.id}. ${c.title}` }, { text: pts(c.max), alignment: 'center' }, { text: pts(sc.criteria[c.id] ?? 0), alignment: 'center', bold: true }]),
        [{ text: 'TỔNG CỘNG', bold: true }, { text: pts(set.scoring.max_total), alignment: 'center', bold: true }, { text: pts(sc.total), alignment: 'center', bold: true }],
      ],
    },
    layout: { hLineWidth: () => st.rulePt, vLineWidth: () => st.rulePt, paddingLeft: () => 5, paddingRight: () => 5, paddingTop: () => 3, paddingBottom: () => 3 },
    fontSize: st.bodyPt,
    margin: [0, st.gapPt, 0, st.gapPt],
  } as Content;
}

export function dataBlock(name: string, data: HandoutData, st: BlockStyle): Content[] {
  switch (name) {
    case 'bang-tieu-chi': return [criteriaTable(data.set, st)];
    case 'cong-nhan': return [bulletList(recognitionItems(data.set), st)];
    case 'phieu-mau': return [exampleSheetBlock(data, st)];
    case 'moc-thoi-gian': return [timelineBlock(data.timeline, st)];
    case 'lien-he': return [contactsBlock(data.config, st)];
    default: return [];
  }
}

/** One markup block → pdfmake content at the given style. */
export function blockContent(b: MarkupBlock, data: HandoutData, st: BlockStyle): Content[] {
  switch (b.kind) {
    case 'title':
      return [{ stack: b.lines.map((t) => ({ text: runs(t), bold: true })), fontSize: st.titlePt, alignment: 'center', lineHeight: 1.1, margin: [0, 0, 0, st.gapPt * 2] } as Content];
    case 'heading':
      return [{
        text: runs(b.text), bold: true, fontSize: b.level === 2 ? st.headingPt : st.subheadingPt,
        margin: [0, b.level === 2 ? st.gapPt * 3 : st.gapPt * 2, 0, st.gapPt], headlineLevel: b.level,
      } as Content];
    case 'para': return [{ text: runs(b.text), fontSize: st.bodyPt, margin: [0, 0, 0, st.gapPt], ...(b.center ? { alignment: 'center' } : {}) } as Content];
    case 'list': return [bulletList(b.items, st)];
    case 'step': return [stepBlock(b.icon, b.text, st)];
    case 'mark': return [markBlock(b.right, b.marks, b.text, st)];
    case 'data': return dataBlock(b.name, data, st);
    case 'break': return [];
  }
}

/** Split the handout at the worked example: the booklet prints the A4 sheet itself in between. */
export function splitAtExample(blocks: MarkupBlock[]): { before: MarkupBlock[]; after: MarkupBlock[]; found: boolean } {
  const at = blocks.findIndex((b) => b.kind === 'data' && b.name === 'phieu-mau');
  if (at < 0) return { before: blocks, after: [], found: false };
  return { before: blocks.slice(0, at), after: blocks.slice(at + 1), found: true };
}

export interface HandoutOptions {
  paper: HandoutPaper;
  /** Pages before this part (the booklet numbers its parts continuously). */
  pageOffset?: number;
  /** Footer text, left; the page number goes right. */
  footer: string;
}

export function buildHandout(data: HandoutData, blocks: MarkupBlock[], opts: HandoutOptions): TDocumentDefinitions {
  const st = handoutStyle(opts.paper);
  const m = opts.paper === 'A4' ? HANDOUT.marginMm : HANDOUT.a5MarginMm;
  const offset = opts.pageOffset ?? 0;
  // The worked example reads as a real sheet: it starts on a fresh page together with the
  // heading (and lead-in paragraphs) the template puts just before it.
  const example = blocks.findIndex((b) => b.kind === 'data' && b.name === 'phieu-mau');
  let breakAt = example;
  while (breakAt > 0 && blocks[breakAt - 1]!.kind === 'para') breakAt--;
  if (breakAt > 0 && blocks[breakAt - 1]!.kind === 'heading') breakAt--;
  const content = blocks.flatMap((b, i) => {
    const c = blockContent(b, data, st);
    if (i === breakAt && i > 0 && c.length) c[0] = { ...(c[0] as object), pageBreak: 'before' } as Content;
    return c;
  });
  // pdfmake starts an empty page when only the last block's bottom margin misses the page.
  const last = content.at(-1);
  if (last && typeof last === 'object' && 'margin' in last && Array.isArray(last.margin)) content[content.length - 1] = { ...last, margin: [last.margin[0], last.margin[1], last.margin[2], 0] } as Content;
  return {
    pageSize: opts.paper,
    pageOrientation: 'portrait',
    pageMargins: [mm(m.left), mm(m.top), mm(m.right), mm(m.bottom)],
    defaultStyle: { fontSize: HANDOUT.bodyPt, lineHeight: HANDOUT.lineHeight },
    content,
    pageBreakBefore: headingsKeepWithNext,
    footer: (page, pageCount) => ({
      columns: [
        { text: opts.footer, width: '*' },
        { text: opts.paper === 'A4' && !offset ? `Trang ${page}/${pageCount}` : `${page + offset}`, width: 'auto', bold: true, noWrap: true },
      ],
      fontSize: HANDOUT.footerPt,
      lineHeight: 1,
      // From the top of the bottom margin: a footer that wraps to two lines (long group names)
      // still ends above the 10 mm band at the paper edge.
      margin: [mm(m.left), mm(2), mm(m.right), 0],
      columnGap: mm(4),
    }),
  };
}

/** Footer of the handout: the model, year and ward; on A4 also the subject group (one line on A5). */
export const handoutFooter = (set: CriteriaSet, config: ProjectConfig, paper: HandoutPaper) =>
  paper === 'A5'
    ? `"${set.model_name}" ${config.nam} — ${config.phuong.ten}`
    : `Tài liệu tập huấn "${set.model_name}" năm ${config.nam}${set.subject_group ? ` — ${set.subject_group.label}` : ''} — ${config.phuong.ten}`;
