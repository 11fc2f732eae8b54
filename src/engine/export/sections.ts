// An exported program as a list of steps, each with a Markdown explanation and its code: a script
// joins them (the Markdown as comments), a notebook makes one Markdown cell and one code cell of each.

export interface Section {
  /** Markdown: what this step is and, where it helps, its formula */
  markdown: string;
  code: string;
  /** the notebook's parameters cell (papermill's convention: tagged "parameters") */
  parameters?: boolean;
}

/** Markdown as `#` comment lines above the code */
export function scriptOf(header: string, sections: readonly Section[], footer: string): string {
  const parts = sections.map((s) => `${s.markdown.split('\n').map((line) => (line === '' ? '#' : `# ${line}`)).join('\n')}\n${s.code.trimEnd()}\n`);
  return `${header.trimEnd()}\n\n${parts.join('\n\n')}\n\n${footer.trimEnd()}\n`;
}
