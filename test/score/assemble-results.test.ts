// Batch assembly without images: readings → people, review list, duplicate rules; CSV cells.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCriteria } from '../../src/criteria/load-criteria.js';
import type { CriteriaSet } from '../../src/criteria/criteria-schema.js';
import { buildTallySheet } from '../../src/documents/tally-sheet.js';
import { BUNDLED_FONTS } from '../../src/pdf/fonts.js';
import { measurerFor } from '../../src/pdf/measure-text.js';
import { assembleResults, markDuplicateSheets, type PageResult } from '../../src/scoring/score-batch.js';
import { csvCell } from '../../src/output/write-results.js';
import type { TallyLayout } from '../../src/tally/layout-schema.js';
import { REPO_ROOT } from '../helpers/temp-project.js';

let set: CriteriaSet;
let blank: TallyLayout;
beforeAll(async () => {
  set = (await loadCriteria(join(REPO_ROOT, 'test/fixtures/ward/criteria'), REPO_ROOT)).sets[0]!.set;
  blank = buildTallySheet(set, { kind: 'group', persons: [], year: 2026, fillCancels: true, measure: measurerFor(BUNDLED_FONTS) }).layout;
});

function page(source: string, marks: Record<string, 'marked' | 'cancelled' | 'ambiguous'>): PageResult {
  const lp = blank.pages[0]!;
  return {
    source, pageIndex: 0, fileSha256: source, run: 1, status: 'ok', sheetId: lp.sheetId, serial: lp.serial,
    criteriaSetId: set.id, layoutHash: blank.layoutHash, layoutPageIndex: 0,
    boxes: lp.boxes.map((b) => ({ id: b.id, state: marks[b.id] ?? 'empty', confidence: marks[b.id] === 'ambiguous' ? 0.3 : 0.95 })),
  };
}
const assemble = (pages: PageResult[], fillCancels = true) =>
  assembleResults({ pages, files: [], layouts: [{ ...blank, markingRule: { tickChooses: true, fillCancels } }], sets: [set], fillCancels, runs: [], earlierReview: [], text: (k) => k });

const row1 = { 'R01/#so-tt/1-0': 'marked', 'R01/#so-tt/0-7': 'marked', 'R01/TC1.1/dat': 'marked', 'R01/TC1.2/muc-1': 'cancelled', 'R01/TC1.2/muc-2': 'marked', 'R01/TC1.3/dat': 'marked', 'R01/TC2.1/dat': 'ambiguous' } as const;

describe('assembleResults', () => {
  it('blank rows: the number from digit boxes names the person; unused rows are skipped; ambiguous boxes are listed', () => {
    const r = assemble([page('a.jpg', row1)]);
    expect(r.persons.map((p) => p.person)).toEqual(['STT-7']);
    const p = r.persons[0]!;
    expect(p.indicators['TC1.2']).toMatchObject({ option: 'muc-2', status: 'ok' });
    expect(p.indicators['TC2.1']).toMatchObject({ value: null, status: 'ambiguous' });
    expect(p.needsReview).toBe(true);
    expect(r.review.filter((i) => i.kind === 'box').map((i) => i.boxId)).toEqual(['R01/TC2.1/dat']);
  });

  it('an earlier page whose layout was rebuilt since (new hash) is listed for review, and the rest is scored', () => {
    const old = { ...page('old.jpg', row1), layoutHash: 'gone0000' };
    const r = assemble([old, page('new.jpg', row1)]);
    expect(r.review.filter((i) => i.reasonKey === 'R_NO_LAYOUT').map((i) => i.source)).toEqual(['old.jpg']);
    expect(r.persons.map((p) => p.person)).toEqual(['STT-7']);
  });

  it('a row without a readable number is kept apart and listed', () => {
    const r = assemble([page('a.jpg', { 'R02/TC1.1/dat': 'marked' })]);
    expect(r.persons[0]!.person).toBe('a.jpg#0/R02');
    expect(r.review.some((i) => i.reasonKey === 'R_NO_NUMBER')).toBe(true);
  });

  it('copies of a blank sheet are told apart by their numbers; the same numbers twice is a duplicate', () => {
    const other = { ...row1, 'R01/#so-tt/0-7': undefined, 'R01/#so-tt/0-8': 'marked' } as never;
    const pages = [page('a.jpg', row1), page('b.jpg', other), page('c.jpg', row1)];
    markDuplicateSheets(pages, [blank]);
    expect(pages.map((p) => p.status)).toEqual(['ok', 'ok', 'duplicate']);
    expect(assemble(pages).persons.map((p) => p.person)).toEqual(['STT-7', 'STT-8']);
  });
});

describe('csvCell', () => {
  it('neutralises formula starts and quotes separators', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(8.5)).toBe('8,5');
    expect(csvCell(null)).toBe('');
  });
});
