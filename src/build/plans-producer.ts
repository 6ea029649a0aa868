// Administrative documents from templates/*.md.hbs: each template → one parsed document → a PDF
// (pdfmake, NĐ30 layout) and a Word twin beside it, out/van-ban/<name>.pdf and .docx.
import { relative } from 'node:path';
import { buildPlanDocx } from '../documents/plan-docx.js';
import { buildPlanPdf } from '../documents/plan-document.js';
import { loadPlans } from '../plans/load-plans.js';
import type { BuildContext, PlannedDocument, Production } from './producers.js';

export async function plansProducer(ctx: BuildContext): Promise<Production> {
  const { project } = ctx;
  const dir = project.templatesDir;
  const shownDir = relative(project.root, dir).split('\\').join('/') || 'templates';
  const loaded = await loadPlans(dir, shownDir, { config: project.config, criteria: ctx.criteria });
  const problems = [...loaded.problems];
  const docs: PlannedDocument[] = [];
  for (const doc of loaded.docs) {
    const kind = doc.kind.charAt(0) + doc.kind.slice(1).toLocaleLowerCase('vi');
    const title = `${kind} — ${doc.summary}`;
    docs.push({
      group: 'plan',
      file: `van-ban/${doc.name}.pdf`,
      title,
      subject: doc.summary,
      definition: buildPlanPdf(doc, ctx.measure),
      sidecars: [{ file: `van-ban/${doc.name}.docx`, bytes: await buildPlanDocx(doc, ctx.measure, { title, creator: doc.header.issuer }) }],
    });
  }
  return { docs, problems };
}
