// Template file → its YAML front matter (header fields of the document) and its body, with the
// line where the body starts so every later problem points at the right line of the file.
import { z } from 'zod';
import { problem, type Problem } from '../errors.js';
import { upperVi } from '../locale/format-vi.js';
import { parseYaml, type YamlSource } from '../text/read-yaml.js';

/** Document types of NĐ30 Phụ lục III with their abbreviation in "Số: 05/KH-HKH". */
export const DOC_TYPES = {
  'KẾ HOẠCH': 'KH',
  'BÁO CÁO': 'BC',
  'QUYẾT ĐỊNH': 'QĐ',
  'GIẤY MỜI': 'GM',
  'THÔNG BÁO': 'TB',
  'TỜ TRÌNH': 'TTr',
  'CHƯƠNG TRÌNH': 'CTr',
  'HƯỚNG DẪN': 'HD',
  'BIÊN BẢN': 'BB',
} as const;
export type DocType = keyof typeof DOC_TYPES;

const text = z.string().min(1);

export const FrontMatterSchema = z.strictObject({
  /** Tên loại: "Kế hoạch", "Báo cáo", … (any case). */
  loai: z.preprocess((v) => (typeof v === 'string' ? upperVi(v.trim()) : v), z.enum(Object.keys(DOC_TYPES) as [DocType, ...DocType[]])),
  /** Key of hoctap.yaml `co_quan`: the issuing body (and its chủ quản line). */
  co_quan: text,
  /** Key of hoctap.yaml `nguoi_ky`. */
  nguoi_ky: text,
  /** Trích yếu; Handlebars allowed ("… năm {{nam}}"). */
  trich_yeu: text,
  /** Number; left blank ("Số:      /KH-HKH") when the văn thư gives it at signing. */
  so: z.union([z.number().int().min(1), z.string()]).nullish(),
  /** Ký hiệu after "/", default "<loại>-<viet_tat>", e.g. "KH-HKH". */
  ky_hieu: z.string().nullish(),
  /** Date of the document: "2026-02-10", "02-10" (month-day in year `nam`) or "{{lich.…}}"; blank to write by hand. */
  ngay: z.string().nullish(),
  /** Quyết định: the authority line under the trích yếu. */
  tham_quyen: z.string().nullish(),
  kinh_gui: z.array(text).nullish().transform((v) => v ?? []),
  noi_nhan: z.array(text).nullish().transform((v) => v ?? []),
  /** The "Lưu:" line, default "VT, <viet_tat>". */
  luu: z.string().nullish(),
  /** The document's own data, merged over hoctap.yaml `du_lieu`. */
  du_lieu: z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? {}),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export interface SplitTemplate {
  frontMatter: FrontMatter;
  /** The YAML source (line numbers are the file's own). */
  source: YamlSource;
  body: string;
  /** 1-based file line of the body's first line. */
  bodyLine: number;
}

/** Split "---\n…\n---\nbody" and validate the front matter; every problem located in the file. */
export function readFrontMatter(fileText: string, file: string): { template?: SplitTemplate; problems: Problem[] } {
  const lines = fileText.replace(/^\uFEFF/, '').normalize('NFC').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { problems: [problem('E_PLAN_FM_MISSING', {}, { file, line: 1, col: 1 })] };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { problems: [problem('E_PLAN_FM_UNCLOSED', {}, { file, line: 1, col: 1 })] };
  // Handlebars in a plain YAML value ("ngay: {{lich.x}}") reads as a YAML mapping: say so plainly.
  const problems: Problem[] = [];
  for (let i = 1; i < end; i++) {
    const m = /^(\s*(?:-\s+|[\w.]+:\s+))\{\{/.exec(lines[i]);
    if (m && !/^\s*#/.test(lines[i])) problems.push(problem('E_PLAN_FM_QUOTE', {}, { file, line: i + 1, col: m[1].length + 1 }));
  }
  if (problems.length) return { problems };
  // One blank line for the opening "---" keeps YAML line numbers equal to file line numbers.
  const parsed = parseYaml(`\n${lines.slice(1, end).join('\n')}`, file, FrontMatterSchema);
  if (!parsed.value || !parsed.source) return { problems: parsed.problems };
  return {
    template: { frontMatter: parsed.value, source: parsed.source, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 },
    problems: parsed.problems,
  };
}
