// Criteria set → the phiếu đăng ký (registration form): identity fields, subject-group boxes
// (Công dân học tập), the learning plan to write in, commitments, signatures of the registrant
// and of the confirming khu phố / unit. Pure builder.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CriteriaSet } from '../criteria/criteria-schema.js';
import { mm } from '../pdf/units.js';
import { signatureBlock } from './blocks.js';
import {
  blankLines, formDocument, formHeading, formIssuer, handDateLine, provenanceNote, tickChoiceRows, writeLine, FORM_WIDTH_MM,
  type FormContext,
} from './form-parts.js';
import { MODEL_WORDING } from './model-wording.js';
import { FORM } from './page-setup.js';

export interface RegistrationOptions {
  /** Labels of all subject groups of the model (the four Công dân học tập sets), for the boxes. */
  subjectGroups?: string[];
}

export function buildRegistrationForm(set: CriteriaSet, ctx: FormContext, opts: RegistrationOptions = {}): TDocumentDefinitions {
  const w = MODEL_WORDING[set.model];
  const year = ctx.config.nam;
  const issuer = formIssuer(ctx.config);
  const groups = opts.subjectGroups ?? (set.subject_group ? [set.subject_group.label] : []);
  const content: Content[] = [
    formHeading(ctx),
    { text: 'PHIẾU ĐĂNG KÝ', bold: true, fontSize: FORM.titlePt, alignment: 'center', margin: [0, mm(6), 0, 0] },
    { text: `XÂY DỰNG DANH HIỆU "${set.model_name.toLocaleUpperCase('vi')}" NĂM ${year}`, bold: true, fontSize: FORM.headingPt + 1, alignment: 'center' },
    { text: `Kính gửi: ${issuer?.ten ?? ctx.config.phuong.ten}`, alignment: 'center', margin: [0, mm(3), 0, mm(2)] },
    ...identityLines(ctx, w.fields),
    ...(groups.length > 1
      ? [
          { text: 'Nhóm đối tượng (đánh dấu vào một ô):', bold: true, margin: [0, mm(4), 0, 0] } as Content,
          ...tickChoiceRows(ctx, groups),
        ]
      : []),
    { text: `Nội dung đăng ký học tập trong năm ${year} (học gì, học ở đâu, học bằng cách nào):`, bold: true, margin: [0, mm(4), 0, 0] },
    blankLines(3),
    { text: `Tôi xin đăng ký xây dựng danh hiệu "${set.model_name}" năm ${year} và cam kết:`, bold: true, margin: [0, mm(5), 0, mm(1)] },
    { ul: w.commitments, margin: [mm(2), 0, 0, 0] },
    {
      unbreakable: true,
      stack: [
        handDateLine(year),
        {
          columns: [
            signatureBlock({ position: w.confirmer, name: ' ', note: '(Ký, ghi rõ họ tên)', size: FORM.bodyPt, spaceMm: 22 }),
            signatureBlock({ position: w.registrant, name: ' ', note: '(Ký, ghi rõ họ tên)', size: FORM.bodyPt, spaceMm: 22 }),
          ],
        },
      ],
    },
  ];
  const note = provenanceNote(set);
  return formDocument({
    content,
    footerNote: () => note,
  });
}

/** Short fields (year of birth, sex) share a row, as on the scoresheet; the rest take a full line. */
const SHORT_FIELDS = new Set(['Năm sinh', 'Giới tính']);
function identityLines(ctx: FormContext, fields: string[]): Content[] {
  const half = (FORM_WIDTH_MM - 4) / 2;
  const out: Content[] = [];
  for (let k = 0; k < fields.length; k++) {
    const [f, next] = [fields[k]!, fields[k + 1]];
    if (next && SHORT_FIELDS.has(f) && SHORT_FIELDS.has(next)) {
      out.push({ columns: [writeLine(ctx, f, '', half), writeLine(ctx, next, '', half)], columnGap: mm(4) } as Content);
      k++;
    } else out.push(writeLine(ctx, f));
  }
  return out;
}
