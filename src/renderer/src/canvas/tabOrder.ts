// Keyboard order on the canvas: Tab visits every node (document order) before any edge, then
// leaves the canvas. React Flow draws the edges' layer before the nodes' one, so the browser's
// own order would visit all edges first (on the 2-5-1 net, 21 edges before neuron 1).

const NODES = '.react-flow__node[tabindex]';
const EDGES = '.react-flow__edge[tabindex]';
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** the canvas's Tab stops in order: nodes, then edges */
export function canvasTabOrder(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(NODES), ...root.querySelectorAll<HTMLElement>(EDGES)];
}

function tabbable(el: HTMLElement): boolean {
  return el.tabIndex >= 0 && !el.closest('[hidden], [inert]') && el.getClientRects().length > 0;
}

/** the first Tab stop after the canvas (forward) or the last before it */
export function outsideStop(root: Element, forward: boolean): HTMLElement | null {
  const all = [...root.ownerDocument.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !root.contains(el) && tabbable(el));
  const after = (el: HTMLElement) => (root.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return forward ? (all.find(after) ?? null) : (all.filter((el) => !after(el)).at(-1) ?? null);
}

/** Tab (or Shift+Tab) on a canvas stop: the next stop in canvas order, or out of the canvas past its last */
export function moveTab(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target' | 'preventDefault'>, root: Element): void {
  if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
  const stops = canvasTabOrder(root);
  const i = stops.indexOf(e.target as HTMLElement);
  if (i < 0) return;
  const next = stops[i + (e.shiftKey ? -1 : 1)] ?? outsideStop(root, !e.shiftKey);
  if (!next) return;
  e.preventDefault();
  next.focus();
}

/**
 * focus Tabbed into the canvas from outside lands on its first stop (Tab) or its last
 * (Shift+Tab); a click's focus (not :focus-visible) stays where it was clicked
 */
export function enterCanvas(e: Pick<FocusEvent, 'target' | 'relatedTarget'>, root: Element): void {
  const from = e.relatedTarget;
  const target = e.target as HTMLElement;
  if (from instanceof Node && root.contains(from)) return;
  const stops = canvasTabOrder(root);
  if (!stops.includes(target) || !target.matches(':focus-visible')) return;
  // from nowhere (the page's start) or from before the canvas: forward
  const forward = !(from instanceof Node) || (root.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  const want = forward ? stops[0] : stops.at(-1);
  if (want && want !== target) want.focus();
}
