// Page sizes, margins and type sizes of every document kind, each with its unit and reason.
// Millimetres here; builders convert with mm(). Formal documents follow Nghị định 30/2020/NĐ-CP
// Phụ lục I (see ../shared/reference/domain.md §2); forms follow the paper rules.

/** A4 in millimetres. */
export const A4 = { widthMm: 210, heightMm: 297 } as const;

/** Forms handed to participants (scoresheets, registration forms). */
export const FORM = {
  /** ≥ 10 mm from every paper edge: cheap lasers cannot print closer, and photocopies crop edges. */
  marginMm: { top: 14, right: 14, bottom: 24, left: 18 },
  /** Body text ≥ 13 pt for older readers; nothing under 10 pt survives a photocopy of a photocopy. */
  bodyPt: 13,
  /** Headings of the form. */
  titlePt: 16,
  headingPt: 13,
  /** Table header cells: bold, may be 12 pt to fit narrow columns. */
  tableHeadPt: 12,
  /** Footer (set name and source): the smallest text allowed. */
  footerPt: 10,
  /** Tick boxes ≥ 5 mm so a ✓ fits inside. */
  boxMm: 5.5,
  /** Handwriting lines ≥ 8 mm apart. */
  writeLineMm: 9,
  /** Lines and rules: 0.75 pt stays solid through photocopies; hairlines vanish. */
  rulePt: 0.75,
} as const;

/** Formal administrative documents (kế hoạch, báo cáo, quyết định, giấy mời): NĐ30 Phụ lục I. */
export const DECREE30 = {
  /** Margins: top 20–25, bottom 20–25, left 30–35, right 15–20 mm; we take the common choice. */
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Cơ quan chủ quản and ban hành lines: 12–13 pt; ban hành bold. */
  agencyPt: 13,
  /** Quốc hiệu: upper case, bold, 12–13 pt. */
  nationalPt: 13,
  /** Tiêu ngữ: bold, 13–14 pt, underlined by a rule as long as the text. */
  mottoPt: 14,
  /** "Số: …/KH-…": 13 pt. */
  numberPt: 13,
  /** Place and date line: italic 13–14 pt. */
  datePt: 14,
  /** Document type (KẾ HOẠCH) and trích yếu: bold 13–14 pt. */
  titlePt: 14,
  /** Body: 13–14 pt, justified, first-line indent 1–1.27 cm, ≥ 6 pt between paragraphs. */
  bodyPt: 14,
  indentMm: 12.7,
  paragraphAfterPt: 6,
  /** Line spacing between 1 and 1.5 lines; 1.15 keeps a plan on few pages. */
  lineHeight: 1.15,
  /** "Nơi nhận:" 12 pt bold italic; its list 11 pt. */
  recipientsHeadPt: 12,
  recipientsPt: 11,
  /** Signature block: 14 pt bold (authority and position upper case). */
  signaturePt: 14,
  /** Page number: top centre from page 2 on, 14 pt. */
  pageNumberPt: 14,
  /** Room for signature and seal between position and name. */
  signatureSpaceMm: 22,
  /** Short rule under cơ quan ban hành: one third to a half of the line. */
  agencyRuleMm: 25,
} as const;

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
