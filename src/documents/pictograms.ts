// Small black line pictograms drawn beside steps in handouts and slides (read a form, write,
// add up, sign, hand in, ask, calendar, meeting, recognition). Vectors in a unit square scaled
// to the size asked; names are what templates write after "@" (e.g. "@but Ghi điểm …").
import type { CanvasElement, Content } from 'pdfmake/interfaces.js';
import { mm } from '../pdf/units.js';

type Draw = (u: (v: number) => number, w: number) => CanvasElement[];

const P = (u: (v: number) => number, ...xy: number[]) => {
  const pts = [];
  for (let i = 0; i < xy.length; i += 2) pts.push({ x: u(xy[i]!), y: u(xy[i + 1]!) });
  return pts;
};
const line = (u: (v: number) => number, w: number, ...xy: number[]): CanvasElement => ({ type: 'polyline', points: P(u, ...xy), lineWidth: w, lineCap: 'round', lineJoin: 'round' });
const shape = (u: (v: number) => number, w: number, ...xy: number[]): CanvasElement => ({ type: 'polyline', points: P(u, ...xy), lineWidth: w, closePath: true, lineJoin: 'round' });
const ring = (u: (v: number) => number, w: number, cx: number, cy: number, r: number, fill = false): CanvasElement =>
  ({ type: 'ellipse', x: u(cx), y: u(cy), r1: u(r), r2: u(r), lineWidth: w, ...(fill ? { color: 'black' } : {}) }) as CanvasElement;
/** A person: head and shoulders, centred at cx. */
const person = (u: (v: number) => number, w: number, cx: number, top: number, k = 1): CanvasElement[] => [
  ring(u, w, cx, top + 0.11 * k, 0.1 * k),
  line(u, w, cx - 0.2 * k, top + 0.52 * k, cx - 0.2 * k, top + 0.38 * k, cx - 0.1 * k, top + 0.27 * k, cx + 0.1 * k, top + 0.27 * k, cx + 0.2 * k, top + 0.38 * k, cx + 0.2 * k, top + 0.52 * k),
];

const DRAWINGS: Record<string, Draw> = {
  /** Read: an open book. */
  doc: (u, w) => [
    shape(u, w, 0.5, 0.25, 0.08, 0.15, 0.08, 0.78, 0.5, 0.88),
    shape(u, w, 0.5, 0.25, 0.92, 0.15, 0.92, 0.78, 0.5, 0.88),
    line(u, w * 0.6, 0.18, 0.34, 0.4, 0.39), line(u, w * 0.6, 0.18, 0.5, 0.4, 0.55), line(u, w * 0.6, 0.6, 0.39, 0.82, 0.34), line(u, w * 0.6, 0.6, 0.55, 0.82, 0.5),
  ],
  /** Write: a pen over a line. */
  but: (u, w) => [
    shape(u, w, 0.72, 0.08, 0.9, 0.26, 0.4, 0.76, 0.2, 0.8, 0.24, 0.6),
    line(u, w, 0.66, 0.14, 0.84, 0.32),
    line(u, w, 0.08, 0.92, 0.92, 0.92),
  ],
  /** Add up: a sheet with a plus and an equals sign. */
  cong: (u, w) => [
    shape(u, w, 0.15, 0.06, 0.85, 0.06, 0.85, 0.94, 0.15, 0.94),
    line(u, w, 0.5, 0.2, 0.5, 0.48), line(u, w, 0.36, 0.34, 0.64, 0.34),
    line(u, w, 0.34, 0.64, 0.66, 0.64), line(u, w, 0.34, 0.76, 0.66, 0.76),
  ],
  /** Sign: a signature scribble on a line. */
  ky: (u, w) => [
    line(u, w, 0.08, 0.62, 0.2, 0.35, 0.28, 0.62, 0.36, 0.4, 0.44, 0.6, 0.55, 0.45, 0.62, 0.58, 0.92, 0.4),
    line(u, w, 0.08, 0.8, 0.92, 0.8),
  ],
  /** Hand in: an arrow down into a tray. */
  nop: (u, w) => [
    line(u, w, 0.5, 0.06, 0.5, 0.56), line(u, w, 0.32, 0.4, 0.5, 0.58, 0.68, 0.4),
    line(u, w, 0.08, 0.6, 0.08, 0.9, 0.92, 0.9, 0.92, 0.6),
  ],
  /** Ask: a telephone handset. */
  hoi: (u, w) => [
    shape(u, w, 0.3, 0.06, 0.7, 0.06, 0.7, 0.94, 0.3, 0.94),
    line(u, w, 0.3, 0.2, 0.7, 0.2), line(u, w, 0.3, 0.78, 0.7, 0.78), ring(u, w * 0.6, 0.5, 0.86, 0.03, true),
  ],
  /** A date: a calendar page. */
  lich: (u, w) => [
    shape(u, w, 0.08, 0.16, 0.92, 0.16, 0.92, 0.92, 0.08, 0.92),
    line(u, w, 0.08, 0.34, 0.92, 0.34), line(u, w, 0.28, 0.06, 0.28, 0.24), line(u, w, 0.72, 0.06, 0.72, 0.24),
    ...[0.26, 0.5, 0.74].flatMap((x) => [0.52, 0.74].map((y) => ring(u, w, x, y, 0.04, true))),
  ],
  /** Register: a form with a tick. */
  phieu: (u, w) => [
    shape(u, w, 0.15, 0.06, 0.85, 0.06, 0.85, 0.94, 0.15, 0.94),
    line(u, w * 0.7, 0.28, 0.24, 0.72, 0.24), line(u, w * 0.7, 0.28, 0.4, 0.72, 0.4),
    line(u, w, 0.3, 0.66, 0.42, 0.78, 0.68, 0.52),
  ],
  /** Self-assessment: a checklist. */
  kiem: (u, w) => [
    ...[0.18, 0.48, 0.78].flatMap((y) => [shape(u, w * 0.8, 0.08, y - 0.1, 0.28, y - 0.1, 0.28, y + 0.1, 0.08, y + 0.1), line(u, w * 0.8, 0.4, y, 0.92, y)]),
    line(u, w, 0.1, 0.18, 0.17, 0.25, 0.3, 0.06), line(u, w, 0.1, 0.48, 0.17, 0.55, 0.3, 0.36),
  ],
  /** Meeting, review: three people. */
  nhom: (u, w) => [...person(u, w, 0.22, 0.3, 0.8), ...person(u, w, 0.78, 0.3, 0.8), ...person(u, w, 0.5, 0.12, 1), line(u, w, 0.06, 0.9, 0.94, 0.9)],
  /** One person. */
  nguoi: (u, w) => person(u, w, 0.5, 0.06, 1.6),
  /** Recognition: a star. */
  sao: (u, w) => {
    const xy: number[] = [];
    for (let k = 0; k < 10; k++) {
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      const r = k % 2 ? 0.2 : 0.46;
      xy.push(0.5 + r * Math.cos(a), 0.52 + r * Math.sin(a));
    }
    return [shape(u, w, ...xy)];
  },
  /** Look: an eye (check the sheet again). */
  xem: (u, w) => [
    line(u, w, 0.06, 0.5, 0.28, 0.3, 0.5, 0.24, 0.72, 0.3, 0.94, 0.5, 0.72, 0.7, 0.5, 0.76, 0.28, 0.7, 0.06, 0.5),
    ring(u, w, 0.5, 0.5, 0.15), ring(u, w, 0.5, 0.5, 0.06, true),
  ],
};

export const PICTOGRAMS = Object.keys(DRAWINGS) as readonly string[];
export const isPictogram = (name: string) => Object.hasOwn(DRAWINGS, name);

/** The pictogram's vectors in a square of `sizeMm` at (x, y) points. */
export function pictogramVectors(name: string, sizeMm: number, x = 0, y = 0): CanvasElement[] {
  const s = mm(sizeMm);
  const draw = DRAWINGS[name] ?? DRAWINGS.xem!;
  return draw((v) => v * s, Math.max(1, s * 0.05)).map((e) => shift(e, x, y));
}

function shift(e: CanvasElement, dx: number, dy: number): CanvasElement {
  if (!dx && !dy) return e;
  if (e.type === 'polyline') return { ...e, points: e.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) };
  if (e.type === 'ellipse' || e.type === 'rect') return { ...e, x: e.x + dx, y: e.y + dy };
  return { ...e, x1: e.x1 + dx, y1: e.y1 + dy, x2: e.x2 + dx, y2: e.y2 + dy };
}

export const pictogram = (name: string, sizeMm: number): Content => ({ width: mm(sizeMm), canvas: pictogramVectors(name, sizeMm) }) as Content;
