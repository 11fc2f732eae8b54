import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, SelectionMode, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { ContextMenu, type MenuRequest } from './ContextMenu';
import { edgeTypes } from './edges/edgeTypes';
import { EdgeCanvas } from './edges/EdgeCanvas';
import { useCanvasEdgePointer } from './edges/useCanvasEdgePointer';
import { EdgeLayer } from './edges/edgeLayer';
import { nodeTypes } from './nodes/nodeTypes';
import { GRID, NODE_DRAG_MIME, type FlowNode } from './flowTypes';
import { addNodeAt, decodeSpec } from './nodeSpecs';
import { enterCanvas, moveTab } from './tabOrder';
import { useConnect } from './useConnect';
import { useFlowElements } from './useFlowElements';
import { useFirstFrameShown, useStagedEdges } from './useStagedEdges';
import { FIT_VIEW } from '../layout/openingView';
import { useNodeChanges } from './useNodeChanges';
import { useCanvasCommands } from './editCommands';
import { GraphIssues } from './GraphIssues';
import { ExampleBadge } from './ExampleBadge';
import { PanModeToggle } from './PanModeToggle';
import './canvas.css';
import { isBigGraph } from '../pacing/bigGraph';
import { BIG_GRAPH } from '../pacing/constants';
import { useDocument, useView } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

const MINIMAP_SIZE = { width: 150, height: 100 };
const FIT_OPTIONS = FIT_VIEW;
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
// "pan" (the default): a left or middle drag on the empty canvas pans, the wheel zooms, Shift + drag draws a box;
// "select": a left drag draws a box, the middle button and scrolling pan, Ctrl + wheel or a pinch zooms
const PAN_BUTTONS = { pan: [0, 1], select: [1] };
const minimapColor = (n: FlowNode) => (n.type === 'neuron' ? '#2f6fde' : n.type === 'bias' ? '#667085' : '#12a150');

// The graph editor: the document drawn with React Flow. It owns no document state — every edit
// goes through the document store's actions, and the view is derived from the store.
export function GraphCanvas() {
  const studio = useStudio();
  // a big graph renders only what is on screen, and paints its edges on one canvas
  const large = useDocument((s) => isBigGraph(s.doc.nodes.length, s.doc.edges.length));
  // over 120 nodes, one not yet on screen carries an estimated box instead of being rendered to be measured
  const manyNodes = useDocument((s) => s.doc.nodes.length > BIG_GRAPH.nodes);
  // a big graph's edges are painted on one canvas (edges/edgeLayer.ts): a new layer each time one becomes big
  const edgeLayer = useMemo(() => (large ? new EdgeLayer((d) => new Path2D(d)) : null), [large]);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  useCanvasCommands();

  const openMenu = useCallback(
    (e: ReactMouseEvent | MouseEvent, onElement: boolean) => {
      e.preventDefault();
      const at = { x: e.clientX, y: e.clientY };
      setMenu({ screen: at, flow: screenToFlowPosition(at), onElement });
    },
    [screenToFlowPosition],
  );
  const onEdgeContextMenu = useCallback(
    (e: ReactMouseEvent, edge: { id: string }) => {
      if (!studio.selection.getState().edgeIds.includes(edge.id)) studio.selection.select([], [edge.id]);
      openMenu(e, true);
    },
    [studio, openMenu],
  );
  // the pointer finds a big graph's canvas edges itself; React Flow gets only the highlighted ones
  const pointer = useCanvasEdgePointer(edgeLayer, onEdgeContextMenu);
  const { flowNodes, flowEdges, setSize } = useFlowElements(manyNodes, large, pointer.hovered);
  // many edges handed over at once (a big selection, a step over every edge) reach React Flow in
  // batches, one a frame: the nodes show and take clicks while the edges are still being made
  const stagedEdges = useStagedEdges(flowEdges, large, studio.env);
  // a big graph's minimap (a rectangle per node) comes after the frame that shows its nodes
  const shown = useFirstFrameShown(large, studio.env);
  const staging = stagedEdges !== flowEdges || !shown;
  const { onNodesChange, onEdgesChange } = useNodeChanges(setSize);
  const { isValidConnection, onConnect, onConnectEnd } = useConnect();

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(NODE_DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const spec = decodeSpec(e.dataTransfer.getData(NODE_DRAG_MIME));
      if (!spec) return;
      e.preventDefault();
      addNodeAt(studio, spec, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [studio, screenToFlowPosition],
  );

  const { edgeAt } = pointer;
  const onDoubleClick = useCallback(
    (e: ReactMouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
      // a double click on a canvas-painted edge is on the edge, not on empty canvas
      if (edgeAt(e)) return;
      addNodeAt(studio, { type: 'neuron', activation: 'sigmoid' }, screenToFlowPosition({ x: e.clientX - 60, y: e.clientY - 30 }));
    },
    [studio, screenToFlowPosition, edgeAt],
  );

  const onPaneContextMenu = useCallback((e: ReactMouseEvent | MouseEvent) => openMenu(e, false), [openMenu]);
  const onNodeContextMenu = useCallback(
    (e: ReactMouseEvent, node: FlowNode) => {
      if (!studio.selection.getState().nodeIds.includes(node.id)) studio.selection.select([node.id]);
      openMenu(e, true);
    },
    [studio, openMenu],
  );
  const closeMenu = useCallback(() => setMenu(null), []);
  const dragPans = useView((s) => s.dragPans);
  // entering or leaving presentation mode resizes the canvas: once React Flow has measured the
  // new pane, fit the graph to its room
  const presenting = useView((s) => s.presenting);
  const paneSize = useFlowStore((s) => `${s.width}x${s.height}`);
  const refit = useRef(false);
  useEffect(() => {
    refit.current = true;
  }, [presenting]);
  useEffect(() => {
    if (!refit.current) return;
    refit.current = false;
    void fitView(FIT_OPTIONS);
  }, [paneSize, fitView]);
  const empty = useDocument((s) => s.doc.nodes.length === 0);

  return (
    <div
      className={large ? 'graph-canvas large' : 'graph-canvas'}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDoubleClick={onDoubleClick}
      onPointerMove={pointer.onPointerMove}
      onPointerLeave={pointer.onPointerLeave}
      onPointerDownCapture={pointer.onPointerDownCapture}
      onClickCapture={pointer.onClickCapture}
      onContextMenuCapture={pointer.onContextMenuCapture}
      // Tab: every node before any edge (tabOrder.ts)
      onKeyDown={(e) => moveTab(e.nativeEvent, e.currentTarget)}
      onFocus={(e) => enterCanvas(e.nativeEvent, e.currentTarget)}
    >
        <ReactFlow
          nodes={flowNodes}
          edges={stagedEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          isValidConnection={isValidConnection}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          onPaneContextMenu={onPaneContextMenu}
          onNodeContextMenu={onNodeContextMenu}
          onEdgeContextMenu={onEdgeContextMenu}
          snapToGrid
          snapGrid={GRID}
          deleteKeyCode={null}
          selectionKeyCode={dragPans ? 'Shift' : null}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionOnDrag={!dragPans}
          selectionMode={SelectionMode.Partial}
          panOnDrag={dragPans ? PAN_BUTTONS.pan : PAN_BUTTONS.select}
          panOnScroll={!dragPans}
          zoomOnScroll={dragPans}
          zoomOnDoubleClick={false}
          connectionRadius={28}
          minZoom={0.1}
          maxZoom={3}
          fitView
          fitViewOptions={FIT_OPTIONS}
          onlyRenderVisibleElements={large}
          proOptions={{ hideAttribution: true }}
          aria-label="Graph editor"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
          {edgeLayer && <EdgeCanvas layer={edgeLayer} />}
          <Controls position="bottom-left" />
          {/* a big graph's minimap (a rectangle per node) once its edges are in: not in its first frame */}
          {!staging && <MiniMap position="bottom-right" pannable zoomable nodeColor={minimapColor} ariaLabel="Minimap" style={MINIMAP_SIZE} />}
        </ReactFlow>
      <GraphIssues />
      <ExampleBadge />
      <PanModeToggle />
      {empty && <div className="canvas-hint">Double-click to add a neuron, or drag one from the palette.</div>}
      {menu && <ContextMenu request={menu} onClose={closeMenu} />}
    </div>
  );
}
