// Registration forms and scoresheets for every criteria set; with a roster, one personalised
// scoresheet per person, one PDF per unit.
import { slugify } from '../locale/format-vi.js';
import { buildRegistrationForm } from '../documents/registration-form.js';
import { buildScoresheet, buildSheets, type SheetEntry } from '../documents/scoresheet.js';
import type { FormContext } from '../documents/form-parts.js';
import type { BuildContext, PlannedDocument, Production } from './producers.js';

export async function formsProducer(ctx: BuildContext): Promise<Production> {
  const form: FormContext = { config: ctx.project.config, measure: ctx.measure };
  const docs: PlannedDocument[] = [];
  const groupsOf = (model: string) =>
    ctx.criteria.filter((c) => c.set.model === model && c.set.subject_group).map((c) => c.set.subject_group!.label);
  for (const { set } of ctx.criteria) {
    docs.push({
      group: 'registration', file: `phieu-dang-ky/${set.id}.pdf`,
      title: `Phiếu đăng ký — ${set.title}`, subject: set.title,
      definition: buildRegistrationForm(set, form, { subjectGroups: groupsOf(set.model) }),
    });
    docs.push({
      group: 'scoresheet', file: `phieu-cham-diem/${set.id}.pdf`,
      title: `Phiếu tự đánh giá, chấm điểm — ${set.title}`, subject: set.title,
      definition: buildScoresheet(set, form),
    });
  }
  if (ctx.roster?.persons.length) {
    // Sheets of one set all have the same length: one trial render per set gives the page
    // count that decides the duplex padding.
    const pagesOf = new Map<string, number>();
    for (const p of ctx.roster.persons) {
      if (pagesOf.has(p.set.id)) continue;
      pagesOf.set(p.set.id, (await ctx.render(buildSheets([{ set: p.set, person: p }], form))).pages);
    }
    const byUnit = new Map<string, SheetEntry[]>();
    for (const p of ctx.roster.persons) {
      const list = byUnit.get(p.unit ?? '') ?? [];
      list.push({ set: p.set, person: p, pages: pagesOf.get(p.set.id) });
      byUnit.set(p.unit ?? '', list);
    }
    for (const [unit, entries] of byUnit) {
      docs.push({
        group: 'scoresheet', file: `phieu-cham-diem/theo-danh-sach/${slugify(unit) || 'khong-ro-don-vi'}.pdf`,
        title: `Phiếu chấm điểm theo danh sách — ${unit || 'Không rõ đơn vị'} (${entries.length} người)`,
        subject: `Phiếu tự đánh giá ${ctx.project.config.nam}`,
        definition: buildSheets(entries, form),
      });
    }
  }
  return { docs, problems: [] };
}
