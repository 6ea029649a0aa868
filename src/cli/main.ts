// hoctap's command line: a thin commander shell over the library. Returns the exit code
// (0 ok, 1 user error, 2 internal error, 3 file error); never calls process.exit itself.
import { Command, CommanderError } from 'commander';
import { EXIT } from '../errors.js';
import { setLang, t } from '../locale/messages.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerInit } from './commands/init.js';
import { registerNew } from './commands/new.js';
import { extraCommands } from './commands/index.js';
import { makeRunner, VERSION } from './run-command.js';

export async function main(argv: string[]): Promise<number> {
  // --lang must be known before help texts are built.
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const lang = langAt < 0 ? undefined : argv[langAt].includes('=') ? argv[langAt].split('=')[1] : argv[langAt + 1];
  setLang(lang === 'en' ? 'en' : 'vi');

  const result = { code: EXIT.ok as number };
  const run = makeRunner(result);
  const program = new Command('hoctap')
    .description(t('C_PROGRAM'))
    .version(VERSION, '-V, --version')
    .option('--config <tệp>', t('O_CONFIG'))
    .option('--json', t('O_JSON'), false)
    .option('--quiet', t('O_QUIET'), false)
    .option('--lang <vi|en>', t('O_LANG'), 'vi')
    .addHelpText('after', `\n${t('X_PROGRAM')}`)
    .showHelpAfterError(false)
    .exitOverride();
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(`${t('L_ERROR')}: ${s.replace(/^error: /, '')}${t('X_SEE_HELP')}\n`),
  });
  for (const register of [registerBuild, registerCheck, registerInit, registerNew, ...extraCommands]) register(program, run);
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error.
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code) ? EXIT.ok : EXIT.user;
    }
    throw e;
  }
  return result.code;
}
