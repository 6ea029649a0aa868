// `hoctap check`: validate hoctap.yaml, criteria and templates; write nothing.
import type { Command } from 'commander';
import { planBuild } from '../../build/build-project.js';
import { hasErrors, UserError } from '../../errors.js';
import { t } from '../../locale/messages.js';
import { globals, type CommandRunner } from '../run-command.js';
import { problemJson } from '../reporter.js';

export function registerCheck(program: Command, run: CommandRunner) {
  program
    .command('check')
    .description(t('C_CHECK'))
    .option('--roster <tệp.csv>', t('O_ROSTER'))
    .addHelpText('after', `\n${t('X_CHECK')}`)
    .action((opts, cmd) =>
      run(cmd, async (rep) => {
        const plan = await planBuild({ configPath: globals(cmd).config, rosterPath: opts.roster });
        if (hasErrors(plan.problems)) throw new UserError(plan.problems);
        rep.problems(plan.problems);
        const templates = new Set(plan.docs.filter((d) => d.group === 'plan').map((d) => d.file)).size;
        rep.line('I_CHECK_OK', { criteria: plan.ctx?.criteria.length ?? 0, templates });
        rep.json({ ok: true, command: 'check', criteria: plan.ctx?.criteria.map((c) => c.set.id), documents: plan.docs.length, warnings: plan.problems.map(problemJson) });
        return 0;
      }),
    );
}
