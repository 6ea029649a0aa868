// Tally sheets for every criteria set: a personal sheet (A4 portrait) and a group tally (A4
// landscape), each PDF with its <name>.layout.json sidecar (docs/tally-sheet-format.md). With a
// roster the people are pre-printed; without one the sheets are blank with digit boxes.
import { planTallySheet, finishTallySheet, layoutNoOf, CODE_BITS, type TallyKind, type TallyPerson, type TallyPlan } from '../documents/tally-sheet.js';
import type { RosterPerson } from '../roster/read-roster.js';
import { problem, type Problem } from '../errors.js';
import type { BuildContext, PlannedDocument, Production } from './producers.js';

const KINDS: { kind: TallyKind; suffix: string; title: string }[] = [
  { kind: 'personal', suffix: 'ca-nhan', title: 'Phiếu đánh dấu cá nhân (chấm bằng máy)' },
  { kind: 'group', suffix: 'nhom', title: 'Phiếu đánh dấu theo nhóm (chấm bằng máy)' },
];

/** Roster people of one set with ids unique within it (roster id, else P001… by roster order). */
export function tallyPersons(persons: RosterPerson[]): TallyPerson[] {
  const seen = new Set<string>();
  return persons.map((p, k) => {
    let id = (p.id ?? '').replace(/[^A-Za-z0-9._-]/g, '') || `P${String(k + 1).padStart(3, '0')}`;
    if (seen.has(id)) id = `${id}-${k + 1}`;
    seen.add(id);
    return { id, name: p.name ?? '', unit: p.unit };
  });
}

export async function tallyProducer(ctx: BuildContext): Promise<Production> {
  const plans: { plan: TallyPlan; file: string; title: string; subject: string }[] = [];
  for (const { set } of ctx.criteria) {
    const persons = tallyPersons(ctx.roster?.persons.filter((p) => p.set.id === set.id) ?? []);
    for (const k of KINDS) {
      const plan = planTallySheet(set, {
        kind: k.kind, persons, year: ctx.project.config.nam,
        fillCancels: ctx.project.config.danh_dau.to_kin_la_huy, measure: ctx.measure,
      });
      plans.push({ plan, file: `phieu-danh-dau/${set.id}-${k.suffix}`, title: `${k.title} — ${set.title}`, subject: set.title });
    }
  }
  // Layout numbers (the fallback id) must differ between every layout of the project: the
  // number comes from the layout hash, a collision takes the next free one in file order.
  const taken = new Set<number>();
  const docs: PlannedDocument[] = [];
  const problems: Problem[] = [];
  for (const { plan, file, title, subject } of [...plans].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) /* code units: the same order on every machine */) {
    if (plan.pages.length > 1 << CODE_BITS.page) {
      problems.push(problem('W_TALLY_PAGES', { file: `${file}.pdf`, pages: plan.pages.length, max: 1 << CODE_BITS.page }, {}, 'error'));
      continue;
    }
    let no = layoutNoOf(plan.layoutHash);
    while (taken.has(no)) no = (no + 1) % (1 << CODE_BITS.layout);
    taken.add(no);
    const { layout, definition } = finishTallySheet(plan, no);
    docs.push({
      group: 'tally', file: `${file}.pdf`, title, subject, definition,
      sidecars: [{ file: `${file}.layout.json`, bytes: `${JSON.stringify(layout, null, 1)}\n` }],
    });
  }
  return { docs, problems };
}
