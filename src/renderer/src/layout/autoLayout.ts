import type { GraphDoc } from '../../../engine';
import type { DocumentStore } from '../store/document';
import type { Notices } from '../store/notices';
import { needsLayout, type Layout } from './layoutService';

export function createAutoLayout(document: DocumentStore, notices: Pick<Notices, 'notify'>, layout: Pick<Layout, 'laidOut'>) {
  const failed = (err: unknown) =>
    notices.notify(`Automatic layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
  return {
    /** the "Auto layout" command: one undoable edit (none when cancelled) */
    async run(): Promise<void> {
      const before = document.getState().doc;
      try {
        const next = await layout.laidOut(before);
        if (!next || document.getState().doc !== before) return; // cancelled, or edited meanwhile: drop the stale layout
        document.replaceDocument(next, 'Auto layout');
      } catch (err) {
        failed(err);
      }
    },
    /** a document ready to show: laid out first when it carries no positions or its nodes overlap; null when the layout was cancelled */
    async arranged(doc: GraphDoc): Promise<GraphDoc | null> {
      if (!needsLayout(doc)) return doc;
      try {
        return await layout.laidOut(doc);
      } catch (err) {
        failed(err);
        return doc;
      }
    },
  };
}

export type AutoLayout = ReturnType<typeof createAutoLayout>;
