import { memo, useMemo } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';
import './formula.css';
import type { FormulaBlock } from './tex';

// KaTeX, rendered to a string once per distinct formula. MathML rides along for screen readers.
export const Tex = memo(function Tex({ tex }: { tex: string }) {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' }),
    [tex],
  );
  return <div className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
});

/** one derivation, carrying the value it ends in for people (title) and tests (data-value) */
export const FormulaView = memo(function FormulaView({ block }: { block: FormulaBlock }) {
  return (
    <div className="formula-block" data-formula={block.quantity} data-value={String(block.value)} title={String(block.value)}>
      <Tex tex={block.tex} />
      {block.note && <p className="formula-note">{block.note}</p>}
    </div>
  );
});
