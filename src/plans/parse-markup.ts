// The small Markdown-like markup of a rendered template body → document blocks.
//   # Mục đích, yêu cầu      → "I. MỤC ĐÍCH, YÊU CẦU" (numbered automatically; "# I. …" keeps its own number)
//   ## Thời gian             → "1. Thời gian"        ### Nội dung → "a) Nội dung"
//   - item / + sub-item      → list lines            > Căn cứ …;   → căn cứ line (italic)
//   | TT | Tên |  + |---|---:| → table with a header row (dash counts set relative widths, ":" alignment)
//   [giữa] text, [phải] text → one centred / right-aligned line  [ngắt trang] → page break
//   [kèm theo]               → what follows goes after the signature, on a new page
//   **đậm**, *nghiêng*       → bold, italic; a blank line ends a paragraph; "\" escapes a marker
import { problem, type Problem } from '../errors.js';
import { fromRoman, pointLetter, toRoman, upperVi, VI_POINT_LETTERS } from '../locale/format-vi.js';
import type { Align, Block, Run, TableColumn } from './plan-model.js';
import type { RenderedLine } from './render-template.js';

export interface ParsedMarkup {
  body: Block[];
  appendix: Block[];
  problems: Problem[];
}

const DIRECTIVES: Record<string, 'center' | 'right' | 'pageBreak' | 'appendix'> = {
  'giữa': 'center', giua: 'center',
  'phải': 'right', phai: 'right',
  'ngắt trang': 'pageBreak', 'ngat trang': 'pageBreak',
  'kèm theo': 'appendix', 'kem theo': 'appendix',
};

/** Inline **bold**, *italic*, ***both***; "\*" is a literal star. Unclosed markers stay literal. */
export function parseInline(text: string): Run[] {
  const runs: Run[] = [];
  const push = (t: string, bold: boolean, italics: boolean) => {
    if (!t) return;
    const last = runs.at(-1);
    if (last && !!last.bold === bold && !!last.italics === italics) last.text += t;
    else runs.push({ text: t, ...(bold ? { bold } : {}), ...(italics ? { italics } : {}) });
  };
  const re = /\\([*\\#|>+\-[\]])|(\*{1,3})(?=\S)([\s\S]*?\S)\2(?!\*)/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    push(text.slice(at, m.index), false, false);
    if (m[1]) push(m[1], false, false);
    else {
      const stars = m[2].length;
      for (const inner of parseInline(m[3])) push(inner.text, stars !== 1 || !!inner.bold, stars !== 2 || !!inner.italics);
    }
    at = m.index! + m[0].length;
  }
  push(text.slice(at), false, false);
  return runs;
}

interface Cursor {
  line: RenderedLine;
  /** The template file's text of that line (for the column of a problem). */
  source: string;
}

/**
 * Blocks from rendered lines. `sourceLines` are the template file's lines (1-based index - 1), used
 * to point a table problem at the "|" where a cell is missing even when the row came from {{#each}}.
 */
export function parseMarkup(lines: readonly RenderedLine[], file: string, sourceLines: readonly string[]): ParsedMarkup {
  const problems: Problem[] = [];
  const body: Block[] = [];
  const appendix: Block[] = [];
  let out = body;
  const counters = [0, 0, 0];
  let open: { kind: 'paragraph' | 'basis' | 'item'; marker?: '-' | '+'; align?: 'justify' | 'center' | 'right'; text: string } | undefined;
  let table: Cursor[] = [];

  const flushText = () => {
    if (!open) return;
    const runs = parseInline(open.text.trim());
    if (open.kind === 'item') out.push({ kind: 'item', marker: open.marker!, runs });
    else if (open.kind === 'basis') out.push({ kind: 'basis', runs });
    else out.push({ kind: 'paragraph', runs, ...(open.align && open.align !== 'justify' ? { align: open.align } : {}) });
    open = undefined;
  };
  const flushTable = () => {
    if (!table.length) return;
    const block = parseTable(table, file, problems);
    if (block) out.push(block);
    table = [];
  };
  const flush = () => (flushText(), flushTable());

  for (const line of lines) {
    const raw = line.text.replace(/\s+$/, '');
    const text = raw.trimStart();
    const source = sourceLines[line.line - 1] ?? '';
    if (!text) {
      flush();
      continue;
    }
    if (text.startsWith('|')) {
      flushText();
      table.push({ line: { text, line: line.line }, source });
      continue;
    }
    flushTable();
    const directive = /^\[([^\]]+)\]\s*(.*)$/.exec(text);
    const kind = directive ? DIRECTIVES[directive[1].trim().toLowerCase()] : undefined;
    if (kind) {
      flushText();
      if (kind === 'pageBreak') out.push({ kind: 'pageBreak' });
      else if (kind === 'appendix') out = appendix;
      // A centred or right-aligned line is one line: the next line starts a new block.
      else if (directive![2]) out.push({ kind: 'paragraph', runs: parseInline(directive![2].trim()), align: kind });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(text);
    if (heading) {
      flushText();
      const level = heading[1].length as 1 | 2 | 3;
      const { label, rest } = headingLabel(level, heading[2], counters);
      const runs = parseInline(level === 1 ? upperVi(rest) : rest);
      // NĐ30: I. upper case bold; 1. bold when it is a title; a) as written. **…** in a
      // level-2 heading means "only this part bold" ("## **Thời gian:** ngày …").
      const explicit = runs.some((r) => r.bold);
      out.push({ kind: 'heading', level, label, runs: level === 3 || explicit ? runs : runs.map((r) => ({ ...r, bold: true })) });
      continue;
    }
    const item = /^([-+])\s+(.*)$/.exec(text);
    if (item) {
      flushText();
      open = { kind: 'item', marker: item[1] as '-' | '+', text: item[2] };
      continue;
    }
    const basis = /^>\s?(.*)$/.exec(text);
    if (basis) {
      flushText();
      open = { kind: 'basis', text: basis[1] };
      continue;
    }
    if (open) open.text += ` ${text}`;
    else open = { kind: 'paragraph', text };
  }
  flush();
  return { body, appendix, problems };
}

/** "I." / "1." / "a)" for a heading: the author's own label if written, else the next number. */
function headingLabel(level: 1 | 2 | 3, text: string, counters: number[]): { label: string; rest: string } {
  const own = [/^([IVXLC]+)\.\s+(.*)$/, /^(\d+)\.\s+(.*)$/, /^(\p{Ll}{1,2})\)\s+(.*)$/u][level - 1].exec(text);
  let n: number;
  if (own) {
    n = level === 1 ? fromRoman(own[1]) : level === 2 ? Number(own[1]) : VI_POINT_LETTERS.indexOf(own[1]) + 1;
    if (!(n > 0)) n = counters[level - 1] + 1;
  } else n = counters[level - 1] + 1;
  counters[level - 1] = n;
  for (let i = level; i < counters.length; i++) counters[i] = 0;
  const label = own ? (level === 3 ? `${own[1]})` : `${own[1]}.`) : level === 1 ? `${toRoman(n)}.` : level === 2 ? `${n}.` : `${pointLetter(n)})`;
  return { label, rest: own ? own[2] : text };
}

/** Split "| a | b |" into trimmed cells; "\|" stays a literal bar. */
function cellsOf(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function parseTable(rows: Cursor[], file: string, problems: Problem[]): Block | undefined {
  const [head, sep, ...rest] = rows;
  const at = (c: Cursor, col: number) => ({ file, line: c.line.line, col });
  const isSeparator = (c?: Cursor) => !!c && /^\|?(\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?$/.test(c.line.text.trim());
  if (!isSeparator(sep)) {
    problems.push(problem('E_PLAN_TABLE_HEADER', {}, at(sep ?? head, 1 + (sep ?? head).source.search(/\S|$/))));
    return undefined;
  }
  const header = cellsOf(head.line.text);
  const columns: TableColumn[] = cellsOf(sep.line.text).map((c) => ({
    align: (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : 'left') as Align,
    weight: Math.max(1, (c.match(/-/g) ?? []).length),
  }));
  let ok = true;
  const check = (c: Cursor, count: number) => {
    if (count === columns.length) return;
    ok = false;
    // Point at the last "|" of the template line: where the missing cell goes (or the extra one ends).
    const lastBar = c.source.lastIndexOf('|');
    problems.push(problem(count < columns.length ? 'E_PLAN_TABLE_CELLS' : 'E_PLAN_TABLE_EXTRA', { count, expected: columns.length }, at(c, lastBar >= 0 ? lastBar + 1 : 1)));
  };
  check(head, header.length);
  const body = rest.map((r) => {
    const cells = cellsOf(r.line.text);
    check(r, cells.length);
    return cells.map(parseInline);
  });
  return ok ? { kind: 'table', columns, header: header.map(parseInline), rows: body } : undefined;
}
