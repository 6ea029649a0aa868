// Dev helper: read a few corpus pages and write their annotation PNGs (npx tsx test/corpus/write-annotations.ts DIR).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLoadFailure, loadScanBytes } from '../../src/omr/load-scan.js';
import { annotatePage, readPage } from '../../src/omr/read-page.js';
import { makeCase, type Family } from './make-corpus.js';
import { realSheets } from './real-sheets.js';

const dir = process.argv[2] ?? '/tmp/hoctap-annotations';
mkdirSync(dir, { recursive: true });
const { layouts, paper } = await realSheets();
for (const [family, seed] of (process.argv[3] ?? 'photo:2001,photo:2004,scanner:2003,scanner:2010').split(',').map((s) => s.split(':'))) {
  const c = await makeCase(Number(seed), family as Family, layouts, paper);
  for await (const p of loadScanBytes('x', c.bytes)) {
    if (isLoadFailure(p)) continue;
    const r = await readPage(p, layouts);
    const f = join(dir, `${family}-${seed}.png`);
    writeFileSync(f, await annotatePage(p, r, layouts.find((l) => l.layoutHash === r.layoutHash)));
    console.log(f, r.status, r.orientation, JSON.stringify(c.params));
  }
}
