// A roster CSV (as Excel writes it in vi-VN: UTF-8 maybe with BOM, "," or ";" separators,
// maybe NFD text) → people with their criteria set. Bad rows are reported with their line
// number and skipped; the rest are kept.
import { readFile } from 'node:fs/promises';
import { problem, UserError, EXIT, type Problem } from '../errors.js';
import type { CriteriaSet } from '../criteria/criteria-schema.js';
import type { LoadedCriteriaSet } from '../criteria/load-criteria.js';
import type { Person } from '../documents/form-parts.js';
import { slugify } from '../locale/format-vi.js';

export interface RosterPerson extends Person {
  /** 1-based line in the CSV. */
  line: number;
  set: CriteriaSet;
}

export interface Roster {
  file: string;
  persons: RosterPerson[];
  problems: Problem[];
}

/** Accepted header spellings, compared as slugs so case, marks and spacing do not matter. */
const COLUMNS = {
  name: ['ho-va-ten', 'ho-ten', 'ten'],
  birthYear: ['nam-sinh', 'ngay-sinh'],
  gender: ['gioi-tinh'],
  unit: ['khu-pho-don-vi', 'khu-pho', 'don-vi', 'to-dan-pho', 'thon', 'ap'],
  group: ['nhom-doi-tuong', 'nhom'],
  id: ['ma', 'ma-so', 'stt'],
} as const;

/** RFC 4180-style parse with a chosen separator; returns rows with their starting line. */
export function parseCsv(text: string, sep: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; cell += ch; }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = []; cell = '';
      line++; rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) { cells.push(cell); rows.push({ line: rowLine, cells }); }
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** Excel in vi-VN writes ";" (the decimal mark is ","): pick whichever splits the header more. */
const detectSeparator = (header: string) =>
  [';', ',', '\t'].map((s) => [s, header.split(s).length] as const).sort((a, b) => b[1] - a[1])[0][0];

export async function readRoster(path: string, shownAs: string, criteria: LoadedCriteriaSet[]): Promise<Roster> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').normalize('NFC');
  } catch (e) {
    throw new UserError([problem('E_FILE_READ', { detail: (e as Error).message }, { file: shownAs })], EXIT.file);
  }
  return parseRoster(text, shownAs, criteria);
}

export function parseRoster(text: string, file: string, criteria: LoadedCriteriaSet[]): Roster {
  const rows = parseCsv(text, detectSeparator(text.split(/\r?\n/)[0] ?? ''));
  const header = rows.shift();
  const index = {} as Record<keyof typeof COLUMNS, number>;
  for (const [key, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][])
    index[key] = header ? header.cells.findIndex((h) => names.includes(slugify(h) as never)) : -1;
  if (!header || index.name < 0)
    throw new UserError([problem('E_ROSTER_HEADER', { found: header?.cells.join(' | ') ?? '' }, { file, line: 1, col: 1 })]);

  // Subject groups are the Công dân học tập sets; match by label, group id or set id.
  const citizenSets = criteria.map((c) => c.set).filter((s) => s.model === 'cong_dan_hoc_tap');
  const groupKeys = new Map<string, CriteriaSet>();
  for (const s of citizenSets) for (const k of [s.id, s.subject_group?.id, s.subject_group?.label]) if (k) groupKeys.set(slugify(k), s);
  const problems: Problem[] = [];
  const persons: RosterPerson[] = [];
  const colOf = (k: number) => k + 1;
  for (const row of rows) {
    const get = (k: keyof typeof COLUMNS) => (index[k] >= 0 ? (row.cells[index[k]] ?? '').trim() : '');
    const name = get('name');
    if (!name) {
      problems.push(problem('W_ROSTER_NO_NAME', {}, { file, line: row.line, col: colOf(index.name) }, 'warning'));
      continue;
    }
    const groupText = get('group');
    const set = groupText ? groupKeys.get(slugify(groupText)) : citizenSets.length === 1 ? citizenSets[0] : undefined;
    if (!set) {
      problems.push(problem('W_ROSTER_GROUP', { name, group: groupText || '(trống)', allowed: citizenSets.map((s) => s.subject_group?.label ?? s.id).join('; ') },
        { file, line: row.line, col: colOf(Math.max(index.group, 0)) }, 'warning'));
      continue;
    }
    persons.push({ line: row.line, set, name, birthYear: get('birthYear'), gender: get('gender'), unit: get('unit'), group: set.subject_group?.label, id: get('id') || undefined });
  }
  return { file, persons, problems };
}
