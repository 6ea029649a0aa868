// Training materials for every criteria set: the A4 handout, the A5 booklet (imposed two-up
// on A4 landscape) and the trainer's 16:9 slides. Words: templates/tap-huan/*.md.hbs (the
// project's own folder if it has one, else the shipped one); figures: the set and hoctap.yaml.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectConfig } from '../config/config-schema.js';
import type { CriteriaSet } from '../criteria/criteria-schema.js';
import { problem, type Problem } from '../errors.js';
import { formIssuer, type FormContext } from '../documents/form-parts.js';
import {
  buildHandout, checkMarkupSource, dateOrBlank, exampleMarks, handoutFooter, HANDOUT_BLOCKS, parseTapHuanMarkup, SLIDE_BLOCKS,
  splitAtExample, yearTimeline, type HandoutData, type MarkupBlock,
} from '../documents/handout.js';
import { buildSheets } from '../documents/scoresheet.js';
import { buildSlides } from '../documents/slides.js';
import { imposeBooklet, type PageRef } from '../pdf/impose-booklet.js';
import { renderPdf } from '../pdf/render-pdf.js';
import { createRenderer } from '../plans/render-template.js';
import { scoreSheet } from '../scoring/score-sheet.js';
import type { BuildContext, PlannedDocument, Production } from './producers.js';

/** The shipped templates, used when the project has no templates/tap-huan/ of its own. */
export const BUNDLED_TAP_HUAN = fileURLToPath(new URL('../../templates/tap-huan/', import.meta.url));
export const SLIDES_TEMPLATE = 'trinh-chieu.md.hbs';
const SUFFIX = '.md.hbs';

interface TemplateFile {
  name: string;
  /** As shown in problems. */
  shown: string;
  text: string;
}

async function readTemplates(dir: string, shownDir: string): Promise<TemplateFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(SUFFIX) && !n.startsWith('_')).sort();
  return Promise.all(names.map(async (name) => ({ name, shown: `${shownDir}/${name}`, text: (await readFile(join(dir, name), 'utf8')).replace(/^\uFEFF/, '').normalize('NFC') })));
}

/** What templates can use: hoctap.yaml as is, plus the set (bo), steps (buoc), the example (vi_du). */
export function handoutTemplateData(set: CriteriaSet, config: ProjectConfig, data: HandoutData): Record<string, unknown> {
  const indicators = set.criteria.flatMap((c) => c.indicators);
  const buoc = Object.fromEntries(data.timeline.map((s) => [s.key, { ten: s.label, nguoi: s.by, mo_ta: s.description, han: s.date, han_chu: dateOrBlank(s.date) }]));
  const sc = data.example.score;
  return {
    ...config,
    to_chuc: formIssuer(config)?.ten ?? config.phuong.ten,
    bo: {
      id: set.id, ten: set.title, mo_hinh: set.model_name, doi_tuong: set.subject, nhom: set.subject_group?.label ?? '',
      diem_toi_da: set.scoring.max_total, diem_cong_nhan: set.scoring.recognition.min_total,
      so_tieu_chi: set.criteria.length, so_chi_so: indicators.length,
      co_muc: indicators.some((i) => i.type === 'levels'), co_dat_khong: indicators.some((i) => i.type === 'yes_no'), co_cham_diem: indicators.some((i) => i.type === 'points'),
      xep_loai: set.scoring.classification.map((b) => ({ ten: b.label, tu: b.min_total })),
      van_ban: set.provenance.document, da_doi_chieu: set.provenance.verified,
    },
    buoc,
    vi_du: { ho_ten: data.example.person.name ?? '', tong: sc.total, ket_qua: sc.result, xep_loai: sc.classification, dat: sc.recognised },
  };
}

/** The worked example and timeline of one set: everything the builders need besides the words. */
export function handoutData(set: CriteriaSet, ctx: Pick<BuildContext, 'project' | 'measure'>): HandoutData {
  const config = ctx.project.config;
  const marks = exampleMarks(set, (p) => scoreSheet(set, p));
  const unit = config.don_vi.find((u) => ['khu_pho', 'to_dan_pho', 'thon', 'ap'].includes(u.loai)) ?? config.don_vi[0];
  return {
    set, config, measure: ctx.measure,
    example: { marks, score: scoreSheet(set, marks), person: { name: 'Nguyễn Văn An', birthYear: '1980', gender: 'Nam', unit: unit?.ten ?? '' } },
    timeline: yearTimeline(set, config),
  };
}

const problemKey = (p: Problem) => JSON.stringify([p.key, p.file, p.line, p.col, p.params]);

export async function handoutsProducer(ctx: BuildContext): Promise<Production> {
  const { project } = ctx;
  const config = project.config;
  const own = join(project.templatesDir, 'tap-huan');
  const dir = existsSync(own) ? own : BUNDLED_TAP_HUAN;
  // Paths in problems are relative to the project folder, as the plans producer shows them.
  const shownDir = (dir === own ? relative(project.root, dir) : dir.replace(/[\\/]$/, '')).split('\\').join('/');
  const configName = relative(project.root, project.configFile).split('\\').join('/') || 'hoctap.yaml';
  const problems = new Map<string, Problem>();
  const add = (ps: Problem[]) => ps.forEach((p) => problems.set(problemKey(p), p));
  const files = await readTemplates(dir, shownDir).catch(() => [] as TemplateFile[]);
  const sections = files.filter((f) => f.name !== SLIDES_TEMPLATE);
  const slidesFile = files.find((f) => f.name === SLIDES_TEMPLATE);
  if (!sections.length) return { docs: [], problems: [problem('E_HANDOUT_TEMPLATES_NONE', { dir: shownDir }, { file: shownDir })] };
  for (const f of sections) add(checkMarkupSource(f.text, f.shown, HANDOUT_BLOCKS));
  if (slidesFile) add(checkMarkupSource(slidesFile.text, slidesFile.shown, SLIDE_BLOCKS));
  if (!config.lien_he.length) add([problem('W_HANDOUT_NO_CONTACTS', {}, { file: configName }, 'warning')]);

  const renderer = createRenderer({ nam: config.nam, rounding: config.ty_le.lam_tron, decimals: config.ty_le.so_le });
  const render = (f: TemplateFile, values: Record<string, unknown>): MarkupBlock[] => {
    const out = renderer.renderBody(f.text, { file: f.shown, line: 1, col: 1 }, values);
    add(out.problems);
    return out.lines ? parseTapHuanMarkup(out.lines) : [];
  };

  const docs: PlannedDocument[] = [];
  let checkedBlocks = false;
  for (const { set } of ctx.criteria) {
    const data = handoutData(set, ctx);
    const values = handoutTemplateData(set, config, data);
    for (const s of data.timeline)
      if (!s.date) add([problem('W_HANDOUT_NO_DATE', { step: s.key, id: set.id, year: config.nam }, { file: configName }, 'warning')]);
    const blocks = sections.flatMap((f) => render(f, values));
    if (!checkedBlocks) {
      checkedBlocks = true;
      const used = new Set(blocks.flatMap((b) => (b.kind === 'data' ? [b.name] : [])));
      for (const [name, what] of Object.entries(HANDOUT_BLOCKS))
        if (!used.has(name)) add([problem('W_HANDOUT_BLOCK_MISSING', { name, what, dir: shownDir }, { file: shownDir }, 'warning')]);
    }
    if ([...problems.values()].some((p) => p.severity === 'error')) continue;
    const title = `Tài liệu tập huấn — ${set.title}`;
    docs.push({
      group: 'handout', file: `tap-huan/${set.id}-tai-lieu.pdf`, title, subject: set.title,
      definition: buildHandout(data, blocks, { paper: 'A4', footer: handoutFooter(set, config, 'A4') }),
      renderLater: async () => {
        const booklet = await renderBooklet(ctx, data, blocks, handoutFooter(set, config, 'A5'), title);
        return [{ file: `tap-huan/${set.id}-so-tay-a5.pdf`, bytes: booklet.bytes, group: 'handout', pages: booklet.pages, title: `Sổ tay A5 (gấp đôi, in hai mặt) — ${set.title}` }];
      },
    });
    if (slidesFile) {
      docs.push({
        group: 'slides', file: `tap-huan/${set.id}-trinh-chieu.pdf`, title: `Trình chiếu tập huấn — ${set.title}`, subject: set.title,
        definition: buildSlides(data, render(slidesFile, values), { footer: `${set.model_name} ${config.nam}${set.subject_group ? ` — ${set.subject_group.label}` : ''}` }),
      });
    }
  }
  const all = [...problems.values()];
  return { docs: all.some((p) => p.severity === 'error') ? [] : docs, problems: all };
}

/**
 * The A5 booklet: the handout laid out on A5, with the worked example printed as the real A4
 * scoresheet scaled onto its A5 page(s) (an A4 page scales to A5 exactly), then imposed.
 */
async function renderBooklet(ctx: BuildContext, data: HandoutData, blocks: MarkupBlock[], footer: string, title: string) {
  const meta = { title, subject: data.set.title, author: ctx.project.config.phuong.ten, date: ctx.pdfDate };
  const { before, after, found } = splitAtExample(blocks);
  const first = await renderPdf(buildHandout(data, before, { paper: 'A5', footer, pageOffset: 0 }), meta, ctx.fonts);
  const pages: PageRef[] = Array.from({ length: first.pages }, (_, page) => ({ pdf: first.bytes, page }));
  if (found) {
    const form: FormContext = { config: ctx.project.config, measure: ctx.measure };
    const sheet = await renderPdf(buildSheets([{ set: data.set, person: data.example.person }], form, data.example.marks), meta, ctx.fonts);
    for (let page = 0; page < sheet.pages; page++) pages.push({ pdf: sheet.bytes, page });
    if (after.length) {
      const rest = await renderPdf(buildHandout(data, after, { paper: 'A5', footer, pageOffset: pages.length }), meta, ctx.fonts);
      for (let page = 0; page < rest.pages; page++) pages.push({ pdf: rest.bytes, page });
    }
  }
  return imposeBooklet(pages, meta);
}
