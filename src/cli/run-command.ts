// The one place that maps outcomes to exit codes and prints failures: a UserError lists every
// problem (file:line:col — what. Gợi ý: how), anything else is an internal bug (exit 2) whose
// stack is shown only with DEBUG=hoctap.
import type { Command } from 'commander';
import { EXIT, problem, UserError } from '../errors.js';
import { t } from '../locale/messages.js';
import { problemJson, Reporter } from './reporter.js';

export interface GlobalOptions {
  config?: string;
  json: boolean;
  quiet: boolean;
  lang: 'vi' | 'en';
}

export const globals = (cmd: Command): GlobalOptions => cmd.optsWithGlobals() as GlobalOptions;

export type CommandRunner = (cmd: Command, body: (rep: Reporter) => Promise<number>) => Promise<void>;

export const VERSION = '0.1.0';

/** Runs a command body and records its exit code in `result.code`. */
export function makeRunner(result: { code: number }): CommandRunner {
  return async (cmd, body) => {
    const g = globals(cmd);
    const rep = new Reporter({ json: g.json, quiet: g.quiet });
    try {
      result.code = await body(rep);
    } catch (e) {
      if (e instanceof UserError) {
        rep.problems(e.problems);
        const errors = e.problems.filter((p) => p.severity === 'error').length;
        if (!g.json) process.stderr.write(`${t('I_PROBLEM_COUNT', { errors, warnings: e.problems.length - errors })}\n`);
        rep.json({ ok: false, command: cmd.name(), error: { code: e.problems.find((p) => p.severity === 'error')?.key ?? 'E_USER', problems: e.problems.map(problemJson) } });
        result.code = e.exitCode;
      } else {
        const err = e as Error;
        const p = problem('E_INTERNAL', { detail: err?.message ?? String(e), version: VERSION });
        rep.problems([p]);
        if (process.env.DEBUG?.includes('hoctap') && !g.json) process.stderr.write(`${err?.stack}\n`);
        rep.json({ ok: false, command: cmd.name(), error: { code: 'E_INTERNAL', message: t(p.key, p.params) } });
        result.code = EXIT.internal;
      }
    }
  };
}
