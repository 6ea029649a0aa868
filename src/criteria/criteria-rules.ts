// Cross-field rules of a criteria set that the schema cannot express. Each rule is a small
// named function; all of them run and every problem is reported, located in the YAML.
import { problem, ref, type Problem } from '../errors.js';
import { locate, type YamlSource } from '../text/read-yaml.js';
import type { CriteriaSet } from './criteria-schema.js';

type Rule = (set: CriteriaSet, src: YamlSource) => Problem[];

const fmt = (n: number) => String(Number(n.toFixed(4))).replace('.', ',');
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const uniqueIds: Rule = (set, src) => {
  const seen = new Map<string, string>();
  const out: Problem[] = [];
  set.criteria.forEach((c, ci) => {
    const check = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) out.push(problem('E_CRITERIA_DUPLICATE_ID', { id, first: seen.get(id)! }, locate(src, path, { at: 'value' })));
      else seen.set(id, `${locate(src, path).line}`);
    };
    check(c.id, ['criteria', ci, 'id']);
    c.indicators.forEach((ind, ii) => check(ind.id, ['criteria', ci, 'indicators', ii, 'id']));
  });
  return out;
};

const criterionSums: Rule = (set, src) =>
  set.criteria.flatMap((c, ci) => {
    const total = sum(c.indicators.map((i) => i.max));
    return Math.abs(total - c.max) > 1e-9
      ? [problem('E_CRITERIA_SUM', { id: c.id, stated: fmt(c.max), total: fmt(total) }, locate(src, ['criteria', ci, 'max'], { at: 'value' }))]
      : [];
  });

const totalSum: Rule = (set, src) => {
  const total = sum(set.criteria.map((c) => c.max));
  return Math.abs(total - set.scoring.max_total) > 1e-9
    ? [problem('E_CRITERIA_TOTAL', { stated: fmt(set.scoring.max_total), total: fmt(total) }, locate(src, ['scoring', 'max_total'], { at: 'value' }))]
    : [];
};

const thresholdsInRange: Rule = (set, src) => {
  const out: Problem[] = [];
  const { recognition, classification, max_total } = set.scoring;
  if (recognition.min_total > max_total)
    out.push(problem('E_CRITERIA_THRESHOLD', { what: 'recognition.min_total', value: fmt(recognition.min_total), max: fmt(max_total) },
      locate(src, ['scoring', 'recognition', 'min_total'], { at: 'value' })));
  for (const [cid, min] of Object.entries(recognition.min_per_criterion)) {
    const c = set.criteria.find((x) => x.id === cid);
    const where = locate(src, ['scoring', 'recognition', 'min_per_criterion', cid]);
    if (!c) out.push(problem('E_CRITERIA_UNKNOWN_REF', { id: cid, kind: ref('W_CRITERION') }, where));
    else if (min > c.max) out.push(problem('E_CRITERIA_THRESHOLD', { what: `min_per_criterion.${cid}`, value: fmt(min), max: fmt(c.max) }, where));
  }
  const indicatorIds = new Set(set.criteria.flatMap((c) => c.indicators.map((i) => i.id)));
  recognition.required_indicators.forEach((rid, k) => {
    if (!indicatorIds.has(rid))
      out.push(problem('E_CRITERIA_UNKNOWN_REF', { id: rid, kind: ref('W_INDICATOR') }, locate(src, ['scoring', 'recognition', 'required_indicators', k], { at: 'value' })));
  });
  classification.forEach((band, k) => {
    const where = locate(src, ['scoring', 'classification', k, 'min_total'], { at: 'value' });
    if (band.min_total > max_total)
      out.push(problem('E_CRITERIA_THRESHOLD', { what: `classification "${band.label}"`, value: fmt(band.min_total), max: fmt(max_total) }, where));
    if (k > 0 && band.min_total >= classification[k - 1].min_total)
      out.push(problem('E_CRITERIA_BAND_ORDER', { label: band.label, previous: classification[k - 1].label }, where));
  });
  return out;
};

const levelsMatchType: Rule = (set, src) =>
  set.criteria.flatMap((c, ci) =>
    c.indicators.flatMap((ind, ii): Problem[] => {
      const path = ['criteria', ci, 'indicators', ii];
      if (ind.type === 'levels' && !ind.levels) return [problem('E_CRITERIA_LEVELS_MISSING', { id: ind.id }, locate(src, [...path, 'type'], { at: 'value' }))];
      // levels on another type would give the tally sheet and scorer (optionsOf) other choices than the scoresheet
      if (ind.type !== 'levels' && ind.levels) return [problem('E_CRITERIA_LEVELS_UNUSED', { id: ind.id, type: ind.type }, locate(src, [...path, 'levels']))];
      if (ind.levels) {
        const top = Math.max(...ind.levels.map((l) => l.points));
        if (Math.abs(top - ind.max) > 1e-9)
          return [problem('E_CRITERIA_LEVELS_MAX', { id: ind.id, top: fmt(top), max: fmt(ind.max) }, locate(src, [...path, 'levels']))];
      }
      return [];
    }),
  );

const uniqueSteps: Rule = (set, src) => {
  const firstLine = new Map<string, number>();
  return set.procedure.flatMap((s, k) => {
    const where = locate(src, ['procedure', k, 'key'], { at: 'value' });
    if (firstLine.has(s.key)) return [problem('E_CRITERIA_DUPLICATE_ID', { id: s.key, first: firstLine.get(s.key)! }, where)];
    firstLine.set(s.key, where.line!);
    return [];
  });
};

export const criteriaRules: Rule[] = [uniqueIds, criterionSums, totalSum, thresholdsInRange, levelsMatchType, uniqueSteps];

export const checkCriteriaRules = (set: CriteriaSet, src: YamlSource): Problem[] => criteriaRules.flatMap((rule) => rule(set, src));
