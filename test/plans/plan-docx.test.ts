// The Word twin: built from the same parsed document, with real styles, opened by LibreOffice
// (as Word would) without complaint, and carrying the same text as the PDF.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlans, makeProject, SHIPPED_TEMPLATES } from './project.js';

const docs = SHIPPED_TEMPLATES.map((f) => f.replace(/\.md\.hbs$/, ''));
let out: string;
let converted: string;

/** Words of a PDF's text, page numbers (the first line that is just the page's number, from page 2) removed. */
function words(pdf: string): string[] {
  const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f');
  return pages.flatMap((page, i) => {
    const lines = page.split('\n');
    const number = i > 0 ? lines.findIndex((l) => l.trim() === String(i + 1)) : -1;
    return lines.filter((_, k) => k !== number).join(' ').split(/\s+/);
  }).filter(Boolean);
}
const unzip = (file: string, part: string) => execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' });

beforeAll(async () => {
  const r = await buildPlans(makeProject());
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  out = join(r.out, 'van-ban');
  converted = mkdtempSync(join(tmpdir(), 'hoctap-lo-'));
  // A private profile: parallel test workers must not share LibreOffice's lock.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(converted, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', converted, ...docs.map((d) => join(out, `${d}.docx`))], { stdio: 'pipe', timeout: 180_000 });
}, 240_000);

describe.each(docs)('%s.docx', (name) => {
  it('has Word styles, a different first page and the page number field in the header', () => {
    const file = join(out, `${name}.docx`);
    const styles = unzip(file, 'word/styles.xml');
    for (const id of ['Normal', 'Heading1', 'Heading2', 'Heading3', 'CanCu', 'TenLoai', 'TrichYeu', 'NoiNhan', 'ChuKy']) expect(styles).toContain(`w:styleId="${id}"`);
    expect(styles).toContain('Times New Roman');
    const document = unzip(file, 'word/document.xml');
    expect(document).toContain('<w:titlePg/>');
    const [, w, h] = /w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(document)!;
    expect(Math.abs(Number(w) - 11906)).toBeLessThanOrEqual(2); // 210 mm in twips
    expect(Math.abs(Number(h) - 16838)).toBeLessThanOrEqual(2); // 297 mm
    expect(document).toContain('w:cantSplit');
    if (document.includes('<w:tbl>') && /\| *TT|tblHeader/.test(document)) expect(document).toContain('w:tblHeader');
    const headers = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((f) => /^word\/header\d*\.xml$/.test(f));
    expect(headers.map((h) => unzip(file, h)).some((x) => /PAGE/.test(x))).toBe(true);
  });

  it('opens in LibreOffice and has the same text as the PDF', () => {
    const lo = join(converted, `${name}.pdf`);
    expect(existsSync(lo)).toBe(true);
    const fromWord = words(lo);
    const fromPdf = words(join(out, `${name}.pdf`));
    // Same words in the same amounts (table cells may be read in another order) …
    expect([...fromWord].sort()).toEqual([...fromPdf].sort());
    // … and the running text in the same order up to the first table.
    const upTo = (w: string[]) => w.slice(0, 60);
    expect(upTo(fromWord)).toEqual(upTo(fromPdf));
  });
});
