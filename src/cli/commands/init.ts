// `hoctap init <folder>`: a new ward project from the shipped defaults (hoctap.yaml,
// criteria/, templates/), ready to edit and build.
import type { Command } from 'commander';
import { cp, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, problem, UserError } from '../../errors.js';
import { t } from '../../locale/messages.js';
import type { CommandRunner } from '../run-command.js';

/** The package root: the shipped sample ward lives there. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function initProject(folder: string): Promise<string[]> {
  const target = resolve(folder);
  if (existsSync(join(target, 'hoctap.yaml'))) throw new UserError([problem('E_INIT_EXISTS', { folder }, { file: join(folder, 'hoctap.yaml') })]);
  await mkdir(target, { recursive: true });
  const copied: string[] = [];
  for (const item of ['hoctap.yaml', 'criteria', 'templates']) {
    const from = join(PACKAGE_ROOT, item);
    if (!existsSync(from)) continue;
    await cp(from, join(target, item), { recursive: true, errorOnExist: false, force: false });
    copied.push(item);
  }
  if (!existsSync(join(target, 'templates'))) await mkdir(join(target, 'templates'));
  return copied;
}

export function registerInit(program: Command, run: CommandRunner) {
  program
    .command('init')
    .argument('<thư-mục>', t('A_FOLDER'))
    .description(t('C_INIT'))
    .addHelpText('after', `\n${t('X_INIT')}`)
    .action((folder: string, _opts, cmd) =>
      run(cmd, async (rep) => {
        try {
          await initProject(folder);
        } catch (e) {
          if (e instanceof UserError) throw e;
          throw new UserError([problem('E_FILE_WRITE', { detail: (e as Error).message }, { file: folder })], EXIT.file);
        }
        const files = (await readdir(resolve(folder))).sort();
        rep.line('I_INIT_DONE', { folder: relative(process.cwd(), resolve(folder)) || '.' });
        rep.json({ ok: true, command: 'init', folder: resolve(folder), files });
        return 0;
      }),
    );
}
