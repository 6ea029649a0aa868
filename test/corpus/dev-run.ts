// Dev helper: generate N cases per family, read them, print per-family tallies and the errors.
import { loadScanBytes, isLoadFailure } from '../../src/omr/load-scan.js';
import { readPage } from '../../src/omr/read-page.js';
import { makeCase, type Family } from './make-corpus.js';
import { syntheticLayout } from './synthetic-layout.js';
import { emptyTally, evaluate } from './evaluate.js';

const n = Number(process.argv[2] ?? 5);
const fams = (process.argv[3] ?? 'clean,scanner,photo').split(',') as Family[];
const start = Number(process.argv[4] ?? 1);
const real = process.env.REAL ? await (await import('./real-sheets.js')).realSheets() : undefined;
const layouts = real?.layouts ?? [syntheticLayout('group'), syntheticLayout('personal')];
const paper = real?.paper;
for (const fam of fams) {
  const t = emptyTally();
  let ms = 0;
  for (let seed = start; seed < start + n; seed++) {
    const c = await makeCase(seed, fam, layouts, paper);
    for await (const p of loadScanBytes(`${fam}-${seed}.${c.ext}`, c.bytes)) {
      if (isLoadFailure(p)) { console.log('LOAD FAIL', p.reason); continue; }
      const t0 = performance.now();
      const r = await readPage(p, layouts);
      ms += performance.now() - t0;
      const before = t.silent, bf = t.flagged;
      evaluate(c, r, t);
      if (r.status !== 'ok' || r.orientation !== c.orientation || t.silent > before || t.flagged - bf > 3)
        console.log(fam, seed, r.status, r.reason ?? '', 'orient', r.orientation, 'vs', c.orientation, 'res', r.residualMm, 'silent+', t.silent - before, 'flag+', t.flagged - bf, JSON.stringify(c.params));
    }
  }
  console.log(`${fam}: pages ${t.pages} id ${t.identified} boxes ${t.boxes} silent ${t.silent} (${(100 * t.silent / t.boxes).toFixed(3)}%) flagged ${t.flagged} (${(100 * t.flagged / t.boxes).toFixed(2)}%) read ${(ms / t.pages).toFixed(0)} ms/page`);
  for (const e of t.errors.slice(0, 15)) console.log('  ', e.seed, e.box, e.truth, '→', e.got, e.conf, JSON.stringify(Object.fromEntries(Object.entries(e.metrics).map(([k, v]) => [k, +(+v).toFixed(3)]))));
}
