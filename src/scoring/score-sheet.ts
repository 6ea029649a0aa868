// Pure scoring: the points given per indicator + the criteria set's rules → subtotals, total,
// recognition and classification. Used by the scorer, the handout's worked example and reports.
import type { CriteriaSet } from '../criteria/criteria-schema.js';

export interface SheetScore {
  /** Points per indicator id; null where no value could be decided. */
  indicators: Record<string, number | null>;
  criteria: Record<string, number>;
  total: number;
  /** False when any indicator is undecided: the result then needs review before it counts. */
  complete: boolean;
  recognised: boolean;
  /** Label of the recognition ("Đạt") or "Không đạt". */
  result: string;
  /** The first classification band reached, or "" when the set has none or none is reached. */
  classification: string;
  /** Why the sheet is not recognised, in plain words, for reports. */
  reasons: string[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function scoreSheet(set: CriteriaSet, points: Record<string, number | null | undefined>): SheetScore {
  const indicators: Record<string, number | null> = {};
  const criteria: Record<string, number> = {};
  let complete = true;
  for (const c of set.criteria) {
    let sub = 0;
    for (const ind of c.indicators) {
      const v = points[ind.id];
      if (v == null) {
        complete = false;
        indicators[ind.id] = null;
      } else {
        const clamped = Math.min(Math.max(v, 0), ind.max);
        indicators[ind.id] = clamped;
        sub += clamped;
      }
    }
    criteria[c.id] = round(sub);
  }
  const total = round(Object.values(criteria).reduce((a, b) => a + b, 0));
  const { recognition, classification } = set.scoring;
  const reasons: string[] = [];
  if (total < recognition.min_total) reasons.push(`tổng ${total} < ${recognition.min_total}`);
  for (const [cid, min] of Object.entries(recognition.min_per_criterion))
    if ((criteria[cid] ?? 0) < min) reasons.push(`${cid}: ${criteria[cid] ?? 0} < ${min}`);
  for (const rid of recognition.required_indicators) {
    const ind = set.criteria.flatMap((c) => c.indicators).find((i) => i.id === rid);
    const v = indicators[rid];
    const met = ind && v != null && (ind.type === 'yes_no' ? v >= ind.max : v > 0);
    if (!met) reasons.push(`${rid} bắt buộc chưa đạt`);
  }
  if (!complete) reasons.push('còn chỉ số chưa xác định');
  const recognised = complete && reasons.length === 0;
  const band = recognised ? classification.find((b) => total >= b.min_total) : undefined;
  return {
    indicators, criteria, total, complete, recognised,
    result: recognised ? recognition.label : 'Không đạt',
    classification: band?.label ?? '',
    reasons,
  };
}
