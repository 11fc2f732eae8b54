import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { CommandId } from '../../../shared/commands';
import { useStudio } from '../studio/StudioContext';

const FIT = { padding: 0.15, maxZoom: 1.3, duration: 200 };

// The canvas's own commands (view.zoom/fit/layout) need React Flow's instance, so the canvas
// registers them; the edit.* commands are the studio's (studio/createStudio.ts).
export function useCanvasCommands(): void {
  const studio = useStudio();
  const flow = useReactFlow();
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
    return () => offs.forEach((off) => off());
  }, [studio, flow]);
}
