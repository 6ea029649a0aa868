// Criteria set + the rendered words of templates/tap-huan/trinh-chieu.md.hbs → the trainer's
// slide deck: 16:9 pages, very large type, one idea per slide. Slides are separated by "---";
// [[bang-tieu-chi]] becomes as many slides as the criteria need. Pure builder.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Criterion } from '../criteria/criteria-schema.js';
import { formatNumber } from '../locale/format-vi.js';
import { mm } from '../pdf/units.js';
import { blockContent, exampleSummary, type BlockStyle, type HandoutData, type MarkupBlock } from './handout.js';
import { SLIDES } from './page-setup.js';

const pts = (n: number) => formatNumber(n);

export const slideStyle = (): BlockStyle => ({
  widthMm: SLIDES.pageMm.width - SLIDES.marginMm.left - SLIDES.marginMm.right,
  bodyPt: SLIDES.bodyPt, headingPt: SLIDES.titlePt, subheadingPt: SLIDES.bodyPt + 4, titlePt: SLIDES.titlePt + 6,
  smallPt: SLIDES.smallPt, pictogramMm: SLIDES.pictogramMm, markBoxMm: SLIDES.markBoxMm, rulePt: SLIDES.rulePt, gapPt: 8, slide: true,
});

/** Split the markup at "---" into slides; empty slides are dropped. */
export function splitSlides(blocks: MarkupBlock[]): MarkupBlock[][] {
  const slides: MarkupBlock[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'break') slides.push([]);
    else slides.at(-1)!.push(b);
  }
  return slides.filter((s) => s.length);
}

/** One criterion's indicators, a few per slide: code and points left, short name and the set's words right. */
function criterionSlides(c: Criterion, st: BlockStyle): Content[][] {
  // As few slides as the limit allows, the indicators shared out evenly (4 → 2 + 2, not 3 + 1).
  const count = Math.ceil(c.indicators.length / SLIDES.indicatorsPerSlide);
  const per = Math.ceil(c.indicators.length / count);
  const chunks: Criterion['indicators'][] = [];
  for (let i = 0; i < c.indicators.length; i += per) chunks.push(c.indicators.slice(i, i + per));
  return chunks.map((inds, k) => [
    heading(`${c.id}. ${c.title} — ${pts(c.max)} điểm${chunks.length > 1 ? ` (${k + 1}/${chunks.length})` : ''}`, st, st.subheadingPt),
    {
      table: {
        widths: [mm(48), '*'],
        body: inds.map((ind): TableCell[] => [
          { stack: [{ text: ind.id, bold: true }, { text: `${pts(ind.max)} điểm`, bold: true }], fontSize: st.bodyPt },
          { stack: [{ text: ind.short, bold: true, fontSize: st.bodyPt }, { text: ind.text, fontSize: st.smallPt, lineHeight: 1.1 }] },
        ]),
        dontBreakRows: true,
      },
      layout: { hLineWidth: (i: number) => (i === 0 ? 0 : st.rulePt), vLineWidth: () => 0, paddingTop: () => 6, paddingBottom: () => 8, paddingLeft: () => 0, paddingRight: () => 8 },
    } as Content,
  ]);
}

function heading(text: string, st: BlockStyle, size = st.headingPt): Content {
  return {
    stack: [
      { text, bold: true, fontSize: size, lineHeight: 1.05 },
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: mm(st.widthMm), y2: 4, lineWidth: SLIDES.rulePt }] },
    ],
    margin: [0, 0, 0, 10],
  } as Content;
}

export interface SlideOptions {
  /** Footer text, left; "n / total" goes right. */
  footer: string;
}

export function buildSlides(data: HandoutData, blocks: MarkupBlock[], opts: SlideOptions): TDocumentDefinitions {
  const st = slideStyle();
  const slides: Content[][] = [];
  for (const slide of splitSlides(blocks)) {
    // [[bang-tieu-chi]] on a slide of its own expands to the criterion slides.
    if (slide.some((b) => b.kind === 'data' && b.name === 'bang-tieu-chi')) {
      for (const c of data.set.criteria) slides.push(...criterionSlides(c, st));
      continue;
    }
    const isCover = slide[0]?.kind === 'title';
    const content = slide.flatMap((b): Content[] => {
      if (b.kind === 'heading') return [heading(b.text, st, b.level === 2 ? st.headingPt : st.subheadingPt)];
      if (b.kind === 'data' && b.name === 'phieu-mau') return [exampleSummary(data, st)];
      return blockContent(b, data, st);
    });
    // The cover sits lower, near the optical centre.
    slides.push(isCover ? [{ stack: content, margin: [0, mm(28), 0, 0], alignment: 'center' } as Content] : content);
  }
  const m = SLIDES.marginMm;
  return {
    pageSize: { width: mm(SLIDES.pageMm.width), height: mm(SLIDES.pageMm.height) },
    pageOrientation: 'landscape',
    pageMargins: [mm(m.left), mm(m.top), mm(m.right), mm(m.bottom)],
    defaultStyle: { fontSize: SLIDES.bodyPt, lineHeight: 1.15 },
    content: slides.map((s, i) => ({ stack: s, ...(i > 0 ? { pageBreak: 'before' as const } : {}) })),
    footer: (page, count) => ({
      columns: [{ text: opts.footer, width: '*' }, { text: `${page} / ${count}`, width: 'auto' }],
      fontSize: SLIDES.footerPt,
      margin: [mm(m.left), mm(m.bottom) / 2 - SLIDES.footerPt / 2, mm(m.right), 0],
    }),
  };
}
