// Vietnamese formatting helpers, as tables of cases (NĐ30 date zero rule, separators, rates).
import { describe, expect, it } from 'vitest';
import {
  compareVietnameseNames, formatCount, formatDateLong, formatDateShort, formatNumber, formatRate, formatWeekday,
  fromRoman, joinVi, pointLetter, sortVietnameseNames, toRoman, upperVi,
} from '../../src/locale/format-vi.js';
import { boundHelpers, resolveDate } from '../../src/plans/template-helpers.js';

describe('dates (NĐ30 Phụ lục I: days 1–9 and months 1–2 with a leading zero)', () => {
  it.each([
    ['2023-06-05', 'ngày 05 tháng 6 năm 2023', '05/6/2023'],
    ['2023-02-01', 'ngày 01 tháng 02 năm 2023', '01/02/2023'],
    ['2023-02-28', 'ngày 28 tháng 02 năm 2023', '28/02/2023'],
    ['2023-03-12', 'ngày 12 tháng 3 năm 2023', '12/3/2023'],
    ['2022-07-28', 'ngày 28 tháng 7 năm 2022', '28/7/2022'],
    ['2026-12-18', 'ngày 18 tháng 12 năm 2026', '18/12/2026'],
    ['2026-01-09', 'ngày 09 tháng 01 năm 2026', '09/01/2026'],
  ])('%s → "%s", "%s"', (iso, long, short) => {
    expect(formatDateLong(iso)).toBe(long);
    expect(formatDateShort(iso)).toBe(short);
  });
  it.each([['2026-12-18', 'thứ Sáu'], ['2018-03-01', 'thứ Năm'], ['2026-03-15', 'Chủ nhật'], ['2026-03-14', 'thứ Bảy']])('%s is %s', (iso, day) =>
    expect(formatWeekday(iso)).toBe(day));
  it.each([['2026-02-30'], ['2026-13-01'], ['10/02/2026'], ['']])('rejects %j', (bad) => expect(() => formatDateLong(bad)).toThrow());
  it.each([
    ['03-14', 2026, '2026-03-14'],
    ['03-14', 2027, '2027-03-14'],
    ['2026-03-14', 2030, '2026-03-14'],
    ['2-9', 2026, '2026-02-09'],
  ])('resolveDate(%j, nam %i) → %s', (v, nam, iso) => expect(resolveDate(v, nam)).toBe(iso));
  it('rejects an impossible month-day', () => expect(() => resolveDate('02-30', 2026)).toThrow());
});

describe('numbers, rates, counts', () => {
  it.each([[1376, '1.376'], [1500000, '1.500.000'], [8.5, '8,5'], [98.82, '98,82'], [0, '0'], [-1234.5, '-1.234,5'], [12, '12']])('formatNumber(%d) → %s', (n, s) =>
    expect(formatNumber(n)).toBe(s));
  it.each([
    [505, 511, 'cat_bo', '98,82%'],
    [505, 511, 'lam_tron', '98,83%'],
    [438, 440, 'cat_bo', '99,54%'],
    [438, 440, 'lam_tron', '99,55%'],
    [67, 71, 'cat_bo', '94,36%'],
    [511, 511, 'cat_bo', '100%'],
    [1, 2, 'cat_bo', '50%'],
    [1, 3, 'lam_tron', '33,33%'],
    [2, 3, 'lam_tron', '66,67%'],
    [2, 3, 'cat_bo', '66,66%'],
    [29, 100, 'cat_bo', '29%'],
    [1290, 1376, 'cat_bo', '93,75%'],
    [0, 7, 'cat_bo', '0%'],
  ] as const)('%i/%i with %s → %s', (a, b, mode, s) => expect(formatRate(a, b, mode)).toBe(s));
  it('a rate over zero is an error, not "NaN%"', () => expect(() => formatRate(1, 0)).toThrow());
  it.each([[3, 'đơn vị', '03 đơn vị'], [4, 'bộ tiêu chí', '04 bộ tiêu chí'], [10, 'khu phố', '10 khu phố'], [0, 'người', '0 người'], [1376, '', '1.376']])('formatCount(%i, %j) → %s', (n, u, s) =>
    expect(formatCount(n, u)).toBe(s));
});

describe('Roman numerals, point letters, upper case, lists', () => {
  it.each([[1, 'I'], [4, 'IV'], [9, 'IX'], [14, 'XIV'], [40, 'XL'], [2026, 'MMXXVI']])('%i ↔ %s', (n, r) => {
    expect(toRoman(n)).toBe(r);
    expect(fromRoman(r)).toBe(n);
  });
  it('rejects what is not a Roman numeral', () => {
    expect(() => toRoman(0)).toThrow();
    expect(fromRoman('IIII')).toBeNaN();
  });
  it.each([[1, 'a'], [4, 'd'], [5, 'đ'], [6, 'e'], [7, 'g'], [23, 'y']])('point %i is %s)', (n, l) => expect(pointLetter(n)).toBe(l));
  it.each([
    ['Hội khuyến học phường Bình Minh', 'HỘI KHUYẾN HỌC PHƯỜNG BÌNH MINH'],
    ['đường Điện Biên Phủ', 'ĐƯỜNG ĐIỆN BIÊN PHỦ'],
    ['ủy ban nhân dân', 'ỦY BAN NHÂN DÂN'],
    ['Hòa'.normalize('NFD'), 'HÒA'],
    ['ưu tiên, ơn nghĩa', 'ƯU TIÊN, ƠN NGHĨA'],
  ])('upperVi(%j) → %s', (s, u) => {
    expect(upperVi(s)).toBe(u);
    expect(upperVi(s)).toBe(upperVi(s).normalize('NFC'));
  });
  it.each([[[], ''], [['a'], 'a'], [['a', 'b'], 'a và b'], [['Khu phố 1', 'Khu phố 2', 'Khu phố 3'], 'Khu phố 1, Khu phố 2 và Khu phố 3']])('joinVi(%j) → %j', (l, s) =>
    expect(joinVi(l)).toBe(s));
});

describe('Vietnamese name order: given name, then family name, then middle names', () => {
  it('sorts a ward list as Vietnamese lists do', () => {
    const names = ['Trần Thị An', 'Lê Văn Bình', 'Nguyễn Văn An', 'Đặng Văn Đức', 'Võ Thị Dung', 'Lê Thị Ánh', 'Phạm Ư', 'Phạm U', 'Lê Thị An'];
    expect(sortVietnameseNames(names)).toEqual(['Lê Thị An', 'Nguyễn Văn An', 'Trần Thị An', 'Lê Thị Ánh', 'Lê Văn Bình', 'Võ Thị Dung', 'Đặng Văn Đức', 'Phạm U', 'Phạm Ư']);
  });
  it.each([
    ['Trần Thị An', 'Lê Văn Bình', -1],
    ['Lê Thị An', 'Trần Thị An', -1],
    ['Nguyễn Văn Dung', 'Nguyễn Văn Đức', -1],
    ['Ngô Ông', 'Ngô Ơn', -1],
  ])('%s before %s', (a, b) => expect(Math.sign(compareVietnameseNames(a, b))).toBe(-1));
  it('sorts objects by a key', () =>
    expect(sortVietnameseNames([{ ho_ten: 'B Văn Cường' }, { ho_ten: 'A Thị Bảo' }], 'ho_ten').map((x) => x.ho_ten)).toEqual(['A Thị Bảo', 'B Văn Cường']));
});

describe('Handlebars helpers follow hoctap.yaml (nam, ty_le)', () => {
  const opts = { loc: { start: { line: 1, column: 0 } } };
  const cut = boundHelpers({ nam: 2026, rounding: 'cat_bo', decimals: 2 });
  const round = boundHelpers({ nam: 2027, rounding: 'lam_tron', decimals: 2 });
  it.each([
    ['ngay', ['02-10'], 'ngày 10 tháng 02 năm 2026', 'ngày 10 tháng 02 năm 2027'],
    ['ngay_ngan', ['03-14'], '14/3/2026', '14/3/2027'],
    ['ty_le', [505, 511], '98,82%', '98,83%'],
    ['so', [1376], '1.376', '1.376'],
    ['so_luong', [3, 'đơn vị'], '03 đơn vị', '03 đơn vị'],
    ['la_ma', [4], 'IV', 'IV'],
    ['noi', [[{ ten: 'A' }, { ten: 'B' }], 'ten'], 'A và B', 'A và B'],
    ['stt', [0], 1, 1],
    ['dem', [[1, 2, 3]], 3, 3],
    ['tong', [[{ d: 2 }, { d: 3 }], 'd'], 5, 5],
  ] as const)('%s(%j) → %j (2026, cat_bo) / %j (2027, lam_tron)', (name, args, a, b) => {
    expect(cut[name](...args, opts)).toBe(a);
    expect(round[name](...args, opts)).toBe(b);
  });
});
