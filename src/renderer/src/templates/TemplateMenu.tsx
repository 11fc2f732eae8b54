import { memo, useState, type FormEvent } from 'react';
import { TEMPLATES, type Template } from './catalog';
import { layeredDoc, parseLayerSpec } from './layered';
import { needsLayout } from '../layout/layoutService';
import { useStudio } from '../studio/StudioContext';
import type { Studio } from '../studio/createStudio';

async function apply(studio: Studio, template: Pick<Template, 'name' | 'build'>): Promise<void> {
  try {
    const before = studio.document.getState().doc;
    const built = template.build(before);
    const doc = needsLayout(built) ? await studio.layout.laidOut(built) : built;
    if (!doc || studio.document.getState().doc !== before) return; // layout cancelled, or edited while laying out
    studio.selection.clearSelection();
    studio.document.replaceDocument(doc, `Template: ${template.name}`);
    requestAnimationFrame(() => void studio.commands.run('view.fit'));
  } catch (err) {
    studio.notices.notify(`Could not build ${template.name}: ${err instanceof Error ? err.message : String(err)}`, 'error');
  }
}

// Start from a template (one undoable edit) or generate a layered network from a spec.
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
    void apply(studio, { name: `Layered ${parsed.sizes.join('-')}`, build: (d) => layeredDoc(parsed.sizes, { dataset: d.dataset, seed: d.training.seed }) });
  };
  return (
    <section className="panel" aria-label="Templates">
      <h2>Templates</h2>
      <div className="palette-items">
        {TEMPLATES.map((t) => (
          <button key={t.id} type="button" className="palette-item" title={t.description} onClick={() => void apply(studio, t)}>
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
