// Evidence 7: `build --roster` with a CSV as Excel (vi-VN) writes it — UTF-8 BOM, ";" separators,
// CRLF, NFD text, quoted fields holding separators. Bad rows are reported with their line and
// skipped; the rest become one PDF per unit, each person's sheet starting on a front side.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build-project.js';
import { loadCriteria, type LoadedCriteriaSet } from '../../src/criteria/load-criteria.js';
import { parseCsv, parseRoster } from '../../src/roster/read-roster.js';
import { UserError } from '../../src/errors.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { pageTexts, pdfInfo } from '../helpers/pdf-tools.js';
import { REPO_ROOT, tempProject, wardFiles, type TempProject } from '../helpers/temp-project.js';
import { HS_SET } from './sample-sets.js';

/** The roster, one CSV line per array entry (line numbers = index + 1), joined with CRLF. */
const ROSTER_LINES = [
  'Họ và tên;Năm sinh;Giới tính;Khu phố / Đơn vị;Nhóm đối tượng', // 1
  '"Nguyễn Văn An";1980;Nam;Khu phố 1;Nhóm thử', // 2
  'Trần Thị Bình;1975;Nữ;Khu phố 1;Học sinh, sinh viên'.normalize('NFD'), // 3 (NFD)
  ';1990;Nam;Khu phố 2;Nhóm thử', // 4: no name → skipped
  '"Lê Văn ""Cường""; con";1985;Nam;"Khu phố 2; tổ 5";Nhóm thử', // 5: quotes holding ";"
  'Phạm Thị Dung;1992;Nữ;Khu phố 2;Nhóm không có', // 6: unknown group → skipped
  'Hoàng Văn Em;2001;Nam;Khu phố 1;hs', // 7: group by its id
  'Võ Thị Giang;1999;Nữ;Khu phố 2;nhom thu', // 8: group label without marks
];
const ROSTER = `\uFEFF${ROSTER_LINES.join('\r\n')}\r\n`;

/** Criteria set of each person kept (from the group column). */
const SET_OF: Record<string, string> = {
  'Nguyễn Văn An': 'mau', 'Trần Thị Bình': 'cdht-hs', 'Hoàng Văn Em': 'cdht-hs', 'Võ Thị Giang': 'mau', 'Lê Văn "Cường"; con': 'mau',
};
const PEOPLE = {
  'khu-pho-1.pdf': ['Nguyễn Văn An', 'Trần Thị Bình', 'Hoàng Văn Em'],
  'khu-pho-2.pdf': ['Võ Thị Giang'],
  'khu-pho-2-to-5.pdf': ['Lê Văn "Cường"; con'],
};

let proj: TempProject;
let result: CliResult;
let sets: LoadedCriteriaSet[];
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
const unitFile = (f: string) => proj.path(`out/phieu-cham-diem/theo-danh-sach/${f}`);

beforeAll(async () => {
  proj = tempProject(wardFiles({ 'criteria/cdht-hs.yaml': HS_SET, 'people.csv': ROSTER }));
  result = await runCli(['build', '--roster', 'people.csv'], proj.dir);
  sets = (await loadCriteria(proj.path('criteria'), proj.dir)).sets;
});
afterAll(() => proj?.remove());

describe('build --roster', () => {
  it('succeeds despite the bad rows', () => {
    expect(result.code, result.stderr).toBe(0);
  });

  it('reports each bad row with its line number (and column), and skips it', () => {
    expect(result.stderr).toContain('people.csv:4:1 — Cảnh báo: Dòng thiếu họ và tên nên đã bỏ qua. Gợi ý: ');
    expect(result.stderr).toMatch(/people\.csv:6:5 — Cảnh báo: Phạm Thị Dung: không có nhóm đối tượng "Nhóm không có" nên đã bỏ qua\. Gợi ý: Ghi một trong các nhóm: .*Học sinh, sinh viên/);
    expect(result.stderr).not.toMatch(/people\.csv:[23578]:/);
    expect(proj.list('out').join('\n')).not.toContain('dung');
  });

  it('writes one PDF per unit under out/phieu-cham-diem/theo-danh-sach/', () => {
    const files = proj.list('out/phieu-cham-diem/theo-danh-sach');
    expect(files).toEqual(Object.keys(PEOPLE).sort());
  });

  it.each(Object.entries(PEOPLE))('%s holds each of its people by name (NFC), in roster order', (f, names) => {
    const text = squash(pageTexts(unitFile(f)).join('\n'));
    let from = 0;
    for (const name of names) {
      const at = text.indexOf(squash(name), from);
      expect(at, name).toBeGreaterThanOrEqual(0);
      from = at;
    }
    expect(pageTexts(unitFile(f)).join('')).not.toMatch(/[\u0300-\u036f]/);
    // Nobody from another unit or a skipped row.
    for (const other of ['Phạm Thị Dung', ...Object.entries(PEOPLE).filter(([g]) => g !== f).flatMap(([, n]) => n)])
      expect(text, other).not.toContain(squash(other));
  });

  it.each(Object.entries(PEOPLE))('in %s each sheet starts on an odd page; odd-length sheets get a blank back', (f, names) => {
    const pages = pageTexts(unitFile(f));
    expect(Number(pdfInfo(unitFile(f)).Pages)).toBe(pages.length);
    const starts = pages.flatMap((p, k) => (squash(p).includes(squash('PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM')) ? [k + 1] : []));
    expect(starts).toHaveLength(names.length);
    for (const s of starts) expect(s % 2, `sheet starting on page ${s}`).toBe(1);
    // Each person's name is on the first page of their sheet.
    names.forEach((name, k) => expect(squash(pages[starts[k] - 1]), name).toContain(squash(name)));
    // Sheet lengths: a single-person file has no padding; otherwise each sheet is padded to even,
    // and every page that starts no sheet is either the sheet's own continuation or the blank back.
    const lengths = starts.map((s, k) => (starts[k + 1] ?? pages.length + 1) - s);
    if (names.length > 1) for (const n of lengths) expect(n % 2).toBe(0);
    else expect(lengths).toEqual([pages.length]);
    // A sheet as long as the set's blank scoresheet; odd ones get the blank back (only when several).
    const sheetPages = (name: string) => Number(pdfInfo(proj.path(`out/phieu-cham-diem/${SET_OF[name]}.pdf`)).Pages);
    names.forEach((name, k) => expect(lengths[k] - sheetPages(name), name).toBe(names.length > 1 ? sheetPages(name) % 2 : 0));
    const padding = pages.filter((p) => squash(p).includes(squash('(Trang này để trống để in hai mặt)')));
    expect(padding).toHaveLength(names.length > 1 ? names.filter((n) => sheetPages(n) % 2 === 1).length : 0);
  });

  it('the odd-length case is exercised: some set has an odd-length sheet and a unit with several people uses it', () => {
    const odd = ['mau', 'cdht-hs'].filter((id) => Number(pdfInfo(proj.path(`out/phieu-cham-diem/${id}.pdf`)).Pages) % 2 === 1);
    expect(odd.length).toBeGreaterThan(0);
    expect(PEOPLE['khu-pho-1.pdf'].some((n) => odd.includes(SET_OF[n]))).toBe(true);
  });
});

describe('parseRoster / parseCsv (the rules behind it)', () => {
  beforeAll(() => {
    expect(sets.length).toBe(2);
  });

  it('quoted fields keep separators, doubled quotes and line breaks; rows keep their starting line', () => {
    const rows = parseCsv('a;b\r\n"x;y";"say ""hi"""\r\n"multi\r\nline";z\r\n\r\nlast;row', ';');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6]);
    expect(rows[1].cells).toEqual(['x;y', 'say "hi"']);
    expect(rows[2].cells[0].replace(/\r/g, '')).toBe('multi\nline');
    expect(rows[3].cells).toEqual(['last', 'row']);
  });

  it('"," separated files work too, and line numbers count lines inside quoted fields', () => {
    const csv = 'Họ và tên,Nhóm đối tượng\n"Ngô\nThị Hoa",Nhóm thử\n,Nhóm thử\n';
    const r = parseRoster(csv, 'ds.csv', sets);
    expect(r.persons.map((p) => [p.name, p.line])).toEqual([['Ngô\nThị Hoa', 2]]);
    expect(r.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.key}`)).toEqual(['ds.csv:4:1 W_ROSTER_NO_NAME']);
  });

  it('a header without a name column is an error at 1:1', () => {
    let error: unknown;
    try {
      parseRoster('Tên đệm;Năm\nA;1\n', 'ds.csv', sets);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.key}`)).toEqual(['ds.csv:1:1 E_ROSTER_HEADER']);
  });
});

describe('build --roster, a name long enough to wrap', () => {
  // A long name wraps on the sheet and can add a page: the page count (and so the duplex
  // padding and whose name each footer carries) must follow each person, not the set's first.
  const HSSV = 'criteria/cong-dan-hoc-tap-hoc-sinh-sinh-vien.yaml';
  const group = 'Học sinh, sinh viên, học viên đang theo học tại các cơ sở giáo dục';
  const LONG = 'Nguyễn Thị Phương Thảo Hoàng Bảo Ngọc Trâm Anh Lê Thị Minh Khai';
  const people = ['Lê An', LONG, 'Trần Bình'];
  let dir: TempProject;
  let pages: string[];
  beforeAll(async () => {
    dir = tempProject({
      'hoctap.yaml': readFileSync(join(REPO_ROOT, 'hoctap.yaml')),
      [HSSV]: readFileSync(join(REPO_ROOT, HSSV)),
      'ds.csv': `Họ và tên;Khu phố / Đơn vị;Nhóm đối tượng\n${people.map((n) => `${n};Khu phố 1;"${group}"`).join('\n')}\n`,
    });
    await build({ cwd: dir.dir, rosterPath: 'ds.csv', producers: ['forms'] });
    pages = pageTexts(dir.path('out/phieu-cham-diem/theo-danh-sach/khu-pho-1.pdf'));
  });
  afterAll(() => dir?.remove());

  it('each page footer names the person whose sheet it is; every sheet starts on a front side', () => {
    const starts = pages.flatMap((p, k) => (squash(p).includes(squash('PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM')) ? [k] : []));
    expect(starts).toHaveLength(3);
    for (const s of starts) expect(s % 2, `sheet starting on page ${s + 1}`).toBe(0);
    // the long name's sheet is longer than the others (else this test proves nothing)
    const lengths = starts.map((s, k) => (starts[k + 1] ?? pages.length) - s);
    expect(lengths[1]).toBeGreaterThan(lengths[0]!);
    starts.forEach((s, k) => {
      for (let i = s; i < s + lengths[k]!; i++) {
        if (squash(pages[i]!).includes(squash('(Trang này để trống để in hai mặt)'))) continue;
        const others = people.filter((n) => n !== people[k]);
        // the footer is the only place a later page names anyone
        const text = squash(pages[i]!);
        expect(text, `page ${i + 1}`).toContain(squash(people[k]!));
        for (const o of others) expect(text, `page ${i + 1}`).not.toContain(squash(o));
      }
    });
  });
});
