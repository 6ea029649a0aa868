// `hoctap new criteria <id> --from <existing-id>`: copy a criteria set for local editing,
// keeping its comments; the copy is marked unverified until someone checks it.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { loadProject } from '../../config/load-config.js';
import { loadCriteria } from '../../criteria/load-criteria.js';
import { problem, UserError } from '../../errors.js';
import { t } from '../../locale/messages.js';
import { writeFileAtomic } from '../../output/write-files.js';
import { globals, type CommandRunner } from '../run-command.js';

export async function newCriteria(id: string, from: string, configPath?: string): Promise<string> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) throw new UserError([problem('E_NEW_ID', { id })]);
  const project = await loadProject(configPath);
  const { sets, problems } = await loadCriteria(project.criteriaDir);
  const source = sets.find((s) => s.set.id === from);
  if (!source) throw new UserError([problem('E_NEW_FROM', { from, known: sets.map((s) => s.set.id).join(', ') }), ...problems]);
  if (sets.some((s) => s.set.id === id)) throw new UserError([problem('E_NEW_EXISTS', { id })]);
  const target = join(project.criteriaDir, `${id}.yaml`);
  if (existsSync(target)) throw new UserError([problem('E_NEW_EXISTS', { id }, { file: relative(process.cwd(), target) })]);
  const doc = parseDocument(await readFile(join(process.cwd(), source.file), 'utf8'));
  doc.set('id', id);
  doc.setIn(['provenance', 'verified'], false);
  const note = doc.getIn(['provenance', 'notes']);
  doc.setIn(['provenance', 'notes'], `Bản sửa tại địa phương từ bộ "${from}".${note ? ` ${note}` : ''}`);
  await writeFileAtomic(target, String(doc));
  return relative(process.cwd(), target).split('\\').join('/');
}

export function registerNew(program: Command, run: CommandRunner) {
  program
    .command('new')
    .argument('<loại>', t('A_KIND'))
    .argument('<mã>', t('A_ID'))
    .requiredOption('--from <mã-có-sẵn>', t('O_FROM'))
    .description(t('C_NEW'))
    .addHelpText('after', `\n${t('X_NEW')}`)
    .action((kind: string, id: string, opts, cmd) =>
      run(cmd, async (rep) => {
        if (kind !== 'criteria') throw new UserError([problem('E_NEW_KIND', { kind })]);
        const file = await newCriteria(id, opts.from, globals(cmd).config);
        rep.line('I_NEW_DONE', { file });
        rep.json({ ok: true, command: 'new', file });
        return 0;
      }),
    );
}
