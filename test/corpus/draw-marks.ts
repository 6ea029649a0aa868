// Human-like marks on a sheet (page millimetres) + the ground truth of what was drawn.
// Truth per box: 'empty' | 'marked' | 'cancelled' | 'flag' (drawn so that no machine should decide
// it silently, e.g. a circle around the box: the scorer must answer 'ambiguous').
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { TallyBox, TallyPage } from '../../src/tally/layout-schema.js';
import type { Rng } from './prng.js';
import { choiceGroupOf } from '../../src/omr/classify-marks.js';

export type Truth = 'empty' | 'marked' | 'cancelled' | 'flag';
export type MarkKind = 'tick' | 'cross' | 'tick-long' | 'pencil-tick' | 'partial' | 'fill' | 'circle' | 'dot';

export interface Pen { color: string; width: number; alpha: number; pencil: boolean }

export function pickPen(rng: Rng): Pen {
  const r = rng();
  if (r < 0.45) return { color: `rgb(${rng.int(20, 45)},${rng.int(35, 70)},${rng.int(130, 170)})`, width: rng.range(0.3, 0.7), alpha: 1, pencil: false }; // blue ballpoint
  if (r < 0.8) return { color: 'rgb(25,25,25)', width: rng.range(0.3, 0.8), alpha: 1, pencil: false };
  if (r < 0.9) return { color: `rgb(${rng.int(170, 210)},30,35)`, width: rng.range(0.3, 0.6), alpha: 1, pencil: false }; // red
  return { color: 'rgb(60,60,60)', width: rng.range(0.3, 0.5), alpha: rng.range(0.35, 0.7), pencil: true };
}

function stroke(ctx: SKRSContext2D, pen: Pen, pts: [number, number][], rng: Rng, jitter = 0.25) {
  ctx.save();
  ctx.globalAlpha = pen.alpha;
  ctx.strokeStyle = pen.color;
  ctx.lineWidth = pen.width * rng.range(0.85, 1.15);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  const j = () => rng.normal() * jitter;
  ctx.moveTo(pts[0]![0] + j(), pts[0]![1] + j());
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1]!;
    const [x1, y1] = pts[i]!;
    // a slightly bowed segment like a real hand stroke
    ctx.quadraticCurveTo((x0 + x1) / 2 + j() * 1.5, (y0 + y1) / 2 + j() * 1.5, x1 + j(), y1 + j());
  }
  ctx.stroke();
  ctx.restore();
}

export function drawMark(ctx: SKRSContext2D, box: TallyBox, kind: MarkKind, pen: Pen, rng: Rng): void {
  const { xMm: x, yMm: y, wMm: w, hMm: h } = box;
  const P = (u: number, v: number): [number, number] => [x + u * w, y + v * h];
  const ox = rng.normal() * 0.5; // the whole mark off-centre a little
  const oy = rng.normal() * 0.5;
  ctx.save();
  ctx.translate(ox, oy);
  switch (kind) {
    case 'tick':
    case 'pencil-tick':
      stroke(ctx, pen, [P(rng.range(0.12, 0.3), rng.range(0.45, 0.6)), P(rng.range(0.38, 0.5), rng.range(0.75, 0.9)), P(rng.range(0.75, 0.92), rng.range(0.08, 0.22))], rng);
      break;
    case 'tick-long': // crosses the outline: starts inside, flies out past the top-right corner
      stroke(ctx, pen, [P(rng.range(0.1, 0.25), rng.range(0.45, 0.6)), P(rng.range(0.35, 0.5), rng.range(0.78, 0.92)), P(rng.range(1.2, 1.6), rng.range(-0.6, -0.2))], rng);
      break;
    case 'cross':
      stroke(ctx, pen, [P(rng.range(0.1, 0.25), rng.range(0.1, 0.25)), P(rng.range(0.75, 0.92), rng.range(0.75, 0.92))], rng);
      stroke(ctx, pen, [P(rng.range(0.75, 0.92), rng.range(0.1, 0.25)), P(rng.range(0.1, 0.25), rng.range(0.75, 0.92))], rng);
      break;
    case 'partial': { // hatching over 25–45 % of the box (someone shading like a bubble sheet)
      const frac = rng.range(0.25, 0.45);
      const pts: [number, number][] = [];
      for (let v = 0.15; v < 0.15 + frac * 0.9; v += 0.12) { pts.push(P(0.15, v)); pts.push(P(0.85, v + 0.06)); }
      stroke(ctx, pen, pts, rng, 0.1);
      break;
    }
    case 'fill': { // solid fill = cancel: dense zig-zag with a wide pen, a few tiny gaps
      const wide = { ...pen, width: Math.max(pen.width, 0.6) * 1.4 };
      const pts: [number, number][] = [];
      for (let v = 0.02; v <= 0.98; v += 0.08) { pts.push(P(0.02, v)); pts.push(P(0.98, v + 0.04)); }
      stroke(ctx, wide, pts, rng, 0.08);
      ctx.save();
      ctx.globalAlpha = pen.alpha;
      ctx.fillStyle = pen.color;
      ctx.fillRect(x + w * 0.08, y + h * 0.08, w * 0.84, h * 0.84);
      ctx.restore();
      break;
    }
    case 'circle': {
      ctx.save();
      ctx.globalAlpha = pen.alpha;
      ctx.strokeStyle = pen.color;
      ctx.lineWidth = pen.width;
      ctx.beginPath();
      ctx.ellipse(x + w / 2, y + h / 2, w * rng.range(0.75, 0.95), h * rng.range(0.75, 0.95), rng.range(0, 3), 0, Math.PI * 2);
      ctx.stroke();
      ctx.restore();
      break;
    }
    case 'dot': {
      ctx.save();
      ctx.fillStyle = pen.color;
      ctx.beginPath();
      ctx.arc(x + rng.range(0.3, 0.7) * w, y + rng.range(0.3, 0.7) * h, rng.range(0.2, 0.35), 0, Math.PI * 2);
      ctx.fill();
      ctx.restore();
      break;
    }
  }
  ctx.restore();
}

export const TRUTH_OF: Record<MarkKind, Truth> = {
  tick: 'marked', cross: 'marked', 'tick-long': 'marked', 'pencil-tick': 'marked', partial: 'marked',
  fill: 'cancelled', circle: 'flag', dot: 'empty',
};

/** Fill a page like a person would: one option per indicator, some rows blank, rare corrections. */
export function fillPage(ctx: SKRSContext2D, page: TallyPage, rng: Rng, opts: { fillCancels: boolean } = { fillCancels: true }, pens = new Map<string, Pen>()): Map<string, Truth> {
  const truth = new Map<string, Truth>();
  for (const b of page.boxes) truth.set(b.id, 'empty');
  const groups = new Map<string, TallyBox[]>();
  for (const b of page.boxes) {
    const k = choiceGroupOf(b);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(b);
  }
  const blankPersons = new Set(page.persons.filter(() => rng.chance(0.12)).map((p) => p.person));
  const penOf = new Map<string, Pen>();
  for (const p of page.persons) penOf.set(p.person, pickPen(rng));
  for (const [, opts_] of groups) {
    const person = opts_[0]!.person;
    if (blankPersons.has(person) || rng.chance(0.05)) continue;
    const pen = penOf.get(person)!;
    const r = rng();
    const kind: MarkKind = pen.pencil ? 'pencil-tick'
      : r < 0.45 ? 'tick' : r < 0.8 ? 'cross' : r < 0.9 ? 'tick-long' : r < 0.97 ? 'partial' : 'pencil-tick';
    const chosen = rng.pick(opts_);
    const usePen = kind === 'pencil-tick' && !pen.pencil ? { color: 'rgb(60,60,60)', width: 0.4, alpha: rng.range(0.4, 0.7), pencil: true } : pen;
    drawMark(ctx, chosen, kind, usePen, rng);
    truth.set(chosen.id, TRUTH_OF[kind]);
    pens.set(chosen.id, usePen);
    // correction: another option ticked first then filled solid to cancel it
    if (opts_.length > 1 && rng.chance(0.04)) {
      const other = rng.pick(opts_.filter((b) => b !== chosen));
      drawMark(ctx, other, 'fill', { ...pen, alpha: 1 }, rng);
      truth.set(other.id, opts.fillCancels ? 'cancelled' : 'marked');
    }
  }
  // rare: a circle drawn around an empty box, a stray dot inside an empty box
  for (const b of page.boxes) {
    if (truth.get(b.id) !== 'empty') continue;
    if (rng.chance(0.002)) { drawMark(ctx, b, 'circle', pickPen(rng), rng); truth.set(b.id, 'flag'); }
    else if (rng.chance(0.01)) drawMark(ctx, b, 'dot', pickPen(rng), rng);
  }
  // handwriting-like scribbles and stray dots away from the boxes (margins, name column)
  const { boxes } = page;
  for (let i = 0; i < rng.int(2, 6); i++) {
    const b = rng.pick(boxes);
    const pen = pickPen(rng);
    const minX = Math.min(...boxes.map((q) => q.xMm));
    const x0 = minX - rng.range(20, 50); // in the name/description column, never over another box
    const y0 = b.yMm + rng.range(-1, 5);
    const pts: [number, number][] = [];
    for (let k = 0; k < 8; k++) pts.push([x0 + k * 1.3, y0 + (k % 2 ? -1.5 : 0.5)]);
    stroke(ctx, pen, pts, rng, 0.3);
  }
  return truth;
}

/** Darkest grey (0–255) a pen leaves on white paper before any blur. */
export const penGrey = (pen: Pen): number => {
  const m = /rgb\((\d+),(\d+),(\d+)\)/.exec(pen.color);
  const lum = m ? (Number(m[1]) * 77 + Number(m[2]) * 150 + Number(m[3]) * 29) >> 8 : 40;
  return 255 - pen.alpha * (255 - lum);
};
