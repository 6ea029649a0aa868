// hoctap's command line: a thin commander shell over the library. Returns the exit code
// (0 ok, 1 user error, 2 internal error, 3 file error); never calls process.exit itself.
import { Command, CommanderError } from 'commander';
import { EXIT } from '../errors.js';
import { getLang, setLang, t } from '../locale/messages.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerInit } from './commands/init.js';
import { registerNew } from './commands/new.js';
import { extraCommands } from './commands/index.js';
import { makeRunner, VERSION } from './run-command.js';

// commander speaks English; its usage errors are translated here, the rest of the text is ours.
const COMMANDER_VI: [RegExp, string][] = [
  [/^unknown command '(.+)'/, 'không có lệnh "$1"'],
  [/^unknown option '(.+)'/, 'không có tùy chọn "$1"'],
  [/^missing required argument '(.+)'/, 'thiếu tham số "$1"'],
  [/^required option '(.+)' not specified/, 'thiếu tùy chọn bắt buộc "$1"'],
  [/^option '(.+)' argument missing/, 'tùy chọn "$1" cần một giá trị'],
  [/^too many arguments.*/, 'thừa tham số'],
  [/\(Did you mean (.+)\?\)/, '(có phải ý bạn là $1?)'],
];
const localiseCommanderError = (s: string) => {
  const oneLine = s.replace(/\s*\n\s*/g, ' '); // one line in either language (and inside JSON)
  return getLang() === 'en' ? oneLine : COMMANDER_VI.reduce((text, [re, vi]) => text.replace(re, vi), oneLine).replace(/\.$/, '');
};

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
    outputError: (s, write) => write(`${t('L_ERROR')}: ${localiseCommanderError(s.trim().replace(/^error: /, ''))}.${t('X_SEE_HELP')}\n`),
  });
  for (const register of [registerBuild, registerCheck, registerInit, registerNew, ...extraCommands]) register(program, run);
  for (const c of program.commands) c.exitOverride();
  // No command at all: the help, on stdout, is the answer.
  if (!argv.some((a) => program.commands.some((c) => c.name() === a)) && !argv.some((a) => /^(-h|--help|-V|--version)$/.test(a))) {
    if (argv.some((a) => !a.startsWith('-') && a !== lang)) {
      // An unknown command: let commander say so below.
    } else {
      process.stdout.write(program.helpInformation());
      return EXIT.ok;
    }
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error.
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)) return EXIT.ok;
      if (argv.includes('--json')) {
        const message = localiseCommanderError(e.message.replace(/^error: /, ''));
        process.stdout.write(`${JSON.stringify({ ok: false, command: argv.find((a) => !a.startsWith('-')) ?? '', error: { code: 'E_CLI_USAGE', message } }, null, 2)}\n`);
      }
      return EXIT.user;
    }
    throw e;
  }
  return result.code;
}
