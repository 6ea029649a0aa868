// The build: load (config, criteria, roster) → plan every document (producers) → stop with
// every problem if there is any error → render → write atomically → finishers (index page).
import { join, relative, resolve } from 'node:path';
import { loadProject, type Project } from '../config/load-config.js';
import { loadCriteria } from '../criteria/load-criteria.js';
import { hasErrors, problem, UserError, type Problem } from '../errors.js';
import { fontFilesFor } from '../pdf/fonts.js';
import { measurerFor } from '../pdf/measure-text.js';
import { renderPdf } from '../pdf/render-pdf.js';
import { readRoster } from '../roster/read-roster.js';
import { writeFileAtomic } from '../output/write-files.js';
import { finishers, producers, type BuildContext, type PlannedDocument } from './producers.js';

export interface BuildOptions {
  cwd?: string;
  configPath?: string;
  /** Output folder; default out/ beside hoctap.yaml. */
  outDir?: string;
  rosterPath?: string;
  /** Run only these producers (names in build/producers.ts); default all. Benchmarks use it. */
  producers?: string[];
  /** Called after each file is written (the CLI prints a line). */
  onFile?: (file: WrittenFile) => void;
  /** Called once planning is done, with its warnings, before anything is written. */
  onWarnings?: (problems: Problem[]) => void;
}

export interface WrittenFile {
  /** Path under the output folder, forward slashes. */
  file: string;
  /** Absolute path. */
  path: string;
  pages?: number;
  bytes: number;
  group?: PlannedDocument['group'];
  title?: string;
}

export interface BuildResult {
  outDir: string;
  files: WrittenFile[];
  pages: number;
  seconds: number;
  /** Warnings (errors stop the build with a UserError instead). */
  problems: Problem[];
}

/** Load the project and plan every document; nothing is written. Problems of all stages together. */
export async function planBuild(opts: BuildOptions = {}): Promise<{ ctx?: BuildContext; docs: PlannedDocument[]; problems: Problem[]; project?: Project }> {
  const cwd = opts.cwd ?? process.cwd();
  const project = await loadProject(opts.configPath, cwd);
  const { sets, problems: criteriaProblems } = await loadCriteria(project.criteriaDir, cwd);
  const problems = [...project.problems, ...criteriaProblems];
  for (const { set, file } of sets) {
    if (!set.provenance.verified) problems.push(problem('W_UNVERIFIED_SET', { id: set.id }, { file }, 'warning'));
    if (set.provenance.superseded_by) problems.push(problem('W_SUPERSEDED_SET', { id: set.id, by: set.provenance.superseded_by }, { file }, 'warning'));
  }
  const fonts = fontFilesFor(project.config, project.root, relative(cwd, project.configFile) || 'hoctap.yaml');
  const pdfDate = new Date(`${project.config.ngay_tao_tep ?? `${project.config.nam}-01-01`}T00:00:00Z`);
  const render = (definition: PlannedDocument['definition']) => renderPdf(definition, { title: '', subject: '', author: '', date: pdfDate }, fonts);
  const ctx: BuildContext = { project, criteria: sets, fonts, measure: measurerFor(fonts), pdfDate, render };
  if (opts.rosterPath) {
    const roster = await readRoster(resolve(cwd, opts.rosterPath), opts.rosterPath, sets);
    problems.push(...roster.problems);
    ctx.roster = roster;
  }
  const docs: PlannedDocument[] = [];
  if (!hasErrors(problems)) {
    for (const [name, produce] of Object.entries(producers)) {
      if (opts.producers && !opts.producers.includes(name)) continue;
      const out = await produce(ctx);
      docs.push(...out.docs);
      problems.push(...out.problems);
    }
  }
  return { ctx, docs, problems, project };
}

export async function build(opts: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const { ctx, docs, problems, project } = await planBuild(opts);
  if (hasErrors(problems) || !ctx || !project) throw new UserError(problems);
  opts.onWarnings?.(problems);
  const outDir = resolve(cwd, opts.outDir ?? join(project.root, 'out'));
  const files: WrittenFile[] = [];
  const write = async (file: string, bytes: Buffer | string, extra: Partial<WrittenFile> = {}) => {
    const path = join(outDir, file);
    try {
      await writeFileAtomic(path, bytes);
    } catch (e) {
      throw new UserError([problem('E_FILE_WRITE', { detail: (e as Error).message }, { file: relative(cwd, path) })], 3);
    }
    const written: WrittenFile = { file, path, bytes: Buffer.byteLength(bytes), ...extra };
    files.push(written);
    opts.onFile?.(written);
  };
  for (const doc of docs) {
    const pdf = await renderPdf(doc.definition, { title: doc.title, subject: doc.subject, author: project.config.phuong.ten, keywords: 'hoctap, xã hội học tập', date: ctx.pdfDate }, ctx.fonts);
    await write(doc.file, pdf.bytes, { pages: pdf.pages, group: doc.group, title: doc.title });
    for (const side of [...(doc.sidecars ?? []), ...((await doc.renderLater?.()) ?? [])])
      await write(side.file, side.bytes, side.group ? { group: side.group, title: side.title, pages: side.pages } : {});
  }
  if (!opts.producers) for (const finish of finishers) for (const out of await finish(files, ctx)) await write(out.file, out.bytes);
  return {
    outDir, files,
    pages: files.reduce((a, f) => a + (f.pages ?? 0), 0),
    seconds: (performance.now() - started) / 1000,
    problems,
  };
}
