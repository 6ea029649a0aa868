// Dev helper: write a few corpus pages to a folder to look at them (npx tsx test/corpus/write-samples.ts /tmp/x).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCase, type Family } from './make-corpus.js';
import { syntheticLayout } from './synthetic-layout.js';

const dir = process.argv[2] ?? '/tmp/hoctap-corpus';
const n = Number(process.argv[3] ?? 3);
mkdirSync(dir, { recursive: true });
const force = process.argv[4] ? { dpi: Number(process.argv[4]), mode: 'jpeg' as const } : {};
const real = process.env.REAL ? await (await import('./real-sheets.js')).realSheets() : undefined;
const layouts = real?.layouts ?? [syntheticLayout('group'), syntheticLayout('personal')];
const paper = real?.paper;
for (const family of (process.argv[5] ?? 'clean,scanner,photo').split(',') as Family[]) {
  for (let seed = 1; seed <= n; seed++) {
    const t0 = performance.now();
    const c = await makeCase(seed, family, layouts, paper, force);
    const f = join(dir, `${family}-${seed}.${c.ext}`);
    writeFileSync(f, c.bytes);
    console.log(f, (performance.now() - t0).toFixed(0), 'ms', JSON.stringify(c.params), c.orientation);
  }
}
