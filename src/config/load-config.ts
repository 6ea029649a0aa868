// Find and validate hoctap.yaml; resolve the project's folders relative to it.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { problem, UserError, EXIT, type Problem } from '../errors.js';
import { checkCalendarYear } from './config-rules.js';
import { readYamlFile } from '../text/read-yaml.js';
import { ProjectConfigSchema, type ProjectConfig } from './config-schema.js';

export const CONFIG_FILE = 'hoctap.yaml';

export interface Project {
  root: string;
  configFile: string;
  config: ProjectConfig;
  criteriaDir: string;
  templatesDir: string;
  /** Problems of rules across the config's fields (reported with everything else, not thrown). */
  problems: Problem[];
}

/** --config wins; otherwise hoctap.yaml in the current folder. Throws UserError with every problem. */
export async function loadProject(configPath?: string, cwd = process.cwd()): Promise<Project> {
  const configFile = resolve(cwd, configPath ?? CONFIG_FILE);
  const shown = relative(cwd, configFile).split('\\').join('/') || CONFIG_FILE;
  if (!existsSync(configFile)) throw new UserError([problem('E_CONFIG_MISSING', { file: shown }, { file: shown })], EXIT.file);
  const parsed = await readYamlFile(configFile, shown, ProjectConfigSchema);
  if (!parsed.value) throw new UserError(parsed.problems);
  const root = dirname(configFile);
  const problems = parsed.source ? checkCalendarYear(parsed.value, parsed.source) : [];
  return { root, configFile, config: parsed.value, criteriaDir: join(root, 'criteria'), templatesDir: join(root, 'templates'), problems };
}
