// The one schema of a criteria set file (criteria/*.yaml); the Criteria types are inferred
// from it. Cross-field rules (sums, unique ids, thresholds) live in criteria-rules.ts.
import { z } from 'zod';
import { isRealDate } from '../locale/format-vi.js';

const text = z.string().min(1);
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'chỉ dùng chữ không dấu, số, ".", "-", "_"');

export const MODELS = [
  'cong_dan_hoc_tap',
  'gia_dinh_hoc_tap',
  'dong_ho_hoc_tap',
  'cong_dong_hoc_tap',
  'don_vi_hoc_tap',
  'cong_dong_hoc_tap_cap_xa',
] as const;

/** Where the numbers come from. `verified: false` sets are samples to check locally. */
export const ProvenanceSchema = z.strictObject({
  issuer: text,
  document: text,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD').optional(),
  url: z.string().optional(),
  verified: z.boolean(),
  /** The document that replaced this one, when known: the build warns that the set is outdated. */
  superseded_by: z.string().optional(),
  notes: z.string().optional(),
});

export const LevelSchema = z.strictObject({ label: text, points: z.number().min(0) });

export const IndicatorSchema = z.strictObject({
  id,
  text,
  /** A few words for narrow tally-sheet columns. */
  short: text.max(40),
  /** points: the assessor writes 0..max; yes_no: Đạt = max, Không đạt = 0; levels: one of `levels`. */
  type: z.enum(['points', 'yes_no', 'levels']),
  max: z.number().positive(),
  levels: z.array(LevelSchema).min(2).optional(),
  evidence: z.string().optional(),
});

export const CriterionSchema = z.strictObject({
  id,
  title: text,
  /** Stated maximum of the criterion; must equal the sum of its indicators. */
  max: z.number().positive(),
  indicators: z.array(IndicatorSchema).min(1),
});

export const ClassBandSchema = z.strictObject({ label: text, min_total: z.number().min(0) });

export const ScoringSchema = z.strictObject({
  max_total: z.number().positive(),
  recognition: z.strictObject({
    label: text.default('Đạt'),
    min_total: z.number().min(0),
    /** Minimum points per criterion, by criterion id. */
    min_per_criterion: z.record(z.string(), z.number().min(0)).default({}),
    /** Indicators that must be achieved (full points for yes_no, > 0 otherwise). */
    required_indicators: z.array(z.string()).default([]),
  }),
  /** Classification bands, highest first; a set that is only Đạt / Không đạt may leave this out. */
  classification: z.array(ClassBandSchema).default([]),
});

export const ProcedureStepSchema = z.strictObject({
  key: z.enum(['dang_ky', 'tu_danh_gia', 'binh_xet', 'cong_nhan']),
  label: text,
  by: text,
  /** Month-day in the campaign year, e.g. "03-31"; hoctap.yaml `lich` may override it. */
  due: z
    .string()
    .regex(/^\d{2}-\d{2}$/, 'dạng MM-DD')
    // a leap year, so 02-29 is accepted here
    .refine((s) => !/^\d{2}-\d{2}$/.test(s) || isRealDate({ y: 2000, m: Number(s.slice(0, 2)), d: Number(s.slice(3, 5)) }), 'không có ngày này trong lịch (xem lại tháng và ngày)'),
  description: z.string().optional(),
});

export const CriteriaSetSchema = z.strictObject({
  id,
  model: z.enum(MODELS),
  title: text,
  /** Short name of the model for titles: "Công dân học tập". */
  model_name: text,
  /** Whom the set assesses, e.g. "cá nhân", "gia đình", "dòng họ", "khu phố", "đơn vị". */
  subject: text,
  subject_group: z.strictObject({ id, label: text }).optional(),
  provenance: ProvenanceSchema,
  criteria: z.array(CriterionSchema).min(1),
  scoring: ScoringSchema,
  procedure: z.array(ProcedureStepSchema).default([]),
});

export type CriteriaSet = z.infer<typeof CriteriaSetSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
