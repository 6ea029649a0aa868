// `hoctap score <files or folders…> --out <dir>`: read filled tally sheets and score them.
// Progress and the summary go to stderr; exit 0 unless --strict and something needs review.
import type { Command } from 'commander';
import { relative } from 'node:path';
import { EXIT, problem, UserError } from '../../errors.js';
import { t } from '../../locale/messages.js';
import { RESULT_FILES } from '../../output/write-results.js';
import { scoreBatch } from '../../scoring/score-batch.js';
import { problemJson } from '../reporter.js';
import { globals, type CommandRunner } from '../run-command.js';

export function registerScore(program: Command, run: CommandRunner) {
  program
    .command('score')
    .description(t('C_SCORE'))
    .argument('[tệp-hoặc-thư-mục...]')
    .option('--out <thư-mục>', t('O_SCORE_OUT'))
    .option('--layouts <thư-mục>', t('O_SCORE_LAYOUTS'))
    .option('--strict', t('O_SCORE_STRICT'), false)
    .addHelpText('after', `\n${t('X_SCORE')}`)
    .action((inputs: string[], opts, cmd) =>
      run(cmd, async (rep) => {
        const g = globals(cmd);
        if (!inputs.length) throw new UserError([problem('E_SCORE_NO_INPUT')]);
        if (!opts.out) throw new UserError([problem('E_SCORE_NO_OUT')]);
        const say = (s: string) => { if (!g.json && !g.quiet) process.stderr.write(`${s}\n`); };
        const result = await scoreBatch({
          configPath: g.config, inputs, outDir: opts.out, layoutsDir: opts.layouts, text: t,
          onFile: (index, total, file) => say(t('I_SCORE_PROGRESS', { index, total, file })),
          onReview: (item) => say(`  ${item.reason}`),
        });
        rep.problems(result.problems);
        const out = relative(process.cwd(), result.outDir) || '.';
        const r = result.results;
        say(t('I_SCORE_SUMMARY', { run: result.run.run, files: result.run.newFiles, skipped: result.run.skippedFiles, pages: result.run.pages, persons: r.summary.persons, review: r.summary.review, out }));
        if (r.review.length) say(t('I_SCORE_REVIEW_FILE', { file: `${out}/${RESULT_FILES.review}` }));
        rep.json({
          ok: true, command: 'score', outDir: out, run: result.run, summary: r.summary,
          review: r.review.map((i) => ({ kind: i.kind, code: i.reasonKey, message: i.reason, file: i.source, page: i.pageIndex })),
          warnings: result.problems.map(problemJson),
        });
        return opts.strict && r.review.length ? EXIT.user : EXIT.ok;
      }),
    );
}
