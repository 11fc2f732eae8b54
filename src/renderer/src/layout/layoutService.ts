import { createStore } from 'zustand/vanilla';
import type { GraphDoc, Position } from '../../../engine';
import type { TimerId, WorkerPort } from '../studio/env';
import { isCrowded } from './nodeBoxes';
import { layoutMethod, type LayoutMethod } from './layoutPolicy';
import { layoutGraph, type FromLayoutWorker, type ToLayoutWorker } from './layoutProtocol';
import { createPositioner } from './positions';

// The automatic layout as a service: ELK for graphs it places quickly, the fast layered layout
// above (layoutPolicy.ts), both in the layout worker so the page keeps answering (on the page
// where no worker starts). While it runs, `running` says what is being laid out (the progress
// the page shows, layout/LayoutProgress.tsx); cancel() ends it and the caller gets null back —
// nothing changes. One layout at a time: a new one cancels the one before.

export interface LayoutRun {
  method: LayoutMethod;
  nodes: number;
  edges: number;
  /** env.now() when it started */
  startedAt: number;
}

export interface LayoutState {
  running: LayoutRun | null;
}

export interface LayoutDeps {
  /** a new layout worker, or null where none can start (the layout then runs on the page) */
  worker(): WorkerPort<unknown, unknown> | null;
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerId;
}

type Outcome = { ok: true; positions: Record<string, Position> } | { ok: false; message: string } | { ok: 'cancelled' };

const PRELOAD_AFTER_MS = 1000;

export function createLayout(deps: LayoutDeps) {
  const store = createStore<LayoutState>(() => ({ running: null }));
  const positioner = createPositioner();
  // the worker once started; noWorker once none could start or it failed (the page then lays out)
  let port: WorkerPort<unknown, unknown> | null = null;
  let noWorker = false;
  let pending: { id: number; resolve: (o: Outcome) => void } | null = null;
  let nextId = 1;

  function settle(id: number, outcome: Outcome): void {
    if (pending?.id !== id) return; // cancelled or replaced meanwhile
    const { resolve } = pending;
    pending = null;
    store.setState({ running: null });
    resolve(outcome);
  }

  function onPage(id: number, request: ToLayoutWorker): void {
    positioner.positions(request.method, request.graph).then(
      (positions) => settle(id, { ok: true, positions }),
      (err: unknown) => settle(id, { ok: false, message: err instanceof Error ? err.message : String(err) }),
    );
  }

  function workerPort(): WorkerPort<unknown, unknown> | null {
    if (port || noWorker) return port;
    port = deps.worker();
    if (!port) noWorker = true;
    return port;
  }

  function inWorker(w: WorkerPort<unknown, unknown>, request: ToLayoutWorker): void {
    w.onmessage = (event) => {
      const reply = event.data as FromLayoutWorker;
      settle(reply.id, reply.ok ? { ok: true, positions: reply.positions } : { ok: false, message: reply.message });
    };
    // a worker that cannot run (its script failed to load) lays out nothing: the page takes over
    w.onerror = () => {
      w.terminate();
      port = null;
      noWorker = true;
      if (pending?.id === request.id) onPage(request.id, request);
    };
    w.postMessage(request);
  }

  /** ends the running layout: its caller gets null, nothing is placed */
  function cancel(): void {
    if (!pending) return;
    const { resolve } = pending;
    pending = null;
    store.setState({ running: null });
    // a worker cannot be interrupted, only ended; the next layout starts a fresh one
    port?.terminate();
    port = null;
    resolve({ ok: 'cancelled' });
  }

  /** every node's place, or null when the layout was cancelled; throws when it failed */
  async function positions(doc: Pick<GraphDoc, 'nodes' | 'edges'>): Promise<Record<string, Position> | null> {
    cancel();
    const request: ToLayoutWorker = { id: nextId++, method: layoutMethod(doc), graph: layoutGraph(doc) };
    const outcome = new Promise<Outcome>((resolve) => (pending = { id: request.id, resolve }));
    store.setState({ running: { method: request.method, nodes: doc.nodes.length, edges: doc.edges.length, startedAt: deps.now() } });
    const w = workerPort();
    if (w) inWorker(w, request);
    else onPage(request.id, request);
    const done = await outcome;
    if (done.ok === 'cancelled') return null;
    if (!done.ok) throw new Error(done.message);
    return done.positions;
  }

  return Object.assign(store, {
    /** the first layout need not wait: start the worker (or load ELK on the page) once the page has settled */
    preload(): void {
      deps.setTimeout(() => {
        if (!workerPort()) void positioner.preload();
      }, PRELOAD_AFTER_MS);
    },
    positions,
    cancel,
    /** the document with every node placed by the layout, or null when cancelled */
    async laidOut(doc: GraphDoc): Promise<GraphDoc | null> {
      const at = await positions(doc);
      if (!at) return null;
      return { ...doc, nodes: doc.nodes.map((n) => (at[n.id] ? { ...n, position: { ...n.position, ...at[n.id] } } : n)) };
    },
  });
}

export type Layout = ReturnType<typeof createLayout>;

/** some node has no position, or nodes sit on top of each other */
export function needsLayout(doc: Pick<GraphDoc, 'nodes'>): boolean {
  return doc.nodes.some((n) => !n.position) || isCrowded(doc);
}
