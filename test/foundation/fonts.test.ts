// Evidence 3: every Vietnamese letter has a glyph in each bundled font style, and the letter
// list itself is complete (12 vowels × 6 tones × 2 cases + đ Đ = 146).
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONTS, missingVietnameseGlyphs, VIETNAMESE_LETTERS } from '../../src/pdf/fonts.js';

describe('Vietnamese letters', () => {
  it('the list has 12×6×2 + 2 = 146 distinct NFC letters', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(12 * 6 * 2 + 2);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(146);
    for (const ch of VIETNAMESE_LETTERS) {
      expect(ch.normalize('NFC'), ch).toBe(ch);
      expect([...ch], ch).toHaveLength(1); // one precomposed code point each
    }
  });

  it('contains every tone of every vowel in both cases, and đ Đ', () => {
    const sample = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    expect([...sample]).toHaveLength(73);
    for (const ch of [...sample, ...sample.toUpperCase()]) expect(VIETNAMESE_LETTERS, ch).toContain(ch);
  });

  it.each(Object.entries(BUNDLED_FONTS))('bundled %s font has a glyph for all 146 letters', (_style, file) => {
    expect(missingVietnameseGlyphs(file)).toEqual([]);
    // Independently of the helper: each letter maps to a real glyph (not .notdef = 0).
    const font = fontkit.openSync(file) as fontkit.Font;
    const notdef = VIETNAMESE_LETTERS.filter((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id === 0);
    expect(notdef).toEqual([]);
  });

  it('the four bundled styles are four different files', () => {
    expect(new Set(Object.values(BUNDLED_FONTS)).size).toBe(4);
    expect(Object.keys(BUNDLED_FONTS).sort()).toEqual(['bold', 'bolditalics', 'italics', 'normal']);
  });
});
