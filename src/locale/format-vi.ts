// Vietnamese formatting for documents: dates (Nghị định 30/2020 zero rule), numbers with
// decimal comma and dot thousands, rates, counts, Roman numerals, upper case, lists, name order,
// slugs. Pure functions; the plan templates reach them as Handlebars helpers (plans/template-helpers).

/** A calendar date without time zone: the documents never need hours. */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * NĐ30 Phụ lục I: days 1–9 and months 1–2 get a leading zero, months 3–12 do not
 * ("ngày 05 tháng 6 năm 2023", "ngày 01 tháng 02 năm 2023"). The reason given is tampering
 * (1 → 11, 2 → 12), so the short form follows the same rule.
 */
const dayText = (d: number) => pad2(d);
const monthText = (m: number) => (m <= 2 ? pad2(m) : String(m));

/** "2026-03-14" (or a Date, read in UTC) → its parts; throws on anything else or an impossible day. */
export function parseIsoDate(iso: string | Date): CalendarDate {
  if (iso instanceof Date) return { d: iso.getUTCDate(), m: iso.getUTCMonth() + 1, y: iso.getUTCFullYear() };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso).trim());
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (!isRealDate(date)) throw new RangeError(`no such day: ${iso}`);
  return date;
}

export function isRealDate({ y, m, d }: CalendarDate): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "ngày 05 tháng 6 năm 2023": the long form of the place-and-date line and of citations. */
export function formatDateLong(iso: string | Date): string {
  const { d, m, y } = parseIsoDate(iso);
  return `ngày ${dayText(d)} tháng ${monthText(m)} năm ${y}`;
}

/** "28/7/2022", "05/6/2023", "10/02/2026": the short form used inside body text. */
export function formatDateShort(iso: string | Date): string {
  const { d, m, y } = parseIsoDate(iso);
  return `${dayText(d)}/${monthText(m)}/${y}`;
}

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "thứ Sáu" (as the seed writes "(thứ Năm)"); "Chủ nhật" for Sunday. */
export function formatWeekday(iso: string | Date): string {
  const { d, m, y } = parseIsoDate(iso);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** 1376 → "1.376"; 8.5 → "8,5" (at most `decimals` digits, no trailing zeros). */
export function formatNumber(n: number, decimals = 2): string {
  const f = 10 ** decimals;
  const v = Math.round(n * f) / f;
  const [int, frac] = Math.abs(v).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const tail = frac?.replace(/0+$/, '');
  return `${v < 0 ? '-' : ''}${grouped}${tail ? `,${tail}` : ''}`;
}

/** How a rate is cut to its decimals (hoctap.yaml `ty_le.lam_tron`). */
export type RateRounding = 'cat_bo' | 'lam_tron';

/**
 * part/whole as a percentage: 505/511 → "98,82%" with `cat_bo` (truncation, what local reports
 * print), "98,83%" with `lam_tron` (half up). Integer arithmetic, so 0,29 never becomes 28,99.
 * Trailing zeros are dropped: 511/511 → "100%", 1/2 → "50%". Throws when whole is 0.
 */
export function formatRate(part: number, whole: number, rounding: RateRounding = 'cat_bo', decimals = 2): string {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole === 0) throw new RangeError(`no rate for ${part}/${whole}`);
  const scale = 10 ** (decimals + 2);
  const sign = part * whole < 0 ? -1 : 1;
  const [p, w] = [Math.abs(part), Math.abs(whole)];
  // Work in units of 10^-decimals percent; inputs are counts, so p*scale stays exact.
  const units = rounding === 'cat_bo' ? Math.floor((p * scale) / w + 1e-9) : Math.floor((2 * p * scale + w) / (2 * w) + 1e-9);
  return `${formatNumber((sign * units) / 10 ** decimals, decimals)}%`;
}

/**
 * Counts in administrative style: below 10 with a leading zero ("03 đơn vị", "04 bộ tiêu chí"),
 * from 10 with dot thousands ("1.376 gia đình"); 0 stays "0". A widespread habit, not a rule of NĐ30.
 */
export function formatCount(n: number, unit = ''): string {
  const text = Number.isInteger(n) && n > 0 && n < 10 ? pad2(n) : formatNumber(n);
  return unit ? `${text} ${unit}` : text;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 4 → "IV" (section numbers I., II. …); 1–3999. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`no Roman numeral for ${n}`);
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) (out += s), (n -= v);
  return out;
}

/** "IV" → 4; NaN when not a Roman numeral. */
export function fromRoman(s: string): number {
  const t = s.toUpperCase();
  if (!/^[MDCLXVI]+$/.test(t)) return NaN;
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN.find(([, r]) => r === t[i])![0];
    const next = i + 1 < t.length ? ROMAN.find(([, r]) => r === t[i + 1])![0] : 0;
    n += v < next ? -v : v;
  }
  return toRoman(n) === t ? n : NaN;
}

/** Vietnamese letters for points a), b) … (no f, j, w, z; đ after d), as NĐ30 numbering uses. */
export const VI_POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** 1 → "a", 5 → "đ", 24 → "aa". */
export function pointLetter(n: number): string {
  const k = VI_POINT_LETTERS.length;
  return n <= k ? VI_POINT_LETTERS[n - 1] : VI_POINT_LETTERS[Math.floor((n - 1) / k) - 1] + VI_POINT_LETTERS[(n - 1) % k];
}

/**
 * Upper case for Vietnamese: NFC first, so a tone mark typed as a combining character (NFD
 * from macOS or Word) stays on its letter: "Hội khuyến học" → "HỘI KHUYẾN HỌC", "đ" → "Đ".
 */
export function upperVi(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi').normalize('NFC');
}

/** ["a"] → "a"; ["a","b"] → "a và b"; ["a","b","c"] → "a, b và c". */
export function joinVi(items: readonly string[], last = 'và'): string {
  const list = items.map((s) => String(s).trim()).filter(Boolean);
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} ${last} ${list.at(-1)}`;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const collatorExact = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/**
 * Order of names in Vietnamese lists: by given name (the last word), then family name (the
 * first word), then the middle names, with the Vietnamese alphabet (a ă â b c d đ e ê … ơ u ư,
 * tones secondary) from Intl.Collator('vi'). "Trần Thị An" comes before "Lê Văn Bình", and
 * "Lê Thị An" before "Trần Thị An". Ties fall back to the exact text, so the order is total.
 */
export function compareVietnameseNames(a: string, b: string): number {
  const key = (name: string) => {
    const words = name.normalize('NFC').trim().split(/\s+/);
    return [words.at(-1) ?? '', words.length > 1 ? words[0] : '', words.slice(1, -1).join(' ')];
  };
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) {
    const c = collator.compare(ka[i], kb[i]);
    if (c) return c;
  }
  return collatorExact.compare(a, b);
}

/** A copy of `items` sorted by name (or by `item[key]` for objects), see compareVietnameseNames. */
export function sortVietnameseNames<T>(items: readonly T[], key?: string): T[] {
  const nameOf = (x: T) => String(key ? (x as Record<string, unknown>)[key] ?? '' : x);
  return [...items].sort((a, b) => compareVietnameseNames(nameOf(a), nameOf(b)));
}

/** The slug of a Vietnamese text for file names: "Khu phố Đông Hòa" → "khu-pho-dong-hoa". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
