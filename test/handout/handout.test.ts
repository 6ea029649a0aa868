// Issue 5 evidence, measured from the built PDFs: every indicator's words and points in the
// handout (pdftotext, pdfjs positions); body type ≥ 14 pt, captions/footers ≥ 11 pt (pdfjs
// sizes); the worked example's total = scoreSheet; timeline dates, contacts and the marking
// rule follow hoctap.yaml; the A5 booklet is imposed in saddle-stitch order; slides are 16:9.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoutData } from '../../src/build/handouts-producer.js';
import type { CriteriaSet } from '../../src/criteria/criteria-schema.js';
import { exampleMarks, yearTimeline } from '../../src/documents/handout.js';
import { HANDOUT, SLIDES } from '../../src/documents/page-setup.js';
import { buildSheets } from '../../src/documents/scoresheet.js';
import { formatNumber } from '../../src/locale/format-vi.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { scoreSheet } from '../../src/scoring/score-sheet.js';
import { collapse, pdfText, PT_PER_MM, qpdfCheck, textItems, type TextItem } from '../helpers/pdf-tools.js';
import { buildHandouts, PDF_DATE, type BuiltHandouts } from './handout-context.js';

let b: BuiltHandouts;
let sets: CriteriaSet[];
const A4 = (id: string) => `tap-huan/${id}-tai-lieu.pdf`;
const A5 = (id: string) => `tap-huan/${id}-so-tay-a5.pdf`;
const SLIDE = (id: string) => `tap-huan/${id}-trinh-chieu.pdf`;
const pts = (n: number) => formatNumber(n);

beforeAll(async () => {
  b = await buildHandouts();
  sets = b.ctx.criteria.map((c) => c.set);
});
afterAll(() => b?.proj.remove());

describe('the producer', () => {
  it('makes a handout, an A5 booklet and a slide deck for every set, without errors', () => {
    expect(b.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(sets.map((s) => s.id).sort()).toEqual(['cdht-hssv', 'mau']);
    for (const s of sets) {
      expect(b.docs.find((d) => d.file === A4(s.id))?.group).toBe('handout');
      expect(b.docs.find((d) => d.file === SLIDE(s.id))?.group).toBe('slides');
      const booklet = b.docs.flatMap((d) => d.sidecars ?? []).find((x) => x.file === A5(s.id));
      expect(booklet?.group).toBe('handout');
      expect(booklet?.pages).toBeGreaterThan(0);
    }
  });
});

describe.each(['mau', 'cdht-hssv'])('handout of %s', (id) => {
  const set = () => sets.find((s) => s.id === id)!;

  it('has every indicator\'s text (the set\'s own words) and how it is scored, in the A4 handout and the booklet', () => {
    for (const file of [A4(id), A5(id)]) {
      const text = collapse(pdfText(b.out(file)));
      for (const c of set().criteria) {
        expect(text, `${file}: ${c.title}`).toContain(collapse(c.title));
        for (const ind of c.indicators) expect(text, `${file}: ${ind.id}`).toContain(collapse(ind.text));
      }
    }
  });

  it('prints each indicator\'s points on its own row of the criteria table (pdfjs positions)', async () => {
    const { items } = await textItems(b.out(A4(id)));
    for (const ind of set().criteria.flatMap((c) => c.indicators)) {
      // The criteria table's row starts with the indicator code in the left column.
      const codes = items.filter((it) => it.str.trim() === ind.id);
      expect(codes.length, ind.id).toBeGreaterThan(0);
      const row = codes.some((code) => items.some((it) => it.page === code.page && Math.abs(it.y - code.y) < 2 && it.x > code.x + 100 && it.str.trim() === pts(ind.max)));
      expect(row, `${ind.id}: ${pts(ind.max)} điểm on the same row`).toBe(true);
    }
    const text = collapse(pdfText(b.out(A4(id))));
    expect(text).toContain(`TỔNG CỘNG ${pts(set().scoring.max_total)}`);
  });

  it('body text ≥ 14 pt; only the footer and the real example scoresheet are smaller, and never < 11 pt', async () => {
    const { pages, items } = await textItems(b.out(A4(id)));
    // The example sheet's own strings: the same builder, the same marks, rendered alone.
    const data = handoutData(set(), b.ctx);
    const sheet = await renderPdf(buildSheets([{ set: set(), person: data.example.person }], { config: b.ctx.project.config, measure: b.ctx.measure }, data.example.marks), { title: '', subject: '', author: '', date: PDF_DATE }, b.ctx.fonts);
    b.proj.write({ 'out/sheet.pdf': sheet.bytes });
    const sheetText = collapse((await textItems(b.out('sheet.pdf'))).items.map((i) => i.str).join(' '));
    const footerTop = HANDOUT.marginMm.bottom * PT_PER_MM;
    const small: TextItem[] = [];
    for (const it of items) {
      const where = `p${it.page} "${it.str}" ${it.size.toFixed(2)} pt`;
      expect(it.size, where).toBeGreaterThanOrEqual(11 - 0.01);
      if (it.size >= HANDOUT.bodyPt - 0.01) continue;
      const inFooter = it.y < footerTop && it.y > 0 && pages[it.page - 1]!.height > 0;
      if (!inFooter) small.push(it);
    }
    // (Compared on the first 16 characters: pdfjs extracts a few italic Vietnamese letters of
    // the sheet differently in the two files, e.g. "cơ" as "cO" or "c".)
    for (const it of small) expect(sheetText, `p${it.page} "${it.str}" ${it.size.toFixed(2)} pt is neither body nor example sheet`).toContain(collapse(it.str).slice(0, 16));
    // The body really is set at 14 pt (not merely "nothing smaller"): most text is exactly that.
    const body = items.filter((it) => Math.abs(it.size - HANDOUT.bodyPt) < 0.01).length;
    expect(body / items.length).toBeGreaterThan(0.4);
    // Headings larger than the body.
    const heads = items.filter((it) => /^\d\. /.test(it.str));
    expect(heads.length).toBeGreaterThanOrEqual(5);
    for (const h of heads) expect(h.size).toBeGreaterThan(HANDOUT.bodyPt);
  });

  it('the worked example is a passing sheet and its printed total is what scoreSheet computes', async () => {
    const s = set();
    const marks = exampleMarks(s, (p) => scoreSheet(s, p));
    const score = scoreSheet(s, marks);
    expect(score.recognised).toBe(true);
    expect(score.total).toBe(Object.values(marks).reduce((a, v) => a + v, 0));
    expect(score.total).toBeLessThan(s.scoring.max_total); // a realistic sheet, not all full marks
    const text = collapse(pdfText(b.out(A4(id))));
    expect(text).toContain(`Cộng lại: ${pts(score.total)} điểm trên ${pts(s.scoring.max_total)} điểm.`);
    expect(text).toContain(`Kết quả: ${score.result}`);
    if (score.classification) expect(text).toContain(`xếp loại ${score.classification}`);
    const { items } = await textItems(b.out(A4(id)));
    const sameRow = (r: TextItem, str: string) => items.some((it) => it.page === r.page && Math.abs(it.y - r.y) < 2 && it.x > r.x && it.str.trim() === str);
    // The example scoresheet's TỔNG CỘNG row: the maximum, then the example's total.
    const totals = items.filter((it) => it.str.trim() === 'TỔNG CỘNG' && sameRow(it, pts(score.total)));
    expect(totals.length, 'TỔNG CỘNG row with the example total').toBe(1);
    expect(sameRow(totals[0]!, pts(s.scoring.max_total))).toBe(true);
    // Each criterion's subtotal on the sheet = scoreSheet's.
    for (const c of s.criteria) {
      const row = items.filter((it) => it.str.startsWith(`${c.id}. `) && it.str.length < c.title.length + 10);
      const found = row.some((r) => sameRow(r, pts(score.criteria[c.id]!)));
      expect(found, `${c.id} subtotal ${score.criteria[c.id]}`).toBe(true);
    }
    // The booklet prints the same example (the A4 sheet scaled onto its A5 pages).
    expect(collapse(pdfText(b.out(A5(id))))).toContain(`Cộng lại: ${pts(score.total)} điểm`);
  });

  it('the timeline has this year\'s dates (hoctap.yaml lich over the set\'s MM-DD) and the contacts', () => {
    const text = collapse(pdfText(b.out(A4(id))));
    // ward fixture lich: dang_ky 2026-03-31, tu_danh_gia 2026-10-31, binh_xet 2026-11-20, cong_nhan 2026-12-10
    for (const d of ['trước ngày 31 tháng 3 năm 2026', 'trước ngày 31 tháng 10 năm 2026', 'trước ngày 20 tháng 11 năm 2026', 'trước ngày 10 tháng 12 năm 2026']) expect(text).toContain(d);
    for (const step of ['Bước 1. Đăng ký', 'Bước 2. Tự đánh giá', 'Bước 3. Bình xét', 'Bước 4. Công nhận']) expect(text).toContain(step);
    for (const c of b.ctx.project.config.lien_he) {
      expect(text).toContain(c.ho_ten);
      expect(text).toContain(c.dien_thoai);
    }
  });

  it('is black and white, with marks drawn (no ✓ ✗ glyphs, which Tinos lacks)', () => {
    const text = pdfText(b.out(A4(id)));
    expect(text).not.toMatch(/[\u2713\u2714\u2717\u2718\u2610-\u2612]/);
    expect(text).toContain('Đánh dấu như thế này là ĐÚNG');
    expect(text).toContain('Tô kín ô nhầm để hủy');
  });
});

describe('dates of the timeline', () => {
  it('take lich from hoctap.yaml, else the procedure\'s MM-DD in year nam, else nothing (with a warning)', () => {
    const hssv = sets.find((s) => s.id === 'cdht-hssv')!;
    const config = b.ctx.project.config;
    const bare = { ...config, nam: 2031, lich: {} };
    const t = yearTimeline(hssv, bare);
    expect(t.map((s) => s.date)).toEqual(['2031-03-31', '2031-10-31', '2031-11-15', '2031-11-30']);
    expect(yearTimeline(hssv, { ...bare, lich: { binh_xet: '2031-12-01' } })[2]!.date).toBe('2031-12-01');
    const mau = sets.find((s) => s.id === 'mau')!; // its procedure only has dang_ky
    expect(yearTimeline(mau, bare).map((s) => s.date)).toEqual(['2031-03-31', '', '', '']);
  });
});

describe('the A5 booklet', () => {
  it('is A4 landscape sheets, two A5 pages a side, padded to a multiple of 4, and passes qpdf --check', async () => {
    for (const s of sets) {
      const file = b.out(A5(s.id));
      expect(qpdfCheck(file).code).toBe(0);
      const { pages, items } = await textItems(file);
      expect(pages.length % 2).toBe(0);
      for (const p of pages) {
        expect(p.width).toBeCloseTo(297 * PT_PER_MM, 0);
        expect(p.height).toBeCloseTo(210 * PT_PER_MM, 0);
      }
      // Page 1 (the cover, right half of the first side) holds the title.
      const title = items.find((it) => it.str.includes('TÀI LIỆU TẬP HUẤN'))!;
      expect(title.page).toBe(1);
      expect(title.x).toBeGreaterThan(pages[0]!.width / 2);
      // Body text stays ≥ 14 pt on the A5 pages (the scaled A4 example sheet aside).
      const a5Body = items.filter((it) => it.str.startsWith('Đọc kỹ từng chỉ số'));
      expect(a5Body.length).toBe(1);
      expect(a5Body[0]!.size).toBeGreaterThanOrEqual(14 - 0.01);
    }
  });
});

describe('the slides', () => {
  it('are 16:9 with very large type: headings ≥ 32 pt, body ≥ 20 pt, footer ≥ 14 pt', async () => {
    for (const s of sets) {
      const { pages, items } = await textItems(b.out(SLIDE(s.id)));
      for (const p of pages) expect(p.width / p.height).toBeCloseTo(16 / 9, 2);
      const footerTop = SLIDES.marginMm.bottom * PT_PER_MM;
      for (const it of items) {
        const min = it.y < footerTop ? SLIDES.footerPt : SLIDES.smallPt;
        expect(it.size, `p${it.page} "${it.str}"`).toBeGreaterThanOrEqual(min - 0.01);
      }
      // Every slide but the cover has its heading at ≥ 32 pt.
      for (let n = 2; n <= pages.length; n++) expect(Math.max(...items.filter((it) => it.page === n).map((it) => it.size)), `slide ${n}`).toBeGreaterThanOrEqual(32);
      const text = collapse(pdfText(b.out(SLIDE(s.id))));
      for (const ind of s.criteria.flatMap((c) => c.indicators)) expect(text).toContain(collapse(ind.short));
      // One slide per "---" section, the criteria slides expanded; nothing runs over onto an extra page.
      const perCriterion = s.criteria.reduce((a, c) => a + Math.ceil(c.indicators.length / SLIDES.indicatorsPerSlide), 0);
      expect(pages.length).toBe(10 + perCriterion);
    }
  });
});
