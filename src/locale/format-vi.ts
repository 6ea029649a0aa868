// Vietnamese formatting for documents: dates (Nghị định 30/2020 zero rule), numbers with
// decimal comma and dot thousands, rates, Roman numerals, upper case, lists, name order, slugs.

/** "ngày 05 tháng 6 năm 2023": days 1–9 and months 1–2 get a leading zero (NĐ30 Phụ lục I). */
export function formatDateLong(iso: string | Date): string {
  const { d, m, y } = parts(iso);
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/** "28/7/2022": day as written in body citations, month without padding. */
export function formatDateShort(iso: string | Date): string {
  const { d, m, y } = parts(iso);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}

function parts(iso: string | Date) {
  if (iso instanceof Date) return { d: iso.getUTCDate(), m: iso.getUTCMonth() + 1, y: iso.getUTCFullYear() };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
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
