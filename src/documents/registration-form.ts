// Criteria set → the phiếu đăng ký (registration form): identity fields, subject-group boxes
// (Công dân học tập), the learning plan to write in, commitments, signatures of the registrant
// and of the confirming khu phố / unit. Pure builder.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CriteriaSet } from '../criteria/criteria-schema.js';
import { mm } from '../pdf/units.js';
import { signatureBlock } from './blocks.js';
import {
  blankLines, formDocument, formHeading, formIssuer, handDateLine, provenanceNote, tickChoices, writeLine,
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
    ...w.fields.map((f) => writeLine(ctx, f)),
    ...(groups.length > 1
      ? [
          { text: 'Nhóm đối tượng (đánh dấu vào một ô):', bold: true, margin: [0, mm(4), 0, 0] } as Content,
          // Two per row keeps each box next to its label on A4.
          ...chunk(groups, 2).map((row) => tickChoices(ctx, row)),
        ]
      : []),
    { text: `Nội dung đăng ký học tập trong năm ${year} (học gì, học ở đâu, học bằng cách nào):`, bold: true, margin: [0, mm(4), 0, 0] },
    blankLines(4),
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

const chunk = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, k) => xs.slice(k * n, k * n + n));
