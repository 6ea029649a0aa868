// The one schema of a project's hoctap.yaml: the ward, its organisations and signers, the
// year and its calendar, units, contacts and report figures. Keys are Vietnamese without
// marks because templates use them directly: {{nam}}, {{phuong.ten}}, {{lich.binh_xet}}.
import { z } from 'zod';
import { isRealDate } from '../locale/format-vi.js';

const text = z.string().min(1);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD, ví dụ 2026-03-31')
  // (a wrong shape is already reported by the regex: only dates of the right shape are checked)
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isRealDate({ y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) }), 'không có ngày này trong lịch (xem lại tháng và ngày)');

export const IssuerSchema = z.strictObject({
  /** Cơ quan chủ quản (the line above), e.g. "Hội Khuyến học Thành phố Hồ Chí Minh"; may be empty. */
  chu_quan: z.string().default(''),
  /** Cơ quan ban hành, e.g. "Hội Khuyến học Phường Bình Minh". */
  ten: text,
  /** Abbreviation used in "Số: …/KH-HKH". */
  viet_tat: text,
});

export const SignerSchema = z.strictObject({
  /** "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "" … */
  quyen_han: z.string().default(''),
  chuc_vu: text,
  ho_ten: text,
});

export const UnitSchema = z.strictObject({
  ma: z.string().regex(/^[A-Za-z0-9_-]+$/, 'chỉ dùng chữ không dấu, số, "-", "_"'),
  ten: text,
  loai: z.enum(['khu_pho', 'to_dan_pho', 'thon', 'ap', 'co_quan', 'truong_hoc', 'doanh_nghiep', 'dong_ho', 'khac']),
});

export const ContactSchema = z.strictObject({ ho_ten: text, vai_tro: text, dien_thoai: z.string().default('') });

export const FontFilesSchema = z.strictObject({
  thuong: text,
  dam: text,
  nghieng: text,
  dam_nghieng: text,
});

export const ProjectConfigSchema = z.strictObject({
  /** The campaign year; every date and number in the documents follows it. */
  nam: z.number().int().min(2000).max(2100),
  /** Place name for the date line: "<dia_danh>, ngày … tháng … năm …". */
  dia_danh: text,
  phuong: z.strictObject({ ten: text, tinh: text }),
  co_quan: z.record(z.string(), IssuerSchema),
  nguoi_ky: z.record(z.string(), SignerSchema),
  don_vi: z.array(UnitSchema).default([]),
  lien_he: z.array(ContactSchema).default([]),
  /** Dates of the year, ISO; templates format them. */
  lich: z.record(z.string(), isoDate).default({}),
  /** Free data for templates (venues, figures of the report …). */
  du_lieu: z.record(z.string(), z.unknown()).default({}),
  /** Rates like 505/511: "cat_bo" (truncate, as in local reports: 98,82%) or "lam_tron" (98,83%). */
  ty_le: z.strictObject({ lam_tron: z.enum(['cat_bo', 'lam_tron']).default('cat_bo'), so_le: z.number().int().min(0).max(4).default(2) }).default({ lam_tron: 'cat_bo', so_le: 2 }),
  /** Optional own TTF files (e.g. Times New Roman), paths relative to hoctap.yaml. */
  phong_chu: FontFilesSchema.optional(),
  /** Metadata date written into every PDF so rebuilds are byte-identical. */
  ngay_tao_tep: isoDate.optional(),
  /** How a mark on a tally sheet is read: a tick or cross chooses; a solid fill cancels. */
  danh_dau: z.strictObject({ to_kin_la_huy: z.boolean().default(true) }).default({ to_kin_la_huy: true }),
});

export type ProjectConfig = z.infer<typeof ProjectConfigSchema>;
export type Issuer = z.infer<typeof IssuerSchema>;
export type Signer = z.infer<typeof SignerSchema>;
export type Unit = z.infer<typeof UnitSchema>;
