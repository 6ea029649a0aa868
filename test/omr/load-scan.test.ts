// Scan loading: every supported container yields greyscale pages; bad files yield a failure
// record with a reason (never an exception).
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { isLoadFailure, loadScanBytes, loadScans, type LoadedPage, type LoadFailure } from '../../src/omr/load-scan.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { BUNDLED_FONTS } from '../../src/pdf/fonts.js';

const all = async (bytes: Uint8Array) => { const out: (LoadedPage | LoadFailure)[] = []; for await (const p of loadScanBytes('f', bytes)) out.push(p); return out; };
const W = 620, H = 877; // A4 at 75 dpi
const gray = () => { const g = Buffer.alloc(W * H, 245); for (let y = 100; y < 140; y++) for (let x = 100; x < 140; x++) g[y * W + x] = 10; return g; };
const raw = { raw: { width: W, height: H, channels: 1 as const } };

describe('loadScanBytes', () => {
  it('JPEG, PNG and 1-bit CCITT G4 TIFF → one greyscale page each', async () => {
    for (const bytes of [
      await sharp(gray(), raw).jpeg().toBuffer(),
      await sharp(gray(), raw).png().toBuffer(),
      await sharp(gray(), raw).toColourspace('b-w').tiff({ compression: 'ccittfax4', bitdepth: 1, xres: 75 / 25.4, yres: 75 / 25.4 }).toBuffer(),
    ]) {
      const [p] = await all(bytes);
      expect(isLoadFailure(p!)).toBe(false);
      const page = p as LoadedPage;
      expect([page.width, page.height, page.gray.length]).toEqual([W, H, W * H]);
      expect(page.gray[120 * W + 120]!).toBeLessThan(100);
    }
    const [bw] = (await all(await sharp(gray(), raw).toColourspace('b-w').tiff({ compression: 'ccittfax4', bitdepth: 1 }).toBuffer())) as LoadedPage[];
    expect(bw!.bilevel).toBe(true);
  });
  it('colour files (RGB JPEG, RGBA PNG, 16-bit PNG, CMYK JPEG): blue and red ink stay dark against the paper', async () => {
    // paper (250,248,240), a blue ballpoint square and a red pen square
    const rgb = Buffer.alloc(W * H * 3);
    for (let i = 0; i < W * H; i++) rgb.set([250, 248, 240], i * 3);
    const square = (x0: number, c: number[]) => { for (let y = 100; y < 140; y++) for (let x = x0; x < x0 + 40; x++) rgb.set(c, (y * W + x) * 3); };
    square(100, [30, 40, 160]);
    square(300, [200, 30, 40]);
    const img = () => sharp(rgb, { raw: { width: W, height: H, channels: 3 } });
    for (const bytes of [
      await img().jpeg({ quality: 90 }).toBuffer(),
      await img().ensureAlpha().png().toBuffer(),
      await img().png({ force: true }).toColourspace('rgb16').toBuffer(),
      await img().toColourspace('cmyk').jpeg().toBuffer(),
    ]) {
      const [p] = await all(bytes);
      expect(isLoadFailure(p!)).toBe(false);
      const page = p as LoadedPage;
      expect([page.width, page.height, page.gray.length]).toEqual([W, H, W * H]);
      const paper = page.gray[400 * W + 400]!;
      expect(paper).toBeGreaterThan(200);
      // darkness 1 − v/paper well above MEASURE.inkDarkness (0.22) for both inks
      for (const x of [120, 320]) expect(1 - page.gray[120 * W + x]! / paper).toBeGreaterThan(0.5);
    }
  });
  it('multi-page TIFF → one page per TIFF page', async () => {
    const page = await sharp(gray(), raw).png().toBuffer();
    const tiff = await sharp([page, page, page], { join: { animated: true } }).tiff({ compression: 'lzw' }).toBuffer();
    const pages = await all(tiff);
    expect(pages.map((p) => (isLoadFailure(p) ? p.reason : p.pageIndex))).toEqual([0, 1, 2]);
  });
  it('a scanner PDF (one full-page image) gives that image at its own resolution; a vector PDF is rendered', async () => {
    const png = await sharp(gray(), raw).png().toBuffer();
    const meta = { title: 't', subject: 's', author: 'a', date: new Date('2026-01-01T00:00:00Z') };
    const scan = await renderPdf({ pageSize: 'A4', pageMargins: 0, content: [{ image: `data:image/png;base64,${png.toString('base64')}`, width: 595.28, height: 841.89 }] }, meta, BUNDLED_FONTS);
    const [p] = (await all(scan.bytes)) as LoadedPage[];
    expect([p!.width, p!.height]).toEqual([W, H]);
    expect(p!.dpi).toBe(75);
    const vector = await renderPdf({ pageSize: 'A4', content: [{ text: 'Xin chào' }, { canvas: [{ type: 'rect', x: 0, y: 0, w: 50, h: 50, color: 'black' }] }] }, meta, BUNDLED_FONTS);
    const [v] = (await all(vector.bytes)) as LoadedPage[];
    expect(v!.dpi).toBe(200);
    expect(Math.abs(v!.width - 1654)).toBeLessThanOrEqual(1);
  });
  it('truncated, corrupt, unknown and missing files → failure records with a reason', async () => {
    const jpeg = await sharp(gray(), raw).jpeg().toBuffer();
    const cases = [jpeg.subarray(0, jpeg.length / 2), Buffer.from('%PDF-1.7 garbage'), Buffer.from('hello world'), Buffer.from([0xff, 0xd8, 0, 1, 2])];
    for (const bytes of cases) {
      const out = await all(bytes);
      expect(out.length).toBeGreaterThan(0);
      for (const p of out) { expect(isLoadFailure(p)).toBe(true); expect((p as LoadFailure).reason).toMatch(/\w/); }
    }
    const missing: (LoadedPage | LoadFailure)[] = [];
    for await (const p of loadScans(['/nonexistent/scan.jpg'])) missing.push(p);
    expect(missing).toHaveLength(1);
    expect((missing[0] as LoadFailure).reason).toMatch(/cannot read/);
  });
});
