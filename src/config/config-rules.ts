// Rules of hoctap.yaml that its schema cannot express, located in the file.
import { problem, type Problem } from '../errors.js';
import { locate, type YamlSource } from '../text/read-yaml.js';
import type { ProjectConfig } from './config-schema.js';

/** Every `lich` date lies in `nam` or the year after: a calendar left from last year stops the
 *  build at the line to fix instead of printing last year's dates. */
export function checkCalendarYear(config: ProjectConfig, source: YamlSource): Problem[] {
  return Object.entries(config.lich).flatMap(([key, iso]) => {
    const year = Number(iso.slice(0, 4));
    if (year === config.nam || year === config.nam + 1) return [];
    return [problem('E_PLAN_LICH_YEAR', { key, date: iso, nam: config.nam, fixed: `${config.nam}${iso.slice(4)}` }, locate(source, ['lich', key], { at: 'value' }))];
  });
}
