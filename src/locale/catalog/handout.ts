// Messages of the handout domain (training handouts, booklet, slides). Template syntax and
// data-name errors come from the plans' renderer (E_PLAN_*), which the handouts share.
// Each entry: [message, hint]; {name} marks a parameter.
import type { Catalog } from '../messages.js';

export const handout = {
  E_HANDOUT_PICTURE_UNKNOWN: {
    vi: ['Không có hình "{name}"', 'Hình minh họa cho bước: {pictograms}. Hình dấu trên phiếu: @dung:<dấu> hoặc @sai:<dấu>, dấu là {marks} (nối nhiều ô bằng "+").'],
    en: ['No picture named "{name}"', 'Step pictures: {pictograms}. Mark pictures: @dung:<mark> or @sai:<mark>, mark one of {marks} (join boxes with "+").'],
  },
  E_HANDOUT_BLOCK_UNKNOWN: {
    vi: ['Không có khối dữ liệu [[{name}]]', 'Các khối dùng được ở đây: {allowed}.'],
    en: ['No data block [[{name}]]', 'Blocks available here: {allowed}.'],
  },
  W_HANDOUT_BLOCK_MISSING: {
    vi: ['Tài liệu tập huấn thiếu khối [[{name}]] ({what})', 'Thêm một dòng [[{name}]] vào một tệp trong {dir}.'],
    en: ['The training handout lacks the [[{name}]] block ({what})', 'Add a line [[{name}]] to a file in {dir}.'],
  },
  E_HANDOUT_TEMPLATES_NONE: {
    vi: ['Thư mục {dir} không có mẫu tài liệu tập huấn (*.md.hbs)', 'Chép lại thư mục templates/tap-huan từ bộ cài hoctap, hoặc xóa thư mục này để dùng mẫu có sẵn.'],
    en: ['Folder {dir} holds no training templates (*.md.hbs)', 'Copy templates/tap-huan from the hoctap package, or delete the folder to use the built-in ones.'],
  },
  W_HANDOUT_NO_CONTACTS: {
    vi: ['hoctap.yaml chưa có người liên hệ (lien_he): tài liệu tập huấn không ghi được số điện thoại để hỏi', 'Thêm mục lien_he với ho_ten, vai_tro, dien_thoai.'],
    en: ['hoctap.yaml has no contacts (lien_he): the handout cannot say whom to call', 'Add lien_he entries with ho_ten, vai_tro, dien_thoai.'],
  },
  W_HANDOUT_NO_DATE: {
    vi: ['Bước "{step}" chưa có ngày: không có trong lich của hoctap.yaml, cũng không có trong procedure của bộ {id}', 'Thêm lich.{step}: {year}-MM-DD vào hoctap.yaml.'],
    en: ['Step "{step}" has no date: neither hoctap.yaml lich nor the procedure of set {id} gives one', 'Add lich.{step}: {year}-MM-DD to hoctap.yaml.'],
  },
} satisfies Catalog;
