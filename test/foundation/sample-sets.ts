// Criteria sets used by the build tests besides the ward fixture's mau.yaml: a verified
// Công dân học tập set for a second subject group, and an unverified Gia đình học tập set
// whose file is saved in NFD (as some editors on macOS do).

/** Verified, with a source and date; one indicator per criterion so a sheet is one page. */
export const HS_SET = `id: cdht-hs
model: cong_dan_hoc_tap
title: "Công dân học tập — nhóm học sinh, sinh viên (thử)"
model_name: "Công dân học tập"
subject: "cá nhân"
subject_group: { id: hs, label: "Học sinh, sinh viên" }
provenance:
  issuer: "Hội Khuyến học Thành phố"
  document: "Quyết định số 12/QĐ-HKH"
  date: 2025-03-15
  verified: true
criteria:
  - id: HS1
    title: "Học tập ở trường"
    max: 50
    indicators:
      - { id: HS1.1, text: "Hoàn thành chương trình năm học, xếp loại học lực từ khá trở lên", short: "Học lực", type: yes_no, max: 50 }
  - id: HS2
    title: "Tự học ngoài giờ"
    max: 50
    indicators:
      - { id: HS2.1, text: "Đọc ít nhất mười cuốn sách mỗi năm và ghi chép lại điều đã học", short: "Đọc sách", type: points, max: 50 }
scoring:
  max_total: 100
  recognition: { min_total: 60 }
`;

/** Unverified Gia đình học tập set; written NFD by the tests. */
export const NFD_SET = `id: gdht-nfd
model: gia_dinh_hoc_tap
title: "Bộ tiêu chí Gia đình học tập (tệp NFD)"
model_name: "Gia đình học tập"
subject: "gia đình"
provenance:
  issuer: "Hội Khuyến học Phường"
  document: "Hướng dẫn số 01/HD-HKH"
  verified: false
criteria:
  - id: GD1
    title: "Gia đình có nề nếp học tập"
    max: 50
    indicators:
      - { id: GD1.1, text: "Trẻ em trong độ tuổi đi học được đến trường đầy đủ, không bỏ học giữa chừng", short: "Trẻ em đi học", type: yes_no, max: 25 }
      - { id: GD1.2, text: "Người lớn trong gia đình thường xuyên đọc sách, học nghề, tham gia lớp bồi dưỡng kiến thức", short: "Người lớn học", type: points, max: 25 }
  - id: GD2
    title: "Điều kiện học tập của gia đình"
    max: 50
    indicators:
      - { id: GD2.1, text: "Có góc học tập, tủ sách gia đình; biết sử dụng Internet để tự học, tra cứu thông tin", short: "Góc học tập", type: levels, max: 50, levels: [{ label: "Tốt", points: 50 }, { label: "Khá", points: 30 }, { label: "Chưa đạt", points: 0 }] }
scoring:
  max_total: 100
  recognition: { min_total: 80 }
  classification:
    - { label: "Tiêu biểu", min_total: 90 }
    - { label: "Đạt", min_total: 80 }
`;
