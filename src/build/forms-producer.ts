// Registration forms and scoresheets for every criteria set; with a roster, one personalised
// scoresheet per person, one PDF per unit.
import { slugify } from '../locale/format-vi.js';
import { buildRegistrationForm } from '../documents/registration-form.js';
import { buildScoresheet, buildSheets, type SheetEntry } from '../documents/scoresheet.js';
import { FORM_WIDTH_MM, type FormContext } from '../documents/form-parts.js';
import { FORM } from '../documents/page-setup.js';
import { mm } from '../pdf/units.js';
import type { RosterPerson } from '../roster/read-roster.js';
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
    // The page count decides the duplex padding and whose name each footer carries. Sheets of
    // one set have the same length while the person's texts fit on one line: one trial render
    // per set serves them all. A name or unit long enough to wrap can add a page, so such a
    // sheet gets its own trial render (rare: a few people in a roster).
    const fits = (text = '') => ctx.measure(text, FORM.bodyPt, 'bold') <= mm(FORM_WIDTH_MM / 2 - 10); // the narrowest place: the signature column
    const pagesOf = new Map<string, number>();
    const pagesFor = async (p: RosterPerson) => {
      const key = fits(p.name) && fits(p.unit) ? p.set.id : `${p.set.id}\u0000${p.name}\u0000${p.unit}`;
      if (!pagesOf.has(key)) pagesOf.set(key, (await ctx.render(buildSheets([{ set: p.set, person: p }], form))).pages);
      return pagesOf.get(key)!;
    };
    const byUnit = new Map<string, SheetEntry[]>();
    for (const p of ctx.roster.persons) {
      const list = byUnit.get(p.unit ?? '') ?? [];
      list.push({ set: p.set, person: p, pages: await pagesFor(p) });
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
