// Scorer image side, public entry: one loaded greyscale page + the known tally layouts →
// where the page is, which sheet it is, and a raw-metric + decision record per mark box.
// Stages: locate-page → read-sheet-id → measure-marks → classify-marks (each its own module).
import type { TallyLayout } from '../tally/layout-schema.js';
import type { LoadedPage } from './load-scan.js';

export type BoxState = 'empty' | 'marked' | 'cancelled' | 'ambiguous';

export interface BoxReading {
  /** The layout box id "<person>/<indicator>/<option>". */
  id: string;
  state: BoxState;
  /** 0–1; below thresholds.review.minConfidence the box is shown as needing review. */
  confidence: number;
  /** Raw measurements (see measure-marks.ts), kept so decisions can be audited and re-tuned. */
  metrics: Record<string, number>;
}

export interface PageReading {
  status: 'ok' | 'blank' | 'unlocated' | 'unidentified' | 'foreign';
  /** Plain-language reason for any status other than ok, or a warning on an ok page (poor fiducial fit). English, for logs. */
  reason?: string;
  sheetId?: string;
  layoutHash?: string;
  layoutPageIndex?: number;
  serial?: string;
  idMethod?: 'qr' | 'code-boxes';
  /** Clockwise rotation of the page content in the image (0 = upright). */
  orientation?: 0 | 90 | 180 | 270;
  /** RMS distance between the fitted and found fiducial centres, in page millimetres. */
  residualMm?: number;
  /** Page mm → image px (3×3 row-major) of the fit used; lets callers crop or draw on the scan. */
  homography?: number[];
  boxes: BoxReading[];
}

export type { LoadedPage, LoadFailure } from './load-scan.js';
export { annotatePage } from './annotate-page.js';

/** Read one page. Never throws for bad pixels: every failure is a status with a reason. */
export async function readPage(page: LoadedPage, layouts: TallyLayout[]): Promise<PageReading> {
  try {
    return await readPageUnsafe(page, layouts);
  } catch (e) {
    // An internal fault on one page must not stop the batch; the page goes to review.
    return { status: 'unlocated', reason: `internal error while reading the page: ${e instanceof Error ? e.message : String(e)}`, boxes: [] };
  }
}

// Geometries are derived per layouts array; cache by identity so a batch computes them once.
const geometryCache = new WeakMap<TallyLayout[], FiducialGeometry[]>();

async function readPageUnsafe(page: LoadedPage, layouts: TallyLayout[]): Promise<PageReading> {
  if (!layouts.length) return { status: 'unidentified', reason: 'no tally layouts given', boxes: [] };
  let geometries = geometryCache.get(layouts);
  if (!geometries) { geometries = fiducialGeometries(layouts); geometryCache.set(layouts, geometries); }
  const loc = locatePage(page, layouts, geometries);
  if (loc.status !== 'ok') return { status: loc.status, reason: loc.reason, boxes: [] };
  const id = await readSheetId(page, loc.work, loc.locations, layouts);
  const where = { orientation: id.location.orientation, residualMm: round3(id.location.residualMm), homography: Array.from(id.location.H) };
  if (id.status !== 'ok') return { status: id.status, reason: id.reason, ...where, boxes: [] };
  const metrics = measureBoxes({ page, work: loc.work, H: id.location.H }, id.page.boxes);
  const boxes = classifyMarks(id.page.boxes, metrics, id.layout.markingRule);
  return {
    status: 'ok',
    ...(id.location.residualMm > LOCATE.maxResidualMm ? { reason: `fiducial fit residual ${round3(id.location.residualMm)} mm: check the box positions` } : {}),
    sheetId: id.page.sheetId,
    layoutHash: id.layout.layoutHash,
    layoutPageIndex: id.page.pageIndex,
    serial: id.serial,
    idMethod: id.method,
    ...where,
    boxes,
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

import { fiducialGeometries, locatePage, type FiducialGeometry } from './locate-page.js';
import { readSheetId } from './read-sheet-id.js';
import { measureBoxes } from './measure-marks.js';
import { classifyMarks } from './classify-marks.js';
import { LOCATE } from './thresholds.js';
