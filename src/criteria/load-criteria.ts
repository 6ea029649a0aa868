// criteria/*.yaml → validated criteria sets, or every problem found in them.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { problem, type Problem } from '../errors.js';
import { locate, readYamlFile } from '../text/read-yaml.js';
import { checkCriteriaRules } from './criteria-rules.js';
import { CriteriaSetSchema, type CriteriaSet } from './criteria-schema.js';

export interface LoadedCriteriaSet {
  set: CriteriaSet;
  /** Path as shown to the user, e.g. "criteria/gia-dinh-hoc-tap.yaml". */
  file: string;
}

export async function listYamlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('_')).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

export async function loadCriteria(dir: string, cwd = process.cwd()): Promise<{ sets: LoadedCriteriaSet[]; problems: Problem[] }> {
  const files = await listYamlFiles(dir);
  const shown = (p: string) => relative(cwd, p).split('\\').join('/') || p;
  if (!files.length) return { sets: [], problems: [problem('E_CRITERIA_NONE', { dir: shown(dir) }, { file: shown(dir) })] };
  const problems: Problem[] = [];
  const sets: LoadedCriteriaSet[] = [];
  const byId = new Map<string, string>();
  for (const path of files) {
    const file = shown(path);
    const parsed = await readYamlFile(path, file, CriteriaSetSchema);
    problems.push(...parsed.problems);
    if (!parsed.value || !parsed.source) continue;
    const ruleProblems = checkCriteriaRules(parsed.value, parsed.source);
    problems.push(...ruleProblems);
    if (byId.has(parsed.value.id)) {
      problems.push(problem('E_CRITERIA_SAME_ID', { id: parsed.value.id, other: byId.get(parsed.value.id)! }, locate(parsed.source, ['id'], { at: 'value' })));
      continue;
    }
    byId.set(parsed.value.id, file);
    if (!ruleProblems.length) sets.push({ set: parsed.value, file });
  }
  return { sets, problems };
}
