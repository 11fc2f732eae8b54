import { useEffect } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { CommandId } from '../../../shared/commands';
import { useStudio } from '../studio/StudioContext';
import { FIT_VIEW, openingViewport } from '../layout/openingView';

const FIT = { ...FIT_VIEW, duration: 200 };

// The canvas's own commands (view.zoom/fit/layout) need React Flow's instance, so the canvas
// registers them; the edit.* commands are the studio's (studio/createStudio.ts).
export function useCanvasCommands(): void {
  const studio = useStudio();
  const flow = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    const commands: [CommandId, () => void | Promise<void>][] = [
      ['view.zoomIn', () => void flow.zoomIn({ duration: 150 })],
      ['view.zoomOut', () => void flow.zoomOut({ duration: 150 })],
      ['view.fit', () => void flow.fitView(FIT)],
      ['view.layout', async () => {
        await studio.autoLayout.run();
        requestAnimationFrame(() => void flow.fitView(FIT));
      }],
    ];
    const offs = commands.map(([id, run]) => studio.commands.register(id, run));
    // a document just shown: a graph too big to fit opened at once on its start (before its
    // nodes render: they are then those of that view), any other fitted once it has rendered
    offs.push(
      studio.shownView.register({
        beforeRender: () => {
          const { width, height } = store.getState();
          const start = openingViewport(studio.document.getState().doc.nodes, { width, height });
          if (start) void flow.setViewport(start);
          return start !== null;
        },
        afterRender: () => void flow.fitView(FIT),
      }),
    );
    return () => offs.forEach((off) => off());
  }, [studio, flow, store]);
}
