// The template markup: headings numbered I. → 1. → a), lists, căn cứ lines, tables, directives,
// inline emphasis; and the line marks that carry template lines through Handlebars.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load-config.js';
import { loadCriteria } from '../../src/criteria/load-criteria.js';
import { readFrontMatter } from '../../src/plans/front-matter.js';
import { parseInline, parseMarkup } from '../../src/plans/parse-markup.js';
import { planData } from '../../src/plans/plan-data.js';
import { runsText, type Block } from '../../src/plans/plan-model.js';
import { createRenderer } from '../../src/plans/render-template.js';
import { makeProject, SHIPPED_TEMPLATES } from './project.js';

const parse = (text: string) => parseMarkup(text.split('\n').map((t, i) => ({ text: t, line: i + 1 })), 'x', text.split('\n'));
const show = (b: Block) =>
  b.kind === 'heading' ? `H${b.level} ${b.label} ${runsText(b.runs)}` : b.kind === 'table' ? `T ${b.header.length}x${b.rows.length}` : b.kind === 'pageBreak' ? 'BREAK' : `${b.kind}${'marker' in b ? b.marker : ''}${'align' in b && b.align ? `@${b.align}` : ''} ${runsText(b.runs)}`;

describe('markup', () => {
  it('numbers headings I. → 1. → a) and resets below a new parent', () => {
    const { body } = parse('# Mục đích, yêu cầu\n## Mục đích\n### Một\n### Hai\n## Yêu cầu\n### Ba\n# nội dung\n## Đầu\n# IV. Tự đánh số\n## Sau');
    expect(body.map(show)).toEqual([
      'H1 I. MỤC ĐÍCH, YÊU CẦU', 'H2 1. Mục đích', 'H3 a) Một', 'H3 b) Hai', 'H2 2. Yêu cầu', 'H3 a) Ba',
      'H1 II. NỘI DUNG', 'H2 1. Đầu', 'H1 IV. TỰ ĐÁNH SỐ', 'H2 1. Sau',
    ]);
    expect(body[0].kind === 'heading' && body[0].runs.every((r) => r.bold)).toBe(true);
    expect(body[2].kind === 'heading' && body[2].runs.some((r) => r.bold)).toBe(false);
  });
  it('joins lines into paragraphs, splits lists and căn cứ lines', () => {
    const { body } = parse('Dòng một\ncòn tiếp.\n\n- Ý một\n  nối dài\n+ ý con\n- Ý hai\n> Căn cứ A;\n> Căn cứ B;\nĐoạn mới.');
    expect(body.map(show)).toEqual(['paragraph Dòng một còn tiếp.', 'item- Ý một nối dài', 'item+ ý con', 'item- Ý hai', 'basis Căn cứ A;', 'basis Căn cứ B; Đoạn mới.']);
  });
  it('reads tables with alignment and relative widths', () => {
    const { body, problems } = parse('| TT | Họ và tên | Điểm |\n|:--:|----------|---:|\n| 1 | An | 90 |\n| 2 | Bình \\| Hòa | 85 |');
    expect(problems).toEqual([]);
    const t = body[0];
    expect(t.kind).toBe('table');
    if (t.kind !== 'table') return;
    expect(t.columns).toEqual([{ align: 'center', weight: 2 }, { align: 'left', weight: 10 }, { align: 'right', weight: 3 }]);
    expect(t.rows.map((r) => r.map(runsText))).toEqual([['1', 'An', '90'], ['2', 'Bình | Hòa', '85']]);
  });
  it('directives: centred, right, page break, appendix', () => {
    const { body, appendix } = parse('[giữa] **QUYẾT ĐỊNH:**\n[phải] Ký tên\nThân.\n[ngắt trang]\nSau.\n[kèm theo]\n[giua] DANH SÁCH');
    expect(body.map(show)).toEqual(['paragraph@center QUYẾT ĐỊNH:', 'paragraph@right Ký tên', 'paragraph Thân.', 'BREAK', 'paragraph Sau.']);
    expect(appendix.map(show)).toEqual(['paragraph@center DANH SÁCH']);
  });
  it.each([
    ['**Điều 1.** Công nhận', [{ text: 'Điều 1.', bold: true }, { text: ' Công nhận' }]],
    ['*(Kèm theo)*', [{ text: '(Kèm theo)', italics: true }]],
    ['***cả hai*** và 2 * 3', [{ text: 'cả hai', bold: true, italics: true }, { text: ' và 2 * 3' }]],
    ['\\*không\\* in nghiêng', [{ text: '*không* in nghiêng' }]],
    ['**chưa đóng', [{ text: '**chưa đóng' }]],
  ])('inline %j', (text, runs) => expect(parseInline(text)).toEqual(runs));
});

describe('line marks', () => {
  let data: Record<string, unknown>;
  const renderer = createRenderer({ nam: 2026, rounding: 'cat_bo', decimals: 2 });
  beforeAll(async () => {
    const dir = makeProject();
    const project = await loadProject(undefined, dir);
    data = planData(project.config, (await loadCriteria(project.criteriaDir)).sets, {}, {
      loai: 'KẾ HOẠCH', so: '01/KH-HKH', ky_hieu: 'KH-HKH', ngay: '2026-02-10', trich_yeu: 't',
      co_quan: { chu_quan: '', ten: 'Hội', viet_tat: 'HKH' }, nguoi_ky: { quyen_han: '', chuc_vu: 'Chủ tịch', ho_ten: 'A' },
    });
  });
  it.each(SHIPPED_TEMPLATES)('%s renders the same text with and without marks, each line mapped to a source line', (name) => {
    const text = readFileSync(join(process.cwd(), 'templates', name), 'utf8');
    const t = readFrontMatter(text, name).template!;
    const marked = renderer.renderBody(t.body, { file: name, line: t.bodyLine, col: 1 }, data);
    const plain = renderer.renderString(t.body, { file: name, line: t.bodyLine, col: 1 }, data);
    expect(marked.problems).toEqual([]);
    expect(marked.lines!.map((l) => l.text).join('\n')).toBe(plain.text);
    const fileLines = text.split('\n');
    for (const l of marked.lines!) {
      expect(l.line).toBeGreaterThanOrEqual(t.bodyLine);
      expect(l.line).toBeLessThanOrEqual(fileLines.length);
    }
    // A table row produced by {{#each}} maps to the template line of the row.
    for (const l of marked.lines!.filter((x) => x.text.startsWith('|'))) expect(fileLines[l.line - 1].trimStart().startsWith('|')).toBe(true);
  });
});
