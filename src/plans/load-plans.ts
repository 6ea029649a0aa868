// templates/*.md.hbs (top level only; subfolders belong to other documents) → parsed plan
// documents, or every problem found, each at file:line:col. Steps per template: front matter →
// data cascade → Handlebars (strict) → markup → PlanDocument.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isScalar, type Node, type Scalar } from 'yaml';
import type { ProjectConfig } from '../config/config-schema.js';
import type { LoadedCriteriaSet } from '../criteria/load-criteria.js';
import { problem, type Problem } from '../errors.js';
import { formatDateLong, upperVi } from '../locale/format-vi.js';
import { locate, type PathSegment, type YamlSource } from '../text/read-yaml.js';
import { DOC_TYPES, readFrontMatter, type FrontMatter } from './front-matter.js';
import { parseMarkup } from './parse-markup.js';
import { planData, type DocumentHeaderData } from './plan-data.js';
import type { PlanDocument } from './plan-model.js';
import { createRenderer, type Renderer, type TextOrigin } from './render-template.js';
import { HelperError, resolveDate } from './template-helpers.js';

export const TEMPLATE_SUFFIX = '.md.hbs';

/** Room for a number or a day written by hand: non-breaking, so no renderer collapses it. */
const BLANK = '\u00A0'.repeat(8);

export async function listPlanTemplates(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith(TEMPLATE_SUFFIX) && !e.name.startsWith('_')).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

export interface PlanContext {
  config: ProjectConfig;
  criteria: readonly LoadedCriteriaSet[];
}

/** Every top-level template of `dir`; `shownDir` is how the folder is written in problems ("templates"). */
export async function loadPlans(dir: string, shownDir: string, ctx: PlanContext): Promise<{ docs: PlanDocument[]; problems: Problem[] }> {
  const names = await listPlanTemplates(dir);
  const renderer = createRenderer({ nam: ctx.config.nam, rounding: ctx.config.ty_le.lam_tron, decimals: ctx.config.ty_le.so_le });
  const docs: PlanDocument[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const file = `${shownDir}/${name}`;
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch (e) {
      problems.push(problem('E_FILE_READ', { detail: (e as Error).message }, { file }));
      continue;
    }
    const out = parsePlan(text, file, name.slice(0, -TEMPLATE_SUFFIX.length), ctx, renderer);
    problems.push(...out.problems);
    if (out.doc) docs.push(out.doc);
  }
  return { docs, problems: dedupe(problems) };
}

/** One template text → its document (pure apart from the renderer). */
export function parsePlan(text: string, file: string, name: string, ctx: PlanContext, renderer: Renderer = createRenderer({ nam: ctx.config.nam, rounding: ctx.config.ty_le.lam_tron, decimals: ctx.config.ty_le.so_le })): { doc?: PlanDocument; problems: Problem[] } {
  const { config } = ctx;
  const split = readFrontMatter(text, file);
  if (!split.template) return { problems: split.problems };
  const { frontMatter: fm, source, body, bodyLine } = split.template;
  const problems: Problem[] = [];

  const issuer = config.co_quan[fm.co_quan];
  const signer = config.nguoi_ky[fm.nguoi_ky];
  if (!issuer) problems.push(problem('E_PLAN_UNKNOWN_KEY', { field: 'co_quan', name: fm.co_quan, allowed: Object.keys(config.co_quan).join(', ') }, locate(source, ['co_quan'], { at: 'value' })));
  if (!signer) problems.push(problem('E_PLAN_UNKNOWN_KEY', { field: 'nguoi_ky', name: fm.nguoi_ky, allowed: Object.keys(config.nguoi_ky).join(', ') }, locate(source, ['nguoi_ky'], { at: 'value' })));
  if (!issuer || !signer) return { problems };

  // Front-matter values are templates too ("… năm {{nam}}"), rendered with the data below `van_ban`.
  const baseData = planData(config, ctx.criteria, fm.du_lieu);
  const render = (path: PathSegment[], value: string): string => {
    const out = renderer.renderString(value, valueOrigin(source, path, file), baseData);
    problems.push(...out.problems);
    return out.text ?? '';
  };
  const trich_yeu = render(['trich_yeu'], fm.trich_yeu).trim();
  const so = typeof fm.so === 'number' ? String(fm.so).padStart(2, '0') : render(['so'], fm.so ?? '').trim();
  const ky_hieu = fm.ky_hieu != null ? render(['ky_hieu'], fm.ky_hieu).trim() : `${DOC_TYPES[fm.loai]}-${issuer.viet_tat}`;
  const ngayText = render(['ngay'], fm.ngay ?? '').trim();
  let ngay = '';
  if (ngayText) {
    try {
      ngay = resolveDate(ngayText, config.nam);
    } catch (e) {
      if (!(e instanceof HelperError)) throw e;
      problems.push(problem('E_PLAN_BAD_DATE', { value: ngayText }, locate(source, ['ngay'], { at: 'value' })));
    }
  }
  const authority = fm.tham_quyen != null ? upperVi(render(['tham_quyen'], fm.tham_quyen).trim()) : undefined;
  const addressees = fm.kinh_gui.map((k, i) => render(['kinh_gui', i], k).trim());
  const recipients = [...fm.noi_nhan.map((r, i) => render(['noi_nhan', i], r).trim()), `Lưu: ${fm.luu != null ? render(['luu'], fm.luu).trim() : `VT, ${issuer.viet_tat}`}`];
  if (problems.length) return { problems };

  const header: DocumentHeaderData = {
    loai: fm.loai, so: `${so}/${ky_hieu}`, ky_hieu, ngay, trich_yeu,
    co_quan: { chu_quan: issuer.chu_quan, ten: issuer.ten, viet_tat: issuer.viet_tat },
    nguoi_ky: { quyen_han: signer.quyen_han, chuc_vu: signer.chuc_vu, ho_ten: signer.ho_ten },
  };
  const rendered = renderer.renderBody(body, { file, line: bodyLine, col: 1 }, planData(config, ctx.criteria, fm.du_lieu, header));
  if (!rendered.lines) return { problems: rendered.problems };
  const markup = parseMarkup(rendered.lines, file, text.normalize('NFC').split(/\r?\n/));
  if (markup.problems.length) return { problems: dedupe(markup.problems) };

  const doc: PlanDocument = {
    source: file,
    name,
    header: {
      parent: issuer.chu_quan,
      issuer: issuer.ten,
      number: `Số: ${so || BLANK}/${ky_hieu}`,
      placeDate: `${config.dia_danh}, ${ngay ? formatDateLong(ngay) : `ngày${BLANK}tháng${BLANK}năm ${config.nam}`}`,
    },
    kind: fm.loai,
    summary: trich_yeu,
    ...(authority ? { authority } : {}),
    addressees,
    body: markup.body,
    signature: {
      lines: [...signer.quyen_han.split(/\n|\s*\/\s*/).map((l) => l.trim()).filter(Boolean), signer.chuc_vu].map(upperVi),
      name: signer.ho_ten,
    },
    recipients,
    appendix: markup.appendix,
  };
  return { doc, problems: [] };
}

/** Where a front-matter value's text starts (inside its quotes), for Handlebars positions. */
function valueOrigin(source: YamlSource, path: PathSegment[], file: string): TextOrigin {
  const at = locate(source, path, { at: 'value' });
  const node = source.doc.getIn(path, true) as Node | undefined;
  const quoted = isScalar(node) && ((node as Scalar).type === 'QUOTE_DOUBLE' || (node as Scalar).type === 'QUOTE_SINGLE');
  return { file, line: at.line ?? 1, col: (at.col ?? 1) + (quoted ? 1 : 0) };
}

/**
 * hoctap.yaml `lich` dates are full dates. After `nam` changes, a date left in an older year
 * would print silently; stop instead, pointing at the line to update. (Early next-year dates,
 * e.g. a January review, are allowed.)
 */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.key}|${p.file}|${p.line}|${p.col}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type { FrontMatter };
