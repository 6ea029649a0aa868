// Text width with the fonts that will print it, so builders can size rules exactly
// (the Tiêu ngữ underline is as long as the Tiêu ngữ). Injected into builders as `measure`.
import * as fontkit from 'fontkit';
import type { FontFiles } from './fonts.js';

export type FontStyle = keyof FontFiles;
export type Measure = (text: string, sizePt: number, style?: FontStyle) => number;

const opened = new Map<string, fontkit.Font>();

export function measurerFor(files: FontFiles): Measure {
  // Builders measure the same labels for every person and page (a roster tally sheet asked
  // 61,000 times); shaping is the cost, so widths are remembered per style at 1 pt.
  const widths = new Map<string, number>();
  return (text, sizePt, style = 'normal') => {
    const key = `${style}\u0000${text}`;
    let em = widths.get(key);
    if (em === undefined) {
      const path = files[style];
      let font = opened.get(path);
      if (!font) opened.set(path, (font = fontkit.openSync(path) as fontkit.Font));
      em = font.layout(text.normalize('NFC')).advanceWidth / font.unitsPerEm;
      widths.set(key, em);
    }
    return em * sizePt;
  };
}
