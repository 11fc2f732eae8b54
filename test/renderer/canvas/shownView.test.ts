import { describe, expect, it, vi } from 'vitest';
import { createShownView } from '../../../src/renderer/src/canvas/shownView';

// A document just shown: the canvas places the view at once when it can from the document alone
// (a big graph's opening view: its nodes' first render is then of that view), else a frame later.

function frames() {
  const queued: (() => void)[] = [];
  return { request: (run: () => void) => queued.push(run), run: () => queued.splice(0).forEach((f) => f()), queued };
}

describe('createShownView', () => {
  it('places a big graph’s view before its nodes render, and fits nothing after', () => {
    const f = frames();
    const view = createShownView(f.request);
    const afterRender = vi.fn();
    view.register({ beforeRender: () => true, afterRender });
    view.show();
    expect(f.queued).toHaveLength(0);
    f.run();
    expect(afterRender).not.toHaveBeenCalled();
  });

  it('fits any other graph at the next frame, once its nodes have rendered', () => {
    const f = frames();
    const view = createShownView(f.request);
    const afterRender = vi.fn();
    view.register({ beforeRender: () => false, afterRender });
    view.show();
    expect(afterRender).not.toHaveBeenCalled();
    f.run();
    expect(afterRender).toHaveBeenCalledTimes(1);
  });

  it('does nothing once the canvas is gone', () => {
    const f = frames();
    const view = createShownView(f.request);
    const afterRender = vi.fn();
    view.register({ beforeRender: () => false, afterRender })();
    view.show();
    f.run();
    expect(afterRender).not.toHaveBeenCalled();
  });
});
