// `hoctap build`: every document of the project into out/.
import type { Command } from 'commander';
import { relative } from 'node:path';
import { build } from '../../build/build-project.js';
import { t } from '../../locale/messages.js';
import { globals, type CommandRunner } from '../run-command.js';
import { problemJson } from '../reporter.js';

export function registerBuild(program: Command, run: CommandRunner) {
  program
    .command('build')
    .description(t('C_BUILD'))
    .option('--out <thư-mục>', t('O_OUT'))
    .option('--roster <tệp.csv>', t('O_ROSTER'))
    .addHelpText('after', `\n${t('X_BUILD')}`)
    .action((opts, cmd) =>
      run(cmd, async (rep) => {
        const g = globals(cmd);
        const result = await build({
          configPath: g.config, outDir: opts.out, rosterPath: opts.roster,
          onWarnings: (warnings) => rep.problems(warnings),
          onFile: (f) => {
            const file = relative(process.cwd(), f.path).split('\\').join('/');
            if (f.pages) rep.line('I_WROTE', { file, pages: f.pages });
            else rep.line('I_WROTE_FILE', { file });
          },
        });
        const out = relative(process.cwd(), result.outDir) || '.';
        rep.line('I_SUMMARY', { files: result.files.length, pages: result.pages, seconds: result.seconds.toFixed(1), out });
        rep.json({
          ok: true, command: 'build', outDir: out, pages: result.pages, seconds: Number(result.seconds.toFixed(3)),
          files: result.files.map((f) => ({ file: f.file, pages: f.pages, bytes: f.bytes })),
          warnings: result.problems.map(problemJson),
        });
        return 0;
      }),
    );
}
