// The built PDFs measured against Nghị định 30/2020 Phụ lục I: margins, header fonts and sizes,
// the Tiêu ngữ rule, page numbers, the date line, body spacing, signature with the last lines,
// table headers repeated. Measured from the output (pdfjs text positions, rendered pixels).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { darkRun, pagePixels, pdfText, PT_PER_MM, type TextItem } from './pdf-probe.js';
import { buildPlans, makeProject, SHIPPED_TEMPLATES, template } from './project.js';

const mmOf = (pt: number) => pt / PT_PER_MM;
const LONG_TABLE = template(
  `Bảng dài:\n\n| TT | Họ và tên | Ghi chú |\n|:--:|------------|------|\n${Array.from({ length: 70 }, (_, i) => `| ${i + 1} | Người số ${i + 1} | |`).join('\n')}\n\nHết./.\n`,
);

// Short sections, each a heading and one line: some page would end on a heading if headings
// did not move on with the text under them.
const MANY_HEADINGS = template(
  Array.from({ length: 60 }, (_, i) => `## Nội dung thứ ${i + 1}\n\nMột dòng nội dung của mục thứ ${i + 1}.\n`).join('\n'),
);

let out: string;
const docs = SHIPPED_TEMPLATES.map((f) => f.replace(/\.md\.hbs$/, ''));
const texts = new Map<string, Awaited<ReturnType<typeof pdfText>>>();

beforeAll(async () => {
  const dir = makeProject({ templates: { 'zz-bang-dai.md.hbs': LONG_TABLE, 'zz-nhieu-tieu-de.md.hbs': MANY_HEADINGS } });
  const r = await buildPlans(dir);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  out = join(r.out, 'van-ban');
  for (const d of [...docs, 'zz-bang-dai', 'zz-nhieu-tieu-de']) texts.set(d, await pdfText(join(out, `${d}.pdf`)));
});

/** Items on the same baseline joined into one line of text. */
function lines(items: TextItem[]): { text: string; top: number; x: number; right: number; size: number; fonts: string[] }[] {
  const rows = new Map<number, TextItem[]>();
  for (const it of items) {
    const key = [...rows.keys()].find((k) => Math.abs(k - it.top) < 1) ?? it.top;
    rows.set(key, [...(rows.get(key) ?? []), it]);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).flatMap(([top, row]) => {
    // Text of one line is contiguous; a gap means another column (header, table cells).
    row.sort((a, b) => a.x - b.x);
    const groups: TextItem[][] = [[row[0]]];
    for (const it of row.slice(1)) {
      const prev = groups.at(-1)!.at(-1)!;
      if (it.x - (prev.x + prev.width) > 8) groups.push([it]);
      else groups.at(-1)!.push(it);
    }
    return groups.map((g) => ({
      text: g.map((i) => i.str).join('').replace(/\s+/g, ' ').trim(),
      top, x: g[0].x, right: Math.max(...g.map((i) => i.x + i.width)),
      size: Math.max(...g.map((i) => i.size)), fonts: [...new Set(g.map((i) => i.font.replace(/^[A-Z]+\+/, '')))],
    }));
  });
}

describe.each(docs)('%s.pdf', (name) => {
  const pdf = () => texts.get(name)!;
  const isPageNumber = (l: { text: string; top: number }) => /^\d+$/.test(l.text) && mmOf(l.top) < 20;

  it('A4 portrait, margins within NĐ30 (left 30–35, right 15–20, top 20–25, bottom 20–25 mm)', () => {
    const { pages, pageWidth, pageHeight } = pdf();
    expect([Math.round(mmOf(pageWidth)), Math.round(mmOf(pageHeight))]).toEqual([210, 297]);
    let widest = 0;
    for (const page of pages) {
      const body = lines(page).filter((l) => !isPageNumber(l));
      const left = Math.min(...body.map((l) => mmOf(l.x)));
      const right = Math.max(...body.map((l) => mmOf(l.right)));
      const top = Math.min(...body.map((l) => mmOf(l.top - 0.9 * l.size)));
      const bottom = Math.max(...body.map((l) => mmOf(l.top + 0.22 * l.size)));
      expect(left).toBeGreaterThanOrEqual(30 - 0.2);
      expect(left).toBeLessThanOrEqual(35);
      expect(210 - right).toBeGreaterThanOrEqual(15 - 0.2);
      expect(top).toBeGreaterThanOrEqual(20 - 0.2);
      expect(top).toBeLessThanOrEqual(25);
      expect(297 - bottom).toBeGreaterThanOrEqual(20 - 0.2);
      widest = Math.max(widest, right);
    }
    // Justified lines run to the right margin: the text block really is 30 → 195 mm.
    expect(widest).toBeGreaterThan(195 - 0.5);
    const firstLeft = Math.min(...lines(pages[0]).map((l) => mmOf(l.x)));
    expect(firstLeft).toBeLessThan(30 + 6);
  });

  it('header: fonts, sizes and positions of the NĐ30 elements', () => {
    const page1 = lines(pdf().pages[0]);
    const find = (re: RegExp) => {
      const l = page1.find((x) => re.test(x.text));
      expect(l, String(re)).toBeDefined();
      return l!;
    };
    const qh = find(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect([qh.fonts, qh.size]).toEqual([['Tinos-Bold'], 13]);
    const tn = find(/^Độc lập - Tự do - Hạnh phúc$/);
    expect([tn.fonts, tn.size]).toEqual([['Tinos-Bold'], 14]);
    // Tiêu ngữ centred under the Quốc hiệu, on the next line.
    expect(Math.abs((tn.x + tn.right) / 2 - (qh.x + qh.right) / 2)).toBeLessThan(1);
    expect(tn.top - qh.top).toBeGreaterThan(13);
    expect(tn.top - qh.top).toBeLessThan(20);
    // Right column: Quốc hiệu ends at the right margin side, left column starts at the left margin side.
    expect(mmOf(qh.right)).toBeLessThanOrEqual(195.2);
    const so = find(/^Số:/);
    expect([so.fonts, so.size]).toEqual([['Tinos-Regular'], 13]);
    // A number left blank for the văn thư is a wide gap: join what follows on the same line.
    const soText = [so, ...page1.filter((l) => Math.abs(l.top - so.top) < 1 && l.x > so.x && l.x < so.right + 40)].map((l) => l.text).join(' ');
    expect(soText).toMatch(/^Số:( \d{2,})? ?\/(KH|BC|QĐ|GM)-(HKH|UBND)$/);
    expect(so.right).toBeLessThan(qh.x);
    // Agency lines above "Số": upper case, 13 pt; the issuer bold, the chủ quản (if any) regular.
    const agency = page1.filter((l) => l.top < so.top - 1 && l.right < qh.x);
    expect(agency.length).toBeGreaterThan(0);
    for (const l of agency) {
      expect(l.size).toBe(13);
      expect(l.text).toBe(l.text.toLocaleUpperCase('vi'));
    }
    expect(agency.at(-1)!.fonts).toEqual(['Tinos-Bold']);
    expect(Math.abs(agency[0].top - qh.top)).toBeLessThan(1);
    // Place and date line: italic 14 pt, NĐ30 zero rule, under the Tiêu ngữ.
    const date = find(/^Bình Minh, ngày/);
    expect([date.fonts, date.size]).toEqual([['Tinos-Italic'], 14]);
    expect(date.text).toMatch(/^Bình Minh, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm 2026$/);
    expect(date.top).toBeGreaterThan(tn.top);
    expect(Math.abs((date.x + date.right) / 2 - (tn.x + tn.right) / 2)).toBeLessThan(1);
    // Document type: bold 14, centred on the text block, below the header.
    const kind = find(/^(KẾ HOẠCH|BÁO CÁO|QUYẾT ĐỊNH|GIẤY MỜI)$/);
    expect([kind.fonts, kind.size]).toEqual([['Tinos-Bold'], 14]);
    expect(Math.abs(mmOf((kind.x + kind.right) / 2) - (30 + 195) / 2)).toBeLessThan(0.5);
    expect(kind.top).toBeGreaterThan(so.top);
    const summary = page1[page1.indexOf(kind) + 1];
    expect([summary.fonts, summary.size]).toEqual([['Tinos-Bold'], 14]);
  });

  it('the Tiêu ngữ rule is exactly as long as the Tiêu ngữ; the other rules are a third to a half', () => {
    const page1 = lines(pdf().pages[0]);
    const px = pagePixels(join(out, `${name}.pdf`), 1, 288);
    const ruleUnder = (l: { x: number; right: number; top: number }, fromPt: number, toPt: number) => {
      let best = { start: 0, length: 0 };
      for (let y = Math.round((l.top + fromPt) * px.scale); y <= Math.round((l.top + toPt) * px.scale); y++) {
        const run = darkRun(px, y, Math.round((l.x - 40) * px.scale), Math.round((l.right + 40) * px.scale));
        if (run.length > best.length) best = run;
      }
      return { length: best.length / px.scale, start: best.start / px.scale };
    };
    const tn = page1.find((l) => l.text === 'Độc lập - Tự do - Hạnh phúc')!;
    const rule = ruleUnder(tn, 3, 9);
    expect(Math.abs(rule.length - (tn.right - tn.x))).toBeLessThan(1);
    expect(Math.abs(rule.start - tn.x)).toBeLessThan(1);
    // Under the cơ quan ban hành (its last line, just above "Số:").
    const so = page1.find((l) => /^Số:/.test(l.text))!;
    const issuer = page1.filter((l) => l.top < so.top - 1 && l.fonts[0] === 'Tinos-Bold' && l.right < tn.x);
    const agencyRule = ruleUnder(issuer.at(-1)!, 3, 9);
    const widest = Math.max(...issuer.map((l) => l.right - l.x));
    expect(agencyRule.length).toBeGreaterThanOrEqual(widest / 3 - 1);
    expect(agencyRule.length).toBeLessThanOrEqual(widest / 2 + 1);
    const kind = page1.find((l) => /^(KẾ HOẠCH|BÁO CÁO|QUYẾT ĐỊNH|GIẤY MỜI)$/.test(l.text))!;
    const summaryLines = page1.slice(page1.indexOf(kind) + 1).filter((l) => l.fonts[0] === 'Tinos-Bold' && l.size === 14 && Math.abs((l.x + l.right) / 2 - (kind.x + kind.right) / 2) < 2);
    const lastSummary = summaryLines.find((l, i) => !summaryLines[i + 1] || summaryLines[i + 1].top - l.top > 25) ?? summaryLines[0];
    const summaryRule = ruleUnder(lastSummary, 3, 9);
    const summaryWidth = Math.max(...summaryLines.filter((l) => l.top <= lastSummary.top).map((l) => l.right - l.x));
    expect(summaryRule.length).toBeGreaterThanOrEqual(Math.min(summaryWidth / 3, 57) - 1);
    expect(summaryRule.length).toBeLessThanOrEqual(summaryWidth / 2 + 1);
  });

  it('page numbers top centre from page 2 on, none on page 1', () => {
    const { pages } = pdf();
    expect(lines(pages[0]).filter(isPageNumber)).toEqual([]);
    pages.slice(1).forEach((page, i) => {
      const nums = lines(page).filter(isPageNumber);
      expect(nums.map((n) => n.text)).toEqual([String(i + 2)]);
      expect(nums[0].size).toBe(14);
      expect(Math.abs(mmOf((nums[0].x + nums[0].right) / 2) - (30 + 195) / 2)).toBeLessThan(1);
    });
  });

  it('body: 14 pt, first-line indent 12.7 mm, line pitch within 1–1.5 lines, 6 pt between paragraphs', () => {
    const body = pdf().pages.flatMap((p) => lines(p)).filter((l) => l.size === 14 && l.fonts.includes('Tinos-Regular') && mmOf(l.x) < 45);
    expect(body.some((l) => Math.abs(mmOf(l.x) - (30 + 12.7)) < 0.3)).toBe(true);
    const gaps = body.slice(1).map((l, i) => Math.round((l.top - body[i].top) * 10) / 10).filter((g) => g > 0 && g < 40);
    const pitch = Math.min(...gaps);
    // A single line of Times-metric 14 pt is 16.1 pt; NĐ30 allows up to 1.5 lines.
    expect(pitch).toBeGreaterThanOrEqual(16);
    expect(pitch).toBeLessThanOrEqual(1.5 * 16.1);
    expect(gaps.some((g) => Math.abs(g - (pitch + 6)) < 0.6)).toBe(true);
  });

  it('the signature block is on the page of the last body lines, with Nơi nhận beside it', () => {
    const { pages } = pdf();
    const all = pages.flatMap((p, n) => lines(p).map((l) => ({ ...l, page: n })));
    const noiNhan = all.find((l) => l.text === 'Nơi nhận:')!;
    expect([noiNhan.fonts, noiNhan.size]).toEqual([['Tinos-BoldItalic'], 12]);
    const list = all.filter((l) => l.page === noiNhan.page && l.top > noiNhan.top && /^- /.test(l.text) && l.size === 11);
    expect(list.length).toBeGreaterThan(0);
    expect(list.at(-1)!.text).toMatch(/^- Lưu: VT.*\.$/);
    const position = all.find((l) => l.page === noiNhan.page && Math.abs(l.top - noiNhan.top) < 3 && l.x > noiNhan.right)!;
    expect(position.fonts).toEqual(['Tinos-Bold']);
    expect(position.text).toBe(position.text.toLocaleUpperCase('vi'));
    const lastBody = all.filter((l) => l.text.endsWith('./.')).at(-1)!;
    expect(lastBody.page).toBe(noiNhan.page);
    expect(noiNhan.top).toBeGreaterThan(lastBody.top);
    const name = all.filter((l) => l.page === noiNhan.page && l.top > position.top && l.fonts[0] === 'Tinos-Bold' && l.x > noiNhan.right).at(-1)!;
    expect(name.top - position.top).toBeGreaterThan(22 * PT_PER_MM);
  });
});

it('a long table repeats its header row on every page', () => {
  const { pages } = texts.get('zz-bang-dai')!;
  expect(pages.length).toBeGreaterThanOrEqual(2);
  for (const page of pages.slice(0, -1)) {
    const header = lines(page).filter((l) => ['TT', 'Họ và tên', 'Ghi chú'].includes(l.text) && l.fonts[0] === 'Tinos-Bold');
    expect(header.map((l) => l.text)).toEqual(['TT', 'Họ và tên', 'Ghi chú']);
  }
  const rows = pages.flatMap((p) => lines(p)).filter((l) => /^Người số \d+$/.test(l.text));
  expect(rows).toHaveLength(70);
});

describe('headings', () => {
  it('a page never ends with a heading: it moves to the next page with its text', () => {
    const { pages } = texts.get('zz-nhieu-tieu-de')!;
    expect(pages.length).toBeGreaterThan(2);
    for (const [k, page] of pages.slice(0, -1).entries()) {
      const body = lines(page).filter((l) => !(/^\d+$/.test(l.text) && mmOf(l.top) < 20));
      expect(body.at(-1)!.text, `page ${k + 1}`).not.toMatch(/^\d+\.\s*Nội dung thứ/);
      expect(body.at(-1)!.text, `page ${k + 1}`).toMatch(/Một dòng nội dung/);
    }
  });
});
