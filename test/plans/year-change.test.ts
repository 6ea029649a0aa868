// Next year: change `nam` (and the calendar) in hoctap.yaml, rebuild, and every year, date and
// number in every document follows; forgetting the calendar stops the build at the stale line.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlans, makeProject, template } from './project.js';

const nextYear = (text: string) => text.replace(/^nam: 2026/m, 'nam: 2027').replace(/^(\s+\w+: )2026-/gm, '$12027-');
const DATES = template('Hạn đăng ký {{ngay "03-31"}}; tổng kết {{ngay_ngan lich.hoi_nghi_tong_ket}}; năm sau {{cong nam 1}}.\n\nHết./.\n');

async function allText(dir: string) {
  const r = await buildPlans(dir);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const folder = join(r.out, 'van-ban');
  const files = readdirSync(folder);
  const pdf = files.filter((f) => f.endsWith('.pdf')).map((f) => execFileSync('pdftotext', [join(folder, f), '-'], { encoding: 'utf8' })).join('\n');
  const docx = files.filter((f) => f.endsWith('.docx')).map((f) => execFileSync('unzip', ['-p', join(folder, f), 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, ' ')).join('\n');
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  return { pdf: flat(pdf), docx: flat(docx) };
}

describe('changing nam', () => {
  it('moves every year and date of every document (PDF and Word)', async () => {
    const before = await allText(makeProject({ templates: { 'ngay.md.hbs': DATES } }));
    const after = await allText(makeProject({ templates: { 'ngay.md.hbs': DATES }, config: nextYear }));
    expect(before.pdf).toContain('năm 2026');
    expect(before.pdf).toContain('Hạn đăng ký ngày 31 tháng 3 năm 2026; tổng kết 18/12/2026; năm sau 2027.');
    expect(after.pdf).toContain('Hạn đăng ký ngày 31 tháng 3 năm 2027; tổng kết 18/12/2027; năm sau 2028.');
    expect(after.pdf).toContain('Bình Minh, ngày 10 tháng 02 năm 2027');
    expect(after.pdf).toMatch(/NHIỆM VỤ NĂM 2028/);
    for (const text of [after.pdf, after.docx]) {
      expect(text).not.toMatch(/2026/);
      expect(text.match(/2027/g)!.length).toBeGreaterThan(20);
    }
    // The figures do not depend on the year: the same rate in both years.
    expect(after.pdf).toContain('505/511 công dân đạt danh hiệu, đạt tỷ lệ 98,82%');
  });

  it('a calendar left in the old year stops the build at the line to fix', async () => {
    const dir = makeProject({ config: (t) => t.replace(/^nam: 2026/m, 'nam: 2027') });
    const r = await buildPlans(dir);
    expect(r.files).toEqual([]);
    const config = readFileSync(join(dir, 'hoctap.yaml'), 'utf8').split('\n');
    const line = config.findIndex((l) => /^\s+ban_hanh_ke_hoach: 2026-02-10/.test(l)) + 1;
    const p = r.problems.find((x) => x.key === 'E_PLAN_LICH_YEAR' && x.params?.key === 'ban_hanh_ke_hoach')!;
    expect(`${p.file}:${p.line}:${p.col}`).toBe(`hoctap.yaml:${line}:${config[line - 1].indexOf('2026') + 1}`);
    expect(r.lines.find((l) => l.startsWith(`hoctap.yaml:${line}:`))).toMatch(/lich\.ban_hanh_ke_hoach là ngày 2026-02-10, không thuộc năm 2027.*Gợi ý: .*2027-02-10/);
    expect(r.problems.filter((x) => x.key === 'E_PLAN_LICH_YEAR')).toHaveLength(7);
  });

  it('the rounding rule comes from hoctap.yaml ty_le', async () => {
    const rate = template('Tỷ lệ {{ty_le 505 511}}./.\n', '');
    const cut = await allText(makeProject({ shipped: false, templates: { 'r.md.hbs': rate } }));
    const round = await allText(makeProject({ shipped: false, templates: { 'r.md.hbs': rate }, config: (t) => t.replace('lam_tron: cat_bo', 'lam_tron: lam_tron') }));
    expect(cut.pdf).toContain('Tỷ lệ 98,82%');
    expect(round.pdf).toContain('Tỷ lệ 98,83%');
  });
});
