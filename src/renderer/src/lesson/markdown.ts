import MarkdownIt, { type StateInline } from 'markdown-it';
import katex from 'katex';

// A lesson step's text: Markdown with raw HTML off (a lesson file cannot put markup, scripts or
// styles on the page: "<b>" shows as text), links opened safely, and math between $…$ (inline)
// or $$…$$ (display) rendered by KaTeX. markdown-it has no math of its own; the one inline rule
// below finds the dollar signs (a "\$" stays a dollar).

/** the Markdown renderer for lesson text; one per studio (no module state) */
export function createLessonMarkdown(): (text: string) => string {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.inline.ruler.after('escape', 'math', math);
  md.renderer.rules.math_inline = (tokens, i) => tex(tokens[i].content, false);
  md.renderer.rules.math_display = (tokens, i) => tex(tokens[i].content, true);
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  md.renderer.rules.link_open = (tokens, i, options, env, self) => {
    tokens[i].attrSet('target', '_blank');
    tokens[i].attrSet('rel', 'noopener noreferrer');
    return defaultLink(tokens, i, options, env, self);
  };
  return (text) => md.render(text);
}

function tex(source: string, display: boolean): string {
  return katex.renderToString(source, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });
}

/** `$…$` or `$$…$$` at the cursor: one math token (silent: only say whether there is one) */
function math(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(pos + 1) === 0x24;
  const open = display ? 2 : 1;
  const end = closing(src, pos + open, display);
  if (end < 0) return false;
  const content = src.slice(pos + open, end);
  if (content.trim() === '') return false;
  if (!silent) {
    const token = state.push(display ? 'math_display' : 'math_inline', 'math', 0);
    token.content = content;
    token.markup = display ? '$$' : '$';
  }
  state.pos = end + open;
  return true;
}

/** where the closing $ (or $$) is, skipping "\$"; −1 without one */
function closing(src: string, from: number, display: boolean): number {
  for (let i = from; i < src.length; i++) {
    if (src[i] === '\\') {
      i++;
      continue;
    }
    if (src[i] === '$' && (!display || src[i + 1] === '$')) return i;
  }
  return -1;
}
