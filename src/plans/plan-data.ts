// The data a plan template sees, assembled in one place (the data cascade):
//   1. the criteria sets, as `bo_tieu_chi` and `mo_hinh`                 (lowest)
//   2. hoctap.yaml, every key as written: nam, dia_danh, phuong, co_quan, nguoi_ky, don_vi,
//      lien_he, lich, ty_le, du_lieu …
//   3. the template's own front matter `du_lieu:`, merged key by key over hoctap.yaml `du_lieu`
//   4. `van_ban`: this document's resolved header (số, ngày, cơ quan, người ký)   (highest, computed)
// Objects merge key by key; a list or a single value replaces the one below it.
import type { ProjectConfig } from '../config/config-schema.js';
import type { LoadedCriteriaSet } from '../criteria/load-criteria.js';

export type PlanData = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/** Deep merge, `over` winning; lists are replaced, not concatenated. */
export function mergeData(under: unknown, over: unknown): unknown {
  if (!isPlainObject(under) || !isPlainObject(over)) return over === undefined ? under : over;
  const out: Record<string, unknown> = { ...under };
  for (const [k, v] of Object.entries(over)) out[k] = mergeData(under[k], v);
  return out;
}

/** The criteria sets as template data: every key is always present (strict mode needs that). */
export function criteriaData(sets: readonly LoadedCriteriaSet[]) {
  const bo_tieu_chi = sets.map(({ set }) => ({
    ma: set.id,
    ten: set.title,
    /** Model code (criteria-schema MODELS), for (loc bo_tieu_chi "loai" "cong_dan_hoc_tap"). */
    loai: set.model,
    mo_hinh: set.model_name,
    doi_tuong: set.subject,
    nhom: set.subject_group?.label ?? '',
    so_tieu_chi: set.criteria.length,
    so_chi_so: set.criteria.reduce((a, c) => a + c.indicators.length, 0),
    diem_toi_da: set.scoring.max_total,
    diem_cong_nhan: set.scoring.recognition.min_total,
    van_ban: set.provenance.document,
    da_doi_chieu: set.provenance.verified,
    tieu_chi: set.criteria.map((c) => ({ ma: c.id, ten: c.title, diem: c.max, so_chi_so: c.indicators.length })),
  }));
  const models = [...new Set(bo_tieu_chi.map((b) => b.mo_hinh))];
  const mo_hinh = models.map((ten) => {
    const bo = bo_tieu_chi.filter((b) => b.mo_hinh === ten);
    return { ten, loai: bo[0].loai, so_bo: bo.length, bo };
  });
  return { bo_tieu_chi, mo_hinh };
}

export interface DocumentHeaderData {
  loai: string;
  so: string;
  ky_hieu: string;
  /** ISO date, or "" when written by hand. */
  ngay: string;
  trich_yeu: string;
  co_quan: { chu_quan: string; ten: string; viet_tat: string };
  nguoi_ky: { quyen_han: string; chuc_vu: string; ho_ten: string };
}

/**
 * THE data cascade (README "Dữ liệu cho mẫu văn bản"): criteria < hoctap.yaml < front matter
 * `du_lieu` < `van_ban`. Call without `header` for the data the front matter itself is rendered with.
 */
export function planData(
  config: ProjectConfig,
  sets: readonly LoadedCriteriaSet[],
  frontMatterData: Record<string, unknown> = {},
  header?: DocumentHeaderData,
): PlanData {
  let data = criteriaData(sets) as PlanData;
  data = mergeData(data, config) as PlanData;
  data = mergeData(data, { du_lieu: frontMatterData }) as PlanData;
  if (header) data = { ...data, van_ban: header };
  return data;
}
