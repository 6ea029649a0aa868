// The font registry: the bundled Tinos (metric-compatible with Times New Roman, OFL-1.1) or the
// project's own TTFs from hoctap.yaml `phong_chu`, and the Vietnamese glyph coverage check.
// Never a standard-14 font: those garble Vietnamese silently.
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { problem, UserError, type Problem } from '../errors.js';
import type { ProjectConfig } from '../config/config-schema.js';

const require = createRequire(import.meta.url);

export interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

const tinos = (style: string) => require.resolve(`@expo-google-fonts/tinos/${style}/Tinos_${style}.ttf`);

export const BUNDLED_FONTS: FontFiles = {
  normal: tinos('400Regular'),
  bold: tinos('700Bold'),
  italics: tinos('400Regular_Italic'),
  bolditalics: tinos('700Bold_Italic'),
};

/** The family name every document builder uses. */
export const FONT = 'Serif';

const BASE_VOWELS = 'aăâeêioôơuưy';
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** Every Vietnamese letter, NFC, both cases: 12 vowels × (1 + 5 tones) + đ. */
export const VIETNAMESE_LETTERS: string[] = (() => {
  const lower = [...BASE_VOWELS].flatMap((v) => [v, ...TONES.map((t) => (v + t).normalize('NFC'))]).concat('đ');
  return [...lower, ...lower.map((c) => c.toUpperCase())];
})();

export function missingVietnameseGlyphs(path: string): string[] {
  const font = fontkit.openSync(path) as fontkit.Font;
  return VIETNAMESE_LETTERS.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
}

/** The fonts a project prints with; own fonts are checked for Vietnamese coverage. */
export function fontFilesFor(config: Pick<ProjectConfig, 'phong_chu'>, root: string, configName = 'hoctap.yaml'): FontFiles {
  if (!config.phong_chu) return BUNDLED_FONTS;
  const p = config.phong_chu;
  const files: FontFiles = { normal: p.thuong, bold: p.dam, italics: p.nghieng, bolditalics: p.dam_nghieng };
  const problems: Problem[] = [];
  for (const [k, f] of Object.entries(files) as [keyof FontFiles, string][]) {
    const abs = isAbsolute(f) ? f : resolve(root, f);
    files[k] = abs;
    try {
      if (!/\.(ttf|otf)$/i.test(abs)) throw new Error('cần tệp .ttf hoặc .otf');
      readFileSync(abs);
      const missing = missingVietnameseGlyphs(abs);
      if (missing.length) problems.push(problem('E_FONT_GLYPHS', { file: f, count: missing.length, letters: missing.slice(0, 12).join(' ') }, { file: configName }));
    } catch (e) {
      problems.push(problem('E_FONT_FILE', { file: f, detail: (e as Error).message }, { file: configName }));
    }
  }
  if (problems.length) throw new UserError(problems);
  return files;
}
