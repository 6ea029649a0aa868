// The keyed message catalogue (Vietnamese first, English with --lang en) and the one
// function that turns a Problem into the line the user reads:
//   criteria/x.yaml:12:5 — what is wrong. Gợi ý: how to fix
import type { MessageParams, Problem } from '../errors.js';
import { core } from './catalog/core.js';
import { criteria } from './catalog/criteria.js';
import { roster } from './catalog/roster.js';
import { cli } from './catalog/cli.js';
import { plans } from './catalog/plans.js';
import { tally } from './catalog/tally.js';
import { score } from './catalog/score.js';
import { handout } from './catalog/handout.js';

export type Lang = 'vi' | 'en';
export type Entry = { vi: [string, string]; en: [string, string] };
export type Catalog = Record<string, Entry>;

// Each domain keeps its messages in its own file under catalog/; add the file here.
const catalog = { ...core, ...criteria, ...roster, ...cli, ...plans, ...tally, ...score, ...handout } satisfies Catalog;

export type MessageKey = keyof typeof catalog;
export const messageKeys = Object.keys(catalog) as MessageKey[];

let current: Lang = 'vi';
export const setLang = (lang: Lang) => (current = lang);
export const getLang = () => current;

const fill = (text: string, params: MessageParams = {}, lang: Lang) =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : typeof v === 'object' ? t(v.key, v.params, lang) : String(v);
  });

/** The message text of a key, parameters filled in. */
export function t(key: MessageKey, params?: MessageParams, lang: Lang = current): string {
  return fill(catalog[key][lang][0], params, lang);
}

export function hintOf(key: MessageKey, params?: MessageParams, lang: Lang = current): string {
  return fill(catalog[key][lang][1], params, lang);
}

export function formatLocation(p: { file?: string; line?: number; col?: number }): string {
  if (!p.file) return '';
  return p.line ? `${p.file}:${p.line}:${p.col ?? 1}` : p.file;
}

/** "file:line:col — message. Gợi ý: hint" */
export function formatProblem(p: Problem, lang: Lang = current): string {
  const where = formatLocation(p);
  const label = t(p.severity === 'error' ? 'L_ERROR' : 'L_WARNING', {}, lang);
  const text = t(p.key, p.params, lang).replace(/[.]?$/, '.');
  const hint = hintOf(p.key, p.params, lang);
  const lead = where ? `${where} — ${p.severity === 'warning' ? `${label}: ` : ''}` : `${label}: `;
  return `${lead}${text}${hint ? ` ${t('L_HINT', {}, lang)}: ${hint}` : ''}`;
}
