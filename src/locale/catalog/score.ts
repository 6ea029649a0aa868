// Messages of the score domain: `hoctap score` progress, summary, and every review reason.
import type { Catalog } from '../messages.js';

export const score = {
  C_SCORE: { vi: ['Chấm phiếu đánh dấu đã quét hoặc chụp: đọc ảnh, tính điểm, ghi kết quả', ''], en: ['Score scanned or photographed tally sheets: read, score, write results', ''] },
  O_SCORE_OUT: { vi: ['thư mục ghi kết quả (bắt buộc)', ''], en: ['folder for the results (required)', ''] },
  O_SCORE_LAYOUTS: { vi: ['thư mục chứa các tệp *.layout.json (mặc định: out/ của dự án)', ''], en: ['folder with the *.layout.json files (default: the project out/)', ''] },
  O_SCORE_STRICT: { vi: ['trả mã lỗi 1 khi có mục cần xem lại', ''], en: ['exit with code 1 when anything needs review', ''] },
  X_SCORE: {
    vi: ['Ví dụ:\n  hoctap score anh-quet/ --out ket-qua/\n  hoctap score phieu-01.jpg phieu-02.pdf --out ket-qua/ --strict\nChấm lại cùng thư mục sau khi quét thêm: chỉ tệp mới được đọc, kết quả cũ được giữ trong ket-qua/lich-su/.', ''],
    en: ['Examples:\n  hoctap score scans/ --out results/\n  hoctap score sheet-01.jpg sheet-02.pdf --out results/ --strict\nScoring the folder again after adding scans reads only the new files; earlier results are kept in results/lich-su/.', ''],
  },
  I_SCORE_PROGRESS: { vi: ['[{index}/{total}] {file}', ''], en: ['[{index}/{total}] {file}', ''] },
  I_SCORE_SUMMARY: {
    vi: ['Xong lần chấm {run}: {files} tệp mới ({skipped} tệp đã chấm trước, bỏ qua), {pages} trang; tổng cộng {persons} người, {review} mục cần xem lại → {out}', ''],
    en: ['Run {run} done: {files} new files ({skipped} already scored, skipped), {pages} pages; in all {persons} people, {review} items to review → {out}', ''],
  },
  I_SCORE_REVIEW_FILE: { vi: ['Danh sách cần xem lại: {file}', ''], en: ['Review list: {file}', ''] },
  E_SCORE_NO_LAYOUTS: {
    vi: ['Không tìm thấy tệp *.layout.json nào trong {dir}', 'Chạy "hoctap build" để tạo phiếu và tệp bố cục, hoặc chỉ thư mục bằng --layouts <thư-mục>.'],
    en: ['No *.layout.json files in {dir}', 'Run "hoctap build" to make the sheets and their layouts, or point to them with --layouts <dir>.'],
  },
  E_SCORE_INPUT_MISSING: { vi: ['Không có tệp hoặc thư mục {file}', 'Kiểm tra đường dẫn tới ảnh quét.'], en: ['No such file or folder: {file}', 'Check the path to the scans.'] },
  E_SCORE_NO_INPUT: { vi: ['Chưa chỉ ảnh quét nào để chấm', 'Ví dụ: hoctap score anh-quet/ --out ket-qua/'], en: ['No scans given', 'Example: hoctap score scans/ --out results/'] },
  E_SCORE_NO_OUT: { vi: ['Thiếu thư mục kết quả --out', 'Ví dụ: hoctap score anh-quet/ --out ket-qua/'], en: ['Missing the results folder --out', 'Example: hoctap score scans/ --out results/'] },
  E_SCORE_STATE: {
    vi: ['Tệp kết quả cũ không đọc được ({detail}) nên không ghi đè', 'Chuyển tệp này sang chỗ khác (hoặc chọn thư mục --out khác) rồi chấm lại.'],
    en: ['The earlier results file cannot be read ({detail}), so it is not overwritten', 'Move it away (or choose another --out folder) and run again.'],
  },
  W_LAYOUT_INVALID: {
    vi: ['Tệp bố cục không hợp lệ, bỏ qua: {detail}', 'Tạo lại bằng "hoctap build"; không sửa tay tệp *.layout.json.'],
    en: ['Invalid layout file, ignored: {detail}', 'Rebuild it with "hoctap build"; do not edit *.layout.json by hand.'],
  },
  // Review reasons (results.json review[].reasonKey, can-xem-lai.csv).
  R_UNREADABLE: { vi: ['{file} trang {page}: không đọc được ảnh ({detail})', 'Quét lại tệp này; dùng JPEG, PNG, TIFF hoặc PDF.'], en: ['{file} page {page}: cannot read the image ({detail})', 'Scan this file again as JPEG, PNG, TIFF or PDF.'] },
  R_BLANK: { vi: ['{file} trang {page}: trang trắng', 'Nếu là mặt sau trống thì bỏ qua được.'], en: ['{file} page {page}: blank page', 'A blank back side can be ignored.'] },
  R_UNLOCATED: { vi: ['{file} trang {page}: không tìm thấy bốn ô vuông đen ở góc phiếu ({detail})', 'Quét/chụp lại cả tờ, thấy đủ bốn góc, không bị che hay cắt mép.'], en: ['{file} page {page}: the four corner squares were not found ({detail})', 'Scan or photograph the whole sheet again with all four corners visible.'] },
  R_UNIDENTIFIED: { vi: ['{file} trang {page}: không nhận ra phiếu nào ({detail})', 'Mã QR và dãy ô mã trang bị mờ hoặc bẩn: quét lại, hoặc nhập tay theo số phiếu in trên trang.'], en: ['{file} page {page}: sheet not identified ({detail})', 'The QR code and the code boxes are smudged: scan again or enter it by hand using the printed serial.'] },
  R_FOREIGN: { vi: ['{file} trang {page}: không phải phiếu của dự án này ({detail})', 'Phiếu của mẫu khác hoặc in từ lần tạo cũ: chấm bằng tệp bố cục của nó (--layouts).'], en: ['{file} page {page}: not a sheet of this project ({detail})', 'Another form or an older build: score it with its own layouts (--layouts).'] },
  R_DUPLICATE_SHEET: { vi: ['{file} trang {page}: phiếu {serial} đã được chấm ({detail}); giữ bản đầu tiên', 'Nếu đây mới là bản đúng, bỏ bản kia khỏi thư mục rồi chấm vào thư mục kết quả mới.'], en: ['{file} page {page}: sheet {serial} was already read ({detail}); the first copy is kept', 'If this copy is the right one, remove the other and score into a new results folder.'] },
  R_DUPLICATE_FILE: { vi: ['{file}: trùng nội dung với tệp {other} đã chấm, bỏ qua', ''], en: ['{file}: same content as {other}, already scored; skipped', ''] },
  R_FILE_CHANGED: { vi: ['{file}: tệp đã thay đổi từ lần chấm trước, được đọc lại', 'Trang trùng số phiếu vẫn giữ bản chấm trước.'], en: ['{file}: changed since the last run, read again', 'Pages with the same sheet keep the earlier reading.'] },
  R_RESIDUAL: { vi: ['{file} trang {page} (phiếu {serial}): ảnh bị méo hoặc cong, vị trí các ô có thể lệch ({detail})', 'Xem ảnh đã chấm; nếu ô lệch thì quét lại phẳng tờ giấy.'], en: ['{file} page {page} (sheet {serial}): the image is warped, box positions may be off ({detail})', 'Check the annotated image; rescan with the sheet flat if boxes are off.'] },
  R_NO_SET: { vi: ['{file} trang {page}: bộ tiêu chí "{set}" không còn trong dự án', 'Thêm lại tệp bộ tiêu chí vào criteria/.'], en: ['{file} page {page}: criteria set "{set}" is not in the project', 'Put the criteria file back into criteria/.'] },
  R_NO_LAYOUT: { vi: ['{file} trang {page} (phiếu {serial}): mẫu phiếu của trang này không còn trong thư mục mẫu (phiếu đã được tạo lại với số liệu khác)', 'Giữ lại tệp .layout.json cũ khi tạo lại phiếu, hoặc ghi tay kết quả của trang này.'], en: ['{file} page {page} (sheet {serial}): the layout of this page is no longer in the layouts folder (the sheets were rebuilt with other data)', 'Keep the old .layout.json when rebuilding the sheets, or enter this page by hand.'] },
  R_AMBIGUOUS_BOX: { vi: ['{file} trang {page} (phiếu {serial}): ô {box} không rõ có đánh dấu hay không (độ tin cậy {confidence})', 'Xem ảnh đã chấm và phiếu giấy, ghi giá trị đúng.'], en: ['{file} page {page} (sheet {serial}): box {box} is unclear (confidence {confidence})', 'Check the annotated image and the paper sheet.'] },
  R_NO_NUMBER: { vi: ['{file} trang {page} (phiếu {serial}): dòng {slot} không đọc được số thứ tự', 'Số thứ tự đánh dấu mỗi hàng đúng một ô; ghi tay kết quả cho người này.'], en: ['{file} page {page} (sheet {serial}): row {slot} has no readable number', 'Mark exactly one box per digit row; enter this person by hand.'] },
  R_IND_EMPTY: { vi: ['{person} ({set}): chỉ số {indicator} chưa đánh dấu ô nào', ''], en: ['{person} ({set}): indicator {indicator} has no mark', ''] },
  R_IND_MULTIPLE: { vi: ['{person} ({set}): chỉ số {indicator} đánh dấu nhiều ô', 'Muốn bỏ một ô thì tô kín ô đó.'], en: ['{person} ({set}): indicator {indicator} has several marks', 'To cancel a box, fill it solid.'] },
  R_IND_MISSING: { vi: ['{person} ({set}): chưa quét trang có chỉ số {indicator}', 'Quét thêm trang còn thiếu rồi chấm lại cùng thư mục.'], en: ['{person} ({set}): the page with indicator {indicator} was not scanned', 'Scan the missing page and score the folder again.'] },
  R_IND_CONFLICT: { vi: ['{person} ({set}): chỉ số {indicator} có hai phiếu ghi khác nhau', 'Xem hai phiếu và quyết định.'], en: ['{person} ({set}): indicator {indicator} differs between two sheets', 'Compare the two sheets.'] },
} satisfies Catalog;
