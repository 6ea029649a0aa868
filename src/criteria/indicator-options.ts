// The choices a person has for one indicator, in print order (best first). Shared by the
// scoresheet's tick boxes, the tally sheets and the scorer, so all three agree.
import type { Indicator } from './criteria-schema.js';

export interface IndicatorOption {
  /** Stable id used in tally layouts and results: "dat", "khong-dat", "muc-1"… */
  id: string;
  label: string;
  points: number;
}

export function optionsOf(ind: Indicator): IndicatorOption[] {
  if (ind.levels) return ind.levels.map((l, k) => ({ id: `muc-${k + 1}`, label: l.label, points: l.points }));
  return [
    { id: 'dat', label: 'Đạt', points: ind.max },
    { id: 'khong-dat', label: 'Không đạt', points: 0 },
  ];
}
