// KaTeX's stylesheet and the worksheet's fonts from the app's bundle (Vite: the CSS as text, each
// woff2 as a data URL), made self-contained by the engine's katexStyle exactly as the command line
// makes it from disk, so the app and `worksheet` write the same bytes. Loaded only when a
// worksheet is made (the fonts are ~130 kB).

import css from 'katex/dist/katex.min.css?raw';
import mainRegular from 'katex/dist/fonts/KaTeX_Main-Regular.woff2?inline';
import mainBold from 'katex/dist/fonts/KaTeX_Main-Bold.woff2?inline';
import mainItalic from 'katex/dist/fonts/KaTeX_Main-Italic.woff2?inline';
import mathItalic from 'katex/dist/fonts/KaTeX_Math-Italic.woff2?inline';
import size1 from 'katex/dist/fonts/KaTeX_Size1-Regular.woff2?inline';
import size2 from 'katex/dist/fonts/KaTeX_Size2-Regular.woff2?inline';
import size3 from 'katex/dist/fonts/KaTeX_Size3-Regular.woff2?inline';
import size4 from 'katex/dist/fonts/KaTeX_Size4-Regular.woff2?inline';
import { katexStyle, WORKSHEET_FONTS } from '../../../engine/worksheet';

const DATA_URLS: Readonly<Record<(typeof WORKSHEET_FONTS)[number], string>> = {
  'KaTeX_Main-Regular': mainRegular,
  'KaTeX_Main-Bold': mainBold,
  'KaTeX_Main-Italic': mainItalic,
  'KaTeX_Math-Italic': mathItalic,
  'KaTeX_Size1-Regular': size1,
  'KaTeX_Size2-Regular': size2,
  'KaTeX_Size3-Regular': size3,
  'KaTeX_Size4-Regular': size4,
};

/** the base64 after a data URL's comma */
const base64Of = (dataUrl: string): string => dataUrl.slice(dataUrl.indexOf(',') + 1);

export function bundledKatexCss(): string {
  const fonts = Object.fromEntries(WORKSHEET_FONTS.map((name) => [name, base64Of(DATA_URLS[name])]));
  return katexStyle(css, fonts);
}
