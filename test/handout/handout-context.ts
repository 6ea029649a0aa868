// Test helper: a temp ward project (the fixture + a real criteria set from criteria/) and the
// build context the handouts producer needs, without running the other producers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handoutsProducer } from '../../src/build/handouts-producer.js';
import type { BuildContext, PlannedDocument } from '../../src/build/producers.js';
import { loadProject } from '../../src/config/load-config.js';
import { loadCriteria } from '../../src/criteria/load-criteria.js';
import { fontFilesFor } from '../../src/pdf/fonts.js';
import { measurerFor } from '../../src/pdf/measure-text.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { REPO_ROOT, tempProject, wardFiles, type Files, type TempProject } from '../helpers/temp-project.js';

export const HSSV = readFileSync(join(REPO_ROOT, 'criteria/cong-dan-hoc-tap-hoc-sinh-sinh-vien.yaml'), 'utf8');
export const PDF_DATE = new Date('2026-01-01T00:00:00Z');

export async function handoutContext(dir: string): Promise<BuildContext> {
  const project = await loadProject(undefined, dir);
  const { sets } = await loadCriteria(project.criteriaDir, dir);
  const fonts = fontFilesFor(project.config, project.root);
  const meta = { title: '', subject: '', author: '', date: PDF_DATE };
  return { project, criteria: sets, fonts, measure: measurerFor(fonts), pdfDate: PDF_DATE, render: (d) => renderPdf(d, meta, fonts) };
}

export interface BuiltHandouts {
  proj: TempProject;
  ctx: BuildContext;
  docs: PlannedDocument[];
  problems: Awaited<ReturnType<typeof handoutsProducer>>['problems'];
  /** Absolute path of a written output (tap-huan/<id>-tai-lieu.pdf …). */
  out: (file: string) => string;
}

/** Run the producer on a temp project and write its PDFs (and booklet sidecars) under out/. */
export async function buildHandouts(extra: Files = {}): Promise<BuiltHandouts> {
  const proj = tempProject(wardFiles({ 'criteria/cdht-hssv.yaml': HSSV, ...extra }), 'hoctap-handout-');
  const ctx = await handoutContext(proj.dir);
  const { docs, problems } = await handoutsProducer(ctx);
  const out = (file: string) => proj.path(`out/${file}`);
  for (const d of docs) {
    const pdf = await renderPdf(d.definition, { title: d.title, subject: d.subject, author: '', date: PDF_DATE }, ctx.fonts);
    proj.write({ [`out/${d.file}`]: pdf.bytes });
    // As build() does: rendered sidecars (the booklet) come from the deferred step.
    d.sidecars = [...(d.sidecars ?? []), ...((await d.renderLater?.()) ?? [])];
    for (const s of d.sidecars) proj.write({ [`out/${s.file}`]: s.bytes });
  }
  return { proj, ctx, docs, problems, out };
}
