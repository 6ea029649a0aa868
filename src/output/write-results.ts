// Scorer output: results.json (format in docs/tally-sheet-format.md §7), results.csv for Excel
// (UTF-8 with BOM, ";" and decimal comma as Excel writes them in vi-VN, formula-like cells
// neutralised), can-xem-lai.csv (the review list) and the annotated page PNGs. Every file is
// written atomically; the previous results are copied to lich-su/lan-<n>/ before being replaced.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { z } from 'zod';
import type { CriteriaSet } from '../criteria/criteria-schema.js';
import { EXIT, problem, UserError } from '../errors.js';
import { formatNumber, slugify } from '../locale/format-vi.js';
import type { Results, ReviewItem } from '../scoring/score-batch.js';
import { FileRecordSchema, PageResultSchema, RESULTS_FORMAT } from '../scoring/score-batch.js';
import { writeFileAtomic } from './write-files.js';

export const RESULT_FILES = { json: 'results.json', csv: 'results.csv', review: 'can-xem-lai.csv', images: 'anh-da-cham', history: 'lich-su' } as const;

// Built on first use: score-batch.ts (which defines the parts) imports this module too.
const previousSchema = () => z.object({
  format: z.object({ name: z.literal(RESULTS_FORMAT.name), version: z.literal(RESULTS_FORMAT.version) }),
  runs: z.array(z.object({ run: z.number().int(), files: z.number().int(), pages: z.number().int() })),
  files: z.array(FileRecordSchema),
  pages: z.array(PageResultSchema),
  review: z.array(z.object({ kind: z.string(), reasonKey: z.string(), reason: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).passthrough()),
});

/** The results of earlier runs in this out folder (the re-run state), or undefined for a fresh folder. */
export async function loadPreviousResults(outDir: string, cwd: string): Promise<Pick<Results, 'runs' | 'files' | 'pages' | 'review'> | undefined> {
  const path = join(outDir, RESULT_FILES.json);
  if (!existsSync(path)) return undefined;
  const shown = relative(cwd, path).split('\\').join('/');
  try {
    const parsed = previousSchema().safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success) return { ...parsed.data, review: parsed.data.review as ReviewItem[] };
    throw new Error(parsed.error.issues[0]?.message ?? 'invalid');
  } catch (e) {
    // Never overwrite results we cannot understand: the user decides what to do with them.
    throw new UserError([problem('E_SCORE_STATE', { detail: (e as Error).message.split('\n')[0]! }, { file: shown })], EXIT.file);
  }
}

export const annotationPath = (seq: number, source: string, pageIndex: number) =>
  `${RESULT_FILES.images}/${String(seq).padStart(4, '0')}-${slugify(basename(source).replace(/\.[^.]+$/, '')) || 'trang'}-tr${pageIndex + 1}.png`;

/** A page's annotated PNG; a full disk is a file error (exit 3), not an internal one. */
export async function writeAnnotation(outDir: string, file: string, png: Buffer, cwd = process.cwd()): Promise<void> {
  const path = join(outDir, file);
  try {
    await writeFileAtomic(path, png);
  } catch (e) {
    throw new UserError([problem('E_FILE_WRITE', { detail: (e as Error).message }, { file: relative(cwd, path) })], EXIT.file);
  }
}

/** A CSV cell: quoted when needed; text that Excel would run as a formula gets a leading "'". */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : typeof value === 'number' ? formatNumber(value) : value;
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows: (string | number | null | undefined)[][]) => `\uFEFF${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;

const STATUS_VI: Record<string, string> = { empty: 'chưa đánh dấu', multiple: 'nhiều ô', ambiguous: 'ô không rõ', missing: 'thiếu trang', conflict: 'hai phiếu khác nhau' };

export function resultsCsv(results: Results, sets: CriteriaSet[]): string {
  const used = sets.filter((s) => results.persons.some((p) => p.criteriaSetId === s.id));
  const many = used.length > 1;
  const indCols = used.flatMap((s) => s.criteria.flatMap((c) => c.indicators.map((i) => ({ set: s.id, id: i.id, head: `${many ? `${s.id} ` : ''}${i.id} ${i.short}` }))));
  const critCols = used.flatMap((s) => s.criteria.map((c) => ({ set: s.id, id: c.id, head: `${many ? `${s.id} ` : ''}${c.id} (cộng)` })));
  const header = ['Bộ tiêu chí', 'Mã / STT', 'Họ và tên', 'Đơn vị', 'Số phiếu', ...indCols.map((c) => c.head), ...critCols.map((c) => c.head), 'Tổng điểm', 'Kết quả', 'Xếp loại', 'Cần xem lại', 'Lý do'];
  const rows = results.persons.map((p) => [
    p.criteriaSetId, p.number !== undefined ? `STT ${p.number}` : p.person, p.name, p.unit, p.sheets.join(' '),
    ...indCols.map((c) => (c.set === p.criteriaSetId ? p.indicators[c.id]?.value ?? '' : '')),
    ...critCols.map((c) => (c.set === p.criteriaSetId ? p.criteria[c.id] ?? '' : '')),
    p.total, p.result, p.classification, p.needsReview ? 'Có' : 'Không',
    [...Object.entries(p.indicators).filter(([, v]) => v.status !== 'ok').map(([id, v]) => `${id}: ${STATUS_VI[v.status] ?? v.status}`), ...(p.complete ? p.reasons : [])].join('; '),
  ]);
  return csv([header, ...rows]);
}

const KIND_VI: Record<ReviewItem['kind'], string> = { file: 'Tệp', page: 'Trang', box: 'Ô đánh dấu', person: 'Người' };

export function reviewCsv(results: Results): string {
  const imageOf = (r: ReviewItem) => results.pages.find((p) => p.source === r.source && p.pageIndex === r.pageIndex)?.image ?? '';
  const rows = results.review.map((r) => [KIND_VI[r.kind], r.source ?? '', r.pageIndex !== undefined ? r.pageIndex + 1 : '', r.serial ?? '', r.person ?? '', r.boxId ?? r.indicator ?? '', r.reason, imageOf(r)]);
  return csv([['Loại', 'Tệp', 'Trang trong tệp', 'Số phiếu', 'Người', 'Ô / chỉ số', 'Lý do', 'Ảnh đã chấm'], ...rows]);
}

/** Write results.json, results.csv and can-xem-lai.csv; earlier ones first go to lich-su/lan-<n>/. */
export async function writeResults(outDir: string, results: Results, sets: CriteriaSet[], hadPrevious: boolean, run: number, cwd: string): Promise<string[]> {
  const written: string[] = [];
  const put = async (file: string, bytes: Buffer | string) => {
    const path = join(outDir, file);
    try {
      await writeFileAtomic(path, bytes);
    } catch (e) {
      throw new UserError([problem('E_FILE_WRITE', { detail: (e as Error).message }, { file: relative(cwd, path) })], EXIT.file);
    }
    written.push(path);
  };
  if (hadPrevious)
    for (const f of [RESULT_FILES.json, RESULT_FILES.csv, RESULT_FILES.review]) {
      const old = join(outDir, f);
      if (existsSync(old)) await put(`${RESULT_FILES.history}/lan-${run - 1}/${f}`, await readFile(old));
    }
  // results.json last: it is the state of re-runs, so it only names what is already written.
  await put(RESULT_FILES.csv, resultsCsv(results, sets));
  await put(RESULT_FILES.review, reviewCsv(results));
  await put(RESULT_FILES.json, `${JSON.stringify(results, null, 1)}\n`);
  return written;
}
