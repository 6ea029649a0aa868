// Compare a PageReading with the corpus ground truth: silent errors (decided and wrong), flags
// (ambiguous), identification and orientation.
import type { PageReading } from '../../src/omr/read-page.js';
import type { CorpusCase } from './make-corpus.js';

export interface Tally {
  pages: number;
  identified: number;
  wrongId: number;
  boxes: number;
  silent: number;
  flagged: number;
  /** Boxes on pages that were not identified (all count as flagged: a person must look). */
  unreadBoxes: number;
  /** Boxes whose mark is not in the pixels at all (see CorpusCase.invisible); excluded from silent/flagged. */
  invisible: number;
  invisibleMissed: number;
  errors: { seed: number; family: string; box: string; truth: string; got: string; conf: number; metrics: Record<string, number> }[];
}

export const emptyTally = (): Tally => ({ pages: 0, identified: 0, wrongId: 0, boxes: 0, silent: 0, flagged: 0, unreadBoxes: 0, invisible: 0, invisibleMissed: 0, errors: [] });

export function evaluate(c: CorpusCase, r: PageReading, t: Tally): void {
  const page = c.layout.pages[c.pageIndex]!;
  t.pages++;
  t.boxes += page.boxes.length;
  if (r.status !== 'ok') { t.unreadBoxes += page.boxes.length; t.flagged += page.boxes.length; return; }
  if (r.layoutHash !== c.layout.layoutHash || r.layoutPageIndex !== c.pageIndex) {
    t.wrongId++; t.silent += page.boxes.length; return;
  }
  t.identified++;
  const byId = new Map(r.boxes.map((b) => [b.id, b]));
  for (const b of page.boxes) {
    const got = byId.get(b.id);
    const truth = c.truth.get(b.id) ?? 'empty';
    if (c.invisible.has(b.id)) { t.invisible++; if (got?.state !== truth) t.invisibleMissed++; continue; }
    if (!got || got.state === 'ambiguous') { t.flagged++; continue; }
    if (got.state !== truth) {
      t.silent++;
      t.errors.push({ seed: c.seed, family: c.family, box: b.id, truth, got: got.state, conf: got.confidence, metrics: got.metrics });
    }
  }
}
