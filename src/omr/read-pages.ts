// Scorer batch driver: files + layouts → one result per page (or per unreadable file), using a
// pool of worker threads (decode and reading are CPU-bound; one file per task). A crashed or
// failing file never stops the batch.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TallyLayout } from '../tally/layout-schema.js';
import { isLoadFailure, loadScans, type LoadedPage, type LoadFailure } from './load-scan.js';
import type { PageReading } from './read-page.js';

export interface PageResult {
  source: string;
  pageIndex: number;
  /** Present when the page was read (even if not located/identified). */
  reading?: PageReading;
  /** Present when the file or page could not be decoded. */
  failure?: string;
  width?: number;
  height?: number;
  dpi?: number;
  /** PNG of the page with every box coloured by its state (when asked for). */
  annotation?: Uint8Array;
}

export interface ReadPagesOptions {
  /** Worker threads; 0 = read in this thread. Default: all cores. */
  workers?: number;
  /** Called as each page finishes (any order across files). */
  onPage?: (r: PageResult) => void;
  /** Also draw each page's annotated PNG (in the worker, which holds the decoded page). */
  annotate?: boolean;
}

/** Read every page of every file. Results come back grouped by file (input order), pages in order. */
export async function readPages(files: string[], layouts: TallyLayout[], opts: ReadPagesOptions = {}): Promise<PageResult[]> {
  const n = Math.min(opts.workers ?? availableParallelism(), files.length);
  if (n <= 0) return inThread(files, layouts, opts);
  const pool = new ReadPool(layouts, n);
  try {
    const perFile = await Promise.all(files.map((f) => pool.read(f, opts).then((rs) => { rs.forEach((r) => opts.onPage?.(r)); return rs; })));
    return perFile.flat();
  } finally {
    await pool.close();
  }
}

const TSX_API = import.meta.resolve('tsx/esm/api');
const WORKER_URL = new URL('./read-pages-worker.ts', import.meta.url).href;

interface Slot { worker: Worker; dead: boolean; job?: Job }
interface Job { file: string; annotate: boolean; results: PageResult[]; resolve: (r: PageResult[]) => void }

/** A persistent pool: start once, read many files (the bench measures steady-state throughput). */
export class ReadPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private closed = false;
  private crashes = 0;
  private completed = 0;

  constructor(private readonly layouts: TallyLayout[], size = availableParallelism()) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // The worker is TypeScript. Loader flags (--import tsx) do not reach worker threads on Node 20,
    // so a tiny eval bootstrap registers tsx inside the worker and then imports the real module.
    const code = `import(${JSON.stringify(TSX_API)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL)}); })`;
    const worker = new Worker(code, { eval: true, workerData: { layouts: this.layouts } });
    const slot: Slot = { worker, dead: false };
    worker.on('message', (msg: { type: 'page'; result: PageResult } | { type: 'done' }) => {
      if (!slot.job) return;
      if (msg.type === 'page') slot.job.results.push(msg.result);
      else this.finish(slot);
    });
    // 'error' is followed by 'exit'; both end in lose(), which runs once per worker.
    worker.on('error', (e) => this.lose(slot, `reader crashed: ${e.message}`));
    worker.on('exit', (code) => this.lose(slot, `reader stopped (exit code ${code})`));
    return slot;
  }

  /** A worker is gone: its file fails with the reason (never silently empty), and it is replaced
   *  unless workers keep dying without finishing anything (broken install). */
  private lose(slot: Slot, reason: string) {
    if (slot.dead || this.closed) return;
    slot.dead = true;
    const job = slot.job;
    slot.job = undefined;
    job?.resolve([...job.results, { source: job.file, pageIndex: job.results.length, failure: reason }]);
    const idx = this.slots.indexOf(slot);
    if (++this.crashes > 3 + this.completed) {
      this.slots.splice(idx, 1);
      if (!this.slots.length)
        for (const queued of this.queue.splice(0)) queued.resolve([{ source: queued.file, pageIndex: 0, failure: 'page reader could not start' }]);
    } else this.slots[idx] = this.spawn();
    this.pump();
  }

  private finish(slot: Slot) {
    const job = slot.job;
    slot.job = undefined;
    if (job) this.completed++;
    job?.resolve(job.results);
    this.pump();
  }

  private pump() {
    for (const slot of this.slots) {
      if (slot.dead || slot.job || !this.queue.length) continue;
      slot.job = this.queue.shift()!;
      slot.worker.postMessage({ file: slot.job.file, annotate: slot.job.annotate });
    }
  }

  read(file: string, opts: { annotate?: boolean } = {}): Promise<PageResult[]> {
    return new Promise((resolve) => {
      this.queue.push({ file, annotate: Boolean(opts.annotate), results: [], resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

async function inThread(files: string[], layouts: TallyLayout[], opts: ReadPagesOptions): Promise<PageResult[]> {
  const { readPage, annotatePage } = await import('./read-page.js');
  const out: PageResult[] = [];
  for await (const p of loadScans(files)) {
    const r = await pageResult(p, layouts, readPage, opts.annotate ? annotatePage : undefined);
    opts.onPage?.(r);
    out.push(r);
  }
  return out;
}

export async function pageResult(
  p: LoadedPage | LoadFailure,
  layouts: TallyLayout[],
  read: (page: LoadedPage, layouts: TallyLayout[]) => Promise<PageReading>,
  annotate?: (page: LoadedPage, reading: PageReading, layout?: TallyLayout) => Promise<Buffer>,
): Promise<PageResult> {
  if (isLoadFailure(p)) return { source: p.source, pageIndex: p.pageIndex ?? 0, failure: p.reason };
  const reading = await read(p, layouts);
  // An annotation is a convenience: failing to draw one never loses the reading.
  const png = annotate ? await annotate(p, reading, layouts.find((l) => l.layoutHash === reading.layoutHash)).catch(() => undefined) : undefined;
  return { source: p.source, pageIndex: p.pageIndex, reading, width: p.width, height: p.height, dpi: p.dpi, ...(png ? { annotation: new Uint8Array(png) } : {}) };
}
