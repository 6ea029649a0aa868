// Test helper: run the real CLI (`node bin/hoctap.js …`) as a child process in a folder.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './temp-project.js';

export const BIN = join(REPO_ROOT, 'bin/hoctap.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath, [BIN, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1', DEBUG: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as any).code === 'number' ? (err as any).code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
