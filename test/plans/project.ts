// Test helper: a throw-away project made from test/fixtures/ward, with the shipped templates
// and the shipped hoctap.yaml `du_lieu`, and a way to build only the plan documents.
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/build/build-project.js';
import { UserError, type Problem } from '../../src/errors.js';
import { formatProblem } from '../../src/locale/messages.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SHIPPED_TEMPLATES = readdirSync(join(REPO, 'templates')).filter((f) => f.endsWith('.md.hbs')).sort();

/** The `du_lieu:` block of the repository's hoctap.yaml, as text. */
function shippedData(): string {
  const text = readFileSync(join(REPO, 'hoctap.yaml'), 'utf8');
  const m = /^du_lieu:\n(?:(?:[ #].*)?\n)*/m.exec(text);
  if (!m) throw new Error('no du_lieu block in hoctap.yaml');
  return m[0];
}

export interface ProjectOptions {
  /** Copy templates/*.md.hbs of the repository (default true). */
  shipped?: boolean;
  /** Extra or replacing templates: name → text. */
  templates?: Record<string, string>;
  /** Edit hoctap.yaml text (after du_lieu is filled in). */
  config?: (text: string) => string;
}

export function makeProject(opts: ProjectOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-plans-'));
  cpSync(join(REPO, 'test/fixtures/ward'), dir, { recursive: true });
  const configPath = join(dir, 'hoctap.yaml');
  let config = readFileSync(configPath, 'utf8').replace(/^du_lieu: \{\}\n/m, shippedData());
  if (opts.config) config = opts.config(config);
  writeFileSync(configPath, config);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  if (opts.shipped !== false) for (const f of SHIPPED_TEMPLATES) cpSync(join(REPO, 'templates', f), join(dir, 'templates', f));
  for (const [name, text] of Object.entries(opts.templates ?? {})) writeFileSync(join(dir, 'templates', name), text);
  return dir;
}

/** Build only the plans; returns the output folder or the problems (formatted too). */
export async function buildPlans(dir: string): Promise<{ out: string; files: string[]; problems: Problem[]; lines: string[] }> {
  const out = join(dir, 'out');
  try {
    const r = await build({ cwd: dir, producers: ['plans'], outDir: out });
    return { out, files: r.files.map((f) => f.file), problems: r.problems, lines: r.problems.map((p) => formatProblem(p, 'vi')) };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { out, files: [], problems: e.problems, lines: e.problems.map((p) => formatProblem(p, 'vi')) };
  }
}

/** A minimal valid template around a body. */
export const template = (body: string, frontMatter = '') =>
  `---\nloai: Kế hoạch\nco_quan: hoi\nnguoi_ky: hoi\nngay: "02-10"\ntrich_yeu: "Thử năm {{nam}}"\n${frontMatter}---\n${body}`;
