// Messages of the foundation: files, YAML, schemas, config, CLI. {name} marks a parameter.
// Each entry: [message, hint]; the hint says how to fix it ("Gợi ý: …" is added when printed).
import type { Catalog } from '../messages.js';

export const core = {
  E_FILE_READ: {
    vi: ['Không đọc được tệp: {detail}', 'Kiểm tra tên tệp và quyền đọc.'],
    en: ['Cannot read file: {detail}', 'Check the file name and read permission.'],
  },
  E_FILE_WRITE: {
    vi: ['Không ghi được tệp: {detail}', 'Kiểm tra thư mục đầu ra có tồn tại và ghi được, và tệp không đang mở trong chương trình khác.'],
    en: ['Cannot write file: {detail}', 'Check that the output folder exists and is writable, and the file is not open elsewhere.'],
  },
  E_CONFIG_MISSING: {
    vi: ['Không tìm thấy tệp cấu hình {file}', 'Chạy lệnh trong thư mục dự án, dùng --config <tệp>, hoặc tạo dự án mới bằng "hoctap init <thư mục>".'],
    en: ['Config file {file} not found', 'Run inside the project folder, pass --config <file>, or start one with "hoctap init <folder>".'],
  },
  E_YAML_SYNTAX: {
    vi: ['Lỗi cú pháp YAML: {detail}', 'Kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu ":" sau mỗi khóa và dấu ngoặc kép đóng mở đủ.'],
    en: ['YAML syntax error: {detail}', 'Check indentation (spaces, not tabs), a ":" after each key and balanced quotes.'],
  },
  E_YAML_DUPLICATE_KEY: {
    vi: ['Khóa "{name}" bị lặp lại trong cùng một mục', 'Xóa hoặc đổi tên một trong hai khóa.'],
    en: ['Key "{name}" appears twice in the same mapping', 'Remove or rename one of them.'],
  },
  E_SCHEMA_UNKNOWN_KEY: {
    vi: ['Khóa "{name}" không được hỗ trợ ở đây', 'Kiểm tra chính tả; các khóa hợp lệ: {allowed}.'],
    en: ['Key "{name}" is not allowed here', 'Check the spelling; valid keys: {allowed}.'],
  },
  E_SCHEMA_MISSING: {
    vi: ['Thiếu mục bắt buộc "{name}"', 'Thêm "{name}:" vào {parent}.'],
    en: ['Required field "{name}" is missing', 'Add "{name}:" to {parent}.'],
  },
  E_SCHEMA_TYPE: {
    vi: ['"{name}" phải là {expected}, nhưng đang là {received}', 'Sửa giá trị cho đúng kiểu; chữ có dấu nên đặt trong dấu ngoặc kép.'],
    en: ['"{name}" must be {expected}, but is {received}', 'Fix the value type; quote text that contains special characters.'],
  },
  E_SCHEMA_VALUE: {
    vi: ['Giá trị của "{name}" không hợp lệ: {detail}', 'Xem ví dụ trong các tệp mẫu đi kèm.'],
    en: ['Invalid value for "{name}": {detail}', 'See the shipped sample files for examples.'],
  },
  E_SCHEMA_EMPTY: {
    vi: ['"{name}" không được để trống', 'Ghi nội dung vào giữa hai dấu ngoặc kép, hoặc xóa dòng này nếu mục không bắt buộc.'],
    en: ['"{name}" must not be empty', 'Write the text between the quotes, or remove the line if the field is optional.'],
  },
  E_SCHEMA_RANGE: {
    vi: ['"{name}" phải {bound}', 'Sửa con số cho nằm trong khoảng cho phép.'],
    en: ['"{name}" must be {bound}', 'Change the number to lie within the allowed range.'],
  },
  W_AT_LEAST: { vi: ['từ {n} trở lên', ''], en: ['at least {n}', ''] },
  W_ABOVE: { vi: ['lớn hơn {n}', ''], en: ['greater than {n}', ''] },
  W_AT_MOST: { vi: ['không quá {n}', ''], en: ['at most {n}', ''] },
  W_BELOW: { vi: ['nhỏ hơn {n}', ''], en: ['less than {n}', ''] },
  W_AT_LEAST_ITEMS: { vi: ['có ít nhất {n} mục', ''], en: ['have at least {n} items', ''] },
  W_ROOT: { vi: ['(cả tệp)', ''], en: ['(the whole file)', ''] },
  E_SCHEMA_ENUM: {
    vi: ['"{name}" phải là một trong: {allowed}', 'Chọn một giá trị trong danh sách.'],
    en: ['"{name}" must be one of: {allowed}', 'Pick one of the listed values.'],
  },
  E_INTERNAL: {
    vi: ['Lỗi nội bộ của hoctap: {detail}', 'Đây là lỗi của chương trình, không phải của bạn. Hãy gửi thông báo này (kèm phiên bản {version}) cho nhóm phát triển.'],
    en: ['Internal hoctap error: {detail}', 'This is a bug, not your mistake. Please report this message (version {version}) to the developers.'],
  },
  E_CLI_USAGE: {
    vi: ['Lệnh không hợp lệ: {detail}', 'Xem "hoctap --help".'],
    en: ['Invalid command: {detail}', 'See "hoctap --help".'],
  },
  E_FONT_FILE: {
    vi: ['Không dùng được phông chữ {file}: {detail}', 'Chỉ định tệp .ttf (không dùng .woff2); bỏ mục phong_chu để dùng phông Tinos đi kèm.'],
    en: ['Cannot use font {file}: {detail}', 'Point to a .ttf file (not .woff2); remove phong_chu to use the bundled Tinos.'],
  },
  E_FONT_GLYPHS: {
    vi: ['Phông chữ {file} thiếu {count} chữ tiếng Việt: {letters}', 'Dùng phông Unicode đầy đủ tiếng Việt, ví dụ Times New Roman (times.ttf) hoặc bỏ mục phong_chu.'],
    en: ['Font {file} lacks {count} Vietnamese letters: {letters}', 'Use a font with full Vietnamese coverage, e.g. Times New Roman (times.ttf), or remove phong_chu.'],
  },
  W_UNVERIFIED_SET: {
    vi: ['Bộ tiêu chí "{id}" là BẢN MẪU, chưa đối chiếu văn bản gốc', 'Đối chiếu với văn bản của địa phương, sửa điểm nếu cần rồi đặt "verified: true".'],
    en: ['Criteria set "{id}" is an unverified sample', 'Check it against the local document, fix the points, then set "verified: true".'],
  },
  W_SUPERSEDED_SET: {
    vi: ['Bộ tiêu chí "{id}" theo văn bản đã được thay thế bởi {by}', 'Cập nhật bộ tiêu chí theo văn bản mới (hoctap new criteria … --from {id}) hoặc xóa "superseded_by" nếu địa phương vẫn áp dụng.'],
    en: ['Criteria set "{id}" follows a document replaced by {by}', 'Update the set to the new document, or remove "superseded_by" if it still applies locally.'],
  },
  I_WROTE: { vi: ['Đã ghi {file} ({pages} trang)', ''], en: ['Wrote {file} ({pages} pages)', ''] },
  I_WROTE_FILE: { vi: ['Đã ghi {file}', ''], en: ['Wrote {file}', ''] },
  I_SUMMARY: {
    vi: ['Xong: {files} tệp, {pages} trang trong {seconds} giây → {out}', ''],
    en: ['Done: {files} files, {pages} pages in {seconds} s → {out}', ''],
  },
  I_CHECK_OK: {
    vi: ['Không có lỗi: {criteria} bộ tiêu chí, {templates} mẫu văn bản.', ''],
    en: ['No problems: {criteria} criteria sets, {templates} templates.', ''],
  },
  I_PROBLEM_COUNT: {
    vi: ['{errors} lỗi, {warnings} cảnh báo. Chưa ghi tệp nào.', ''],
    en: ['{errors} errors, {warnings} warnings. Nothing was written.', ''],
  },
  W_EMPTY: { vi: ['trống', ''], en: ['empty', ''] },
  W_LIST: { vi: ['danh sách', ''], en: ['a list', ''] },
  W_MAPPING: { vi: ['mục con', ''], en: ['a mapping', ''] },
  W_NUMBER: { vi: ['số {value}', ''], en: ['the number {value}', ''] },
  W_TEXT: { vi: ['chữ "{value}"', ''], en: ['the text "{value}"', ''] },
  W_EXPECT_NUMBER: { vi: ['một số', ''], en: ['a number', ''] },
  W_EXPECT_INT: { vi: ['một số nguyên', ''], en: ['a whole number', ''] },
  W_EXPECT_TEXT: { vi: ['một đoạn chữ', ''], en: ['text', ''] },
  W_EXPECT_BOOLEAN: { vi: ['true hoặc false', ''], en: ['true or false', ''] },
  W_EXPECT_LIST: { vi: ['một danh sách (mỗi dòng bắt đầu bằng "- ")', ''], en: ['a list (each line starting with "- ")', ''] },
  W_EXPECT_MAPPING: { vi: ['một mục con (các dòng "khóa: giá trị" thụt vào)', ''], en: ['a mapping (indented "key: value" lines)', ''] },
  W_FILE_TOP: { vi: ['đầu tệp', ''], en: ['the top of the file', ''] },
  W_LIST_ITEM: { vi: ['mục thứ {n} của "{list}"', ''], en: ['item {n} of "{list}"', ''] },
  W_CRITERION: { vi: ['tiêu chí', ''], en: ['criterion', ''] },
  W_INDICATOR: { vi: ['chỉ số', ''], en: ['indicator', ''] },
  L_ERROR: { vi: ['Lỗi', ''], en: ['Error', ''] },
  L_WARNING: { vi: ['Cảnh báo', ''], en: ['Warning', ''] },
  L_HINT: { vi: ['Gợi ý', ''], en: ['Hint', ''] },
} satisfies Catalog;
