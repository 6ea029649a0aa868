// Scorer stage 5 (classify): raw box metrics + layout boxes + marking rule → empty / marked /
// cancelled / ambiguous with a confidence. The mark threshold adapts per sheet (largest gap in
// the sorted ink coverages, OMRChecker-style) but only within fixed bounds; row rules then make
// an indicator's options one choice.
import { ID_INDICATOR } from '../tally/layout-schema.js';
import type { TallyBox, TallyLayout } from '../tally/layout-schema.js';
import type { BoxMetrics } from './measure-marks.js';
import type { BoxReading, BoxState } from './read-page.js';
import { CLASSIFY } from './thresholds.js';

/** Sheet-level ink threshold: the middle of the widest gap between neighbouring coverages inside the allowed window. */
export function adaptiveInkThreshold(values: number[]): number {
  const { floor, ceiling, start } = CLASSIFY.markedInk;
  const xs = [...values].sort((a, b) => a - b);
  let best = -1;
  let at: number = start;
  for (let i = 0; i + 1 < xs.length; i++) {
    const lo = Math.max(xs[i]!, floor - 0.01), hi = Math.min(xs[i + 1]!, ceiling + 0.01);
    const gap = hi - lo;
    const mid = (lo + hi) / 2;
    if (gap > best && mid >= floor && mid <= ceiling) { best = gap; at = mid; }
  }
  return best > 0.01 ? at : start;
}

/**
 * Boxes that form one choice: an indicator's options for one person; for the written-number
 * digit boxes (indicator "#so-tt", option "<place>-<value>") one choice per digit place.
 */
export function choiceGroupOf(b: Pick<TallyBox, 'person' | 'indicator' | 'option'>): string {
  if (b.indicator === ID_INDICATOR) return `${b.person}\u0000${b.indicator}\u0000${b.option.split('-')[0]}`;
  return `${b.person}\u0000${b.indicator}`;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export function classifyMarks(boxes: readonly TallyBox[], metrics: readonly BoxMetrics[], rule: TallyLayout['markingRule']): BoxReading[] {
  const T = adaptiveInkThreshold(metrics.map((m) => m.ink));
  const readings: BoxReading[] = boxes.map((b, k) => {
    const m = metrics[k]!;
    const raw: Record<string, number> = { ...m, threshold: T } as unknown as Record<string, number>;
    let state: BoxState;
    let confidence: number;
    const isFill = m.strong >= CLASSIFY.fillInk && m.hole <= CLASSIFY.fillMaxHole;
    if (isFill) {
      state = rule.fillCancels ? 'cancelled' : 'marked';
      // distance from the fill bounds, on both tests
      confidence = Math.min(clamp01((m.strong - CLASSIFY.fillInk) / 0.1 + 0.5), clamp01((CLASSIFY.fillMaxHole - m.hole) / 0.06 + 0.5));
    } else if (m.strong >= CLASSIFY.heavyInk) {
      // heavy ink with holes: an unfinished fill or a heavy scribble — a person must look
      state = 'ambiguous';
      confidence = 0.3;
    } else if (m.faint >= CLASSIFY.diffuseFaint && (m.ink < CLASSIFY.heavyInk / 2 || m.strong < CLASSIFY.diffuseMaxStrong)) {
      // the whole box grey with few real strokes or no dark core: a shadow edge, smudge or erased pencil
      state = 'ambiguous';
      confidence = 0.3;
    } else if (m.ink >= T && m.span >= CLASSIFY.minStrokeMm) {
      state = rule.tickChooses ? 'marked' : 'ambiguous';
      confidence = Math.min(
        clamp01((m.ink - T) / (CLASSIFY.surelyMarkedInk - T)),
        clamp01((m.span - CLASSIFY.minStrokeMm) / (CLASSIFY.surelyStrokeMm - CLASSIFY.minStrokeMm)),
      );
    } else if (m.ink < T && m.span < CLASSIFY.maxDotMm) {
      state = 'empty';
      confidence = Math.min(
        clamp01((T - m.ink) / (T - CLASSIFY.surelyEmptyInk)),
        clamp01((CLASSIFY.maxDotMm - m.span) / (CLASSIFY.maxDotMm - CLASSIFY.surelyDotMm)),
      );
      // faint but stroke-like ink (light pencil, blurred photo): not sure enough to call empty
      if (m.faintSpan >= CLASSIFY.minStrokeMm && m.faint >= CLASSIFY.faintInk) { state = 'ambiguous'; confidence = 0.3; }
      // empty inside but ink all around it: a circle drawn round the box (intent unclear)
      if (m.ringSides >= CLASSIFY.ringSides && m.ring >= CLASSIFY.ringInk) { state = 'ambiguous'; confidence = 0.3; }
    } else {
      // little ink but stroke-like, or enough ink in dot-like specks: a faint or broken mark
      state = 'ambiguous';
      confidence = 0.3;
    }
    // a box whose outline was not found may be mis-placed: never fully sure of it
    if (m.outline < CLASSIFY.minOutline) confidence = Math.min(confidence, 0.6);
    if (state !== 'ambiguous' && confidence < CLASSIFY.minConfidence) state = 'ambiguous';
    return { id: b.id, state, confidence: Math.round(confidence * 1000) / 1000, metrics: raw };
  });
  // Row rule: one choice per indicator. Two or more marked options (cancelled ones do not count)
  // cannot be scored: all of them go to review.
  const groups = new Map<string, number[]>();
  boxes.forEach((b, k) => {
    const key = choiceGroupOf(b);
    const g = groups.get(key);
    if (g) g.push(k); else groups.set(key, [k]);
  });
  for (const idx of groups.values()) {
    const marked = idx.filter((k) => readings[k]!.state === 'marked');
    if (marked.length > 1)
      for (const k of marked) { readings[k]!.state = 'ambiguous'; readings[k]!.confidence = Math.min(readings[k]!.confidence, 0.4); }
  }
  return readings;
}
