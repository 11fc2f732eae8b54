// What a name, id, label or lesson text may hold: the one check every text of the file goes
// through (types.ts, lesson.ts), kept apart so both schemas can use it without importing each other.

/** why a text cannot be shown or exported as it is, or null: U+0000–U+001F, U+FFFE, U+FFFF, lone surrogates */
export function textProblem(value: string, allowed: ReadonlySet<number> = NONE): string | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const at = `at character ${i + 1}`;
    if ((c < 0x20 && !allowed.has(c)) || c === 0xfffe || c === 0xffff) {
      return `contains the control character ${codePoint(c)} ${at}; names, ids and labels may not contain U+0000–U+001F, U+FFFE or U+FFFF`;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) return `contains an unpaired surrogate (${codePoint(c)} ${at}), which is not a character`;
  }
  return null;
}

const NONE: ReadonlySet<number> = new Set();

/** tab and line breaks: allowed in a lesson's Markdown */
export const LINE_BREAKS: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0d]);

function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}
