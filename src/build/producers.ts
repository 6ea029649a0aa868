// What a build makes: each producer turns the loaded project into planned documents (pure
// definitions + sidecar files). Adding a document family is one producer and one line here.
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Project } from '../config/load-config.js';
import type { LoadedCriteriaSet } from '../criteria/load-criteria.js';
import type { Problem } from '../errors.js';
import type { FontFiles } from '../pdf/fonts.js';
import type { Measure } from '../pdf/measure-text.js';
import type { RenderedPdf } from '../pdf/render-pdf.js';
import type { Roster } from '../roster/read-roster.js';
import { formsProducer } from './forms-producer.js';
import { tallyProducer } from './tally-producer.js';
import { plansProducer } from './plans-producer.js';
import { handoutsProducer } from './handouts-producer.js';
import { writeIndexPage } from './index-page.js';

export interface BuildContext {
  project: Project;
  criteria: LoadedCriteriaSet[];
  roster?: Roster;
  fonts: FontFiles;
  measure: Measure;
  /** Fixed metadata date of every PDF (hoctap.yaml ngay_tao_tep). */
  pdfDate: Date;
  /** Renders a definition (producers that need a trial render to count pages use it). */
  render: (definition: TDocumentDefinitions) => Promise<RenderedPdf>;
}

/** Groups shown on out/index.html, in this order. */
export type DocumentGroup = 'registration' | 'scoresheet' | 'tally' | 'plan' | 'handout' | 'slides';

export interface Sidecar { file: string; bytes: Buffer | string; group?: DocumentGroup; title?: string; pages?: number }

export interface PlannedDocument {
  group: DocumentGroup;
  /** Path under out/, forward slashes. */
  file: string;
  title: string;
  subject: string;
  definition: TDocumentDefinitions;
  /** Files written beside the PDF (layout.json, .docx), paths under out/. A sidecar that is
   *  itself a document (a booklet imposed from rendered pages) names its group, title and pages. */
  sidecars?: Sidecar[];
  /** Sidecars that need rendering: run by build() after every problem is known, never by check. */
  renderLater?: () => Promise<Sidecar[]>;
}

export interface Production {
  docs: PlannedDocument[];
  problems: Problem[];
}

export type Producer = (ctx: BuildContext) => Promise<Production>;

export const producers: Record<string, Producer> = {
  forms: formsProducer,
  tally: tallyProducer,
  plans: plansProducer,
  handouts: handoutsProducer,
};

/** Steps after every document is written (e.g. out/index.html); they return more files. */
export type Finisher = (written: import('./build-project.js').WrittenFile[], ctx: BuildContext) => Promise<{ file: string; bytes: Buffer | string }[]>;

export const finishers: Finisher[] = [writeIndexPage];
