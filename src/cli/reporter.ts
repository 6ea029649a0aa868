// Human vs --json output. Human lines go to stdout, problems to stderr; with --json stdout
// holds exactly one JSON document and nothing else.
import { formatLocation, formatProblem, hintOf, t, type MessageKey } from '../locale/messages.js';
import type { Problem } from '../errors.js';

export interface ReporterOptions {
  json: boolean;
  quiet: boolean;
}

export const problemJson = (p: Problem) => ({
  code: p.key, severity: p.severity, file: p.file, line: p.line, col: p.col,
  location: formatLocation(p) || undefined, message: t(p.key, p.params), hint: hintOf(p.key, p.params) || undefined,
});

export class Reporter {
  constructor(readonly opts: ReporterOptions) {}

  /** A progress/result line for people (never in --json mode). */
  line(key: MessageKey, params?: Record<string, string | number>) {
    if (!this.opts.json && !this.opts.quiet) process.stdout.write(`${t(key, params)}\n`);
  }

  /** Free text for people (help-like output). */
  text(s: string) {
    if (!this.opts.json) process.stdout.write(`${s}\n`);
  }

  problems(list: readonly Problem[]) {
    if (this.opts.json) return;
    for (const p of list) if (!(this.opts.quiet && p.severity === 'warning')) process.stderr.write(`${formatProblem(p)}\n`);
  }

  json(doc: unknown) {
    if (this.opts.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  }
}
