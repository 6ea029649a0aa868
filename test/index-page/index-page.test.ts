// Issue 5 evidence: out/index.html opened straight from disk (file://) in the system Chromium
// lists every PDF of the build, grouped by kind, each with a loaded first-page picture, its page
// count and a working link — and asks nothing of the network. A screenshot goes to
// test/.artifacts/index-page.png for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build/build-project.js';
import { GROUP_LABELS, indexHtml } from '../../src/build/index-page.js';
import { HSSV } from '../handout/handout-context.js';
import { listFiles, REPO_ROOT, tempProject, wardFiles, type TempProject } from '../helpers/temp-project.js';

const ARTIFACTS = join(REPO_ROOT, 'test/.artifacts');
let proj: TempProject;
let result: BuildResult;
let browser: Browser;
let profile: string;

interface Card { href: string; title: string; pages: string; src: string; complete: boolean; naturalWidth: number; group: string }

let cards: Card[];
let requests: string[];
let headings: string[];

beforeAll(async () => {
  proj = tempProject(wardFiles({ 'criteria/cdht-hssv.yaml': HSSV }), 'hoctap-index-');
  result = await build({ cwd: proj.dir });
  profile = mkdtempSync(join(tmpdir(), 'hoctap-chrome-'));
  browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage();
  requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.setViewport({ width: 1280, height: 1000 });
  await page.goto(pathToFileURL(proj.path('out/index.html')).href, { waitUntil: 'load' });
  // Every picture has finished loading (or failed) before we look.
  await page.waitForFunction(() => [...document.images].every((i) => i.complete), { timeout: 30_000 });
  cards = await page.$$eval('li.card', (els) => els.map((li) => {
    const img = li.querySelector('img') as HTMLImageElement;
    return {
      href: (li.querySelector('a.button') as HTMLAnchorElement).href,
      title: li.querySelector('h3')!.textContent ?? '',
      pages: li.querySelector('.meta')!.textContent ?? '',
      src: img.src, complete: img.complete, naturalWidth: img.naturalWidth,
      group: li.closest('section')!.id,
    };
  }));
  headings = await page.$$eval('section h2', (els) => els.map((e) => e.textContent ?? ''));
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'index-page.png'), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  proj?.remove();
});

describe('out/index.html opened from disk in Chromium', () => {
  it('lists every PDF in out/ once, with a working link', () => {
    const pdfs = listFiles(proj.path('out')).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(10);
    const linked = cards.map((c) => fileURLToPath(c.href));
    expect(linked.sort()).toEqual(pdfs.map((f) => proj.path(`out/${f}`)).sort());
    for (const l of linked) expect(existsSync(l)).toBe(true);
  });

  it('shows a loaded first-page picture for each (naturalWidth > 0)', () => {
    for (const c of cards) {
      expect(c.complete, c.src).toBe(true);
      expect(c.naturalWidth, c.src).toBeGreaterThan(0);
    }
  });

  it('groups the documents by kind, in order, with each one\'s page count', () => {
    const order = ['registration', 'scoresheet', 'tally', 'plan', 'handout', 'slides'] as const;
    const present = order.filter((g) => cards.some((c) => c.group === g));
    expect(present).toEqual(expect.arrayContaining(['registration', 'scoresheet', 'handout', 'slides']));
    expect(headings).toEqual(present.map((g) => GROUP_LABELS[g].title));
    for (const f of result.files.filter((x) => x.file.endsWith('.pdf'))) {
      const card = cards.find((c) => fileURLToPath(c.href) === f.path)!;
      expect(card.group).toBe(f.group);
      expect(card.pages).toBe(`${f.pages} trang`);
    }
    // The booklet and the slides of every set are there.
    for (const id of ['mau', 'cdht-hssv']) {
      expect(cards.some((c) => c.href.endsWith(`tap-huan/${id}-so-tay-a5.pdf`) && c.group === 'handout')).toBe(true);
      expect(cards.some((c) => c.href.endsWith(`tap-huan/${id}-trinh-chieu.pdf`) && c.group === 'slides')).toBe(true);
    }
  });

  it('loads nothing from the network: every request is a file:// URL, the page names no http(s) resource', () => {
    expect(requests.length).toBeGreaterThan(cards.length);
    for (const r of requests) expect(r.startsWith('file://'), r).toBe(true);
    const html = readFileSync(proj.path('out/index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).not.toMatch(/<script|@import|url\(/i);
    expect(html).toMatch(/<html lang="vi">/);
  });
});

describe('indexHtml (pure)', () => {
  it('escapes titles and percent-encodes paths with Vietnamese names', () => {
    const html = indexHtml([{ file: 'văn bản/kế hoạch <1>.pdf', title: 'A & B <c>', pages: 2, group: 'plan', thumb: 'xem-truoc/văn bản/kế hoạch <1>.png', thumbWidth: 10, thumbHeight: 14, extras: [] }], { ward: 'Phường "X"', year: 2026 });
    expect(html).toContain('href="v%C4%83n%20b%E1%BA%A3n/k%E1%BA%BF%20ho%E1%BA%A1ch%20%3C1%3E.pdf"');
    expect(html).toContain('A &#38; B &#60;c&#62;');
    expect(html).toContain('Phường &#34;X&#34;');
    expect(html).not.toContain('<c>');
  });
});
