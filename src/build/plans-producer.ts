// Administrative documents from templates/*.md.hbs: each template → one parsed document → a PDF
// (pdfmake, NĐ30 layout) and a Word twin beside it, out/van-ban/<name>.pdf and .docx.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { z } from 'zod';
import { buildPlanDocx } from '../documents/plan-docx.js';
import { buildPlanPdf } from '../documents/plan-document.js';
import { checkCalendarYear, listPlanTemplates, loadPlans } from '../plans/load-plans.js';
import { parseYaml } from '../text/read-yaml.js';
import type { BuildContext, PlannedDocument, Production } from './producers.js';

export async function plansProducer(ctx: BuildContext): Promise<Production> {
  const { project } = ctx;
  const dir = project.templatesDir;
  if (!(await listPlanTemplates(dir)).length) return { docs: [], problems: [] };
  const shownDir = relative(project.root, dir).split('\\').join('/') || 'templates';
  const configName = relative(project.root, project.configFile).split('\\').join('/') || 'hoctap.yaml';
  const configSource = parseYaml(await readFile(project.configFile, 'utf8'), configName, z.any()).source;
  const problems = checkCalendarYear(project.config, configSource, configName);
  const loaded = await loadPlans(dir, shownDir, { config: project.config, criteria: ctx.criteria });
  problems.push(...loaded.problems);
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
