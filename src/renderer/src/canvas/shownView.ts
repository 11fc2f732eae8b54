// A document has just been put on the canvas (opened, a template, a share link): the canvas places
// the view on it. Built by the composition root; the canvas registers how, since it holds React
// Flow's instance (canvas/editCommands.ts).

export interface ViewPlacing {
  /**
   * right away, before the new nodes render: true when it placed the view (a big graph's opening
   * view, from the document's positions: its first render is then of the nodes that view shows)
   */
  beforeRender(): boolean;
  /** at the next frame, once the new nodes have rendered (fitting them needs their measured boxes) */
  afterRender(): void;
}

export interface ShownView {
  /** the registered canvas places the view on the document now shown */
  show(): void;
  /** the canvas's placing of the view; returns the unregister */
  register(placing: ViewPlacing): () => void;
}

export function createShownView(requestFrame: (run: () => void) => unknown): ShownView {
  let current: ViewPlacing | null = null;
  return {
    show() {
      if (current?.beforeRender()) return;
      requestFrame(() => current?.afterRender());
    },
    register(placing) {
      current = placing;
      return () => {
        if (current === placing) current = null;
      };
    },
  };
}
