import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { parseGraph, type GraphDoc } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { StudioProvider } from '../../../src/renderer/src/studio/StudioContext';
import { testStudio } from '../studio/fakeEnv';

// A studio on the tutorial's 2-5-1 with example 0 in hand, and a React root to render into.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export function tutorialDoc(): GraphDoc {
  const r = parseGraph(tutorialText);
  if (!r.ok) throw r.error;
  return r.doc;
}

export function world(doc: GraphDoc = tutorialDoc()) {
  const studio = testStudio({ initial: doc });
  studio.live.setState({ exampleIndex: 0 });
  const host = document.createElement('div');
  document.body.append(host);
  let root: Root | null = null;
  return {
    studio,
    host,
    render(node: ReactNode) {
      root = createRoot(host);
      act(() => root!.render(<StudioProvider studio={studio}>{node}</StudioProvider>));
    },
    act(f: () => void) {
      act(f);
    },
    done() {
      act(() => root?.unmount());
      host.remove();
    },
  };
}

/** types into a React-controlled input the way a person does */
export function typeInto(input: HTMLInputElement, text: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function press(target: Element, key: string): void {
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
}
