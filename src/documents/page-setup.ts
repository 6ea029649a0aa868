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

/**
 * Formal administrative documents (kế hoạch, báo cáo, quyết định, giấy mời): Nghị định
 * 30/2020/NĐ-CP Phụ lục I (ranges in ../shared/reference/domain.md §2). Each value is one choice
 * inside the legal range; test/plans/plan-layout.test.ts measures the built PDFs against the ranges.
 */
export const DECREE30 = {
  /** Margins: NĐ30 top 20–25, bottom 20–25, left 30–35, right 15–20 mm; the smallest of each (most text per page). */
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Cơ quan chủ quản (regular) and ban hành (bold) lines: NĐ30 12–13 pt, "same size as the Quốc hiệu". */
  agencyPt: 13,
  /** Quốc hiệu: upper case, bold, NĐ30 12–13 pt. */
  nationalPt: 13,
  /** Tiêu ngữ: bold, NĐ30 13–14 pt (one more than the Quốc hiệu), a rule as long as the text under it. */
  mottoPt: 14,
  /** "Số: …/KH-…": 13 pt. */
  numberPt: 13,
  /** Place and date line: italic, NĐ30 13–14 pt. */
  datePt: 14,
  /** Document type (KẾ HOẠCH) and trích yếu: bold, 13–14 pt. */
  titlePt: 14,
  /** Body: NĐ30 13–14 pt, justified, first-line indent 1 or 1.27 cm, ≥ 6 pt between paragraphs. */
  bodyPt: 14,
  indentMm: 12.7,
  paragraphAfterPt: 6,
  /** Line spacing: NĐ30 between single and 1.5 lines; 1.15 keeps a plan on few pages. (pdfmake's 1 = the font's single line, as Word's.) */
  lineHeight: 1.15,
  /** Tables may use 12–13 pt (domain.md §2.7) so columns fit. */
  tablePt: 13,
  tableCellPaddingPt: 3,
  tableRulePt: 0.6,
  /** "Nơi nhận:" 12 pt bold italic; its list 11 pt (NĐ30 ô 9a). */
  recipientsHeadPt: 12,
  recipientsPt: 11,
  /** Width of the Nơi nhận column beside the signature (about 45 % of the 165 mm text width). */
  recipientsColumnMm: 72,
  /** Signature block: 14 pt bold (authority and position upper case, name normal case). */
  signaturePt: 14,
  /** Room for signature and seal between position and name. */
  signatureSpaceMm: 22,
  /** Page number: 14 pt, centred in the top margin, from page 2 on (NĐ30). */
  pageNumberPt: 14,
  /** Baseline area of the page number: inside the 20 mm top margin. */
  pageNumberTopMm: 9,
  /** Rule under cơ quan ban hành: a third to a half of its line (≈ line ÷ 2.5), never under 18 mm. */
  agencyRuleMinMm: 18,
  agencyRuleRatio: 2.5,
  /** Rules (under cơ quan, Tiêu ngữ, trích yếu): solid, thin but photocopy-safe. */
  rulePt: 0.6,
  /** Trích yếu rule: 0.4 of the trích yếu line (NĐ30: a third to a half), never under 20 mm. */
  summaryRuleRatio: 0.4,
  minRuleMm: 20,
  /** Header columns: the right one is as wide as the Quốc hiệu plus this air; gap between them. */
  headerAirMm: 2,
  headerGapMm: 2,
  /** Space above the document type, and between the title block and the body. */
  titleBeforeMm: 8,
  bodyBeforeMm: 4,
} as const;

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** A5 in millimetres (half an A4 sheet: the booklet page). */
export const A5 = { widthMm: 148, heightMm: 210 } as const;

/** Training handouts (tài liệu tập huấn), A4 and the A5 booklet: read by older people, often photocopied. */
export const HANDOUT = {
  /** ≥ 15 mm from every edge (issue 5). 15 mm sides give a 180 mm text width, which takes the
   *  worked-example scoresheet at full size (FORM text width 178 mm) inside a thin frame. */
  marginMm: { top: 16, right: 15, bottom: 20, left: 15 },
  /** A5 booklet pages: 15 mm all round (the fold side too: a saddle stitch opens flat). */
  a5MarginMm: { top: 15, right: 15, bottom: 18, left: 15 },
  /** Body ≥ 14 pt (issue 5): older readers, photocopies. */
  bodyPt: 14,
  /** Line spacing: 1.25 lines keeps short sentences easy to follow. */
  lineHeight: 1.25,
  /** Document title on the cover block. */
  titlePt: 22,
  /** Section headings ("1. … ") and sub-headings: larger than the body, bold. */
  headingPt: 18,
  subheadingPt: 15,
  /** Captions under pictures and the footer: the smallest text allowed (issue 5: ≥ 11 pt). */
  captionPt: 12,
  footerPt: 11,
  /** Space after a paragraph, in points. */
  paragraphAfterPt: 6,
  /** Pictogram beside each step: big enough to recognise from arm's length. */
  pictogramMm: 13,
  /** Example boxes in the marking pictures: as large as printed on tally sheets ×2 for clarity. */
  markBoxMm: 11,
  /** Rules and lines: 0.75 pt survives photocopying. */
  rulePt: 0.75,
  /** Heavier rule for frames and the timeline arrow. */
  heavyRulePt: 1.5,
} as const;

/** Trainer's slide deck: 16:9, read from the back of a meeting hall. */
export const SLIDES = {
  /** 16:9 at the PowerPoint default size (13.333 × 7.5 in). */
  pageMm: { width: 338.67, height: 190.5 },
  marginMm: { top: 14, right: 18, bottom: 14, left: 18 },
  /** Very large type: a 28 pt line is about 1/19 of the slide height, readable at 10 m projected. */
  titlePt: 40,
  bodyPt: 28,
  /** Secondary lines (full indicator text under its short name): never under 20 pt. */
  smallPt: 20,
  /** Slide number and set name, bottom corner. */
  footerPt: 14,
  /** Pictograms and mark pictures on slides. */
  pictogramMm: 22,
  /** A marked box with its ring room is ~1.9× this high: three rows fit under a title. */
  markBoxMm: 16,
  /** At most this many indicators on one slide, so each stays at full size. */
  indicatorsPerSlide: 3,
  rulePt: 1.5,
} as const;

/** Tally sheets read by the scorer (docs/tally-sheet-format.md; numbers from omr-anchors §4). */
export const TALLY = {
  /** Corner fiducials: solid squares, centres this far from both edges, so even they keep ≥ 10 mm from the paper edge. */
  fiducialMm: 6,
  fiducialInsetMm: 13,
  /** Mid-edge marks (left and right) for an over-determined fit with a residual. */
  extraFiducialMm: 4,
  /** White around every fiducial: nothing else printed this close. */
  fiducialQuietMm: 3,
  /** Nothing printed closer to the paper edge than this. */
  edgeMm: 10,
  /** QR (ECC Q) side and its white quiet zone; 20 mm keeps modules ≥ 0.5 mm up to version 5. */
  qrMm: 20,
  qrQuietMm: 2.5,
  /** Code boxes (fallback id): printed, never marked by people; 24 bits = 12 page + 10 layout + 2 check. */
  codeBoxMm: 3.5,
  codeBoxPitchMm: 5,
  /** Mark boxes: ≥ 5 mm so a tick fits; ≥ 8 mm pitch so a cross does not spill into a neighbour. */
  boxMm: 5,
  /** Group tally: option columns 9 mm apart, a 6 mm gap (with a rule in the middle) between indicators. */
  columnPitchMm: 9,
  groupGapMm: 6,
  /** Group tally row pitch (pre-printed rows); vertical pitch ≥ 7 mm. */
  rowPitchMm: 9,
  /** Personal sheet: option lines 8 mm apart. */
  optionPitchMm: 8,
  /** Nothing printed (text, rules) closer than this to a mark box: printed ink near a box reads as a mark. */
  clearMm: 3,
  /** Mark-box outline: ≥ 0.75 pt stays solid through photocopies. */
  boxOutlinePt: 0.9,
  /** Type sizes: body 12 pt, labels ≥ 10 pt (nothing smaller survives a photocopy). */
  titlePt: 14,
  bodyPt: 12,
  labelPt: 11,
  smallPt: 10,
  /** Line box of Tinos (Times metrics): (ascender − descender + gap) / em. */
  lineHeight: 1.15,
} as const;
