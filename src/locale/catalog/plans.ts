// Messages of the plans domain: templates/*.md.hbs (front matter, Handlebars, markup).
// Each entry: [message, hint]; "Gợi ý: " is added when printed.
import type { Catalog } from '../messages.js';

export const plans = {
  E_PLAN_FM_MISSING: {
    vi: ['Mẫu văn bản phải bắt đầu bằng phần đầu (front matter) giữa hai dòng "---"', 'Dòng 1 là "---", tiếp theo các dòng loai:, co_quan:, nguoi_ky:, trich_yeu:, rồi một dòng "---" trước nội dung. Xem các mẫu đi kèm trong templates/.'],
    en: ['A document template must start with front matter between two "---" lines', 'Line 1 is "---", then loai:, co_quan:, nguoi_ky:, trich_yeu:, then a "---" line before the body. See the shipped templates.'],
  },
  E_PLAN_FM_UNCLOSED: {
    vi: ['Phần đầu mở bằng "---" nhưng không có dòng "---" đóng lại', 'Thêm một dòng chỉ có "---" sau dòng cuối của phần đầu (trước nội dung văn bản).'],
    en: ['Front matter opened with "---" is never closed', 'Add a line with just "---" after the last front-matter line.'],
  },
  E_PLAN_FM_QUOTE: {
    vi: ['Giá trị bắt đầu bằng "{{" phải đặt trong dấu ngoặc kép', 'Viết ví dụ: ngay: "{{lich.ban_hanh_ke_hoach}}" (YAML hiểu dấu "{" đầu giá trị là một mục con).'],
    en: ['A value starting with "{{" must be quoted', 'Write e.g. ngay: "{{lich.ban_hanh_ke_hoach}}" (YAML reads a leading "{" as a mapping).'],
  },
  E_PLAN_UNKNOWN_KEY: {
    vi: ['{field}: "{name}" không có trong hoctap.yaml', 'Dùng một khóa có trong mục {field} của hoctap.yaml: {allowed}.'],
    en: ['{field}: "{name}" is not in hoctap.yaml', 'Use a key of {field} in hoctap.yaml: {allowed}.'],
  },
  E_PLAN_BAD_DATE: {
    vi: ['Ngày "{value}" không hợp lệ', 'Viết NĂM-THÁNG-NGÀY (2026-03-14), hoặc THÁNG-NGÀY (03-14) để lấy năm theo "nam" trong hoctap.yaml; kiểm tra ngày có thật (không có 31-02).'],
    en: ['Date "{value}" is not valid', 'Write YEAR-MONTH-DAY (2026-03-14) or MONTH-DAY (03-14) for the year of "nam"; check the day exists.'],
  },
  E_PLAN_UNKNOWN_VAR: {
    vi: ['Không có dữ liệu "{name}"', 'Kiểm tra chính tả, hoặc thêm "{name}" vào du_lieu (trong hoctap.yaml hoặc phần đầu của mẫu). Dữ liệu có ở đây: {known}.'],
    en: ['No data named "{name}"', 'Check the spelling, or add "{name}" under du_lieu (in hoctap.yaml or the template front matter). Available here: {known}.'],
  },
  E_PLAN_UNKNOWN_HELPER: {
    vi: ['Không có hàm "{name}"', 'Các hàm dùng được: {helpers}.'],
    en: ['No helper named "{name}"', 'Available helpers: {helpers}.'],
  },
  E_PLAN_HELPER_ARG: {
    vi: ['Hàm {helper}: {detail}', 'Kiểm tra giá trị đưa vào hàm (số viết không có dấu chấm, danh sách là mục có dấu "- ").'],
    en: ['Helper {helper}: {detail}', 'Check the value passed to the helper.'],
  },
  E_PLAN_HELPER_ARITY: {
    vi: ['Hàm {helper} nhận {expected} giá trị nhưng được đưa {count}', 'Ví dụ: {example}.'],
    en: ['Helper {helper} takes {expected} arguments but got {count}', 'Example: {example}.'],
  },
  E_PLAN_BLOCK_MISMATCH: {
    vi: ['Khối {{#{open}}} lại được đóng bằng {{/{close}}}', 'Mỗi {{#{open}}} phải đóng bằng {{/{open}}}; kiểm tra thứ tự đóng các khối lồng nhau.'],
    en: ['Block {{#{open}}} is closed by {{/{close}}}', 'Close each {{#{open}}} with {{/{open}}}; check the order of nested blocks.'],
  },
  E_PLAN_UNCLOSED_BLOCK: {
    vi: ['Khối {{#{name}}} mở ở đây nhưng không được đóng', 'Thêm {{/{name}}} ở cuối phần cần lặp hoặc điều kiện.'],
    en: ['Block {{#{name}}} opened here is never closed', 'Add {{/{name}}} where the block should end.'],
  },
  E_PLAN_SYNTAX: {
    vi: ['Lỗi cú pháp trong {{…}}: {detail}', 'Kiểm tra mỗi "{{" có "}}" đóng, tên dữ liệu không có dấu cách, chữ trong ngoặc kép đóng mở đủ.'],
    en: ['Syntax error in {{…}}: {detail}', 'Check every "{{" has its "}}", names have no spaces and quotes are balanced.'],
  },
  E_PLAN_TEMPLATE: {
    vi: ['Không dựng được văn bản từ mẫu: {detail}', 'Kiểm tra đoạn {{…}} ở vị trí này.'],
    en: ['Cannot render the template: {detail}', 'Check the {{…}} at this position.'],
  },
  E_PLAN_TABLE_HEADER: {
    vi: ['Bảng thiếu dòng kẻ dưới hàng tiêu đề', 'Dòng thứ hai của bảng phải là dòng kẻ như |---|---|, mỗi cột một đoạn "---".'],
    en: ['Table lacks the separator line under its header row', 'The second table line must be like |---|---|, one "---" per column.'],
  },
  E_PLAN_TABLE_CELLS: {
    vi: ['Hàng của bảng có {count} ô, thiếu so với {expected} cột', 'Thêm ô còn thiếu (mỗi ô nằm giữa hai dấu "|"); ô trống viết "| |".'],
    en: ['Table row has {count} cells, fewer than its {expected} columns', 'Add the missing cell (each between two "|"); write "| |" for an empty one.'],
  },
  E_PLAN_TABLE_EXTRA: {
    vi: ['Hàng của bảng có {count} ô, nhiều hơn {expected} cột', 'Bớt ô thừa, hoặc viết "\\|" nếu cần dấu "|" trong chữ.'],
    en: ['Table row has {count} cells, more than its {expected} columns', 'Remove the extra cell, or write "\\|" for a literal bar.'],
  },
  E_PLAN_LICH_YEAR: {
    vi: ['lich.{key} là ngày {date}, không thuộc năm {nam} (nam trong hoctap.yaml)', 'Khi đổi "nam", sửa cả các ngày trong mục lich, ví dụ {fixed}, để văn bản không in ngày của năm cũ.'],
    en: ['lich.{key} is {date}, not in year {nam} (hoctap.yaml nam)', 'When you change "nam", update the lich dates too, e.g. {fixed}, so no document prints last year\'s date.'],
  },
} satisfies Catalog;
