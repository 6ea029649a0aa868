// Evidence 4, 5 and 10: what the built PDFs hold. One project (the ward fixture's unverified set +
// a verified set saved as NFD with a BOM) is built twice by the real CLI — `--json build` into
// out/ and `build --out out-2` — and every test reads those files. (Two sets only: a build also
// makes tally sheets, handouts and previews, so every set costs seconds.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCriteria, type LoadedCriteriaSet } from '../../src/criteria/load-criteria.js';
import { recognitionRuleText, scoringHint } from '../../src/documents/scoresheet.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { pageTexts, pdfFonts, pdfInfo, pdfText, qpdfCheck } from '../helpers/pdf-tools.js';
import { tempProject, wardFiles, type TempProject } from '../helpers/temp-project.js';
import { HS_SET } from './sample-sets.js';

let proj: TempProject;
let first: CliResult;
let second: CliResult;
let sets: LoadedCriteriaSet[];
const byId = (id: string) => sets.find((s) => s.set.id === id)!.set;
/** All whitespace removed: pdftotext breaks lines where the layout wrapped them. */
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
const out = (rel: string) => proj.path(join('out', rel));

beforeAll(async () => {
  proj = tempProject(
    wardFiles({
      // Saved decomposed (NFD), BOM included, as some editors do.
      'criteria/cdht-hs.yaml': `\uFEFF${HS_SET.normalize('NFD')}`,
    }),
  );
  [first, second] = await Promise.all([runCli(['--json', 'build'], proj.dir), runCli(['build', '--out', 'out-2'], proj.dir)]);
  sets = (await loadCriteria(proj.path('criteria'), proj.dir)).sets;
});
afterAll(() => proj?.remove());

const SET_IDS = ['cdht-hs', 'mau'];
const formFiles = () => SET_IDS.flatMap((id) => [`phieu-dang-ky/${id}.pdf`, `phieu-cham-diem/${id}.pdf`]);
const allPdfs = () => proj.list('out').filter((f) => f.endsWith('.pdf'));

describe('the build', () => {
  it('succeeds and writes a registration form and a scoresheet per set', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(proj.list('out')).toEqual(expect.arrayContaining(formFiles()));
    expect(sets.map((s) => s.set.id).sort()).toEqual(SET_IDS);
  });

  it('prints one warning line per unverified set, naming it (and none for the verified one)', () => {
    const unverified = second.stderr.split('\n').filter((l) => /Cảnh báo: Bộ tiêu chí "[^"]+" là BẢN MẪU/.test(l));
    expect(unverified).toHaveLength(1);
    expect(unverified[0]).toMatch(/^criteria\/mau\.yaml — Cảnh báo: Bộ tiêu chí "mau" là BẢN MẪU.*Gợi ý: .*verified: true/);
    expect(second.stderr).not.toContain('cdht-hs');
  });

  it('--json: exactly one JSON document on stdout, listing the files and the warning', () => {
    const doc = JSON.parse(first.stdout);
    expect(doc).toMatchObject({ ok: true, command: 'build', outDir: 'out' });
    const files = doc.files.map((f: { file: string }) => f.file);
    expect(files).toEqual(expect.arrayContaining(formFiles()));
    expect(doc.files.find((f: any) => f.file === 'phieu-cham-diem/mau.pdf')).toMatchObject({ pages: expect.any(Number), bytes: expect.any(Number) });
    expect(doc.warnings.filter((w: any) => w.code === 'W_UNVERIFIED_SET')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'criteria/mau.yaml', location: 'criteria/mau.yaml' }),
    ]);
    expect(first.stderr).toBe(''); // problems travel inside the JSON
  });
});

describe('extracted text (pdftotext)', () => {
  it.each(SET_IDS)('scoresheet of %s contains every criterion and indicator of its set', (id) => {
    const text = squash(pdfText(out(`phieu-cham-diem/${id}.pdf`)));
    const set = byId(id);
    for (const c of set.criteria) {
      expect(text, c.title).toContain(squash(`${c.id}. ${c.title}`));
      for (const ind of c.indicators) expect(text, ind.id).toContain(squash(ind.text));
    }
    expect(text).toContain(squash('PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM'));
    expect(text).toContain(squash(`DANH HIỆU "${set.model_name.toLocaleUpperCase('vi')}" NĂM 2026`));
  });

  it.each(SET_IDS)('registration form of %s names its model and year', (id) => {
    const text = squash(pdfText(out(`phieu-dang-ky/${id}.pdf`)));
    expect(text).toContain(squash(`XÂY DỰNG DANH HIỆU "${byId(id).model_name.toLocaleUpperCase('vi')}" NĂM 2026`));
    expect(text).toContain(squash('Kính gửi: Hội Khuyến học Phường Bình Minh'));
  });

  // The italic runs (scoring hints under each indicator, the recognition rule, the group line)
  // must extract like the rest: search, copy-paste and screen readers depend on it.
  it.each(SET_IDS)('italic text of the %s scoresheet extracts intact', (id) => {
    const text = squash(pdfText(out(`phieu-cham-diem/${id}.pdf`)));
    const set = byId(id);
    for (const ind of set.criteria.flatMap((c) => c.indicators)) expect(text, ind.id).toContain(squash(scoringHint(ind)));
    expect(text).toContain(squash(recognitionRuleText(set)));
  });

  it('the NFD criteria file prints and extracts as NFC text', () => {
    expect(proj.read('criteria/cdht-hs.yaml')).toMatch(/[\u0300-\u036f]/); // the input really is NFD
    const set = byId('cdht-hs');
    expect(set.title).toBe(set.title.normalize('NFC'));
    for (const f of ['phieu-cham-diem/cdht-hs.pdf', 'phieu-dang-ky/cdht-hs.pdf']) {
      const raw = pdfText(out(f));
      expect(raw, f).not.toMatch(/[\u0300-\u036f]/); // no loose combining marks
      expect(raw).toBe(raw.normalize('NFC'));
    }
    const text = squash(pdfText(out('phieu-cham-diem/cdht-hs.pdf')));
    // Written here in NFC: the output must match it code point for code point.
    expect(text).toContain(squash('Hoàn thành chương trình năm học, xếp loại học lực từ khá trở lên'.normalize('NFC')));
    expect(text).toContain(squash('HS2. Tự học ngoài giờ'.normalize('NFC')));
    expect(pdfInfo(out('phieu-cham-diem/cdht-hs.pdf')).Subject).toBe('Công dân học tập — nhóm học sinh, sinh viên (thử)'.normalize('NFC'));
  });

  it('every Vietnamese letter of the sets survives the round trip (no missing or replaced glyph)', () => {
    const text = pdfText(out('phieu-cham-diem/mau.pdf'));
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('Năng lực tự học, học tập suốt đời');
    expect(text).toContain('Ứng dụng công nghệ thông tin');
  });
});

describe('footer and metadata', () => {
  it('unverified sets say BẢN MẪU on every page, naming the set and its source', () => {
    for (const id of ['mau'])
      for (const f of [`phieu-cham-diem/${id}.pdf`, `phieu-dang-ky/${id}.pdf`]) {
        const pages = pageTexts(out(f));
        expect(pages.length).toBeGreaterThan(0);
        for (const [k, page] of pages.entries()) {
          expect(squash(page), `${f} p${k + 1}`).toContain(squash(`Bộ tiêu chí "${id}": BẢN MẪU chưa đối chiếu văn bản gốc (${byId(id).provenance.document})`));
          expect(squash(page)).toContain(squash(`Trang ${k + 1}/${pages.length}`));
        }
      }
  });

  it('a verified set names its source document and date, and no BẢN MẪU', () => {
    for (const f of ['phieu-cham-diem/cdht-hs.pdf', 'phieu-dang-ky/cdht-hs.pdf']) {
      const text = squash(pdfText(out(f)));
      expect(text).toContain(squash('Bộ tiêu chí "cdht-hs" theo Quyết định số 12/QĐ-HKH (15/03/2025).'));
      expect(text).not.toContain('BẢNMẪU');
    }
  });

  it.each(SET_IDS)('Title and Subject of the %s PDFs are Vietnamese (pdfinfo)', (id) => {
    const title = byId(id).title;
    const sc = pdfInfo(out(`phieu-cham-diem/${id}.pdf`));
    expect(sc.Title).toBe(`Phiếu tự đánh giá, chấm điểm — ${title}`);
    expect(sc.Subject).toBe(title);
    const reg = pdfInfo(out(`phieu-dang-ky/${id}.pdf`));
    expect(reg.Title).toBe(`Phiếu đăng ký — ${title}`);
    expect(reg.Subject).toBe(title);
    expect(sc.Author).toBe('Phường Bình Minh');
    expect(sc.Pages).toMatch(/^\d+$/);
  });
});

describe('PDF structure', () => {
  it('every PDF embeds only subset fonts (no standard-14 font)', () => {
    const pdfs = allPdfs();
    expect(pdfs.length).toBeGreaterThanOrEqual(6);
    const standard14 = /^(Times|Helvetica|Courier|Symbol|ZapfDingbats)(-|$)/;
    for (const f of pdfs) {
      const fonts = pdfFonts(out(f));
      expect(fonts.length, f).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font, f).toMatchObject({ emb: true, sub: true, uni: true });
        expect(font.name, f).toMatch(/^[A-Z]{6}\+/);
        expect(font.name.replace(/^[A-Z]{6}\+/, ''), f).not.toMatch(standard14);
      }
    }
  });

  it('every PDF passes qpdf --check', () => {
    for (const f of allPdfs()) {
      const r = qpdfCheck(out(f));
      expect(r.code, `${f}\n${r.output}`).toBe(0);
      expect(r.output).toContain('No syntax or stream encoding errors');
    }
  });

  it('every page is A4 portrait', () => {
    for (const f of formFiles()) expect(pdfInfo(out(f))['Page size'], f).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
  });
});

describe('rebuilds are byte-identical', () => {
  it('two builds into two folders give the same files, byte for byte', () => {
    const a = proj.list('out');
    const b = proj.list('out-2');
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThanOrEqual(6);
    for (const f of a) {
      const x = readFileSync(out(f));
      const y = readFileSync(proj.path(join('out-2', f)));
      expect(x.equals(y), f).toBe(true);
    }
  });
});
