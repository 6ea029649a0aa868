// The forms of the sets that ship in criteria/ (long real labels, not test fixtures) keep the
// paper rules: nothing printed within 10 mm of the edge; the registration form fits one sheet.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formsProducer } from '../../src/build/forms-producer.js';
import type { BuildContext } from '../../src/build/producers.js';
import { loadProject } from '../../src/config/load-config.js';
import { loadCriteria } from '../../src/criteria/load-criteria.js';
import { fontFilesFor } from '../../src/pdf/fonts.js';
import { measurerFor } from '../../src/pdf/measure-text.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { darkPixelsNearEdge, renderGray } from '../helpers/pdf-tools.js';
import { REPO_ROOT } from '../helpers/temp-project.js';

const out = mkdtempSync(join(tmpdir(), 'hoctap-shipped-'));
const written: { file: string; pages: number }[] = [];

beforeAll(async () => {
  const project = await loadProject(undefined, REPO_ROOT);
  const { sets } = await loadCriteria(project.criteriaDir, REPO_ROOT);
  const fonts = fontFilesFor(project.config, project.root);
  const meta = { title: 't', subject: 's', author: 'a', date: new Date('2026-01-01T00:00:00Z') };
  const ctx: BuildContext = { project, criteria: sets, fonts, measure: measurerFor(fonts), pdfDate: meta.date, render: (d) => renderPdf(d, meta, fonts) };
  for (const d of (await formsProducer(ctx)).docs) {
    const pdf = await renderPdf(d.definition, meta, fonts);
    const file = join(out, d.file.replace('/', '--'));
    writeFileSync(file, pdf.bytes);
    written.push({ file: d.file, pages: pdf.pages });
  }
});

describe('forms of the shipped criteria sets', () => {
  it('print nothing within 10 mm of the paper edge (rendered at 72 dpi)', () => {
    expect(written.length).toBeGreaterThanOrEqual(18);
    const offenders = written.flatMap((w) =>
      renderGray(join(out, w.file.replace('/', '--')), 72).flatMap((img, page) => (darkPixelsNearEdge(img, 10).length ? [`${w.file} p${page + 1}`] : [])));
    expect(offenders).toEqual([]);
  });

  it('registration forms fit on one sheet', () => {
    const long = written.filter((w) => w.file.startsWith('phieu-dang-ky/') && w.pages > 1).map((w) => w.file);
    expect(long).toEqual([]);
  });
});
