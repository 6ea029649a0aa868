// Messages of the tally domain (sheet building).
import type { Catalog } from '../messages.js';

export const tally = {
  W_TALLY_PAGES: {
    vi: ['Phiếu đánh dấu "{file}" có {pages} trang, quá giới hạn {max} trang của mã trang', 'Chia danh sách người tham gia thành nhiều tệp.'],
    en: ['Tally sheet "{file}" has {pages} pages, over the page-code limit of {max}', 'Split the roster into several files.'],
  },
} satisfies Catalog;
