// npm run bench:build — 1,376 personalised scoresheets (the Quận 10 participant count in the
// seeds), hoctap's whole pipeline vs bare pdfmake laying out the same document definitions.
// Each mode runs in its own process so peak RSS and the font cache are its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const PEOPLE = 1376;
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const mode = process.argv[2];

/** A deterministic roster: Vietnamese names, spread over the sample ward's units and groups. */
async function writeRoster(file: string) {
  const { loadProject } = await import('../src/config/load-config.js');
  const { loadCriteria } = await import('../src/criteria/load-criteria.js');
  const project = await loadProject(undefined, ROOT);
  const { sets } = await loadCriteria(project.criteriaDir, ROOT);
  const groups = sets.map((s) => s.set).filter((s) => s.model === 'cong_dan_hoc_tap').map((s) => s.subject_group?.label ?? s.id);
  const units = project.config.don_vi.map((u) => u.ten);
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
  const middle = ['Văn', 'Thị', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Hữu', 'Thu'];
  const given = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hùng', 'Khánh', 'Lan', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quyên', 'Sơn', 'Tâm', 'Uyên', 'Việt', 'Xuân', 'Yến'];
  const rows = ['Họ và tên;Năm sinh;Giới tính;Khu phố / Đơn vị;Nhóm đối tượng'];
  for (let i = 0; i < PEOPLE; i++) {
    const name = `${family[i % 12]} ${middle[(i >> 2) % 8]} ${given[(i * 7) % 20]}`;
    rows.push([name, 1950 + (i % 55), i % 2 ? 'Nữ' : 'Nam', units[i % units.length], groups[i % groups.length]].join(';'));
  }
  writeFileSync(file, `\uFEFF${rows.join('\r\n')}\r\n`);
}

async function runOurs(roster: string, out: string) {
  const { build } = await import('../src/build/build-project.js');
  const t0 = performance.now();
  const r = await build({ cwd: ROOT, outDir: out, rosterPath: roster, producers: ['forms'] });
  return { seconds: (performance.now() - t0) / 1000, pages: r.pages, files: r.files.length };
}

async function runBare(roster: string, out: string) {
  // The same definitions, built by our pure builders, then laid out by a plain pdfmake.
  const { loadProject } = await import('../src/config/load-config.js');
  const { loadCriteria } = await import('../src/criteria/load-criteria.js');
  const { readRoster } = await import('../src/roster/read-roster.js');
  const { BUNDLED_FONTS } = await import('../src/pdf/fonts.js');
  const { measurerFor } = await import('../src/pdf/measure-text.js');
  const { formsProducer } = await import('../src/build/forms-producer.js');
  const require = createRequire(import.meta.url);
  const pdfmake = require('pdfmake');
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit');
  if (String(fontkit.create).includes('sha1')) throw new Error('bare mode must not load our font cache');
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => Object.values(BUNDLED_FONTS).includes(p));
  pdfmake.setFonts({ Serif: BUNDLED_FONTS });
  const date = new Date('2026-01-01T00:00:00Z');
  const render = async (def: any) => {
    let pages = 0;
    const bg = def.background;
    const bytes: Buffer = await pdfmake.createPdf({ ...def, defaultStyle: { font: 'Serif', ...def.defaultStyle }, info: { creationDate: date, modDate: date },
      background: (p: number, s: any) => { pages = Math.max(pages, p); return typeof bg === 'function' ? bg(p, s) : null; } }).getBuffer();
    return { bytes, pages };
  };
  const t0 = performance.now();
  const project = await loadProject(undefined, ROOT);
  const { sets } = await loadCriteria(project.criteriaDir, ROOT);
  const ctx: any = { project, criteria: sets, fonts: BUNDLED_FONTS, measure: measurerFor(BUNDLED_FONTS), pdfDate: date, render };
  ctx.roster = await readRoster(roster, roster, sets);
  const { docs } = await formsProducer(ctx);
  const tDefs = performance.now();
  let pages = 0;
  for (const d of docs) {
    const r = await render(d.definition);
    pages += r.pages;
    mkdirSync(join(out, d.file, '..'), { recursive: true });
    writeFileSync(join(out, d.file), r.bytes);
  }
  const t1 = performance.now();
  return { seconds: (t1 - tDefs) / 1000, definitionsSeconds: (tDefs - t0) / 1000, pages, files: docs.length };
}

if (mode === 'ours' || mode === 'bare') {
  const [roster, out] = process.argv.slice(3);
  const r = mode === 'ours' ? await runOurs(roster, out) : await runBare(roster, out);
  process.stdout.write(JSON.stringify({ ...r, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-bench-'));
  const roster = join(dir, 'roster.csv');
  await writeRoster(roster);
  const run = (m: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), m, roster, join(dir, m)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 }));
  const bare = run('bare');
  const ours = run('ours');
  const rate = (r: any) => (r.pages / r.seconds).toFixed(1);
  console.log(`bench:build — ${PEOPLE} personalised scoresheets (+ blank forms of every set), ${ours.files} PDFs`);
  console.log('mode                         pages  wall s  pages/s  peak RSS MB');
  console.log(`hoctap build (whole pipeline) ${String(ours.pages).padStart(5)}  ${ours.seconds.toFixed(2).padStart(6)}  ${rate(ours).padStart(7)}  ${String(ours.maxRssMb).padStart(11)}`);
  console.log(`bare pdfmake (layout+write)   ${String(bare.pages).padStart(5)}  ${bare.seconds.toFixed(2).padStart(6)}  ${rate(bare).padStart(7)}  ${String(bare.maxRssMb).padStart(11)}`);
  console.log(`(bare: building the definitions took a further ${bare.definitionsSeconds.toFixed(2)} s)`);
  console.log(`overhead: hoctap / bare pdfmake = ${(ours.seconds / bare.seconds).toFixed(2)}× (target ≤ 1.2×); target ≥ 100 pages/s: ${Number(rate(ours)) >= 100 ? 'met' : 'NOT met'}`);
  rmSync(dir, { recursive: true, force: true });
}
