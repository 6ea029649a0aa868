// Every mistake a secretary can make in a template is reported at file:line:col with a hint,
// and the build writes nothing. Lines count from the top of the file (front matter included).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load-config.js';
import { loadCriteria } from '../../src/criteria/load-criteria.js';
import type { Problem } from '../../src/errors.js';
import { formatProblem } from '../../src/locale/messages.js';
import { parsePlan, type PlanContext } from '../../src/plans/load-plans.js';
import { buildPlans, makeProject, REPO, template } from './project.js';

let ctx: PlanContext;
beforeAll(async () => {
  const project = await loadProject(undefined, join(REPO, 'test/fixtures/ward'));
  ctx = { config: project.config, criteria: (await loadCriteria(project.criteriaDir)).sets };
});

const FILE = 'templates/x.md.hbs';
const where = (p: Problem) => `${p.file}:${p.line}:${p.col}`;
const only = (text: string) => {
  const { doc, problems } = parsePlan(text, FILE, 'x', ctx);
  expect(doc).toBeUndefined();
  expect(problems).toHaveLength(1);
  return problems[0];
};

describe('Handlebars mistakes (body starts on line 8 of these templates)', () => {
  it('an unknown variable points at its name', () => {
    const p = only(template('Mở đầu.\n\nNăm học {{nam_hoc}} bắt đầu.\n'));
    expect([p.key, where(p), p.params?.name]).toEqual(['E_PLAN_UNKNOWN_VAR', `${FILE}:10:11`, 'nam_hoc']);
    expect(String(p.params?.known)).toContain('nam');
  });
  it('an unknown nested name lists the keys that exist there', () => {
    const p = only(template('Ngày {{ngay lich.tap_huanx}}.\n'));
    expect([p.key, where(p), p.params?.name]).toEqual(['E_PLAN_UNKNOWN_VAR', `${FILE}:8:13`, 'lich.tap_huanx']);
    expect(String(p.params?.known)).toContain('tap_huan');
  });
  it('an unknown list in {{#each}} is an error, not an empty list', () => {
    const p = only(template('{{#each bo_tieu_chii}}\n- {{ten}}\n{{/each}}\n'));
    expect([p.key, where(p)]).toEqual(['E_PLAN_UNKNOWN_VAR', `${FILE}:8:9`]);
  });
  it('an unknown helper lists the helpers', () => {
    const p = only(template('Hạn: {{ngay_thang lich.tap_huan}}.\n'));
    expect([p.key, where(p)]).toEqual(['E_PLAN_UNKNOWN_HELPER', `${FILE}:8:8`]);
    expect(String(p.params?.helpers)).toContain('ngay_ngan');
  });
  it('an unclosed block points at its opening tag', () => {
    const p = only(template('Dòng đầu.\n\n  {{#each don_vi}}\n- {{ten}}\n\nHết.\n'));
    expect([p.key, where(p), p.params?.name]).toEqual(['E_PLAN_UNCLOSED_BLOCK', `${FILE}:10:3`, 'each']);
  });
  it('a block closed with the wrong name', () => {
    const p = only(template('{{#each don_vi}}\n- {{ten}}\n{{/if}}\n'));
    expect([p.key, where(p), p.params?.open, p.params?.close]).toEqual(['E_PLAN_BLOCK_MISMATCH', `${FILE}:8:1`, 'each', 'if']);
  });
  it('a syntax error inside {{ }}', () => {
    const p = only(template('Một.\n\nHai {{so du_lieu.x=}} ba.\n'));
    expect(p.key).toBe('E_PLAN_SYNTAX');
    expect(p.line).toBe(10);
  });
  it('a helper given a bad value points at the call', () => {
    const p = only(template('Tỷ lệ {{ty_le 5 0}}.\n'));
    expect([p.key, where(p)]).toEqual(['E_PLAN_HELPER_ARG', `${FILE}:8:7`]);
    const d = only(template('\n  Ngày {{ngay "02-30"}}.\n'));
    expect([d.key, where(d)]).toEqual(['E_PLAN_BAD_DATE', `${FILE}:9:8`]);
    const a = only(template('{{la_ma}}\n'));
    expect(a.key).toBe('E_PLAN_HELPER_ARITY');
  });
  it('an unknown variable in a front-matter value points inside the value', () => {
    const p = only('---\nloai: Kế hoạch\nco_quan: hoi\nnguoi_ky: hoi\nngay: "02-10"\ntrich_yeu: "Thử năm {{nam_hoc}}"\n---\nThân.\n');
    expect([p.key, where(p)]).toEqual(['E_PLAN_UNKNOWN_VAR', `${FILE}:6:23`]);
  });
});

describe('front matter mistakes', () => {
  it('no front matter at all', () => expect(where(only('KẾ HOẠCH\n'))).toBe(`${FILE}:1:1`));
  it('front matter never closed', () => expect(only('---\nloai: Kế hoạch\n\nThân.\n').key).toBe('E_PLAN_FM_UNCLOSED'));
  it('a misspelt key, and the key it replaced is missing', () => {
    const { problems } = parsePlan('---\nloai: Kế hoạch\nco_quan: hoi\nnguoi_ky: hoi\ntrich_yue: "Thử"\n---\nThân.\n', FILE, 'x', ctx);
    expect(problems.map((p) => [p.key, where(p)])).toEqual(expect.arrayContaining([
      ['E_SCHEMA_UNKNOWN_KEY', `${FILE}:5:1`],
      ['E_SCHEMA_MISSING', expect.stringMatching(/^templates\/x\.md\.hbs:\d+:\d+$/)],
    ]));
  });
  it('an unknown document type lists the types', () => {
    const p = only('---\nloai: Công văn\nco_quan: hoi\nnguoi_ky: hoi\ntrich_yeu: "Thử"\n---\nThân.\n');
    expect([p.key, where(p)]).toEqual(['E_SCHEMA_ENUM', `${FILE}:2:7`]);
    expect(String(p.params?.allowed)).toContain('KẾ HOẠCH');
  });
  it('a co_quan key that hoctap.yaml does not have', () => {
    const p = only('---\nloai: Kế hoạch\nco_quan: hoii\nnguoi_ky: hoi\ntrich_yeu: "Thử"\n---\nThân.\n');
    expect([p.key, where(p), p.params?.allowed]).toEqual(['E_PLAN_UNKNOWN_KEY', `${FILE}:3:10`, 'hoi, ubnd']);
  });
  it('an unquoted {{…}} value', () => {
    const p = only('---\nloai: Kế hoạch\nco_quan: hoi\nnguoi_ky: hoi\nngay: {{lich.tap_huan}}\ntrich_yeu: "Thử"\n---\nThân.\n');
    expect([p.key, where(p)]).toEqual(['E_PLAN_FM_QUOTE', `${FILE}:5:7`]);
  });
  it('a YAML syntax error keeps the file line', () => {
    const p = only('---\nloai: Kế hoạch\nco_quan: hoi\nnguoi_ky: hoi\ntrich_yeu: "Thử\n---\nThân.\n');
    expect(p.key).toBe('E_YAML_SYNTAX');
    expect(p.line).toBeGreaterThanOrEqual(5);
  });
  it('a date that does not exist', () => {
    const p = only(template('Thân.\n').replace('ngay: "02-10"', 'ngay: "02-30"'));
    expect([p.key, where(p)]).toEqual(['E_PLAN_BAD_DATE', `${FILE}:5:7`]);
  });
});

describe('markup mistakes', () => {
  it('a table row with a missing cell points at its last "|"', () => {
    const p = only(template('| TT | Tên | Ghi chú |\n|---|---|---|\n| 1 | An |\n'));
    expect([p.key, where(p), p.params?.count, p.params?.expected]).toEqual(['E_PLAN_TABLE_CELLS', `${FILE}:10:10`, 2, 3]);
  });
  it('a row repeated by {{#each}} is reported once, at its template line', () => {
    const row = '| {{stt @index}} | {{ten}} |';
    const p = only(template(`| TT | Tên | Loại |\n|:-:|---|---|\n{{#each don_vi}}\n${row}\n{{/each}}\n`));
    expect([p.key, where(p)]).toEqual(['E_PLAN_TABLE_CELLS', `${FILE}:11:${row.lastIndexOf('|') + 1}`]);
  });
  it('a table without its separator line', () => {
    const p = only(template('Bảng:\n\n| TT | Tên |\n| 1 | An |\n'));
    expect([p.key, where(p)]).toEqual(['E_PLAN_TABLE_HEADER', `${FILE}:11:1`]);
  });
});

describe('the build stops before writing', () => {
  it('prints file:line:col — message. Gợi ý: hint, and writes no file at all', async () => {
    const dir = makeProject({ templates: { 'x.md.hbs': template('Mở đầu.\n\nNăm học {{nam_hoc}} bắt đầu.\n') } });
    const r = await buildPlans(dir);
    expect(r.files).toEqual([]);
    expect(existsSync(r.out)).toBe(false);
    r.lines = r.lines.filter((_, i) => r.problems[i].severity === 'error');
    r.problems = r.problems.filter((p) => p.severity === 'error');
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^templates\/x\.md\.hbs:10:11 — Không có dữ liệu "nam_hoc"\. Gợi ý: .*du_lieu/);
    expect(formatProblem(r.problems[0], 'en')).toMatch(/^templates\/x\.md\.hbs:10:11 — No data named "nam_hoc"\. Hint: /);
  });
});
