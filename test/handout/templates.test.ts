// The words of the handout live in templates/tap-huan (a ward rewords them); mistakes in them
// are Problems at file:line:col; the marking rule and data follow hoctap.yaml. Plus the pure
// pieces: markup lines, example marks, booklet page order, mark pictures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_TAP_HUAN, handoutsProducer } from '../../src/build/handouts-producer.js';
import { exampleMarks, parseTapHuanMarkup } from '../../src/documents/handout.js';
import { markVectors, MARK_KINDS } from '../../src/documents/mark-pictures.js';
import { formatProblem } from '../../src/locale/messages.js';
import { bookletSides } from '../../src/pdf/impose-booklet.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { scoreSheet } from '../../src/scoring/score-sheet.js';
import { collapse, pdfText } from '../helpers/pdf-tools.js';
import { tempProject, wardFiles, type Files, type TempProject } from '../helpers/temp-project.js';
import { handoutContext, PDF_DATE } from './handout-context.js';

/** The shipped templates as project files (templates/tap-huan/…), to edit in a test. */
const shipped = (): Files => Object.fromEntries(readdirSync(BUNDLED_TAP_HUAN).map((n) => [`templates/tap-huan/${n}`, readFileSync(join(BUNDLED_TAP_HUAN, n), 'utf8')]));

let proj: TempProject | undefined;
afterEach(() => proj?.remove());

async function produce(files: Files) {
  proj = tempProject(wardFiles(files), 'hoctap-tpl-');
  const ctx = await handoutContext(proj.dir);
  return { ctx, ...(await handoutsProducer(ctx)) };
}

async function handoutText(docs: Awaited<ReturnType<typeof produce>>['docs'], ctx: Awaited<ReturnType<typeof produce>>['ctx']) {
  const doc = docs.find((d) => d.group === 'handout')!;
  const pdf = await renderPdf(doc.definition, { title: '', subject: '', author: '', date: PDF_DATE }, ctx.fonts);
  proj!.write({ 'out/h.pdf': pdf.bytes });
  return collapse(pdfText(proj!.path('out/h.pdf')));
}

describe('template problems are located at file:line:col', () => {
  it('an unknown data name, an unknown picture, an unknown block, an unclosed {{#if}}', async () => {
    const { problems, docs } = await produce({
      ...shipped(),
      'templates/tap-huan/02-dang-ky.md.hbs': '## 2. Đăng ký\nMọi người đều được đăng ký.\nHạn: {{buoc.dang_ky.han_sai}}\n',
      'templates/tap-huan/05-danh-dau.md.hbs': '## 5. Đánh dấu\n@dung:tich Tích trong ô.\n  @sai:vong Vẽ vòng.\n[[bang-sai]]\n',
      'templates/tap-huan/06-lich.md.hbs': '## 6. Lịch\n{{#if nam}}\nNăm {{nam}}.\n',
    });
    const lines = problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, 'vi'));
    expect(docs).toEqual([]);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^templates\/tap-huan\/02-dang-ky\.md\.hbs:3:8 — Không có dữ liệu "buoc\.dang_ky\.han_sai"/),
      expect.stringMatching(/^templates\/tap-huan\/05-danh-dau\.md\.hbs:3:4 — Không có hình "sai:vong"/),
      expect.stringMatching(/^templates\/tap-huan\/05-danh-dau\.md\.hbs:4:1 — Không có khối dữ liệu \[\[bang-sai\]\]/),
      expect.stringMatching(/^templates\/tap-huan\/06-lich\.md\.hbs:2:1 — Khối \{\{#if\}\} mở ở đây nhưng không được đóng/),
    ]));
    // The same template serves every set: each problem is reported once.
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('a section without its data block gives a warning naming the block', async () => {
    const files = shipped();
    delete files['templates/tap-huan/07-hoi-ai.md.hbs'];
    proj = tempProject(wardFiles(files), 'hoctap-tpl-');
    const { problems } = await handoutsProducer(await handoutContext(proj.dir));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => formatProblem(p, 'vi'))).toContainEqual(expect.stringMatching(/^templates\/tap-huan — Cảnh báo: Tài liệu tập huấn thiếu khối \[\[lien-he\]\]/));
  });
});

describe('the words are the ward\'s', () => {
  it('a reworded template changes the handout; the figures still come from the data', async () => {
    const { docs, ctx, problems } = await produce({
      ...shipped(),
      'templates/tap-huan/01-gioi-thieu.md.hbs': '# TÀI LIỆU CỦA KHU PHỐ\n## 1. Lời mở đầu\nBà con đọc kỹ nhé: cần **{{so bo.diem_cong_nhan}} điểm** là đạt.\n',
    });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const text = await handoutText(docs, ctx);
    expect(text).toContain('TÀI LIỆU CỦA KHU PHỐ');
    expect(text).toContain('Bà con đọc kỹ nhé: cần 70 điểm là đạt.');
  });

  it('danh_dau.to_kin_la_huy: false — a solid fill is shown as choosing, and no cancel rule is taught', async () => {
    const ward = wardFiles()['hoctap.yaml']!.toString().replace('to_kin_la_huy: true', 'to_kin_la_huy: false');
    const { docs, ctx } = await produce({ 'hoctap.yaml': ward });
    const text = await handoutText(docs, ctx);
    expect(text).toContain('Tô kín cả ô: cũng là chọn.');
    expect(text).toContain('Nếu đánh dấu nhầm, xin một phiếu mới.');
    expect(text).not.toContain('để hủy');
  });

  it('no contacts in hoctap.yaml: a warning, and the handout names the Hội to ask', async () => {
    const ward = wardFiles()['hoctap.yaml']!.toString().replace(/^lien_he:\n(  - .*\n)+/m, 'lien_he: []\n');
    const { docs, ctx, problems } = await produce({ 'hoctap.yaml': ward });
    expect(problems.map((p) => p.key)).toContain('W_HANDOUT_NO_CONTACTS');
    expect(await handoutText(docs, ctx)).toContain('Xin hỏi Hội Khuyến học Phường Bình Minh.');
  });
});

describe('pure pieces', () => {
  it('markup lines: title, headings, lists, steps, marks, blocks, centred lines, slide breaks', () => {
    const blocks = parseTapHuanMarkup('# A\n# B\n## 1. H\ntext one\ntext two\n\n- x\n- y\n@but Ghi.\n@sai:tich+tich Hai ô.\n[[lien-he]]\n[giữa] Giữa\n---\n');
    expect(blocks.map((b) => b.kind)).toEqual(['title', 'heading', 'para', 'list', 'step', 'mark', 'data', 'para', 'break']);
    expect(blocks[0]).toMatchObject({ lines: ['A', 'B'] });
    expect(blocks[2]).toMatchObject({ text: 'text one text two', line: 4 });
    expect(blocks[5]).toMatchObject({ right: false, marks: ['tick', 'tick'], text: 'Hai ô.' });
    expect(blocks[7]).toMatchObject({ center: true, text: 'Giữa' });
  });

  it('example marks are deterministic and pass', async () => {
    proj = tempProject(wardFiles(), 'hoctap-tpl-');
    const ctx = await handoutContext(proj.dir);
    const set = ctx.criteria[0]!.set;
    const a = exampleMarks(set, (p) => scoreSheet(set, p));
    expect(exampleMarks(set, (p) => scoreSheet(set, p))).toEqual(a);
    expect(a).toEqual({ 'TC1.1': 20, 'TC1.2': 10, 'TC1.3': 20, 'TC2.1': 40 });
    expect(scoreSheet(set, a)).toMatchObject({ total: 90, recognised: true, classification: 'Xuất sắc' });
  });

  it('booklet order: sheet k front = [last−2k, 2k], back = [2k+1, last−2k−1]; blanks pad to a multiple of 4', () => {
    expect(bookletSides(8)).toEqual([[7, 0], [1, 6], [5, 2], [3, 4]]);
    expect(bookletSides(6)).toEqual([[null, 0], [1, null], [5, 2], [3, 4]]);
    expect(bookletSides(1)).toEqual([[null, 0], [null, null]]);
    for (const n of [3, 9, 14, 16]) {
      const seen = bookletSides(n).flat().filter((x) => x !== null).sort((a, b) => a! - b!);
      expect(seen).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(bookletSides(n).length % 2).toBe(0);
    }
  });

  it('mark pictures are vectors: a box outline for every kind, a filled square for a solid fill, nothing in colour', () => {
    for (const k of MARK_KINDS) {
      const v = markVectors(k, 10);
      expect(v[0]).toMatchObject({ type: 'rect', w: expect.closeTo(28.35, 1) });
      for (const e of v) for (const c of [(e as { color?: string }).color, (e as { lineColor?: string }).lineColor]) if (c) expect(['black', 'white']).toContain(c);
    }
    expect(markVectors('fill', 10).some((e) => e.type === 'rect' && (e as { color?: string }).color === 'black')).toBe(true);
    expect(markVectors('tick', 10).some((e) => e.type === 'polyline')).toBe(true);
  });
});
