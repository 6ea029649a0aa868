// Evidence 2 and 6: the real CLI as a child process — exit codes (0 ok, 1 user error, 2 internal,
// 3 missing file), nothing written on errors, --json (one JSON document on stdout), --quiet,
// --help with examples on every command, --lang en.
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { makeRunner } from '../../src/cli/run-command.js';
import { EXIT, problem, UserError } from '../../src/errors.js';
import { setLang } from '../../src/locale/messages.js';
import { runCli } from '../helpers/run-cli.js';
import { editLines, tempProject, wardFiles, type TempProject } from '../helpers/temp-project.js';

const MAU = String(wardFiles()['criteria/mau.yaml']);
const CONFIG = String(wardFiles()['hoctap.yaml']);

let ok: TempProject; // the ward fixture, valid
let badCriteria: TempProject; // two mistakes in criteria/mau.yaml
let badConfig: TempProject; // a mistake in hoctap.yaml
let empty: TempProject; // no hoctap.yaml at all

beforeAll(() => {
  ok = tempProject(wardFiles());
  badCriteria = tempProject(
    wardFiles({
      // mau.yaml line 14: `    max: 60` of TC1; line 25: `  max_total: 100`.
      'criteria/mau.yaml': editLines(MAU, { 14: '    max: 65', 25: '  max_total: 90' }),
    }),
  );
  badConfig = tempProject(wardFiles({ 'hoctap.yaml': editLines(CONFIG, { 5: 'nam: "2026"' }) }));
  empty = tempProject({});
});
afterAll(() => [ok, badCriteria, badConfig, empty].forEach((p) => p.remove()));

/** Parses the whole of stdout as one JSON document (throws if there is anything else). */
const onlyJson = (stdout: string) => JSON.parse(stdout);
/** The commands `hoctap --help` lists (filled by the --help test, used by the per-command one). */
const topCommands: string[] = [];

describe.concurrent('errors: exit 1, every problem located, nothing written', () => {
  it('check on criteria mistakes', async ({ expect }) => {
    const r = await runCli(['check'], badCriteria.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('criteria/mau.yaml:14:10 — Tiêu chí TC1 ghi tối đa 65 điểm nhưng các chỉ số cộng lại được 60 điểm. Gợi ý: ');
    expect(r.stderr).toContain('criteria/mau.yaml:25:14 — Tổng điểm tối đa ghi 90 nhưng các tiêu chí cộng lại được 105. Gợi ý: ');
    expect(r.stderr).toContain('2 lỗi');
    expect(existsSync(badCriteria.path('out'))).toBe(false);
  });

  it('build on criteria mistakes writes nothing (--quiet still prints the errors)', async ({ expect }) => {
    const r = await runCli(['--quiet', 'build'], badCriteria.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('criteria/mau.yaml:14:10 — Tiêu chí TC1');
    expect(r.stderr).toContain('criteria/mau.yaml:25:14 — Tổng điểm');
    expect(r.stderr).toContain('Chưa ghi tệp nào');
    expect(existsSync(badCriteria.path('out'))).toBe(false);
  });

  it('build on a hoctap.yaml mistake: located the same way, nothing written', async ({ expect }) => {
    const r = await runCli(['build'], badConfig.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hoctap.yaml:5:6 — "nam" phải là một số, nhưng đang là chữ "2026". Gợi ý: ');
    expect(existsSync(badConfig.path('out'))).toBe(false);
  });

  it('--lang en: English messages and hints', async ({ expect }) => {
    const r = await runCli(['--lang', 'en', 'check'], badCriteria.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('criteria/mau.yaml:14:10 — Criterion TC1 states 65 points but its indicators add up to 60. Hint: Make the criterion "max" match the sum of its indicators.');
    expect(r.stderr).toContain('Nothing was written');
  });
});

describe.concurrent('exit codes', () => {
  it('1 on an unknown command', async ({ expect }) => {
    const r = await runCli(['biuld'], ok.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Lỗi: .*biuld/);
  });

  it('1 on an unknown option', async ({ expect }) => {
    const r = await runCli(['build', '--bogus'], ok.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--bogus');
    expect(existsSync(ok.path('out'))).toBe(false);
  });

  it('3 when hoctap.yaml is missing (human output)', async ({ expect }) => {
    const r = await runCli(['build'], empty.dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('hoctap.yaml — Không tìm thấy tệp cấu hình hoctap.yaml. Gợi ý: ');
    expect(empty.list()).toEqual([]);
  });

  it('3 when the roster cannot be read; nothing written', async ({ expect }) => {
    const p = tempProject(wardFiles());
    try {
      const r = await runCli(['build', '--roster', 'khong-co.csv'], p.dir);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('khong-co.csv');
      expect(existsSync(p.path('out'))).toBe(false);
    } finally {
      p.remove();
    }
  });
});

describe.concurrent('--json: exactly one JSON document on stdout', () => {
  // The --json success document of `build` is checked in built-pdfs.test.ts (it shares that build).
  it('check failure', async ({ expect }) => {
    const r = await runCli(['check', '--json'], badCriteria.dir);
    expect(r.code).toBe(1);
    const doc = onlyJson(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.error.code).toBe('E_CRITERIA_SUM');
    expect(doc.error.problems.map((p: any) => p.location)).toEqual(expect.arrayContaining(['criteria/mau.yaml:14:10', 'criteria/mau.yaml:25:14']));
    expect(doc.error.problems[0]).toMatchObject({ line: 14, col: 10, file: 'criteria/mau.yaml' });
    expect(doc.error.problems[0].hint).toBeTruthy();
  });

  it('usage error (unknown option) as JSON too', async ({ expect }) => {
    const r = await runCli(['--json', 'build', '--bogus'], ok.dir);
    expect(r.code).toBe(1);
    // A program reading --json output must get a document for every failure, usage errors included.
    expect(() => onlyJson(r.stdout)).not.toThrow();
    expect(onlyJson(r.stdout)).toMatchObject({ ok: false });
  });

  it('a usage error is one line in English too (commander adds "(Did you mean …)" on a new line)', async ({ expect }) => {
    const r = await runCli(['--json', '--lang', 'en', 'chek'], ok.dir);
    expect(r.code).toBe(1);
    const message = (onlyJson(r.stdout) as { error: { message: string } }).error.message;
    expect(message).toContain('Did you mean check');
    expect(message).not.toContain('\n');
  });
});

describe.concurrent('--quiet and --help', () => {
  it('--quiet prints nothing on success, not even warnings (exit 0 on a valid project)', async ({ expect }) => {
    const r = await runCli(['--quiet', 'check'], ok.dir);
    expect(r.code).toBe(0);
    expect(existsSync(ok.path('out'))).toBe(false); // check writes nothing
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(''); // the fixture's set is unverified: its warning is muted too
  });

  it('--json check success: one document, the warning inside it', async ({ expect }) => {
    const r = await runCli(['--json', 'check'], ok.dir);
    expect(r.code).toBe(0);
    const doc = onlyJson(r.stdout);
    expect(doc).toMatchObject({ ok: true, command: 'check', criteria: ['mau'] });
    expect(doc.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'W_UNVERIFIED_SET', severity: 'warning', file: 'criteria/mau.yaml' })]));
    expect(r.stderr).toBe('');
  });

  it('--help of the program shows examples ("Ví dụ") and the exit codes', async ({ expect }) => {
    const top = await runCli(['--help'], ok.dir);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Ví dụ');
    expect(top.stdout).toMatch(/Mã thoát: 0 .*1 .*2 .*3 /);
    const section = top.stdout.split(/^Commands:$/m)[1] ?? '';
    topCommands.push(...[...section.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]).filter((c) => c !== 'help'));
    expect(topCommands).toEqual(expect.arrayContaining(['build', 'check', 'init', 'new']));
  });

  it('--lang en --help is English', async ({ expect }) => {
    const r = await runCli(['--lang', 'en', 'build', '--help'], ok.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples');
    expect(r.stdout).toContain('output folder');
  });
});

describe('the runner (src/cli/run-command.ts) maps outcomes to exit codes', () => {
  let out = '';
  let err = '';
  beforeAll(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation((s: any) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: any) => ((err += String(s)), true));
  });
  afterEach(() => {
    out = '';
    err = '';
  });
  afterAll(() => {
    vi.restoreAllMocks();
    setLang('vi');
  });

  /** A program with the global options and one command whose body is `body`. */
  async function runBody(args: string[], body: () => Promise<number>): Promise<number> {
    const result = { code: -1 };
    const run = makeRunner(result);
    const program = new Command('hoctap').option('--json', '', false).option('--quiet', '', false).exitOverride();
    program.command('thu').action((_o, cmd) => run(cmd, async () => body()));
    await program.parseAsync([...args, 'thu'], { from: 'user' });
    return result.code;
  }

  it('a plain Error escaping a command is an internal error: exit 2, reported as a bug', async () => {
    const code = await runBody([], async () => {
      throw new Error('hỏng bất ngờ');
    });
    expect(code).toBe(EXIT.internal);
    expect(code).toBe(2);
    expect(err).toContain('Lỗi nội bộ của hoctap: hỏng bất ngờ');
    expect(err).toContain('0.1.0');
    expect(err).not.toMatch(/at .*run-command/); // no stack without DEBUG=hoctap
  });

  it('internal error with --json: one JSON document', async () => {
    const code = await runBody(['--json'], async () => {
      throw new TypeError('x is undefined');
    });
    expect(code).toBe(2);
    expect(JSON.parse(out)).toMatchObject({ ok: false, command: 'thu', error: { code: 'E_INTERNAL' } });
    expect(err).toBe('');
  });

  it('a UserError keeps its exit code (1 or 3)', async () => {
    expect(await runBody([], async () => { throw new UserError([problem('E_CONFIG_MISSING', { file: 'x.yaml' }, { file: 'x.yaml' })], EXIT.file); })).toBe(3);
    expect(await runBody([], async () => { throw new UserError([problem('E_NEW_ID', { id: 'x y' })]); })).toBe(1);
    expect(err).toContain('x.yaml — Không tìm thấy tệp cấu hình x.yaml');
  });

  it('the body’s own code on success', async () => {
    expect(await runBody([], async () => 0)).toBe(0);
  });

  // In-process (main() is what bin/hoctap.js runs) to keep the suite fast: one child per command costs ~1 s.
  it('--help of every command shows examples ("Ví dụ") and exits 0', async () => {
    const commands = topCommands.length ? topCommands : ['build', 'check', 'init', 'new'];
    for (const c of commands) {
      out = '';
      expect(await main([c, '--help']), c).toBe(0);
      expect(out, c).toContain('Ví dụ');
    }
  });
});
