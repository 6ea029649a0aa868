// Evidence 1: every class of mistake in a criteria set (and in hoctap.yaml) is reported with its
// exact file:line:col, every mistake of a file is reported, and across files too. Fixtures are
// BASE_SET (lines numbered in its comments) with one or a few lines changed, shown inline.
import { afterAll, describe, expect, it } from 'vitest';
import { loadCriteria } from '../../src/criteria/load-criteria.js';
import { loadProject } from '../../src/config/load-config.js';
import { UserError, type Problem } from '../../src/errors.js';
import { formatProblem } from '../../src/locale/messages.js';
import { editLines, tempProject, wardFiles, type TempProject } from '../helpers/temp-project.js';
import { BASE_SET, baseWithId } from './criteria-base.js';

const projects: TempProject[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

/** Load criteria/ of a temp project holding these files; paths are shown relative to it. */
async function check(files: Record<string, string>) {
  const p = tempProject(files);
  projects.push(p);
  return loadCriteria(p.path('criteria'), p.dir);
}

/** "file:line:col key" of each problem, for compact exact assertions. */
const where = (ps: Problem[]) => ps.map((p) => `${p.file}:${p.line}:${p.col} ${p.key}`);

describe('criteria set problems are located exactly', () => {
  it('the base fixture itself is valid', async () => {
    const r = await check({ 'criteria/x.yaml': BASE_SET });
    expect(r.problems).toEqual([]);
    expect(r.sets.map((s) => s.set.id)).toEqual(['thu']);
  });

  it('unknown key inside an indicator → its key position, hint lists the allowed keys', async () => {
    const r = await check({
      'criteria/x.yaml': editLines(BASE_SET, { 17: ['        short: "Đọc sách"', '        ghi_chu: "thêm"'] }), // new line 18
    });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:18:9 E_SCHEMA_UNKNOWN_KEY']);
    expect(formatProblem(r.problems[0], 'vi')).toBe(
      'criteria/x.yaml:18:9 — Khóa "ghi_chu" không được hỗ trợ ở đây. Gợi ý: Kiểm tra chính tả; các khóa hợp lệ: id, text, short, type, max, levels, evidence.',
    );
  });

  it('misspelt top-level key → unknown key at 3:1 and the missing real key', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 3: 'titel: "Bộ tiêu chí thử"' }) });
    expect(where(r.problems).sort()).toEqual(['criteria/x.yaml:1:1 E_SCHEMA_MISSING', 'criteria/x.yaml:3:1 E_SCHEMA_UNKNOWN_KEY']);
    expect(r.problems.find((p) => p.key === 'E_SCHEMA_UNKNOWN_KEY')!.params).toMatchObject({ name: 'titel' });
    expect(r.problems.find((p) => p.key === 'E_SCHEMA_MISSING')!.params).toMatchObject({ name: 'title' });
  });

  it('wrong type → the value position', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 19: '        max: "hai mươi"' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:19:14 E_SCHEMA_TYPE']);
    expect(formatProblem(r.problems[0], 'vi')).toBe(
      'criteria/x.yaml:19:14 — "max" phải là một số, nhưng đang là chữ "hai mươi". Gợi ý: Sửa giá trị cho đúng kiểu; chữ có dấu nên đặt trong dấu ngoặc kép.',
    );
  });

  it('wrong type reported in English with --lang en, with no Vietnamese fragments', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 9: '  verified: "có"' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:9:13 E_SCHEMA_TYPE']);
    const line = formatProblem(r.problems[0], 'en');
    expect(line).toMatch(/^criteria\/x\.yaml:9:13 — "verified" must be .+, but is .+\. Hint: Fix the value type; quote text/);
    // The expected/received descriptions come from read-yaml.ts in Vietnamese whatever the language.
    expect(line).not.toMatch(/hoặc|chữ|một số|danh sách/);
  });

  it('criterion points that do not add up → the criterion max (and the total that no longer adds up)', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 13: '    max: 55' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:13:10 E_CRITERIA_SUM', 'criteria/x.yaml:35:14 E_CRITERIA_TOTAL']);
    expect(formatProblem(r.problems[0], 'vi')).toBe(
      'criteria/x.yaml:13:10 — Tiêu chí TC1 ghi tối đa 55 điểm nhưng các chỉ số cộng lại được 60 điểm. Gợi ý: Sửa "max" của tiêu chí hoặc điểm của các chỉ số cho khớp.',
    );
  });

  it('decimal points are summed without float noise and printed with a comma', async () => {
    const r = await check({
      'criteria/x.yaml': editLines(BASE_SET, { 13: '    max: 60.3', 19: '        max: 20.1', 24: '        max: 40.1', 35: '  max_total: 100.3' }),
    });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:13:10 E_CRITERIA_SUM']);
    expect(r.problems[0].params).toMatchObject({ stated: '60,3', total: '60,2' });
  });

  it('max_total that does not match the criteria → scoring.max_total value', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 35: '  max_total: 120' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:35:14 E_CRITERIA_TOTAL']);
    expect(formatProblem(r.problems[0], 'vi')).toBe(
      'criteria/x.yaml:35:14 — Tổng điểm tối đa ghi 120 nhưng các tiêu chí cộng lại được 100. Gợi ý: Sửa "scoring.max_total" hoặc điểm các tiêu chí cho khớp.',
    );
  });

  it('duplicate indicator id → the second id, naming the line of the first', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 29: '      - id: TC1.1', 41: '      - TC1.1' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:29:13 E_CRITERIA_DUPLICATE_ID']);
    expect(r.problems[0].params).toMatchObject({ id: 'TC1.1', first: '15' });
  });

  it('duplicate criterion id → the second criterion id', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 25: '  - id: TC1' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:25:9 E_CRITERIA_DUPLICATE_ID']);
    expect(formatProblem(r.problems[0], 'vi')).toBe(
      'criteria/x.yaml:25:9 — Mã "TC1" bị trùng (đã dùng ở dòng 11). Gợi ý: Mỗi tiêu chí và chỉ số cần một mã riêng, ví dụ TC1, TC1.1, TC1.2.',
    );
  });

  it('duplicate procedure step → the second key, naming the line of the first', async () => {
    const r = await check({
      'criteria/x.yaml': `${BASE_SET}procedure:
  - { key: dang_ky, label: "Đăng ký", by: "cá nhân", due: "03-31" }
  - { key: dang_ky, label: "Đăng ký lại", by: "cá nhân", due: "04-30" }
`, // lines 47, 48, 49
    });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:49:12 E_CRITERIA_DUPLICATE_ID']);
    // "đã dùng ở dòng ?" does not help: the first step is on line 48.
    expect(formatProblem(r.problems[0], 'vi')).toContain('Mã "dang_ky" bị trùng (đã dùng ở dòng 48)');
  });

  it('recognition.min_total above max_total', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 37: '    min_total: 170' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:37:16 E_CRITERIA_THRESHOLD']);
    expect(r.problems[0].params).toMatchObject({ what: 'recognition.min_total', value: '170', max: '100' });
  });

  it('min_per_criterion above the criterion max → its key', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 39: '      TC1: 65' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:39:7 E_CRITERIA_THRESHOLD']);
    expect(r.problems[0].params).toMatchObject({ what: 'min_per_criterion.TC1', value: '65', max: '60' });
  });

  it('min_per_criterion naming an unknown criterion', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 39: '      TC7: 10' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:39:7 E_CRITERIA_UNKNOWN_REF']);
  });

  it('classification band above max_total', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 44: '      min_total: 190' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:44:18 E_CRITERIA_THRESHOLD']);
    expect(r.problems[0].params).toMatchObject({ what: 'classification "Xuất sắc"', value: '190' });
  });

  it('classification bands out of order', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 46: '      min_total: 95' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:46:18 E_CRITERIA_BAND_ORDER']);
  });

  it('bad indentation (YAML syntax) → the offending line', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 12: '      title: "Tự học"' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:12:1 E_YAML_SYNTAX']);
    expect(formatProblem(r.problems[0], 'vi')).toMatch(/^criteria\/x\.yaml:12:1 — Lỗi cú pháp YAML: .+\. Gợi ý: Kiểm tra thụt lề/);
  });

  it('a tab used for indentation → YAML syntax at that line', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 7: '\tissuer: "Hội Khuyến học"' }) });
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.key === 'E_YAML_SYNTAX')).toBe(true);
    expect(`${r.problems[0].file}:${r.problems[0].line}`).toBe('criteria/x.yaml:7');
  });

  it('duplicate YAML key → the second key, named in full', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 19: ['        max: 20', '        max: 25'] }) }); // new line 20
    expect(where(r.problems)).toEqual(['criteria/x.yaml:20:9 E_YAML_DUPLICATE_KEY']);
    expect(formatProblem(r.problems[0], 'vi')).toBe(
      'criteria/x.yaml:20:9 — Khóa "max" bị lặp lại trong cùng một mục. Gợi ý: Xóa hoặc đổi tên một trong hai khóa.',
    );
  });

  it('missing required field inside a mapping → the mapping, naming it', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 9: [] }) }); // verified removed
    expect(where(r.problems)).toEqual(['criteria/x.yaml:6:1 E_SCHEMA_MISSING']);
    expect(formatProblem(r.problems[0], 'vi')).toBe(
      'criteria/x.yaml:6:1 — Thiếu mục bắt buộc "verified". Gợi ý: Thêm "verified:" vào "provenance".',
    );
  });

  it('missing required field inside a list item → the item; the hint does not name a bare list index', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 17: [] }) }); // short removed from TC1.1
    expect(where(r.problems)).toEqual(['criteria/x.yaml:15:9 E_SCHEMA_MISSING']);
    const line = formatProblem(r.problems[0], 'vi');
    expect(line).toMatch(/^criteria\/x\.yaml:15:9 — Thiếu mục bắt buộc "short"\. Gợi ý: Thêm "short:" vào /);
    // "Thêm "short:" vào "0"" tells a ward officer nothing: the hint must name the indicator or the list.
    expect(line).not.toMatch(/vào "\d+"/);
  });

  it('unknown enum value → the value, hint lists the allowed values', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 18: '        type: yesno' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:18:15 E_SCHEMA_ENUM']);
    expect(formatProblem(r.problems[0], 'vi')).toBe(
      'criteria/x.yaml:18:15 — "type" phải là một trong: points, yes_no, levels. Gợi ý: Chọn một giá trị trong danh sách.',
    );
    expect(formatProblem(r.problems[0], 'en')).toBe(
      'criteria/x.yaml:18:15 — "type" must be one of: points, yes_no, levels. Hint: Pick one of the listed values.',
    );
  });

  it('unknown model → the value', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 2: 'model: cong_dan' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:2:8 E_SCHEMA_ENUM']);
  });

  it('required_indicators naming an unknown indicator → that list item', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 41: '      - TC9.9' }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:41:9 E_CRITERIA_UNKNOWN_REF']);
    expect(formatProblem(r.problems[0], 'vi')).toBe(
      'criteria/x.yaml:41:9 — Không có chỉ số nào mã "TC9.9". Gợi ý: Kiểm tra mã trong danh sách tiêu chí và chỉ số của bộ này.',
    );
  });
});

describe('every mistake is reported, not the first only', () => {
  it('several schema mistakes in one file', async () => {
    const r = await check({
      'criteria/x.yaml': editLines(BASE_SET, {
        2: 'model: cong_dan',
        17: ['        short: "Đọc sách"', '        ghi_chu: "thêm"'], // → line 18
        24: '        max: "bốn mươi"', // → line 25
        32: '        type: co_khong', // → line 33
      }),
    });
    expect(where(r.problems).sort()).toEqual([
      'criteria/x.yaml:18:9 E_SCHEMA_UNKNOWN_KEY',
      'criteria/x.yaml:25:14 E_SCHEMA_TYPE',
      'criteria/x.yaml:2:8 E_SCHEMA_ENUM',
      'criteria/x.yaml:33:15 E_SCHEMA_ENUM',
    ]);
    expect(r.sets).toEqual([]);
  });

  it('several rule mistakes in one file', async () => {
    const r = await check({
      'criteria/x.yaml': editLines(BASE_SET, {
        25: '  - id: TC1', // duplicate criterion id
        27: '    max: 45', // 45 ≠ 40 of its indicator
        35: '  max_total: 105', // = 60 + 45, so the total itself adds up
        37: '    min_total: 170',
        41: '      - TC9.9',
      }),
    });
    expect(where(r.problems)).toEqual([
      'criteria/x.yaml:25:9 E_CRITERIA_DUPLICATE_ID',
      'criteria/x.yaml:27:10 E_CRITERIA_SUM',
      'criteria/x.yaml:37:16 E_CRITERIA_THRESHOLD',
      'criteria/x.yaml:41:9 E_CRITERIA_UNKNOWN_REF',
    ]);
  });

  it('levels on a points indicator → located, since the scoresheet and the tally sheet would offer different choices', async () => {
    const r = await check({ 'criteria/x.yaml': editLines(BASE_SET, { 24: ['        max: 40', '        levels: [{ label: "Tốt", points: 40 }, { label: "Chưa", points: 0 }]'] }) });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:25:9 E_CRITERIA_LEVELS_UNUSED']);
    expect(formatProblem(r.problems[0]!, 'vi')).toContain('có type: points nên không dùng "levels"');
  });

  it('mistakes across several files; the valid file still loads', async () => {
    const r = await check({
      'criteria/a.yaml': editLines(baseWithId('a'), { 18: '        type: yesno' }),
      'criteria/b.yaml': editLines(baseWithId('b'), { 35: '  max_total: 120' }),
      'criteria/c.yaml': baseWithId('c'),
      'criteria/d.yaml': editLines(baseWithId('d'), { 12: '      title: "Tự học"' }),
    });
    expect(where(r.problems)).toEqual([
      'criteria/a.yaml:18:15 E_SCHEMA_ENUM',
      'criteria/b.yaml:35:14 E_CRITERIA_TOTAL',
      'criteria/d.yaml:12:1 E_YAML_SYNTAX',
    ]);
    expect(r.sets.map((s) => s.set.id)).toEqual(['c']);
  });

  it('two files with the same set id → the second id', async () => {
    const r = await check({ 'criteria/a.yaml': BASE_SET, 'criteria/b.yaml': BASE_SET });
    expect(where(r.problems)).toEqual(['criteria/b.yaml:1:5 E_CRITERIA_SAME_ID']);
    expect(r.problems[0].params).toMatchObject({ other: 'criteria/a.yaml' });
  });

  it('an NFD file is read as NFC and a BOM does not shift the columns', async () => {
    const nfd = `\uFEFF${editLines(BASE_SET, { 19: '        max: "hai mươi"' })}`.normalize('NFD');
    const r = await check({ 'criteria/x.yaml': nfd });
    expect(where(r.problems)).toEqual(['criteria/x.yaml:19:14 E_SCHEMA_TYPE']);
    expect(formatProblem(r.problems[0], 'vi')).toContain('chữ "hai mươi"');
  });
});

describe('hoctap.yaml problems are located the same way', () => {
  const config = () => String(wardFiles()['hoctap.yaml']);

  async function configProblems(text: string): Promise<Problem[]> {
    const p = tempProject({ 'hoctap.yaml': text });
    projects.push(p);
    try {
      await loadProject(undefined, p.dir);
    } catch (e) {
      if (e instanceof UserError) return e.problems;
      throw e;
    }
    return [];
  }

  it('the fixture config is valid', async () => {
    expect(await configProblems(config())).toEqual([]);
  });

  it('an empty text and a number out of range are said in the chosen language, not in zod\'s English', async () => {
    const ps = await configProblems(editLines(config(), { 5: 'nam: 1900', 9: '  ten: ""' }));
    expect(where(ps).sort()).toEqual(['hoctap.yaml:5:6 E_SCHEMA_RANGE', 'hoctap.yaml:9:8 E_SCHEMA_EMPTY']);
    const said = ps.map((p) => formatProblem(p, 'vi')).join('\n') + ps.map((p) => formatProblem(p, 'en')).join('\n');
    expect(said).toContain('"nam" phải từ 2000 trở lên');
    expect(said).toContain('"ten" must not be empty');
    expect(said).not.toMatch(/Too small|expected/);
  });

  it('a date that is not in the calendar (30 February, month 13) is a located problem, not a crash', async () => {
    const ps = await configProblems(editLines(config(), { 53: '  tap_huan: 2026-02-30' }));
    expect(where(ps)).toEqual(['hoctap.yaml:53:13 E_SCHEMA_VALUE']);
    expect(formatProblem(ps[0]!, 'vi')).toContain('không có ngày này trong lịch');
    expect(where(await configProblems(editLines(config(), { 66: 'ngay_tao_tep: 2026-13-05' })))).toEqual(['hoctap.yaml:66:15 E_SCHEMA_VALUE']);
  });

  it('wrong type, unknown key, unknown enum and bad date together', async () => {
    // Ward fixture lines: 5 `nam: 2026 …`, 9 `  ten: "Phường Bình Minh"`, 36 first don_vi, 53 `  tap_huan: 2026-03-14`.
    const text = editLines(config(), {
      5: 'nam: "hai nghìn"',
      9: '  ten_goi: "Phường Bình Minh"',
      36: '  - { ma: KP1, ten: "Khu phố 1", loai: khu }',
      53: '  tap_huan: 14/03/2026',
    });
    const ps = await configProblems(text);
    expect(where(ps).sort()).toEqual([
      'hoctap.yaml:36:40 E_SCHEMA_ENUM',
      'hoctap.yaml:53:13 E_SCHEMA_VALUE',
      'hoctap.yaml:5:6 E_SCHEMA_TYPE',
      'hoctap.yaml:8:1 E_SCHEMA_MISSING',
      'hoctap.yaml:9:3 E_SCHEMA_UNKNOWN_KEY',
    ]);
    expect(formatProblem(ps.find((p) => p.key === 'E_SCHEMA_TYPE')!, 'vi')).toBe(
      'hoctap.yaml:5:6 — "nam" phải là một số, nhưng đang là chữ "hai nghìn". Gợi ý: Sửa giá trị cho đúng kiểu; chữ có dấu nên đặt trong dấu ngoặc kép.',
    );
  });
});
