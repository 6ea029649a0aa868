// `hoctap score`, the batch: files or folders of scans → load → locate → identify → measure →
// classify (src/omr) → score each person with the criteria set's rules → results in the out
// folder (results.json, results.csv, can-xem-lai.csv, one annotated PNG per page). One bad
// input never stops the batch: it is listed for review with its reason. Re-running adds new
// files only; earlier results are merged explicitly and the previous files kept under lich-su/.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { loadProject } from '../config/load-config.js';
import type { CriteriaSet } from '../criteria/criteria-schema.js';
import { loadCriteria } from '../criteria/load-criteria.js';
import { EXIT, hasErrors, problem, UserError, type Problem } from '../errors.js';
import type { MessageKey } from '../locale/messages.js';
import type { BoxState, PageReading } from '../omr/read-page.js';
import { ReadPool, type PageResult as OmrPageResult } from '../omr/read-pages.js';
import { annotationPath, loadPreviousResults, writeAnnotation, writeResults } from '../output/write-results.js';
import { digitBoxId, ID_INDICATOR, TallyLayoutSchema, type TallyLayout, type TallyPage } from '../tally/layout-schema.js';
import { scoreSheet, type SheetScore } from './score-sheet.js';

export const RESULTS_FORMAT = { name: 'hoctap-results', version: 1 } as const;
const SCAN_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.pdf', '.webp']);

// ---------------------------------------------------------------------------------------------
// The results document (docs/tally-sheet-format.md §7); also the state of re-runs.

const BoxResultSchema = z.object({ id: z.string(), state: z.enum(['empty', 'marked', 'cancelled', 'ambiguous']), confidence: z.number() });
export const PageStatusSchema = z.enum(['ok', 'blank', 'unlocated', 'unidentified', 'foreign', 'unreadable', 'duplicate']);
export const PageResultSchema = z.object({
  source: z.string(),
  pageIndex: z.number().int(),
  fileSha256: z.string(),
  run: z.number().int(),
  status: PageStatusSchema,
  /** Catalogue key of the reason (status other than ok) and its text at the time of the run. */
  reasonKey: z.string().optional(),
  reason: z.string().optional(),
  sheetId: z.string().optional(),
  serial: z.string().optional(),
  criteriaSetId: z.string().optional(),
  layoutHash: z.string().optional(),
  layoutPageIndex: z.number().int().optional(),
  idMethod: z.string().optional(),
  residualMm: z.number().optional(),
  /** "source#pageIndex" of the page kept when this one is a duplicate. */
  duplicateOf: z.string().optional(),
  /** Annotated PNG, path under the out folder. */
  image: z.string().optional(),
  boxes: z.array(BoxResultSchema),
});
export type PageResult = z.infer<typeof PageResultSchema>;

export const FileRecordSchema = z.object({ source: z.string(), sha256: z.string(), run: z.number().int(), pages: z.number().int() });
export type FileRecord = z.infer<typeof FileRecordSchema>;

export interface ReviewItem {
  kind: 'file' | 'page' | 'box' | 'person';
  reasonKey: MessageKey;
  /** The reason in Vietnamese (the catalogue text with its parameters). */
  reason: string;
  params: Record<string, string | number>;
  source?: string;
  pageIndex?: number;
  serial?: string;
  boxId?: string;
  person?: string;
  indicator?: string;
}

export type IndicatorStatus = 'ok' | 'empty' | 'multiple' | 'ambiguous' | 'missing' | 'conflict';

export interface PersonResult {
  criteriaSetId: string;
  /** Stable key: the pre-printed id, "STT-12" from digit boxes, or "<source>#<page>/<slot>". */
  person: string;
  name: string;
  unit: string;
  number?: number;
  /** Serials of the sheets this person's marks came from. */
  sheets: string[];
  indicators: Record<string, { value: number | null; option?: string; status: IndicatorStatus }>;
  criteria: SheetScore['criteria'];
  total: number;
  complete: boolean;
  recognised: boolean;
  result: string;
  classification: string;
  needsReview: boolean;
  reasons: string[];
}

export interface Results {
  format: typeof RESULTS_FORMAT;
  markingRule: { tickChooses: boolean; fillCancels: boolean };
  runs: { run: number; files: number; pages: number }[];
  files: FileRecord[];
  pages: PageResult[];
  persons: PersonResult[];
  review: ReviewItem[];
  summary: { files: number; pages: number; pagesOk: number; persons: number; review: number; boxesAmbiguous: number };
}

// ---------------------------------------------------------------------------------------------
// The page reader (src/omr); injectable so batch rules can be tested without images.

export interface PageReader {
  /** Every page of one file, read and annotated (the default uses a worker pool on all cores). */
  readFile(path: string): Promise<OmrPageResult[]>;
  close(): Promise<void>;
}

function poolReader(layouts: TallyLayout[], workers: number): PageReader {
  const size = Math.max(1, workers);
  const pool = new ReadPool(layouts, size);
  return { readFile: (path) => pool.read(path, { annotate: true }), close: () => pool.close() };
}

export interface ScoreOptions {
  cwd?: string;
  configPath?: string;
  /** Files or folders (searched recursively for scans). */
  inputs: string[];
  /** Output folder (required: results never go into the scans folder by accident). */
  outDir: string;
  /** Folder with *.layout.json; default the project's out/. */
  layoutsDir?: string;
  reader?: PageReader;
  /** Worker threads reading pages; default all cores. */
  workers?: number;
  /** Called as each file is done: [index/total] file. */
  onFile?: (index: number, total: number, file: string) => void;
  /** Called for every new review item as it is found. */
  onReview?: (item: ReviewItem) => void;
  /** Message text for review items (the CLI passes the catalogue's t). */
  text?: (key: MessageKey, params: Record<string, string | number>) => string;
}

export interface ScoreRun {
  results: Results;
  outDir: string;
  /** This run: files read, files skipped as already read, pages read. */
  run: { run: number; newFiles: number; skippedFiles: number; pages: number; review: number };
  written: string[];
  problems: Problem[];
}

// ---------------------------------------------------------------------------------------------
// The orchestrator: a short list of stage calls.

export async function scoreBatch(opts: ScoreOptions): Promise<ScoreRun> {
  const cwd = opts.cwd ?? process.cwd();
  const text = opts.text ?? ((k: string) => k);
  const project = await loadProject(opts.configPath, cwd);
  const { sets, problems } = await loadCriteria(project.criteriaDir, cwd);
  if (hasErrors(problems)) throw new UserError(problems);
  const outDir = resolve(cwd, opts.outDir);
  const layouts = await findLayouts(resolve(cwd, opts.layoutsDir ?? join(project.root, 'out')), cwd, problems);
  const files = await findScans(opts.inputs.map((i) => resolve(cwd, i)), outDir, cwd);
  const previous = await loadPreviousResults(outDir, cwd);
  const fillCancels = project.config.danh_dau.to_kin_la_huy;
  const runNo = (previous?.runs.at(-1)?.run ?? 0) + 1;
  const state = { files: [...(previous?.files ?? [])], pages: [...(previous?.pages ?? [])], fileReview: [] as ReviewItem[] };
  const review = (item: Omit<ReviewItem, 'reason'>) => {
    const full = { ...item, reason: text(item.reasonKey, item.params) };
    state.fileReview.push(full);
    opts.onReview?.(full);
  };
  // 1. Which files are new: the same content read before is listed, never read twice.
  const fresh: { path: string; shown: string; sha: string; error?: string }[] = [];
  let skipped = 0;
  for (const file of files) {
    const shown = relative(cwd, file).split(sep).join('/');
    const got = await readBytes(file);
    const sha = got.bytes ? createHash('sha256').update(got.bytes).digest('hex') : '';
    if (sha && state.files.some((f) => f.sha256 === sha && f.source === shown)) { skipped++; continue; }
    const seen = sha ? (state.files.find((f) => f.sha256 === sha) ?? fresh.find((f) => f.sha === sha)) : undefined;
    if (!seen && state.files.some((f) => f.source === shown))
      review({ kind: 'file', reasonKey: 'R_FILE_CHANGED', params: { file: shown }, source: shown });
    if (seen) {
      state.files.push({ source: shown, sha256: sha, run: runNo, pages: 0 });
      review({ kind: 'file', reasonKey: 'R_DUPLICATE_FILE', params: { file: shown, other: 'source' in seen ? seen.source : seen.shown }, source: shown });
      continue;
    }
    fresh.push({ path: file, shown, sha, error: got.error });
  }
  // 2. Read the new files on all cores; results keep the input order. No pool (≈ 1.3 s of worker
  //    start-up) when nothing is to be read, and no more workers than files.
  const toRead = fresh.filter((f) => !f.error).length;
  const reader = opts.reader ?? (toRead ? poolReader(layouts, Math.min(opts.workers ?? availableParallelism(), toRead)) : undefined);
  let done = 0;
  const perFile = await Promise.all(fresh.map(async (f) => {
    const pages = f.error || !reader ? [] : await reader.readFile(f.path);
    opts.onFile?.(++done, fresh.length, f.shown);
    return pages;
  })).finally(() => reader?.close());
  // 3. Page results and annotated images, numbered in input order.
  let newPages = 0;
  for (const [k, f] of fresh.entries()) {
    const pages = f.error
      ? [failedPage(f.shown, 0, f.sha, runNo, `cannot read file: ${f.error}`)]
      : await pageResults(perFile[k]!, f.shown, f.sha, runNo, layouts, outDir, state.pages.length, cwd);
    state.files.push({ source: f.shown, sha256: f.sha, run: runNo, pages: pages.length });
    state.pages.push(...pages);
    newPages += pages.length;
  }
  const newFiles = fresh.length;
  markDuplicateSheets(state.pages, layouts);
  const results = assembleResults({ pages: state.pages, files: state.files, layouts, sets: sets.map((s) => s.set), fillCancels, text,
    runs: [...(previous?.runs ?? []), { run: runNo, files: newFiles, pages: newPages }], earlierReview: [...(previous?.review.filter((r) => r.kind === 'file') ?? []), ...state.fileReview] });
  const thisRun = new Set(state.pages.filter((p) => p.run === runNo).map((p) => p.source));
  for (const item of results.review) if (item.kind === 'page' && thisRun.has(item.source!)) opts.onReview?.(item);
  // Nothing new since the last run: leave every earlier file as it is.
  const unchanged = previous && !newFiles && !state.fileReview.length;
  const written = unchanged ? [] : await writeResults(outDir, results, sets.map((s) => s.set), Boolean(previous), runNo, cwd);
  const newReview = results.review.filter((r) => !r.source || state.files.some((f) => f.run === runNo && f.source === r.source)).length;
  return { results, outDir, run: { run: runNo, newFiles, skippedFiles: skipped, pages: newPages, review: newReview }, written, problems };
}

// ---------------------------------------------------------------------------------------------
// Stage helpers.

async function readBytes(file: string): Promise<{ bytes?: Buffer; error?: string }> {
  try {
    return { bytes: await readFile(file) };
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0] };
  }
}

function failedPage(source: string, pageIndex: number, sha: string, run: number, reason: string): PageResult {
  return { source, pageIndex, fileSha256: sha, run, status: 'unreadable', reasonKey: 'R_UNREADABLE', reason, boxes: [] };
}

/** One file's pages as read by the omr stage → page results, with their annotated images written. */
async function pageResults(read: OmrPageResult[], source: string, sha: string, run: number, layouts: TallyLayout[], outDir: string, seq: number, cwd: string): Promise<PageResult[]> {
  const out: PageResult[] = [];
  for (const r of read) {
    if (!r.reading) { out.push(failedPage(source, r.pageIndex, sha, run, r.failure ?? 'unreadable page')); continue; }
    const layout = layouts.find((l) => l.layoutHash === r.reading!.layoutHash);
    const result = pageResult(source, r.pageIndex, sha, run, r.reading, layout);
    if (r.annotation) {
      result.image = annotationPath(seq + out.length + 1, source, r.pageIndex);
      await writeAnnotation(outDir, result.image, Buffer.from(r.annotation), cwd);
    }
    out.push(result);
  }
  if (!out.length) out.push(failedPage(source, 0, sha, run, 'no pages in file'));
  return out;
}

const STATUS_KEY: Record<PageReading['status'], MessageKey | undefined> = {
  ok: undefined, blank: 'R_BLANK', unlocated: 'R_UNLOCATED', unidentified: 'R_UNIDENTIFIED', foreign: 'R_FOREIGN',
};

function pageResult(source: string, pageIndex: number, sha: string, run: number, r: PageReading, layout?: TallyLayout): PageResult {
  const lp = layout?.pages[r.layoutPageIndex ?? -1];
  const ok = r.status === 'ok' && lp;
  return {
    source, pageIndex, fileSha256: sha, run,
    status: ok ? 'ok' : r.status === 'ok' ? 'unidentified' : r.status,
    ...(ok ? (r.reason ? { reasonKey: 'R_RESIDUAL', reason: r.reason } : {}) : { reasonKey: STATUS_KEY[r.status] ?? 'R_UNIDENTIFIED', reason: r.reason ?? (r.status === 'ok' ? 'layout not found' : r.status) }),
    sheetId: r.sheetId ?? lp?.sheetId, serial: r.serial ?? lp?.serial, criteriaSetId: layout?.criteriaSetId,
    layoutHash: r.layoutHash, layoutPageIndex: r.layoutPageIndex, idMethod: r.idMethod,
    ...(r.residualMm !== undefined ? { residualMm: Math.round(r.residualMm * 1000) / 1000 } : {}),
    boxes: ok ? r.boxes.map((b) => ({ id: b.id, state: b.state, confidence: Math.round(b.confidence * 1000) / 1000 })) : [],
  };
}

/** The number written in digit boxes: one mark per decimal place. undefined = none marked; NaN = unclear. */
export function readNumber(slot: TallyPage['persons'][number], states: Map<string, BoxState>): number | undefined {
  if (!slot.idBoxes.length) return undefined;
  const places = [...new Set(slot.idBoxes.map((b) => b.digit))];
  let n = 0, any = false, unclear = false;
  for (const d of places) {
    const boxes = slot.idBoxes.filter((b) => b.digit === d);
    const st = boxes.map((b) => ({ v: b.value, s: states.get(digitBoxId(slot.person, d, b.value)) }));
    const marked = st.filter((x) => x.s === 'marked');
    if (st.some((x) => x.s === 'ambiguous') || marked.length > 1) unclear = true;
    else if (marked.length === 1) { n += marked[0]!.v * 10 ** d; any = true; }
  }
  if (unclear) return NaN;
  return any ? n : undefined;
}

/** Same sheet twice: keep the first page read, mark later ones duplicate. On blank sheets (digit
 *  boxes) the numbers written on the page are part of the key, since copies share a sheet id. */
export function markDuplicateSheets(pages: PageResult[], layouts: TallyLayout[]) {
  const first = new Map<string, PageResult>();
  for (const p of pages) {
    if (p.status !== 'ok' || !p.sheetId) continue;
    const lp = layouts.find((l) => l.layoutHash === p.layoutHash)?.pages[p.layoutPageIndex ?? -1];
    let key = p.sheetId;
    if (lp?.persons.some((s) => s.idBoxes.length)) {
      const states = new Map(p.boxes.map((b) => [b.id, b.state]));
      const numbers = lp.persons.map((s) => readNumber(s, states)).filter((n) => n !== undefined && !Number.isNaN(n));
      if (!numbers.length) continue; // nothing to tell copies apart: not called a duplicate
      key += `|${numbers.sort((a, b) => a! - b!).join(',')}`;
    }
    const kept = first.get(key);
    if (!kept) first.set(key, p);
    else Object.assign(p, { status: 'duplicate', reasonKey: 'R_DUPLICATE_SHEET', reason: `${kept.source} trang ${kept.pageIndex + 1}`, duplicateOf: `${kept.source}#${kept.pageIndex}` });
  }
}

// ---------------------------------------------------------------------------------------------
// Assembly (pure): pages → persons with scores, and the review list.

export interface AssembleInput {
  pages: PageResult[];
  files: FileRecord[];
  layouts: TallyLayout[];
  sets: CriteriaSet[];
  fillCancels: boolean;
  runs: Results['runs'];
  earlierReview: ReviewItem[];
  text: (key: MessageKey, params: Record<string, string | number>) => string;
}

export function assembleResults(input: AssembleInput): Results {
  const { pages, layouts, sets, text } = input;
  const review: ReviewItem[] = [...input.earlierReview];
  const add = (item: Omit<ReviewItem, 'reason'>) => review.push({ ...item, reason: text(item.reasonKey, item.params) });
  const byPerson = new Map<string, { set: CriteriaSet; name: string; unit: string; number?: number; sheets: Set<string>; marks: Map<string, Mark[]>; covered: Set<string>; boxReview: boolean }>();
  for (const p of pages) {
    const page = `${p.pageIndex + 1}`;
    if (p.status !== 'ok') {
      add({ kind: 'page', reasonKey: (p.reasonKey as MessageKey) ?? 'R_UNIDENTIFIED', params: { file: p.source, page, detail: p.reason ?? '', serial: p.serial ?? '' }, source: p.source, pageIndex: p.pageIndex, serial: p.serial });
      continue;
    }
    if (p.reasonKey === 'R_RESIDUAL')
      add({ kind: 'page', reasonKey: 'R_RESIDUAL', params: { file: p.source, page, detail: p.reason ?? '', serial: p.serial ?? '' }, source: p.source, pageIndex: p.pageIndex, serial: p.serial });
    // An earlier run's page whose layout has since been rebuilt under the same file name.
    const layout = layouts.find((l) => l.layoutHash === p.layoutHash);
    const lp = layout?.pages[p.layoutPageIndex ?? -1];
    if (!layout || !lp) {
      add({ kind: 'page', reasonKey: 'R_NO_LAYOUT', params: { file: p.source, page, serial: p.serial ?? '' }, source: p.source, pageIndex: p.pageIndex, serial: p.serial });
      continue;
    }
    const set = sets.find((s) => s.id === layout.criteriaSetId);
    if (!set) {
      add({ kind: 'page', reasonKey: 'R_NO_SET', params: { file: p.source, page, set: layout.criteriaSetId }, source: p.source, pageIndex: p.pageIndex, serial: p.serial });
      continue;
    }
    const states = new Map(p.boxes.map((b) => [b.id, b.state]));
    for (const b of p.boxes)
      if (b.state === 'ambiguous')
        add({ kind: 'box', reasonKey: 'R_AMBIGUOUS_BOX', params: { file: p.source, page, serial: p.serial ?? '', box: b.id, confidence: b.confidence }, source: p.source, pageIndex: p.pageIndex, serial: p.serial, boxId: b.id });
    for (const slot of lp.persons) {
      const boxes = lp.boxes.filter((b) => b.person === slot.person && b.indicator !== ID_INDICATOR);
      // classifyMarks already applied the layout's marking rule (no cancel when fills choose).
      const stateOf = (id: string): BoxState => states.get(id) ?? 'ambiguous';
      const anyMark = boxes.some((b) => stateOf(b.id) !== 'empty') || slot.idBoxes.some((d) => (states.get(digitBoxId(slot.person, d.digit, d.value)) ?? 'empty') !== 'empty');
      let key = slot.person;
      let number: number | undefined;
      if (slot.idBoxes.length) {
        if (!anyMark) continue; // an unused blank row
        number = readNumber(slot, states);
        if (number === undefined || Number.isNaN(number)) {
          key = `${p.source}#${p.pageIndex}/${slot.person}`;
          add({ kind: 'person', reasonKey: 'R_NO_NUMBER', params: { file: p.source, page, serial: p.serial ?? '', slot: slot.person }, source: p.source, pageIndex: p.pageIndex, serial: p.serial, person: key });
          number = undefined;
        } else key = `STT-${number}`;
      }
      const pk = `${set.id}\u0000${key}`;
      const entry = byPerson.get(pk) ?? { set, name: slot.name, unit: slot.unit, number, sheets: new Set(), marks: new Map(), covered: new Set(), boxReview: false };
      entry.sheets.add(p.serial ?? p.sheetId ?? '');
      for (const b of boxes) {
        entry.covered.add(b.indicator);
        const list = entry.marks.get(b.indicator) ?? [];
        list.push({ option: b.option, points: b.points, state: stateOf(b.id), page: `${p.source}#${p.pageIndex}` });
        entry.marks.set(b.indicator, list);
        if (stateOf(b.id) === 'ambiguous') entry.boxReview = true;
      }
      byPerson.set(pk, entry);
    }
  }
  const persons: PersonResult[] = [];
  for (const [pk, e] of byPerson) {
    const key = pk.split('\u0000')[1]!;
    const indicators: PersonResult['indicators'] = {};
    const points: Record<string, number | null> = {};
    for (const ind of e.set.criteria.flatMap((c) => c.indicators)) {
      const v = decideIndicator(e.covered.has(ind.id) ? e.marks.get(ind.id) ?? [] : undefined);
      indicators[ind.id] = v;
      points[ind.id] = v.value;
      if (v.status !== 'ok' && v.status !== 'ambiguous')
        add({ kind: 'person', reasonKey: `R_IND_${v.status.toUpperCase()}` as MessageKey, params: { person: e.name || key, indicator: ind.id, set: e.set.id }, person: key, indicator: ind.id, serial: [...e.sheets].join(' ') });
    }
    const s = scoreSheet(e.set, points);
    const needsReview = !s.complete || e.boxReview || Object.values(indicators).some((i) => i.status !== 'ok');
    persons.push({
      criteriaSetId: e.set.id, person: key, name: e.name, unit: e.unit, ...(e.number !== undefined ? { number: e.number } : {}),
      sheets: [...e.sheets].sort(), indicators, criteria: s.criteria, total: s.total, complete: s.complete,
      recognised: s.recognised, result: s.complete ? s.result : '', classification: s.classification, needsReview, reasons: s.reasons,
    });
  }
  persons.sort((a, b) => a.criteriaSetId.localeCompare(b.criteriaSetId) || (a.number ?? 0) - (b.number ?? 0) || a.person.localeCompare(b.person, 'vi'));
  return {
    format: RESULTS_FORMAT,
    markingRule: { tickChooses: true, fillCancels: input.fillCancels },
    runs: input.runs, files: input.files, pages, persons, review,
    summary: {
      files: input.files.length, pages: pages.length, pagesOk: pages.filter((p) => p.status === 'ok').length,
      persons: persons.length, review: review.length,
      boxesAmbiguous: pages.reduce((a, p) => a + p.boxes.filter((b) => b.state === 'ambiguous').length, 0),
    },
  };
}

interface Mark { option: string; points: number; state: BoxState; page: string }

/** One indicator's options (possibly from several pages) → its value. Never a guess. */
function decideIndicator(marks?: Mark[]): PersonResult['indicators'][string] {
  if (!marks) return { value: null, status: 'missing' };
  if (marks.some((m) => m.state === 'ambiguous')) return { value: null, status: 'ambiguous' };
  const pagesOf = [...new Set(marks.map((m) => m.page))];
  const chosen = pagesOf.map((pg) => marks.filter((m) => m.page === pg && m.state === 'marked'));
  if (chosen.some((c) => c.length > 1)) return { value: null, status: 'multiple' };
  const picks = chosen.filter((c) => c.length === 1).map((c) => c[0]!);
  if (!picks.length) return { value: null, status: 'empty' };
  if (new Set(picks.map((p) => p.option)).size > 1) return { value: null, status: 'conflict' };
  return { value: picks[0]!.points, option: picks[0]!.option, status: 'ok' };
}

// ---------------------------------------------------------------------------------------------
// Inputs.

/** Every *.layout.json under dir; invalid ones become warnings. */
async function findLayouts(dir: string, cwd: string, problems: Problem[]): Promise<TallyLayout[]> {
  const files = existsSync(dir) ? (await walk(dir)).filter((f) => f.endsWith('.layout.json')) : [];
  const layouts: TallyLayout[] = [];
  for (const f of files) {
    const shown = relative(cwd, f).split(sep).join('/');
    try {
      const parsed = TallyLayoutSchema.safeParse(JSON.parse(await readFile(f, 'utf8')));
      if (parsed.success) layouts.push(parsed.data);
      else problems.push(problem('W_LAYOUT_INVALID', { detail: parsed.error.issues[0]?.message ?? '' }, { file: shown }, 'warning'));
    } catch (e) {
      problems.push(problem('W_LAYOUT_INVALID', { detail: (e as Error).message.split('\n')[0]! }, { file: shown }, 'warning'));
    }
  }
  if (!layouts.length) throw new UserError([problem('E_SCORE_NO_LAYOUTS', { dir: relative(cwd, dir) || '.' }, { file: relative(cwd, dir) || '.' })], EXIT.file);
  return layouts;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** Named files are taken as they are (a wrong one is reported, not skipped); folders give their scans. */
async function findScans(inputs: string[], outDir: string, cwd: string): Promise<string[]> {
  const files: string[] = [];
  const missing: Problem[] = [];
  for (const input of inputs) {
    const st = await stat(input).catch(() => undefined);
    if (!st) missing.push(problem('E_SCORE_INPUT_MISSING', { file: relative(cwd, input) }, { file: relative(cwd, input) }));
    else if (st.isDirectory()) files.push(...(await walk(input)).filter((f) => SCAN_EXTENSIONS.has(extname(f).toLowerCase()) && !f.startsWith(outDir + sep)));
    else files.push(input);
  }
  if (missing.length) throw new UserError(missing, EXIT.file);
  return [...new Set(files)];
}
