// Text width with the fonts that will print it, so builders can size rules exactly
// (the Tiêu ngữ underline is as long as the Tiêu ngữ). Injected into builders as `measure`.
import * as fontkit from 'fontkit';
import type { FontFiles } from './fonts.js';

export type FontStyle = keyof FontFiles;
export type Measure = (text: string, sizePt: number, style?: FontStyle) => number;

const opened = new Map<string, fontkit.Font>();

export function measurerFor(files: FontFiles): Measure {
  return (text, sizePt, style = 'normal') => {
    const path = files[style];
    let font = opened.get(path);
    if (!font) opened.set(path, (font = fontkit.openSync(path) as fontkit.Font));
    return (font.layout(text.normalize('NFC')).advanceWidth / font.unitsPerEm) * sizePt;
  };
}
