// The Handlebars helpers of plan templates: Vietnamese dates, numbers, rates, counts and lists
// (thin wrappers of locale/format-vi.ts) plus a few list tools. A helper given a wrong argument
// throws HelperError with the template position Handlebars hands it (options.loc).
import type { HelperOptions } from 'handlebars';
import type { MessageKey } from '../locale/messages.js';
import {
  formatCount, formatDateLong, formatDateShort, formatNumber, formatRate, formatWeekday, isRealDate,
  joinVi, sortVietnameseNames, toRoman, upperVi, type RateRounding,
} from '../locale/format-vi.js';

export interface HelperSettings {
  /** The campaign year: "MM-DD" dates fall in it. */
  nam: number;
  rounding: RateRounding;
  decimals: number;
}

/** Handlebars' 0-based column, 1-based line. */
export interface HbLoc {
  start: { line: number; column: number };
}

export class HelperError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number>,
    public loc?: HbLoc,
  ) {
    super(key);
  }
}

const argError = (helper: string, detail: string) => new HelperError('E_PLAN_HELPER_ARG', { helper, detail });

/**
 * A date argument → ISO "YYYY-MM-DD": an ISO date as is, "MM-DD" in year `nam` (so a template
 * date follows `nam` when the year changes), or a Date.
 */
export function resolveDate(value: unknown, nam: number): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = String(value ?? '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const parts = m ? { y: +m[1], m: +m[2], d: +m[3] } : (m = /^(\d{1,2})-(\d{1,2})$/.exec(s)) ? { y: nam, m: +m[1], d: +m[2] } : undefined;
  if (!parts || !isRealDate(parts)) throw new HelperError('E_PLAN_BAD_DATE', { value: s || '(trống)' });
  return `${parts.y}-${String(parts.m).padStart(2, '0')}-${String(parts.d).padStart(2, '0')}`;
}

const num = (helper: string, v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw argError(helper, `"${String(v)}" không phải là số`);
  return n;
};
const list = (helper: string, v: unknown): unknown[] => {
  if (!Array.isArray(v)) throw argError(helper, 'cần một danh sách');
  return v;
};
const field = (item: unknown, key?: unknown) =>
  key === undefined ? item : item && typeof item === 'object' ? (item as Record<string, unknown>)[String(key)] : undefined;

interface HelperSpec {
  /** Number of arguments accepted (Handlebars' options object excluded). */
  args: [min: number, max: number];
  /** Example and result, for the README and the unknown-helper hint. */
  example: string;
  fn: (args: unknown[], s: HelperSettings) => unknown;
}

export const HELPERS: Record<string, HelperSpec> = {
  ngay: { args: [1, 1], example: '{{ngay lich.tap_huan}} → ngày 14 tháng 3 năm 2026', fn: ([d], s) => formatDateLong(resolveDate(d, s.nam)) },
  ngay_ngan: { args: [1, 1], example: '{{ngay_ngan "03-14"}} → 14/3/2026', fn: ([d], s) => formatDateShort(resolveDate(d, s.nam)) },
  thu: { args: [1, 1], example: '{{thu lich.tap_huan}} → thứ Bảy', fn: ([d], s) => formatWeekday(resolveDate(d, s.nam)) },
  so: { args: [1, 2], example: '{{so 1376}} → 1.376', fn: ([n, dec]) => formatNumber(num('so', n), dec === undefined ? 2 : num('so', dec)) },
  ty_le: {
    args: [2, 2], example: '{{ty_le 505 511}} → 98,82%',
    fn: ([a, b], s) => {
      if (num('ty_le', b) === 0) throw argError('ty_le', 'tổng số bằng 0');
      return formatRate(num('ty_le', a), num('ty_le', b), s.rounding, s.decimals);
    },
  },
  so_luong: { args: [1, 2], example: '{{so_luong 3 "đơn vị"}} → 03 đơn vị', fn: ([n, unit]) => formatCount(num('so_luong', n), unit === undefined ? '' : String(unit)) },
  la_ma: {
    args: [1, 1], example: '{{la_ma 4}} → IV',
    fn: ([n]) => {
      const v = num('la_ma', n);
      if (!Number.isInteger(v) || v < 1 || v > 3999) throw argError('la_ma', `${v} không viết được bằng số La Mã`);
      return toRoman(v);
    },
  },
  in_hoa: { args: [1, 1], example: '{{in_hoa phuong.ten}} → PHƯỜNG BÌNH MINH', fn: ([t]) => upperVi(String(t ?? '')) },
  noi: { args: [1, 2], example: '{{noi don_vi "ten"}} → Khu phố 1, Khu phố 2 và Khu phố 3', fn: ([l, key]) => joinVi(list('noi', l).map((x) => String(field(x, key) ?? ''))) },
  sap_xep_ten: {
    args: [1, 2], example: '{{#each (sap_xep_ten du_lieu.cong_nhan "ho_ten")}} … {{/each}}',
    fn: ([l, key]) => sortVietnameseNames(list('sap_xep_ten', l), key === undefined ? undefined : String(key)),
  },
  loc: { args: [3, 3], example: '{{#each (loc don_vi "loai" "khu_pho")}} … {{/each}}', fn: ([l, key, value]) => list('loc', l).filter((x) => String(field(x, key)) === String(value)) },
  dem: { args: [1, 1], example: '{{dem (loc don_vi "loai" "khu_pho")}} → 4', fn: ([l]) => list('dem', l).length },
  tong: { args: [1, 2], example: '{{so (tong du_lieu.ket_qua.theo_don_vi "dat")}} → 505', fn: ([l, key]) => list('tong', l).reduce<number>((a, x) => a + num('tong', field(x, key)), 0) },
  cong: { args: [2, 2], example: '{{cong nam 1}} → 2027', fn: ([a, b]) => num('cong', a) + num('cong', b) },
  tru: { args: [2, 2], example: '{{tru nam 1}} → 2025', fn: ([a, b]) => num('tru', a) - num('tru', b) },
  stt: { args: [1, 1], example: '{{stt @index}} → 1, 2, 3 … (số thứ tự trong {{#each}})', fn: ([i]) => num('stt', i) + 1 },
  bang: { args: [2, 2], example: '{{#if (bang loai "khu_pho")}} … {{/if}}', fn: ([a, b]) => String(a) === String(b) },
};

/** Handlebars-callable helpers bound to one project's settings; errors carry the call's position. */
export function boundHelpers(settings: HelperSettings): Record<string, (...args: unknown[]) => unknown> {
  const out: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, spec] of Object.entries(HELPERS)) {
    out[name] = (...all: unknown[]) => {
      const options = all.pop() as HelperOptions & { loc?: HbLoc };
      try {
        const [min, max] = spec.args;
        if (all.length < min || all.length > max)
          throw new HelperError('E_PLAN_HELPER_ARITY', { helper: name, count: all.length, expected: min === max ? String(min) : `${min}–${max}`, example: spec.example });
        return spec.fn(all, settings);
      } catch (e) {
        if (e instanceof HelperError) {
          e.loc ??= options?.loc;
          throw e;
        }
        throw Object.assign(argError(name, (e as Error).message), { loc: options?.loc });
      }
    };
  }
  return out;
}
