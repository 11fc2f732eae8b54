import { memo, useState, type FormEvent } from 'react';
import { TEMPLATES } from './catalog';
import { layeredDoc, parseLayerSpec } from './layered';
import { useStudio } from '../studio/StudioContext';

// Start from a template or generate a layered network from a spec: a new, untitled document
// (templateFlows.ts), asking about unsaved changes first.
export const TemplateMenu = memo(function TemplateMenu() {
  const studio = useStudio();
  const [spec, setSpec] = useState('2-5-3-1');
  const [problem, setProblem] = useState<string | null>(null);
  const onGenerate = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseLayerSpec(spec);
    if (!parsed.ok) {
      setProblem(parsed.reason);
      return;
    }
    setProblem(null);
    void studio.templates.apply({ name: `Layered ${parsed.sizes.join('-')}`, build: (d) => layeredDoc(parsed.sizes, { dataset: d.dataset, seed: d.training.seed }) });
  };
  return (
    <section className="panel" aria-label="Templates">
      <h2>Templates</h2>
      <div className="palette-items">
        {TEMPLATES.map((t) => (
          <button key={t.id} type="button" className="palette-item" title={t.description} onClick={() => void studio.templates.apply(t)}>
            {t.name}
          </button>
        ))}
      </div>
      <form className="layered-form" onSubmit={onGenerate}>
        <label>
          Layers
          <input
            value={spec}
            onChange={(e) => setSpec(e.target.value)}
            aria-label="Layer sizes"
            aria-invalid={problem !== null}
            spellCheck={false}
          />
        </label>
        <button type="submit">Generate layered</button>
        {problem && <div className="form-problem" role="alert">{problem}</div>}
      </form>
    </section>
  );
});
