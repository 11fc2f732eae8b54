import { memo, useEffect, useRef } from 'react';
import type { Position } from '../../../engine';
import type { CommandId } from '../../../shared/commands';
import { BIAS_ITEM, addNodeAt, inputItems, neuronItems, type SpecItem } from './nodeSpecs';
import { toggleTarget } from './ablation';
import { useDocument, useSelection } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

export interface MenuRequest {
  /** client px, where the menu opens */
  screen: { x: number; y: number };
  /** canvas coordinates, where a new node goes */
  flow: Position;
  /** right-clicked on a selection (node or edge) rather than the empty canvas */
  onElement: boolean;
}

const ELEMENT_ACTIONS: [CommandId, string][] = [
  ['edit.duplicate', 'Duplicate'],
  ['edit.copy', 'Copy'],
  ['edit.cut', 'Cut'],
  ['edit.delete', 'Delete'],
];
const PANE_ACTIONS: [CommandId, string][] = [
  ['edit.paste', 'Paste'],
  ['edit.selectAll', 'Select all'],
  ['view.layout', 'Auto layout'],
  ['view.fit', 'Fit view'],
];

// The context menu at the cursor: add any node right there, or act on the selection.
export const ContextMenu = memo(function ContextMenu({ request, onClose }: { request: MenuRequest; onClose: () => void }) {
  const studio = useStudio();
  const features = useDocument((s) => s.doc.dataset.features);
  const neuron = useSelectedNeuron();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: PointerEvent) => !ref.current?.contains(e.target as Node) && onClose();
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [onClose]);
  const run = (id: CommandId) => {
    onClose();
    void studio.commands.run(id);
  };
  const add = (item: SpecItem) => (
    <button
      key={item.name}
      type="button"
      role="menuitem"
      title={item.detail}
      onClick={() => {
        onClose();
        addNodeAt(studio, item.spec, request.flow);
      }}
    >
      {item.name}
    </button>
  );
  // the menu is made once per opening: the selection it acts on is the one it opened on
  const { nodeIds, edgeIds } = studio.selection.getState();
  const toggle = toggleTarget(studio.document.getState().doc, nodeIds, edgeIds);
  const canToggle = toggle.nodeIds.length + toggle.edgeIds.length > 0;
  return (
    <div ref={ref} className="context-menu" role="menu" aria-label="Canvas menu" style={{ left: Math.min(request.screen.x, window.innerWidth - 210), top: Math.max(8, Math.min(request.screen.y, window.innerHeight - (request.onElement ? 200 : 480))) }}>
      {request.onElement
        ? [
            ...(neuron === null
              ? []
              : [
                  <button key="explode" type="button" role="menuitem" onClick={() => (onClose(), studio.explode.open(neuron))}>
                    Explode neuron
                  </button>,
                ]),
            canToggle && (
              <button key="off" type="button" role="menuitem" aria-keyshortcuts="O" onClick={() => run('edit.toggleOff')}>
                {toggle.off ? 'Switch off' : 'Switch on'} <kbd>O</kbd>
              </button>
            ),
            ...ELEMENT_ACTIONS.map(([id, text]) => (
              <button key={id} type="button" role="menuitem" onClick={() => run(id)}>
                {text}
              </button>
            )),
          ]
        : [
            ...neuronItems().map(add),
            <hr key="sep-inputs" />,
            <div key="inputs" className="context-menu-grid" role="group" aria-label="Add an input">
              {inputItems(features).map((item) => (
                <button
                  key={item.name}
                  type="button"
                  role="menuitem"
                  aria-label={item.name}
                  title={item.detail}
                  onClick={() => {
                    onClose();
                    addNodeAt(studio, item.spec, request.flow);
                  }}
                >
                  {item.text}
                </button>
              ))}
            </div>,
            add(BIAS_ITEM),
            <hr key="sep" />,
            ...PANE_ACTIONS.map(([id, text]) => (
              <button key={id} type="button" role="menuitem" onClick={() => run(id)}>
                {text}
              </button>
            )),
          ]}
    </div>
  );
});

/** the one selected node when it is a neuron (the menu then offers to explode it), else null */
function useSelectedNeuron(): string | null {
  const ids = useSelection((s) => s.nodeIds);
  const only = ids.length === 1 && ids[0];
  const isNeuron = useDocument((s) => only !== false && s.doc.nodes.some((n) => n.id === only && n.type === 'neuron'));
  return isNeuron && only !== false ? only : null;
}
