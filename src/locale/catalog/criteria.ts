// Messages about criteria sets (criteria/*.yaml).
import type { Catalog } from '../messages.js';

export const criteria = {
  E_CRITERIA_DUPLICATE_ID: {
    vi: ['Mã "{id}" bị trùng (đã dùng ở dòng {first})', 'Mỗi tiêu chí và chỉ số cần một mã riêng, ví dụ TC1, TC1.1, TC1.2.'],
    en: ['Id "{id}" is used twice (first at line {first})', 'Give every criterion and indicator its own id, e.g. TC1, TC1.1, TC1.2.'],
  },
  E_CRITERIA_SUM: {
    vi: ['Tiêu chí {id} ghi tối đa {stated} điểm nhưng các chỉ số cộng lại được {total} điểm', 'Sửa "max" của tiêu chí hoặc điểm của các chỉ số cho khớp.'],
    en: ['Criterion {id} states {stated} points but its indicators add up to {total}', 'Make the criterion "max" match the sum of its indicators.'],
  },
  E_CRITERIA_TOTAL: {
    vi: ['Tổng điểm tối đa ghi {stated} nhưng các tiêu chí cộng lại được {total}', 'Sửa "scoring.max_total" hoặc điểm các tiêu chí cho khớp.'],
    en: ['max_total states {stated} but the criteria add up to {total}', 'Make scoring.max_total match the sum of the criteria.'],
  },
  E_CRITERIA_THRESHOLD: {
    vi: ['Ngưỡng {what} = {value} vượt quá điểm tối đa {max}', 'Ngưỡng phải nằm trong khoảng 0 đến {max}.'],
    en: ['Threshold {what} = {value} is above the maximum {max}', 'A threshold must lie between 0 and {max}.'],
  },
  E_CRITERIA_BAND_ORDER: {
    vi: ['Mức xếp loại "{label}" phải có ngưỡng thấp hơn mức "{previous}" đứng trước', 'Xếp các mức từ cao xuống thấp, ngưỡng giảm dần.'],
    en: ['Band "{label}" must have a lower threshold than "{previous}" before it', 'List bands from highest to lowest.'],
  },
  E_CRITERIA_UNKNOWN_REF: {
    vi: ['Không có {kind} nào mã "{id}"', 'Kiểm tra mã trong danh sách tiêu chí và chỉ số của bộ này.'],
    en: ['No {kind} with id "{id}"', 'Check the ids listed in this set.'],
  },
  E_CRITERIA_LEVELS_MISSING: {
    vi: ['Chỉ số {id} có type: levels nhưng thiếu danh sách "levels"', 'Thêm levels, ví dụ: [{label: "Tốt", points: 10}, {label: "Chưa đạt", points: 0}].'],
    en: ['Indicator {id} has type: levels but no "levels" list', 'Add levels, e.g. [{label: "Good", points: 10}, {label: "Not yet", points: 0}].'],
  },
  E_CRITERIA_LEVELS_UNUSED: {
    vi: ['Chỉ số {id} có type: {type} nên không dùng "levels"', 'Xóa "levels" hoặc đổi type thành levels.'],
    en: ['Indicator {id} has type: {type}, so "levels" is not used', 'Remove "levels" or change type to levels.'],
  },
  E_CRITERIA_LEVELS_MAX: {
    vi: ['Mức cao nhất của chỉ số {id} là {top} điểm, khác điểm tối đa {max}', 'Cho mức cao nhất bằng "max" của chỉ số.'],
    en: ['The top level of indicator {id} is {top}, not its max {max}', 'Make the top level equal the indicator max.'],
  },
  E_CRITERIA_NONE: {
    vi: ['Thư mục {dir} không có bộ tiêu chí nào (*.yaml)', 'Tạo một bộ bằng "hoctap new criteria <mã> --from <mã có sẵn>".'],
    en: ['Folder {dir} holds no criteria set (*.yaml)', 'Create one with "hoctap new criteria <id> --from <existing-id>".'],
  },
  E_CRITERIA_SAME_ID: {
    vi: ['Bộ tiêu chí mã "{id}" đã có trong {other}', 'Mỗi tệp cần một "id" riêng.'],
    en: ['Criteria set id "{id}" is already used by {other}', 'Give each file its own "id".'],
  },
} satisfies Catalog;
