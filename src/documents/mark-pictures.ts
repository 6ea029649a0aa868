// Pictures of marks in a tick box, drawn as pdfmake canvas vectors (Tinos has no ✓ ✗ glyphs,
// and a drawing prints the same with any font). Generic: handouts, slides and tally sheets
// may all show them. Pure; sizes in millimetres, black only.
import type { CanvasElement } from 'pdfmake/interfaces.js';
import { mm } from '../pdf/units.js';

/**
 * tick / cross: the marks that choose; fill: a solid fill (cancels under the default rule);
 * circle: a ring drawn round the box; dot: a small dot; partial: shading over part of the box;
 * outside: a tick beside the box instead of in it; empty: the box alone.
 */
export type MarkKind = 'empty' | 'tick' | 'cross' | 'fill' | 'circle' | 'dot' | 'partial' | 'outside';

export const MARK_KINDS: readonly MarkKind[] = ['empty', 'tick', 'cross', 'fill', 'circle', 'dot', 'partial', 'outside'];

/** Pen width of a hand mark relative to the box: a ball-point line on a 5 mm box is about 0.5 mm. */
const PEN = 0.09;

const pt = (x: number, y: number) => ({ x, y });

/** A tick (check mark) inside the square [x, x+s] × [y, y+s], in points. */
export function tickVectors(x: number, y: number, s: number, width = s * PEN): CanvasElement[] {
  return [{
    type: 'polyline', lineWidth: width, lineCap: 'round', lineJoin: 'round',
    points: [pt(x + s * 0.18, y + s * 0.52), pt(x + s * 0.42, y + s * 0.8), pt(x + s * 0.86, y + s * 0.16)],
  }];
}

/** A cross inside the square [x, x+s] × [y, y+s], in points. */
export function crossVectors(x: number, y: number, s: number, width = s * PEN): CanvasElement[] {
  return [
    { type: 'line', x1: x + s * 0.2, y1: y + s * 0.2, x2: x + s * 0.8, y2: y + s * 0.8, lineWidth: width, lineCap: 'round' },
    { type: 'line', x1: x + s * 0.8, y1: y + s * 0.2, x2: x + s * 0.2, y2: y + s * 0.8, lineWidth: width, lineCap: 'round' },
  ];
}

/** One box with a mark, its top-left corner at (x, y) points; `sizeMm` is the box side. */
export function markVectors(kind: MarkKind, sizeMm: number, x = 0, y = 0, rulePt = 0.75): CanvasElement[] {
  const s = mm(sizeMm);
  const box: CanvasElement = { type: 'rect', x, y, w: s, h: s, lineWidth: Math.max(rulePt, s * 0.03) };
  switch (kind) {
    case 'empty': return [box];
    case 'tick': return [box, ...tickVectors(x, y, s)];
    case 'cross': return [box, ...crossVectors(x, y, s)];
    case 'fill': return [box, { type: 'rect', x: x + s * 0.06, y: y + s * 0.06, w: s * 0.88, h: s * 0.88, color: 'black' }];
    case 'circle': return [box, { type: 'ellipse', x: x + s / 2, y: y + s / 2, r1: s * 0.85, r2: s * 0.72, lineWidth: s * PEN * 0.8 }];
    case 'dot': return [box, { type: 'ellipse', x: x + s * 0.55, y: y + s * 0.5, r1: s * 0.06, r2: s * 0.06, color: 'black' }];
    case 'partial': {
      // Shading over the lower-left third, as someone used to bubble sheets might do.
      const lines: CanvasElement[] = [];
      for (let k = 0; k < 5; k++) {
        const v = 0.5 + k * 0.1;
        lines.push({ type: 'line', x1: x + s * 0.12, y1: y + s * v, x2: x + s * (0.3 + k * 0.08), y2: y + s * (v - 0.12), lineWidth: s * PEN * 0.7, lineCap: 'round' });
      }
      return [box, ...lines];
    }
    case 'outside': return [box, ...tickVectors(x + s * 1.15, y - s * 0.1, s * 0.9)];
  }
}

/**
 * The verdict badge beside a picture: a tick in a circle (right) or a cross in a heavy circle
 * (wrong). Shape, not colour, carries the meaning, so it survives black-and-white copies.
 */
export function verdictVectors(right: boolean, sizeMm: number, x = 0, y = 0): CanvasElement[] {
  const s = mm(sizeMm);
  const ring: CanvasElement = { type: 'ellipse', x: x + s / 2, y: y + s / 2, r1: s / 2, r2: s / 2, lineWidth: s * 0.08 };
  if (right) return [ring, ...tickVectors(x + s * 0.12, y + s * 0.1, s * 0.76, s * 0.12)];
  return [{ ...ring, color: 'black' } as CanvasElement, ...crossVectors(x + s * 0.12, y + s * 0.12, s * 0.76, s * 0.13).map((l) => ({ ...l, lineColor: 'white' }))];
}
