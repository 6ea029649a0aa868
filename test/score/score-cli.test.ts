// `hoctap score` end to end on small synthetic scans: a built group tally rendered with
// pdftoppm, marks drawn on it, and every bad input of the batch rule next to the good page.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build-project.js';
import type { TallyLayout } from '../../src/tally/layout-schema.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject, wardFiles, type TempProject } from '../helpers/temp-project.js';
import { markPage, renderPage, type Mark } from './mark-sheet.js';

const ROSTER = 'Họ và tên;Năm sinh;Giới tính;Khu phố / Đơn vị;Nhóm đối tượng;Mã\nNguyễn Văn An;1980;Nam;Khu phố 1;;A01\n=1+2 Trần Thị Bích;1975;Nữ;Khu phố 1;;A02\nLê Hoàng Cường;1990;Nam;Khu phố 2;;\n';
const GROUP_MARKS: Record<string, Mark> = {
  'A01/TC1.1/dat': 'tick', 'A01/TC1.2/muc-1': 'cross', 'A01/TC1.3/dat': 'tick', 'A01/TC2.1/dat': 'tick',
  'A02/TC1.1/khong-dat': 'tick', 'A02/TC1.2/muc-1': 'fill', 'A02/TC1.2/muc-2': 'tick', 'A02/TC1.3/dat': 'cross', 'A02/TC2.1/dat': 'tick',
  'P003/TC1.1/dat': 'tick', 'P003/TC1.2/muc-1': 'tick', 'P003/TC1.2/muc-3': 'tick', 'P003/TC2.1/dat': 'tick',
};

describe('hoctap score', () => {
  let p: TempProject;
  let group: TallyLayout;
  let personal: TallyLayout;
  const results = () => JSON.parse(p.read('kq/results.json'));
  const pageOf = (r: any, file: string) => r.pages.find((x: any) => x.source.endsWith(file));

  beforeAll(async () => {
    p = tempProject(wardFiles({ 'roster.csv': ROSTER }), 'hoctap-score-');
    await build({ cwd: p.dir, rosterPath: 'roster.csv' });
    const dir = p.path('out/phieu-danh-dau');
    group = JSON.parse(readFileSync(join(dir, 'mau-nhom.layout.json'), 'utf8'));
    personal = JSON.parse(readFileSync(join(dir, 'mau-ca-nhan.layout.json'), 'utf8'));
    // Only the group layout at first: the personal page is then "another form".
    mkdirSync(p.path('layouts'));
    copyFileSync(join(dir, 'mau-nhom.layout.json'), p.path('layouts/mau-nhom.layout.json'));
    const png = renderPage(join(dir, 'mau-nhom.pdf'), 1, 200);
    const good = await markPage(png, group, 0, GROUP_MARKS);
    const W = Math.round((group.pageSize.widthMm / 25.4) * 200), H = Math.round((group.pageSize.heightMm / 25.4) * 200);
    const s = W / group.pageSize.widthMm;
    const page = group.pages[0]!;
    const q = page.qr, c0 = page.codeBoxes[0]!, cN = page.codeBoxes.at(-1)!;
    const smudge = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
      <rect x="${(q.xMm - 1) * s}" y="${(q.yMm - 1) * s}" width="${(q.wMm + 2) * s}" height="${(q.hMm + 2) * s}" fill="#fff"/>
      <rect x="${c0.xMm * s}" y="${c0.yMm * s}" width="${(cN.xMm + cN.wMm - c0.xMm) * s}" height="${c0.hMm * s}" fill="#000"/></svg>`);
    p.write({
      'scans/01-good.jpg': good,
      'scans/02-copy.jpg': good,
      'scans/03-rescan.png': await sharp(good).png().toBuffer(),
      'scans/04-blank.png': await sharp({ create: { width: W, height: H, channels: 3, background: '#fdfdfd' } }).png().toBuffer(),
      'scans/05-truncated.jpg': good.subarray(0, Math.floor(good.length * 0.4)),
      'scans/06-not-image.jpg': Buffer.from('Đây không phải ảnh.\n'),
      'scans/07-smudged.jpg': await sharp(good).composite([{ input: smudge }]).jpeg().toBuffer(),
      'scans/08-other-form.png': renderPage(join(dir, 'mau-ca-nhan.pdf'), 1, 150),
    });
  });
  afterAll(() => p?.remove());

  it('scores the good page, lists every bad input with its reason, and goes on', async () => {
    const r1 = await runCli(['score', 'scans', '--out', 'kq', '--layouts', 'layouts'], p.dir);
    expect(r1.stderr).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
    expect(r1.code, r1.stderr).toBe(0);
    // Progress counts the files read (the copy is listed, not read), in the order they finish.
    expect(r1.stderr).toMatch(/\[\d\/7\] scans\/01-good\.jpg/);
    expect(r1.stderr).toMatch(/\[\d\/7\] scans\/08-other-form\.png/);
    expect(r1.stderr).toContain('[7/7] ');
    expect(r1.stderr).toMatch(/Xong lần chấm 1: 7 tệp mới/);
    const r = results();
    expect(r.format).toEqual({ name: 'hoctap-results', version: 1 });
    expect(pageOf(r, '01-good.jpg')).toMatchObject({ status: 'ok', sheetId: group.pages[0]!.sheetId, pageIndex: 0 });
    expect(pageOf(r, '01-good.jpg').boxes.find((b: any) => b.id === 'A02/TC1.2/muc-1').state).toBe('cancelled');
    expect(pageOf(r, '03-rescan.png')).toMatchObject({ status: 'duplicate', duplicateOf: 'scans/01-good.jpg#0' });
    expect(pageOf(r, '04-blank.png').status).toBe('blank');
    expect(pageOf(r, '05-truncated.jpg').status).toBe('unreadable');
    expect(pageOf(r, '06-not-image.jpg').status).toBe('unreadable');
    expect(pageOf(r, '07-smudged.jpg').status).toBe('unidentified');
    expect(['foreign', 'unidentified', 'unlocated']).toContain(pageOf(r, '08-other-form.png').status);
    expect(pageOf(r, '02-copy.jpg')).toBeUndefined();
    const reasons = r.review.map((i: any) => `${i.reasonKey} ${i.source ?? ''}`);
    expect(reasons).toContain('R_DUPLICATE_FILE scans/02-copy.jpg');
    for (const f of ['03-rescan.png', '04-blank.png', '05-truncated.jpg', '06-not-image.jpg', '07-smudged.jpg', '08-other-form.png'])
      expect(reasons.some((x: string) => x.endsWith(`scans/${f}`)), f).toBe(true);
    // People: the set's rules applied; a cancelled box does not count; two marks are never guessed.
    const person = (id: string) => r.persons.find((x: any) => x.person === id);
    expect(person('A01')).toMatchObject({ total: 100, complete: true, needsReview: false, result: 'Đạt' });
    expect(person('A02').indicators['TC1.2']).toMatchObject({ option: 'muc-2', status: 'ok' });
    expect(person('A02')).toMatchObject({ total: 70, needsReview: false });
    // Two ticks in one row: the reader flags the row (ambiguous) or the scorer sees two marks.
    expect(person('P003').indicators['TC1.2'].value).toBeNull();
    expect(['multiple', 'ambiguous']).toContain(person('P003').indicators['TC1.2'].status);
    expect(person('P003').indicators['TC1.3']).toMatchObject({ value: null, status: 'empty' });
    expect(person('P003')).toMatchObject({ complete: false, needsReview: true });
    // Files beside it.
    const csv = readFileSync(p.path('kq/results.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('Họ và tên');
    expect(text).toContain(";'=1+2 Trần Thị Bích;");
    expect(text).not.toMatch(/;=1\+2/);
    const review = p.read('kq/can-xem-lai.csv');
    expect(review.charCodeAt(0)).toBe(0xfeff);
    for (const f of ['02-copy.jpg', '05-truncated.jpg', '07-smudged.jpg']) expect(review).toContain(f);
    const img = pageOf(r, '01-good.jpg').image;
    expect(existsSync(p.path(`kq/${img}`))).toBe(true);
    expect((await sharp(p.path(`kq/${img}`)).metadata()).format).toBe('png');
    expect(p.list('kq').filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('--strict exits 1 when anything needs review; a run with nothing new rewrites nothing', async () => {
    const before = p.read('kq/results.json');
    const r2 = await runCli(['score', 'scans', '--out', 'kq', '--layouts', 'layouts', '--strict'], p.dir);
    expect(r2.code, r2.stderr).toBe(1);
    expect(r2.stderr).toMatch(/0 tệp mới \(8 tệp đã chấm trước/);
    expect(p.read('kq/results.json')).toBe(before);
    expect(existsSync(p.path('kq/lich-su'))).toBe(false);
  });

  it('a re-run reads only the new scan, merges it and keeps the earlier results', async () => {
    const before = p.read('kq/results.json');
    copyFileSync(p.path('out/phieu-danh-dau/mau-ca-nhan.layout.json'), p.path('layouts/mau-ca-nhan.layout.json'));
    // A02's personal sheet (page 2), with TC1.1 marked differently from the group sheet.
    const png = renderPage(p.path('out/phieu-danh-dau/mau-ca-nhan.pdf'), 2, 200);
    p.write({ 'scans/09-personal.jpg': await markPage(png, personal, 1, { 'A02/TC1.1/dat': 'tick', 'A02/TC1.2/muc-2': 'tick', 'A02/TC1.3/dat': 'tick', 'A02/TC2.1/dat': 'tick' }) });
    const r3 = await runCli(['score', 'scans', '--out', 'kq', '--layouts', 'layouts'], p.dir);
    expect(r3.code, r3.stderr).toBe(0);
    expect(r3.stderr).toMatch(/1 tệp mới \(8 tệp đã chấm trước/);
    expect(p.read('kq/lich-su/lan-1/results.json')).toBe(before);
    const r = results();
    expect(r.runs.map((x: any) => x.run)).toEqual([1, 2]);
    expect(pageOf(r, '09-personal.jpg')).toMatchObject({ status: 'ok', run: 2 });
    expect(pageOf(r, '01-good.jpg')).toMatchObject({ status: 'ok', run: 1 });
    expect(r.pages.filter((x: any) => x.source.endsWith('08-other-form.png')).length).toBe(1);
    const a02 = r.persons.find((x: any) => x.person === 'A02');
    expect(a02.indicators['TC1.1']).toMatchObject({ value: null, status: 'conflict' });
    expect(a02.sheets.length).toBe(2);
    expect(a02.needsReview).toBe(true);
  });

  it('explains a missing --out or input in Vietnamese, without a stack trace', async () => {
    const r = await runCli(['score', 'scans'], p.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Thiếu thư mục kết quả --out');
    const r2 = await runCli(['score', 'khong-co', '--out', 'kq2'], p.dir);
    expect(r2.code).toBe(3);
    expect(r2.stderr).toContain('Không có tệp hoặc thư mục khong-co');
  });
});
