// Handlebars in strict mode for plan templates: template text + data → rendered lines, each with
// the template line it came from (so markup problems found later still point into the file),
// or Problems located at file:line:col. Text is not HTML-escaped: it goes to PDF and Word.
import Handlebars from 'handlebars';
import { problem, type Problem, type SourceLocation } from '../errors.js';
import { boundHelpers, HELPERS, HelperError, type HbLoc, type HelperSettings } from './template-helpers.js';

/** One rendered line and the 1-based line of the template file it starts in. */
export interface RenderedLine {
  text: string;
  line: number;
}

/** Where a template text sits in its file: its first line and the column of its first character. */
export interface TextOrigin {
  file: string;
  line: number;
  col: number;
}

export type Renderer = ReturnType<typeof createRenderer>;

// Private-use characters never typed by a secretary: they wrap a template line number inside
// the output ("\uE000 17 \uE001") and are removed again before markup parsing.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const mark = (line: number) => `${MARK_OPEN}${line}${MARK_CLOSE}`;
const MARK_RE = /\uE000(\d+)\uE001/g;

export function createRenderer(settings: HelperSettings) {
  const hb = Handlebars.create();
  hb.registerHelper(boundHelpers(settings));

  /** Parse with Handlebars' own whitespace control; parse errors keep their position. */
  function parse(text: string): any {
    const parser = (hb as any).Parser;
    parser.parseError = (message: string, hash: unknown) => {
      throw Object.assign(new Error(message), { hash });
    };
    try {
      return hb.parse(text);
    } finally {
      delete parser.parseError;
    }
  }

  function run(ast: any, data: Record<string, unknown>): string {
    // The AST is already stripped of standalone lines; a second pass would see our markers.
    const template = hb.compile(ast, { strict: true, noEscape: true, ignoreStandalone: true });
    return template(data);
  }

  /** The body of a template → lines with their file lines. */
  function renderBody(text: string, origin: TextOrigin, data: Record<string, unknown>): { lines?: RenderedLine[]; problems: Problem[] } {
    try {
      const ast = parse(text);
      strictParams(ast);
      addLineMarks(ast);
      return { lines: splitMarked(run(ast, data), origin.line - 1), problems: [] };
    } catch (e) {
      return { problems: [templateProblem(e, text, origin, data)] };
    }
  }

  /** A short text (a front-matter value) → its rendered string. */
  function renderString(text: string, origin: TextOrigin, data: Record<string, unknown>): { text?: string; problems: Problem[] } {
    if (!text.includes('{{')) return { text, problems: [] };
    try {
      const ast = parse(text);
      strictParams(ast);
      return { text: run(ast, data), problems: [] };
    } catch (e) {
      return { problems: [templateProblem(e, text, origin, data)] };
    }
  }

  return { renderBody, renderString };
}

/**
 * Strict mode in Handlebars only checks `{{name}}`; a name used as a helper argument
 * (`{{#each bo_tieu_chii}}`, `{{ngay lich.tap_huanx}}`) would silently be empty. Mark every path
 * argument strict too, so any unknown name stops the build with its position.
 */
function strictParams(node: any): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(strictParams);
  const mark = (p: any) => {
    if (p?.type === 'PathExpression') p.strict = true;
    else strictParams(p);
  };
  node.params?.forEach(mark);
  node.hash?.pairs?.forEach((pair: any) => mark(pair.value));
  strictParams(node.body);
  strictParams(node.program);
  strictParams(node.inverse);
}

/**
 * Put a line mark before every piece of output: at the start of each text piece, after each
 * newline inside it, and before each {{value}}. After rendering, a line's source is the mark
 * just before its first character, also for rows repeated by {{#each}}.
 */
function addLineMarks(program: any): void {
  if (!program?.body) return;
  const body: any[] = [];
  for (const st of program.body) {
    if (st.type === 'ContentStatement' && st.value) {
      const original: string = st.original ?? st.value;
      // Whitespace control only removes whitespace at either end: find where `value` starts.
      let start = 0;
      for (let a = original.length - st.value.length; a >= 0; a--)
        if (/^\s*$/.test(original.slice(0, a)) && original.startsWith(st.value, a)) {
          start = a;
          break;
        }
      const lineAt = (i: number) => st.loc.start.line + (original.slice(0, i).match(/\n/g)?.length ?? 0);
      let out = mark(lineAt(start));
      for (let i = 0; i < st.value.length; i++) {
        out += st.value[i];
        if (st.value[i] === '\n' && i < st.value.length - 1) out += mark(lineAt(start + i + 1));
      }
      st.value = out;
    } else if (st.type === 'MustacheStatement') {
      body.push({ type: 'ContentStatement', value: mark(st.loc.start.line), original: '', loc: st.loc });
    } else if (st.type === 'BlockStatement' || st.type === 'DecoratorBlock') {
      addLineMarks(st.program);
      addLineMarks(st.inverse);
    }
    body.push(st);
  }
  program.body = body;
}

function splitMarked(output: string, lineOffset: number): RenderedLine[] {
  let last = 1;
  return output.split('\n').map((segment) => {
    const lead = /^(?:\uE000\d+\uE001)+/.exec(segment)?.[0];
    const marks = [...segment.matchAll(MARK_RE)].map((m) => Number(m[1]));
    const first = lead ? Number([...lead.matchAll(MARK_RE)].at(-1)![1]) : last;
    if (marks.length) last = marks.at(-1)!;
    return { text: segment.replace(MARK_RE, ''), line: first + lineOffset };
  });
}

/** Handlebars' (1-based line, 0-based column) inside a text → the file position. */
function toFile(origin: TextOrigin, line: number, column: number): SourceLocation {
  return { file: origin.file, line: origin.line + line - 1, col: line === 1 ? origin.col + column : column + 1 };
}

/** The innermost {{#block}} (or {{^block}}) left open at the end of the text. */
function findUnclosedBlock(text: string): { name: string; line: number; column: number } | undefined {
  const re = /\{\{!--[\s\S]*?--~?\}\}|\{\{!(?!--)[\s\S]*?\}\}|\{\{~?\s*([#^/])\s*([^\s}~]+)/g;
  const stack: { name: string; index: number }[] = [];
  for (const m of text.matchAll(re)) {
    if (!m[1]) continue;
    if (m[1] === '/') stack.pop();
    else stack.push({ name: m[2], index: m.index! });
  }
  const open = stack.at(-1);
  if (!open) return undefined;
  const before = text.slice(0, open.index);
  return { name: open.name, line: (before.match(/\n/g)?.length ?? 0) + 1, column: open.index - (before.lastIndexOf('\n') + 1) };
}

/** The dotted name written at a position: "lich.nam_hoc", "@root.nam". */
function nameAt(text: string, line: number, column: number): { name: string; rest: string } {
  const src = text.split('\n')[line - 1] ?? '';
  const name = /^[@\w.\/\-]+/.exec(src.slice(column))?.[0] ?? '';
  return { name, rest: src.slice(column + name.length) };
}

/** Keys one could have meant: those of the object the name's parent points to, else the top level. */
function knownKeys(data: Record<string, unknown>, name: string): string {
  const parts = name.replace(/^@root\./, '').split('.');
  let v: unknown = data;
  for (const p of parts.slice(0, -1)) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  const keys = v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : Object.keys(data);
  return keys.join(', ');
}

function templateProblem(e: unknown, text: string, origin: TextOrigin, data: Record<string, unknown>): Problem {
  const err = e as Error & { lineNumber?: number; column?: number; hash?: { loc?: { first_line: number; first_column: number }; line?: number; token?: string; expected?: string[] } };
  const at = (line: number, column: number) => toFile(origin, line, column);
  if (e instanceof HelperError) {
    const loc: HbLoc['start'] = e.loc?.start ?? { line: 1, column: 0 };
    return problem(e.key, e.params, at(loc.line, loc.column));
  }
  const msg = err.message ?? String(e);
  if (/ not defined in /.test(msg) && err.lineNumber) {
    const { name, rest } = nameAt(text, err.lineNumber, err.column ?? 0);
    // `{{nohelper x}}`: a name followed by arguments is a helper call.
    if (/^\s+[^\s}~]/.test(rest) && !name.includes('.'))
      return problem('E_PLAN_UNKNOWN_HELPER', { name, helpers: Object.keys(HELPERS).join(', ') }, at(err.lineNumber, err.column ?? 0));
    return problem('E_PLAN_UNKNOWN_VAR', { name: name || msg.split('"')[1], known: knownKeys(data, name) }, at(err.lineNumber, err.column ?? 0));
  }
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(msg);
  if (mismatch && err.lineNumber)
    return problem('E_PLAN_BLOCK_MISMATCH', { open: mismatch[1], close: mismatch[2] }, at(err.lineNumber, Math.max(0, (err.column ?? 3) - 3)));
  if (/^Parse error|^Lexical error/.test(msg)) {
    const unclosed = err.hash?.token === 'EOF' ? findUnclosedBlock(text) : undefined;
    if (unclosed) return problem('E_PLAN_UNCLOSED_BLOCK', { name: unclosed.name }, at(unclosed.line, unclosed.column));
    const loc = err.hash?.loc;
    const detail = msg.split('\n').at(-1)!.replace(/^Expecting .*got '(\w+)'$/, (_m, got) => `không mong đợi ${got === 'EOF' ? 'hết văn bản' : `"${got}"`}`);
    if (loc) return problem('E_PLAN_SYNTAX', { detail }, at(loc.first_line, loc.first_column));
    const line = /line (\d+)/.exec(msg)?.[1];
    return problem('E_PLAN_SYNTAX', { detail }, line ? at(Number(line), 0) : { file: origin.file });
  }
  return problem('E_PLAN_TEMPLATE', { detail: msg.split('\n')[0] }, err.lineNumber ? at(err.lineNumber, err.column ?? 0) : { file: origin.file, line: origin.line, col: origin.col });
}
