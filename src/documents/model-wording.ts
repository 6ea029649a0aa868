// How forms name the subject of each learning model: who fills the form, who confirms it,
// which identity fields it asks for. Data, not code paths, so adding a model is one entry.
import type { CriteriaSet } from '../criteria/criteria-schema.js';

export interface ModelWording {
  /** Identity fields, in order; the first is the name of the subject. */
  fields: string[];
  /** The subject's signature title on the scoresheet. */
  signer: string;
  /** … and on the registration form. */
  registrant: string;
  /** Who confirms / assesses (left signature). */
  confirmer: string;
  /** "Điểm chi hội chấm" column header. */
  assessorColumn: string;
  /** Registration commitments printed on the phiếu đăng ký. */
  commitments: string[];
}

const PERSON_FIELDS = ['Họ và tên', 'Năm sinh', 'Giới tính', 'Nghề nghiệp, chức vụ', 'Khu phố / Đơn vị', 'Địa chỉ', 'Số điện thoại'];

export const MODEL_WORDING: Record<CriteriaSet['model'], ModelWording> = {
  cong_dan_hoc_tap: {
    fields: PERSON_FIELDS,
    signer: 'Người tự đánh giá',
    registrant: 'Người đăng ký',
    confirmer: 'Xác nhận của Chi hội Khuyến học',
    assessorColumn: 'Điểm chi hội chấm',
    commitments: [
      'Thường xuyên học tập, tự học để nâng cao hiểu biết, kỹ năng trong công việc và cuộc sống.',
      'Thực hiện đầy đủ các tiêu chí của danh hiệu và tự đánh giá trung thực vào cuối năm.',
      'Vận động người thân, đồng nghiệp cùng tham gia học tập.',
    ],
  },
  gia_dinh_hoc_tap: {
    fields: ['Họ và tên chủ hộ', 'Số thành viên', 'Tổ dân phố / Khu phố', 'Địa chỉ', 'Số điện thoại'],
    signer: 'Chủ hộ',
    registrant: 'Chủ hộ',
    confirmer: 'Xác nhận của Trưởng khu phố',
    assessorColumn: 'Điểm khu phố chấm',
    commitments: [
      'Trẻ em trong gia đình đi học đúng độ tuổi; người lớn thường xuyên học tập.',
      'Gia đình dành thời gian, điều kiện cho các thành viên học tập.',
      'Thực hiện tốt các tiêu chí "Gia đình học tập" và tự đánh giá trung thực vào cuối năm.',
    ],
  },
  dong_ho_hoc_tap: {
    fields: ['Tên dòng họ', 'Họ và tên trưởng họ', 'Số hộ trong dòng họ', 'Nơi cư trú chính', 'Số điện thoại'],
    signer: 'Trưởng họ',
    registrant: 'Trưởng họ',
    confirmer: 'Xác nhận của Hội Khuyến học phường',
    assessorColumn: 'Điểm hội chấm',
    commitments: [
      'Duy trì quỹ khuyến học, khuyến tài của dòng họ.',
      'Vận động các gia đình trong họ xây dựng "Gia đình học tập".',
      'Thực hiện tốt các tiêu chí "Dòng họ học tập" và tự đánh giá trung thực vào cuối năm.',
    ],
  },
  cong_dong_hoc_tap: {
    fields: ['Tên khu phố / tổ dân phố / thôn / ấp', 'Họ và tên Trưởng khu phố', 'Số hộ', 'Số điện thoại'],
    signer: 'Trưởng khu phố',
    registrant: 'Trưởng khu phố',
    confirmer: 'Xác nhận của Hội Khuyến học phường',
    assessorColumn: 'Điểm hội chấm',
    commitments: [
      'Phát động phong trào học tập suốt đời trong khu dân cư.',
      'Vận động các gia đình, dòng họ đăng ký và xây dựng mô hình học tập.',
      'Thực hiện tốt các tiêu chí "Cộng đồng học tập" và tự đánh giá trung thực vào cuối năm.',
    ],
  },
  don_vi_hoc_tap: {
    fields: ['Tên đơn vị', 'Họ và tên thủ trưởng đơn vị', 'Số cán bộ, nhân viên', 'Địa chỉ', 'Số điện thoại'],
    signer: 'Thủ trưởng đơn vị',
    registrant: 'Thủ trưởng đơn vị',
    confirmer: 'Xác nhận của Hội Khuyến học phường',
    assessorColumn: 'Điểm hội chấm',
    commitments: [
      'Xây dựng kế hoạch học tập, bồi dưỡng cho cán bộ, nhân viên trong năm.',
      'Tạo điều kiện về thời gian, kinh phí cho người lao động học tập.',
      'Thực hiện tốt các tiêu chí "Đơn vị học tập" và tự đánh giá trung thực vào cuối năm.',
    ],
  },
  cong_dong_hoc_tap_cap_xa: {
    fields: ['Tên xã / phường / thị trấn', 'Họ và tên người phụ trách', 'Số điện thoại'],
    signer: 'Chủ tịch UBND',
    registrant: 'Chủ tịch UBND',
    confirmer: 'Xác nhận của Hội đồng đánh giá',
    assessorColumn: 'Điểm hội đồng chấm',
    commitments: [
      'Xây dựng và thực hiện kế hoạch xây dựng xã hội học tập của địa phương.',
      'Huy động các nguồn lực cho học tập suốt đời của người dân.',
      'Tự đánh giá trung thực theo các tiêu chí vào cuối năm.',
    ],
  },
};
