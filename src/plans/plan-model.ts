// The parsed administrative document (kế hoạch, báo cáo, quyết định, giấy mời): the one
// intermediate representation both renderers read (documents/plan-document.ts → pdfmake,
// documents/plan-docx.ts → Word). Plain data: every text already filled in and NFC.

/** A piece of inline text with its emphasis (from **bold** and *italic* in the markup). */
export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  align: Align;
  /** Relative width (the number of "-" in the separator row). */
  weight: number;
}

export type Block =
  /** I. (level 1, upper case, bold) → 1. (level 2) → a) (level 3); `label` is "I.", "1.", "a)". */
  | { kind: 'heading'; level: 1 | 2 | 3; label: string; runs: Run[] }
  /** Body paragraph: justified with first-line indent, or a centred / right-aligned line. */
  | { kind: 'paragraph'; runs: Run[]; align?: 'justify' | 'center' | 'right' }
  /** A legal-basis line ("Căn cứ …;"), italic in NĐ30. */
  | { kind: 'basis'; runs: Run[] }
  /** "-" and "+" list items. */
  | { kind: 'item'; marker: '-' | '+'; runs: Run[] }
  /** A table with one header row (repeated on each page). */
  | { kind: 'table'; columns: TableColumn[]; header: Run[][]; rows: Run[][][] }
  | { kind: 'pageBreak' };

export interface PlanHeader {
  /** Cơ quan chủ quản (may be empty) and cơ quan ban hành, as written in hoctap.yaml. */
  parent: string;
  issuer: string;
  /** "Số: 05/KH-HKH" or "Số:        /KH-HKH" when the number is given at signing. */
  number: string;
  /** "Bình Minh, ngày 10 tháng 02 năm 2026". */
  placeDate: string;
}

export interface PlanSignature {
  /** Upper-case lines above the space for signature and seal: "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH". */
  lines: string[];
  name: string;
}

export interface PlanDocument {
  /** Template path as shown to the user, e.g. "templates/ke-hoach-tap-huan.md.hbs". */
  source: string;
  /** File stem: out/van-ban/<name>.pdf and .docx. */
  name: string;
  header: PlanHeader;
  /** Tên loại văn bản, upper case: "KẾ HOẠCH". */
  kind: string;
  /** Trích yếu: "Triển khai xây dựng mô hình “Công dân học tập” năm 2026". */
  summary: string;
  /** Quyết định: the issuing authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG …"). */
  authority?: string;
  /** "Kính gửi: …" recipients (báo cáo, tờ trình); empty when none. */
  addressees: string[];
  body: Block[];
  signature: PlanSignature;
  /** Nơi nhận, each line without its "- " and final punctuation (the renderers add them). */
  recipients: string[];
  /** Blocks after the signature on a new page (danh sách kèm theo). */
  appendix: Block[];
}

/** Plain text of runs (tests and the DOCX/PDF comparison use it). */
export const runsText = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

/** "- Như trên;" … "- Lưu: VT, HKH.": the Nơi nhận lines with their NĐ30 punctuation. */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((r, i) => `- ${r.replace(/[;.,\s]+$/, '')}${i === recipients.length - 1 ? '.' : ';'}`);
}
