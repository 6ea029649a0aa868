// Parse a YAML source with positions, validate it with a zod schema, and turn every YAML
// and schema issue into a Problem with file:line:col. Text is NFC-normalised first, so
// values that reach layout are always NFC whatever the editor saved.
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { problem, ref, type MessageRef, type Problem, type SourceLocation } from '../errors.js';
import type { MessageKey } from '../locale/messages.js';

export interface YamlSource {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

export type PathSegment = string | number;

/** Where a path points in the source: the key of a mapping entry, or the item of a list. */
export function locate(src: YamlSource, path: readonly PathSegment[], { at = 'key' }: { at?: 'key' | 'value' } = {}): SourceLocation {
  let node: unknown = src.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node;
      const valueNode = pair.value as Node | null;
      offset = keyNode.range?.[0] ?? offset;
      node = valueNode;
      if (at === 'value' && valueNode?.range) offset = valueNode.range[0];
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  const { line, col } = src.lineCounter.linePos(offset);
  return { file: src.file, line, col };
}

// Words inside messages come from the catalogue too, so --lang en has no Vietnamese fragments.
const describe = (v: unknown): MessageRef | string =>
  v === undefined ? ref('W_EMPTY') : v === null ? 'null' : Array.isArray(v) ? ref('W_LIST') : typeof v === 'object' ? ref('W_MAPPING')
    : typeof v === 'number' ? ref('W_NUMBER', { value: v }) : typeof v === 'boolean' ? String(v) : ref('W_TEXT', { value: String(v) });

const EXPECTED: Record<string, MessageKey> = {
  number: 'W_EXPECT_NUMBER', string: 'W_EXPECT_TEXT', boolean: 'W_EXPECT_BOOLEAN', array: 'W_EXPECT_LIST', object: 'W_EXPECT_MAPPING', int: 'W_EXPECT_INT',
};

/** Where a missing key should go, in words: 'the top of the file', '"scoring"', 'item 2 of "indicators"'. */
function parentName(path: readonly PathSegment[]): MessageRef | string {
  const parent = path.at(-2);
  if (parent === undefined) return ref('W_FILE_TOP');
  if (typeof parent === 'number') return ref('W_LIST_ITEM', { n: parent + 1, list: String(path.at(-3) ?? '') });
  return `"${parent}"`;
}

/** Keys a zod object accepts, to list in the "unknown key" hint. */
function allowedKeys(schema: z.ZodType, path: readonly PathSegment[]): string {
  let s: any = schema;
  const unwrap = (x: any) => {
    while (x?._zod?.def && ['optional', 'nullable', 'default', 'pipe', 'catch', 'readonly'].includes(x._zod.def.type))
      x = x._zod.def.type === 'pipe' ? x._zod.def.in : x._zod.def.innerType;
    return x;
  };
  s = unwrap(s);
  for (const seg of path) {
    if (!s) break;
    if (typeof seg === 'number' && s._zod?.def?.type === 'array') s = unwrap(s._zod.def.element);
    else if (s._zod?.def?.type === 'object') s = unwrap(s._zod.def.shape[seg]);
    else if (s._zod?.def?.type === 'record') s = unwrap(s._zod.def.valueType);
    else return '';
  }
  return s?._zod?.def?.type === 'object' ? Object.keys(s._zod.def.shape).join(', ') : '';
}

const valueAt = (data: unknown, path: readonly PathSegment[]) =>
  path.reduce<any>((v, seg) => (v == null ? undefined : v[seg as any]), data);

/** One zod issue → Problems (an unknown-keys issue gives one per key). */
function issueToProblems(src: YamlSource, schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path as PathSegment[];
  const name = path.length ? String(path.at(-1)) : ref('W_ROOT');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) =>
        problem('E_SCHEMA_UNKNOWN_KEY', { name: k, allowed: allowedKeys(schema, path) }, locate(src, [...path, k])),
      );
    case 'invalid_type': {
      const received = valueAt(data, path);
      if (received === undefined) {
        return [problem('E_SCHEMA_MISSING', { name, parent: parentName(path) }, locate(src, path.slice(0, -1)))];
      }
      return [problem('E_SCHEMA_TYPE', { name, expected: EXPECTED[issue.expected] ? ref(EXPECTED[issue.expected]) : issue.expected, received: describe(received) }, locate(src, path, { at: 'value' }))];
    }
    // zod's own words for these are English: say them from the catalogue
    case 'too_small':
    case 'too_big': {
      const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.code === 'too_small' && issue.origin === 'string' && n <= 1) return [problem('E_SCHEMA_EMPTY', { name }, locate(src, path, { at: 'value' }))];
      const bound = issue.origin === 'array' && issue.code === 'too_small' ? ref('W_AT_LEAST_ITEMS', { n })
        : issue.origin === 'number' ? ref(issue.code === 'too_small' ? (issue.inclusive ? 'W_AT_LEAST' : 'W_ABOVE') : issue.inclusive ? 'W_AT_MOST' : 'W_BELOW', { n: String(n) }) // plain digits: these bounds are years and counts
          : undefined;
      if (bound) return [problem('E_SCHEMA_RANGE', { name, bound }, locate(src, path, { at: 'value' }))];
      return [problem('E_SCHEMA_VALUE', { name, detail: issue.message }, locate(src, path, { at: 'value' }))];
    }
    case 'invalid_value':
      return [problem('E_SCHEMA_ENUM', { name, allowed: issue.values.map(String).join(', ') }, locate(src, path, { at: 'value' }))];
    default:
      return [problem('E_SCHEMA_VALUE', { name, detail: issue.message }, locate(src, path, { at: 'value' }))];
  }
}

export interface ParsedYaml<T> {
  value?: T;
  source?: YamlSource;
  problems: Problem[];
}

export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): ParsedYaml<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.normalize('NFC'), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const src: YamlSource = { file, doc, lineCounter };
  const problems: Problem[] = doc.errors.map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    const dup = /unique/i.test(e.message) && e.code === 'DUPLICATE_KEY';
    const keyName = dup ? text.normalize('NFC').slice(e.pos[0]).split(/:(?:\s|$)|\n/)[0].trim() : '';
    return dup
      ? problem('E_YAML_DUPLICATE_KEY', { name: keyName }, { file, line, col })
      : problem('E_YAML_SYNTAX', { detail: e.message.split('\n')[0] }, { file, line, col });
  });
  if (problems.length) return { problems, source: src };
  const raw = doc.toJS();
  const result = schema.safeParse(raw);
  if (!result.success) {
    return { source: src, problems: result.error.issues.flatMap((i) => issueToProblems(src, schema, raw, i)) };
  }
  return { value: result.data, source: src, problems };
}

export async function readYamlFile<S extends z.ZodType>(path: string, shownAs: string, schema: S): Promise<ParsedYaml<z.infer<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { problems: [problem('E_FILE_READ', { detail: (e as Error).message }, { file: shownAs })] };
  }
  return parseYaml(text.replace(/^\uFEFF/, ''), shownAs, schema);
}

