// The PyTorch export as a Jupyter notebook (nbformat 4): one Markdown cell and one code cell per step.

import type { GraphDoc } from '../format/types';
import { pytorchSections } from './pytorch';

/** a cell's source as nbformat writes it: lines, each but the last ending in \n */
function sourceLines(text: string): string[] {
  const lines = text.trimEnd().split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
}

export function exportNotebook(doc: GraphDoc): string {
  const cells = pytorchSections(doc).flatMap((s) => [
    { cell_type: 'markdown', metadata: {}, source: sourceLines(s.markdown) },
    { cell_type: 'code', execution_count: null, metadata: s.parameters ? { tags: ['parameters'] } : {}, outputs: [], source: sourceLines(s.code) },
  ]);
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
  return JSON.stringify(notebook, null, 1) + '\n';
}
