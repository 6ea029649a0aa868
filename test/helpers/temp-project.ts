// Test helper: a throw-away project folder written from an object of files, so each test shows
// its fixture inline (and the expected file:line:col can be read off the test itself).
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (test/helpers/../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The sample ward every foundation test starts from. */
export const WARD_FIXTURE = join(REPO_ROOT, 'test/fixtures/ward');

export type Files = Record<string, string | Buffer>;

export interface TempProject {
  dir: string;
  /** Absolute path of a file inside the project. */
  path(rel: string): string;
  write(files: Files): void;
  read(rel: string): string;
  /** Every file under `rel` (default: the whole project), relative, forward slashes, sorted. */
  list(rel?: string): string[];
  remove(): void;
}

/** Every file of a folder as an object (e.g. the ward fixture), to spread into a temp project. */
export function filesOf(dir: string): Files {
  const out: Files = {};
  for (const rel of listFiles(dir)) out[rel] = readFileSync(join(dir, rel));
  return out;
}

/** The ward fixture (hoctap.yaml + criteria/mau.yaml) as files, optionally with changes. */
export const wardFiles = (extra: Files = {}): Files => ({ ...filesOf(WARD_FIXTURE), ...extra });

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Writes `files` (paths relative to the project, "/" separated) into a new temp folder. */
export function tempProject(files: Files = {}, prefix = 'hoctap-test-'): TempProject {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const write = (fs: Files) => {
    for (const [rel, content] of Object.entries(fs)) {
      const p = join(dir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  };
  write(files);
  return {
    dir,
    path: (rel) => join(dir, rel),
    write,
    read: (rel) => readFileSync(join(dir, rel), 'utf8'),
    list: (rel = '.') => listFiles(join(dir, rel)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Replace whole lines of a numbered fixture (1-based). A string array replaces one line by
 * several (later lines shift down). Lets a test state "line 13 is now `    max: 55`" visibly.
 */
export function editLines(text: string, edits: Record<number, string | string[]>): string {
  const lines = text.split('\n');
  for (const n of Object.keys(edits).map(Number).sort((a, b) => b - a)) {
    if (n < 1 || n > lines.length) throw new Error(`editLines: no line ${n}`);
    const e = edits[n];
    lines.splice(n - 1, 1, ...(Array.isArray(e) ? e : [e]));
  }
  return lines.join('\n');
}
