// A lesson's text: Markdown with math, and nothing of a file's own markup reaches the page.

import { describe, expect, it } from 'vitest';
import { createLessonMarkdown } from '../../../src/renderer/src/lesson/markdown';

const render = createLessonMarkdown();

describe('lesson Markdown', () => {
  it('renders emphasis, lists and inline and display math with KaTeX', () => {
    const html = render('The **sum** is $s_k = \\sum_j z_j w_{j \\to k}$.\n\n$$\\sigma\'(s) = \\sigma(s)(1 - \\sigma(s))$$\n\n- one\n- two');
    expect(html).toContain('<strong>sum</strong>');
    expect(html).toMatch(/<span class="katex">/);
    expect(html).toMatch(/katex-display/);
    expect(html).toContain('<li>one</li>');
  });

  it('shows raw HTML as text, never as markup', () => {
    const html = render('<img src=x onerror="alert(1)"> <script>alert(1)</script>');
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps an escaped dollar and a lone one as dollars', () => {
    expect(render('costs \\$5 and $ alone')).not.toMatch(/katex/);
    expect(render('costs \\$5 and $ alone')).toContain('$5 and $ alone');
  });

  it('opens links in a new window without handing it the page', () => {
    expect(render('[tutorial](https://example.org)')).toContain('target="_blank" rel="noopener noreferrer"');
    expect(render('[x](javascript:alert(1))')).not.toContain('href="javascript:');
  });
});
