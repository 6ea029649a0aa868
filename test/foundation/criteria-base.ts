// A small valid criteria set, one key per line and each line numbered in a comment, so a
// test can change one line (editLines) and state the exact file:line:col it expects.
export const BASE_SET = `id: thu                                   # 1
model: cong_dan_hoc_tap                   # 2
title: "Bộ tiêu chí thử"                  # 3
model_name: "Công dân học tập"            # 4
subject: "cá nhân"                        # 5
provenance:                               # 6
  issuer: "Hội Khuyến học"                # 7
  document: "Văn bản thử"                 # 8
  verified: true                          # 9
criteria:                                 # 10
  - id: TC1                               # 11
    title: "Tự học"                       # 12
    max: 60                               # 13
    indicators:                           # 14
      - id: TC1.1                         # 15
        text: "Đọc sách, báo"             # 16
        short: "Đọc sách"                 # 17
        type: yes_no                      # 18
        max: 20                           # 19
      - id: TC1.2                         # 20
        text: "Có kế hoạch học tập"       # 21
        short: "Kế hoạch"                 # 22
        type: points                      # 23
        max: 40                           # 24
  - id: TC2                               # 25
    title: "Ứng dụng công nghệ thông tin" # 26
    max: 40                               # 27
    indicators:                           # 28
      - id: TC2.1                         # 29
        text: "Dùng điện thoại thông minh" # 30
        short: "Dùng CNTT"                # 31
        type: yes_no                      # 32
        max: 40                           # 33
scoring:                                  # 34
  max_total: 100                          # 35
  recognition:                            # 36
    min_total: 70                         # 37
    min_per_criterion:                    # 38
      TC1: 30                             # 39
    required_indicators:                  # 40
      - TC2.1                             # 41
  classification:                         # 42
    - label: "Xuất sắc"                   # 43
      min_total: 90                       # 44
    - label: "Đạt"                        # 45
      min_total: 70                       # 46
`;

/** The same set with a different id (for several-files tests). */
export const baseWithId = (id: string) => BASE_SET.replace(/^id: thu {2}/, `id: ${id.padEnd(5)}`);
