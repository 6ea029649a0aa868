// Worker thread of ReadPool: receives file paths, loads and reads each page, posts results.
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { TallyLayout } from '../tally/layout-schema.js';
import { loadScans } from './load-scan.js';
import { readPage } from './read-page.js';
import { pageResult } from './read-pages.js';
import { annotatePage } from './annotate-page.js';

const { layouts } = workerData as { layouts: TallyLayout[] };
// One libvips thread per worker: the pool already uses every core.
sharp.concurrency(1);
parentPort!.on('message', async (msg: { file: string; annotate: boolean }) => {
  let posted = 0; // a crash mid-file fails the page after the last one posted, not page 0 again
  try {
    for await (const p of loadScans([msg.file])) {
      const result = await pageResult(p, layouts, readPage, msg.annotate ? annotatePage : undefined);
      // The PNG moves to the main thread without a copy.
      parentPort!.postMessage({ type: 'page', result }, result.annotation ? [result.annotation.buffer as ArrayBuffer] : []);
      posted++;
    }
  } catch (e) {
    parentPort!.postMessage({ type: 'page', result: { source: msg.file, pageIndex: posted, failure: `reader failed: ${e instanceof Error ? e.message : String(e)}` } });
  }
  parentPort!.postMessage({ type: 'done' });
});
