import type { GraphDoc } from '../../../engine';
import type { DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import type { Selection } from '../store/selection';
import type { DocumentFlows } from '../files/documentFlows';
import { needsLayout, type Layout } from '../layout/layoutService';
import type { Template } from './catalog';
import { onlyTrainedSince } from '../store/trainedSince';

// A template or a generated layered net is a new, untitled document, as File › New makes one:
// it asks about unsaved changes first, and never keeps the open file's name or path (Save would
// otherwise write the template over that file).

export interface TemplateFlowsDeps {
  document: DocumentStore;
  selection: Pick<Selection, 'clearSelection'>;
  flows: Pick<DocumentFlows, 'ensureSaved'>;
  layout: Pick<Layout, 'laidOut'>;
  notices: Pick<Notices, 'notify'>;
  /** after the new document is on screen (fits the view) */
  shown: () => void;
}

export function createTemplateFlows({ document, selection, flows, layout, notices, shown }: TemplateFlowsDeps) {
  /** builds the template from the current document and opens it as a new, untitled one; true when it did */
  async function apply(template: Pick<Template, 'name' | 'build'>): Promise<boolean> {
    let doc: GraphDoc;
    const before = document.getState().doc;
    try {
      const built = template.build(before);
      const placed = needsLayout(built) ? await layout.laidOut(built) : built;
      if (!placed) return false; // the person cancelled the layout
      doc = placed;
    } catch (err) {
      notices.notify(`Could not build ${template.name}: ${err instanceof Error ? err.message : String(err)}`, 'error');
      return false;
    }
    // edited while laying out (or another file opened): the person's document stays; training's own writes do not count
    if (!onlyTrainedSince(before, document.getState().doc)) return false;
    if (!(await flows.ensureSaved())) return false;
    selection.clearSelection();
    document.loadDocument(doc);
    shown();
    return true;
  }
  return { apply };
}

export type TemplateFlows = ReturnType<typeof createTemplateFlows>;
