// KaTeX's stylesheet made self-contained: each @font-face whose woff2 file is given points at it
// as a data URL (the woff and ttf fallbacks dropped); a face not given is dropped, and the
// browser falls back to a local serif. The same fonts in, the same bytes out, from the command
// line and from the app.

/** the faces the worksheet's formulas use (fractions, \Big, cases, \text, \operatorname, italics) */
export const WORKSHEET_FONTS = [
  'KaTeX_Main-Regular',
  'KaTeX_Main-Bold',
  'KaTeX_Main-Italic',
  'KaTeX_Math-Italic',
  'KaTeX_Size1-Regular',
  'KaTeX_Size2-Regular',
  'KaTeX_Size3-Regular',
  'KaTeX_Size4-Regular',
] as const;

const FONT_FACE = /@font-face\{[^}]*?src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\)[^}]*\}/g;

/** css: katex.min.css; fonts: face name (e.g. "KaTeX_Main-Regular") → its woff2 file in base64 */
export function katexStyle(css: string, fonts: Readonly<Record<string, string>>): string {
  return css.replace(FONT_FACE, (face: string, name: string) => {
    const data = Object.hasOwn(fonts, name) ? fonts[name] : undefined;
    if (data === undefined) return '';
    return face.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`);
  });
}
