// Unit checks of the scorer's image side: homography fit, payload parsing, classification rules.
import { describe, expect, it } from 'vitest';
import { applyH, fitHomography, invertH } from '../../src/omr/homography.js';
import { parsePayload } from '../../src/omr/read-sheet-id.js';
import { choiceGroupOf, classifyMarks } from '../../src/omr/classify-marks.js';
import type { BoxMetrics } from '../../src/omr/measure-marks.js';
import type { TallyBox } from '../../src/tally/layout-schema.js';

describe('homography', () => {
  it('recovers a perspective map from 6 noisy points (least squares)', () => {
    const H0 = [2.1, 0.3, 40, -0.2, 2.0, 25, 0.0004, -0.0002, 1];
    const src = [[10, 10], [200, 12], [198, 287], [12, 285], [11, 148], [199, 149]].map(([x, y]) => ({ x: x!, y: y! }));
    const dst = src.map((p, k) => { const q = applyH(H0, p.x, p.y); return { x: q.x + (k % 2 ? 0.2 : -0.2), y: q.y + (k % 3 ? 0.1 : -0.1) }; });
    const H = fitHomography(src, dst)!;
    const q = applyH(H, 105, 150), q0 = applyH(H0, 105, 150);
    expect(Math.hypot(q.x - q0.x, q.y - q0.y)).toBeLessThan(0.5);
    const back = applyH(invertH(H), q.x, q.y);
    expect(back.x).toBeCloseTo(105, 6);
    expect(fitHomography(src.slice(0, 3), dst.slice(0, 3))).toBeNull();
  });
});

describe('QR payload', () => {
  it('parses HT1 and rejects others', () => {
    expect(parsePayload('HT1|cdht|a1b2c3d4|2|6|N0417-003')).toEqual({ criteriaSetId: 'cdht', layoutHash: 'a1b2c3d4', pageIndex: 2, pageCount: 6, serial: 'N0417-003' });
    expect(parsePayload('HT2|a|b|1|2|c')).toBeNull();
    expect(parsePayload('https://example.com')).toBeNull();
  });
});

const m = (over: Partial<BoxMetrics>): BoxMetrics => ({ ink: 0, strong: 0, mean: 0, hole: 1, span: 0, faint: 0, faintSpan: 0, ring: 0, ringSides: 0, outline: 0.5, dxMm: 0, dyMm: 0, white: 240, ...over });
const tick = m({ ink: 0.2, strong: 0.15, hole: 0.6, span: 3.5, faint: 0.25, faintSpan: 3.6 });
const fill = m({ ink: 0.98, strong: 0.97, hole: 0.01, span: 3.9, faint: 1, faintSpan: 3.9 });
const box = (person: string, indicator: string, option: string): TallyBox => ({ id: `${person}/${indicator}/${option}`, person, indicator, option, points: 1, xMm: 0, yMm: 0, wMm: 5, hMm: 5 });
const rule = { tickChooses: true, fillCancels: true };

describe('classifyMarks', () => {
  it('tick = marked, solid = cancelled, nothing = empty, dot = empty, circle around = ambiguous', () => {
    const boxes = [box('A', 'T1', 'a'), box('A', 'T2', 'a'), box('A', 'T3', 'a'), box('A', 'T4', 'a'), box('A', 'T5', 'a')];
    const r = classifyMarks(boxes, [tick, fill, m({}), m({ ink: 0.02, span: 0.6, faint: 0.03, faintSpan: 0.7 }), m({ ring: 0.3, ringSides: 4 })], rule);
    expect(r.map((x) => x.state)).toEqual(['marked', 'cancelled', 'empty', 'empty', 'ambiguous']);
    expect(r[0]!.confidence).toBe(1);
    expect(r[0]!.metrics.ink).toBe(0.2); // raw metrics kept
  });
  it('fillCancels false: a solid box is a mark', () => {
    expect(classifyMarks([box('A', 'T1', 'a')], [fill], { tickChooses: true, fillCancels: false })[0]!.state).toBe('marked');
  });
  it('two marked options of one indicator → both ambiguous; a mark beside a cancelled one stands', () => {
    const boxes = [box('A', 'T1', 'a'), box('A', 'T1', 'b'), box('A', 'T2', 'a'), box('A', 'T2', 'b')];
    const r = classifyMarks(boxes, [tick, tick, fill, tick], rule);
    expect(r.map((x) => x.state)).toEqual(['ambiguous', 'ambiguous', 'cancelled', 'marked']);
  });
  it('digit boxes form one choice per place', () => {
    expect(choiceGroupOf(box('R01', '#so-tt', '0-4'))).not.toBe(choiceGroupOf(box('R01', '#so-tt', '1-2')));
    const boxes = [box('R01', '#so-tt', '0-4'), box('R01', '#so-tt', '1-2')];
    expect(classifyMarks(boxes, [tick, tick], rule).map((x) => x.state)).toEqual(['marked', 'marked']);
  });
  it('faint stroke-like ink is flagged, not called empty', () => {
    expect(classifyMarks([box('A', 'T1', 'a')], [m({ ink: 0.01, span: 0.5, faint: 0.08, faintSpan: 2.8 })], rule)[0]!.state).toBe('ambiguous');
  });
});
