// The tally-sheet layout file (<name>.layout.json) written beside each tally PDF: the exact
// geometry the scorer reads (it never guesses it). Spec: docs/tally-sheet-format.md.
// All lengths in millimetres from the page's top-left corner, as printed at 100 %.
import { z } from 'zod';

export const TALLY_FORMAT = { name: 'hoctap-tally', version: 1 } as const;

/** Indicator id of the digit boxes where a blank row's person number is marked (one choice per digit place). */
export const ID_INDICATOR = '#so-tt';
/** Box id of one digit box: "<person>/#so-tt/<place>-<value>". Generator and scorer both use it. */
export const digitBoxId = (person: string, place: number, value: number) => `${person}/${ID_INDICATOR}/${place}-${value}`;

const mm = z.number();
export const RectSchema = z.object({ xMm: mm, yMm: mm, wMm: mm, hMm: mm });

export const FiducialSchema = RectSchema.extend({
  /** "tl", "tr", "bl", "br" (corners, 6 mm) and "ml", "mr", … (extra marks for an over-determined fit). */
  id: z.string(),
});

export const BoxSchema = RectSchema.extend({
  /** Stable id "<person>/<indicator>/<option>", e.g. "P003/TC1.2/dat". */
  id: z.string(),
  person: z.string(),
  indicator: z.string(),
  option: z.string(),
  points: z.number(),
});

/** Boxes that spell the page's fallback id in binary when the QR cannot be read. */
export const CodeBoxSchema = RectSchema.extend({ bit: z.number().int().min(0) });

export const PersonSlotSchema = z.object({
  /** "P001"… on pre-printed rows; on blank rows the id written in boxes (see idBoxes). */
  person: z.string(),
  name: z.string().default(''),
  unit: z.string().default(''),
  /** Blank rows: digit boxes where the person's number is written as marks (optional). */
  idBoxes: z.array(RectSchema.extend({ digit: z.number().int(), value: z.number().int() })).default([]),
});

export const PageSchema = z.object({
  pageIndex: z.number().int().min(0),
  /** "<setId>:<layoutHash>:<page>", unique across every layout of a project. */
  sheetId: z.string(),
  /** Human-readable serial printed on the page. */
  serial: z.string(),
  qr: RectSchema.extend({ payload: z.string() }),
  codeBoxes: z.array(CodeBoxSchema),
  /** The number the code boxes spell (fallback id). */
  code: z.number().int().min(0),
  persons: z.array(PersonSlotSchema),
  boxes: z.array(BoxSchema),
});

export const TallyLayoutSchema = z.object({
  format: z.object({ name: z.literal(TALLY_FORMAT.name), version: z.literal(TALLY_FORMAT.version) }),
  kind: z.enum(['personal', 'group']),
  criteriaSetId: z.string(),
  /** Hash of everything geometric; a scan's QR must name the same hash. */
  layoutHash: z.string(),
  pageSize: z.object({ widthMm: mm, heightMm: mm }),
  /** How marks are read (printed on the sheet too). */
  markingRule: z.object({ tickChooses: z.boolean(), fillCancels: z.boolean() }),
  fiducials: z.array(FiducialSchema),
  pages: z.array(PageSchema).min(1),
}).refine((l) => l.pages.every((p, i) => p.pageIndex === i), {
  // Readers index pages by position; a layout whose pages are out of order is not ours.
  message: 'pages[i].pageIndex must equal i',
  path: ['pages'],
});

export type TallyLayout = z.infer<typeof TallyLayoutSchema>;
export type TallyPage = z.infer<typeof PageSchema>;
export type TallyBox = z.infer<typeof BoxSchema>;
export type Rect = z.infer<typeof RectSchema>;
