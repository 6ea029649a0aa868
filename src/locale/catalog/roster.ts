// Messages about roster CSV files (--roster).
import type { Catalog } from '../messages.js';

export const roster = {
  E_ROSTER_HEADER: {
    vi: ['Dòng đầu của danh sách thiếu cột "Họ và tên" (đang có: {found})', 'Dòng đầu phải là tên cột, ví dụ: Họ và tên;Năm sinh;Giới tính;Khu phố / Đơn vị;Nhóm đối tượng.'],
    en: ['The roster header has no "Họ và tên" column (found: {found})', 'The first line must name the columns, e.g. Họ và tên;Năm sinh;Giới tính;Khu phố / Đơn vị;Nhóm đối tượng.'],
  },
  W_ROSTER_NO_NAME: {
    vi: ['Dòng thiếu họ và tên nên đã bỏ qua', 'Điền họ và tên rồi tạo lại phiếu.'],
    en: ['Row has no name and was skipped', 'Fill in the name and rebuild.'],
  },
  W_ROSTER_GROUP: {
    vi: ['{name}: không có nhóm đối tượng "{group}" nên đã bỏ qua', 'Ghi một trong các nhóm: {allowed}.'],
    en: ['{name}: unknown subject group "{group}", row skipped', 'Use one of: {allowed}.'],
  },
  W_ROSTER_SKIPPED: {
    vi: ['Đã bỏ qua {count} dòng của danh sách; các dòng khác vẫn được in', ''],
    en: ['{count} roster rows were skipped; the others were built', ''],
  },
} satisfies Catalog;
