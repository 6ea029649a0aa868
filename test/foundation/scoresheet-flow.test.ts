// A long criteria set flows over pages: the column header repeats on every page and a
// criterion's title never sits at a page end without its first indicator.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CriteriaSetSchema, type CriteriaSet } from '../../src/criteria/criteria-schema.js';
import { ProjectConfigSchema } from '../../src/config/config-schema.js';
import { buildScoresheet } from '../../src/documents/scoresheet.js';
import { BUNDLED_FONTS } from '../../src/pdf/fonts.js';
import { measurerFor } from '../../src/pdf/measure-text.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { collapse, pageTexts } from '../helpers/pdf-tools.js';

const words = 'người dân thường xuyên tham gia học tập tại trung tâm học tập cộng đồng và thư viện khu phố'.split(' ');
const sentence = (n: number, seed: number) => Array.from({ length: n }, (_, k) => words[(k * 7 + seed) % words.length]).join(' ');

/** 7 criteria × 5 indicators with long texts: several pages whatever the font metrics. */
function longSet(): CriteriaSet {
  const criteria = Array.from({ length: 7 }, (_, c) => ({
    id: `TC${c + 1}`,
    title: `Tiêu chí số ${c + 1} về ${sentence(5, c)}`,
    max: 50,
    indicators: Array.from({ length: 5 }, (_, i) => ({
      id: `TC${c + 1}.${i + 1}`,
      text: `Chỉ số đầu ${c + 1}.${i + 1}: ${sentence(28 + ((c + i) % 3) * 6, c * 5 + i)}`,
      short: `Chỉ số ${c + 1}.${i + 1}`,
      type: 'yes_no' as const,
      max: 10,
    })),
  }));
  return CriteriaSetSchema.parse({
    id: 'dai', model: 'cong_dan_hoc_tap', title: 'Bộ dài', model_name: 'Công dân học tập', subject: 'cá nhân',
    provenance: { issuer: 'Kiểm thử', document: 'Kiểm thử', verified: false },
    criteria,
    scoring: { max_total: 350, recognition: { min_total: 280 } },
  });
}

describe('scoresheet of a long set', () => {
  it('repeats the column header on every page and keeps each criterion with its first indicator', async () => {
    const config = ProjectConfigSchema.parse({
      nam: 2026, dia_danh: 'Bình Minh', phuong: { ten: 'Phường Bình Minh', tinh: 'TP' },
      co_quan: { hoi: { ten: 'Hội Khuyến học Phường Bình Minh', viet_tat: 'HKH' } }, nguoi_ky: {},
    });
    const set = longSet();
    const pdf = await renderPdf(buildScoresheet(set, { config, measure: measurerFor(BUNDLED_FONTS) }),
      { title: 't', subject: 's', author: 'a', date: new Date('2026-01-01T00:00:00Z') }, BUNDLED_FONTS);
    const file = join(mkdtempSync(join(tmpdir(), 'hoctap-flow-')), 'dai.pdf');
    writeFileSync(file, pdf.bytes);
    const pages = pageTexts(file).map(collapse);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Every page that carries table rows starts them under the column header.
    const tablePages = pages.filter((p) => /Chỉ số đầu \d/.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const p of tablePages) expect(p).toContain('Tiêu chí / Chỉ số');
    // A criterion title and the first words of its first indicator share a page.
    for (const c of set.criteria) {
      const titlePage = pages.findIndex((p) => p.includes(collapse(`${c.id}. ${c.title}`)));
      expect(titlePage, c.id).toBeGreaterThanOrEqual(0);
      expect(pages[titlePage], `${c.id} kept with its first indicator`).toContain(`Chỉ số đầu ${c.id.slice(2)}.1:`);
    }
  });
});
