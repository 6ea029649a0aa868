// Evidence 9: `hoctap init <folder>` makes a project that builds, and refuses to overwrite one;
// `hoctap new criteria <id> --from <id>` copies a set as unverified and the build includes it.
// One chain on one initialised project, so a single build covers both (builds cost seconds).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempProject, type TempProject } from '../helpers/temp-project.js';

let root: TempProject;
let dir: string; // the initialised project
let shipped: string[]; // its criteria files
let sourceId: string; // the set copied by `new`
const COPY = 'bo-phuong-moi';
const read = (rel: string) => readFileSync(join(dir, rel), 'utf8');

beforeAll(() => {
  root = tempProject();
  dir = join(root.dir, 'phuong-moi');
});
afterAll(() => root?.remove());

describe('hoctap init → new criteria → build', () => {
  it('init creates hoctap.yaml, criteria/ and templates/', async () => {
    const r = await runCli(['init', 'phuong-moi'], root.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Đã tạo dự án trong phuong-moi');
    expect(existsSync(join(dir, 'hoctap.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'templates'))).toBe(true);
    shipped = root.list('phuong-moi/criteria').filter((f) => f.endsWith('.yaml'));
    expect(shipped.length).toBeGreaterThan(0);
  });

  it('init refuses (exit 1) to overwrite the project, and leaves it untouched', async () => {
    const before = root.list('phuong-moi');
    const config = read('hoctap.yaml');
    const r = await runCli(['init', '.'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hoctap\.yaml — Thư mục \. đã có hoctap\.yaml\. Gợi ý: /);
    expect(read('hoctap.yaml')).toBe(config);
    expect(root.list('phuong-moi')).toEqual(before);
  });

  it('new criteria copies a set with the new id and verified: false, keeping its comments', async () => {
    // Every shipped set costs seconds to build: keep the first one, and mark it verified (as a
    // ward would after checking it) so the copy visibly turns it back to false.
    for (const f of shipped.slice(1)) rmSync(join(dir, 'criteria', f));
    const sourceFile = `criteria/${shipped[0]}`;
    const doc = parseDocument(read(sourceFile));
    doc.setIn(['provenance', 'verified'], true);
    writeFileSync(join(dir, sourceFile), `# Đã đối chiếu tại phường\n${String(doc)}`);
    sourceId = String(doc.get('id'));

    const r = await runCli(['new', 'criteria', COPY, '--from', sourceId], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`criteria/${COPY}.yaml`);
    const text = read(`criteria/${COPY}.yaml`);
    expect(text).toContain('# Đã đối chiếu tại phường');
    const copy = parse(text);
    const original = parse(read(sourceFile));
    expect(copy.id).toBe(COPY);
    expect(copy.provenance.verified).toBe(false);
    expect(copy.provenance.notes).toContain(sourceId);
    expect(copy.criteria).toEqual(original.criteria);
    expect(copy.scoring).toEqual(original.scoring);
    expect(original.provenance.verified).toBe(true); // the source is untouched
  });

  it('new criteria with an unknown --from exits 1 and lists the known ids in the hint', async () => {
    const r = await runCli(['new', 'criteria', 'x-moi', '--from', 'khong-co'], dir);
    expect(r.code).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.includes('"khong-co"')) ?? '';
    expect(line).toContain('Không có bộ tiêu chí mã "khong-co". Gợi ý: Các mã có sẵn: ');
    const known = /Các mã có sẵn: (.*)\.$/.exec(line)![1].split(', ');
    expect(known.sort()).toEqual([COPY, sourceId].sort());
    expect(existsSync(join(dir, 'criteria/x-moi.yaml'))).toBe(false);
  });

  it('new criteria with an id that exists exits 1 and overwrites nothing', async () => {
    const before = read(`criteria/${COPY}.yaml`);
    const r = await runCli(['new', 'criteria', COPY, '--from', sourceId], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Đã có bộ tiêu chí mã "${COPY}"`);
    expect(read(`criteria/${COPY}.yaml`)).toBe(before);
  });

  it('the initialised project builds, including the copy, which is warned as unverified', async () => {
    const r = await runCli(['build'], dir);
    expect(r.code, r.stderr).toBe(0);
    const out = root.list('phuong-moi/out');
    for (const id of [sourceId, COPY]) expect(out).toEqual(expect.arrayContaining([`phieu-dang-ky/${id}.pdf`, `phieu-cham-diem/${id}.pdf`]));
    expect(r.stderr).toMatch(new RegExp(`criteria/${COPY}\\.yaml — Cảnh báo: Bộ tiêu chí "${COPY}" là BẢN MẪU`));
    expect(r.stderr).not.toMatch(new RegExp(`Bộ tiêu chí "${sourceId}" là BẢN MẪU`));
  });
});
