import { compile, type Net } from '../../../engine';
import type { GraphDoc } from '../../../engine/format/types';
import type { DocumentStore } from '../store/document';
import type { ShownWeights } from '../live/shownWeights';
import type { StudioEnv, TimerId, WorkerPort } from '../studio/env';
import { GRID, MapJob, type GridSpec } from './maps';
import type { Maps } from './mapStore';
import { DEFAULT_DOMAIN } from './plotMapping';
import { topologyKey } from '../training/topologyKey';
import { buffersOf, type FromMapWorker, type ToMapWorker } from './mapProtocol';
import { sameMathNodes } from '../training/relevance';
import { MapResolution } from './mapResolution';

// Keeps the maps in step with the document. Where a worker can run, the grid passes run in the
// map worker (worker/maps.worker.ts, the kernel's NodeMapper), asked for as soon as the weights
// change, within the worker's share of the time (below): the page only paints. Elsewhere (tests,
// a page without workers) one grid pass at a time, a few milliseconds of it per animation frame
// (a big net finishes over several frames while the old maps stay on screen). Weights that
// change mid-pass (training) are picked up by the next pass. While training runs the weights are
// its shown ones (live/shownWeights.ts), fresher than the document's, and a big net's worker
// passes use a coarser grid so the maps keep up (mapResolution.ts).

const FRAME_BUDGET_MS = 6;
/**
 * how many requests may be on their way at once: with two, the worker starts the next pass as its
 * rest ends instead of after the page has received, handled and answered the last reply
 */
const MAX_PENDING = 2;
/** the worker computes maps at most a third of its time: it rests twice a pass's time */
const REST_RATIO = 2;
/** passes start at least this far apart (ms): 40 maps a second look as smooth as 60 */
const MIN_GAP_MS = 20;

export interface MapSchedulerDeps {
  env: Pick<StudioEnv, 'now' | 'requestFrame' | 'cancelFrame' | 'setTimeout' | 'clearTimeout' | 'mapWorker'>;
  document: DocumentStore;
  shown: ShownWeights;
  maps: Maps;
}

/** the compiled topology, plus the example shape that compile validates against */
function cacheKey(doc: GraphDoc): string {
  const first = doc.dataset.examples[0];
  return `${topologyKey(doc)}#${first?.x.length ?? 2}:${first?.y.length ?? 1}`;
}

/** weights, data, domain or what the nodes compute: not a node moved or renamed (a drag) */
function changesMaps(prev: GraphDoc, next: GraphDoc): boolean {
  return prev.edges !== next.edges || prev.dataset !== next.dataset || !sameMathNodes(prev.nodes, next.nodes);
}

export function createMapScheduler({ env, document, shown: shownWeights, maps }: MapSchedulerDeps) {
  let dirty = true;
  let frame = 0;
  let job: MapJob | null = null;
  let jobIds: string[] = [];
  /**
   * arrays of maps shown before the current one, free to be written by the next passes (at most
   * MAX_PENDING sets: a fresh set for every pass made the page collect megabytes of garbage a second)
   */
  let spares: Float32Array[][] = [];
  let shown: Float32Array[] | undefined;
  let cache: { key: string; net: Net } | null = null;
  /** undefined: not tried yet; null: no worker here (or it failed): grid passes run on the page */
  let worker: WorkerPort<ToMapWorker, FromMapWorker> | null | undefined;
  let sentKey: string | null = null;
  let requestId = 0;
  /** the requests the worker has not answered yet, oldest first */
  let pending: { id: number; spec: GridSpec; sentAt: number }[] = [];
  /** no new pass before this time (the worker's rest, and the gap between passes) */
  let restUntil = 0;
  /** a running big net's maps on a coarser grid (mapResolution.ts) */
  const resolution = new MapResolution();
  let restTimer: TimerId | null = null;
  let stops: (() => void)[] = [];

  /** the compiled net with the document's weights, or null when the document cannot be compiled */
  function netFor(doc: GraphDoc): Net | null {
    const key = cacheKey(doc);
    if (cache?.key !== key) {
      try {
        cache = { key, net: compile(doc) };
      } catch {
        cache = null;
        return null;
      }
    }
    const w = cache.net.weights;
    const running = shownWeights.weightsFor(w.length);
    if (running) w.set(running);
    else for (let e = 0; e < w.length; e++) w[e] = doc.edges[e].weight;
    return cache.net;
  }

  function noMaps(): void {
    spares = [];
    shown = undefined;
    maps.publish(null, {});
  }

  function startJob(): void {
    const doc = document.getState().doc;
    dirty = false;
    const net = netFor(doc);
    if (!net) {
      job = null;
      noMaps();
      return;
    }
    job = new MapJob(net, { cols: GRID, rows: GRID, domain: doc.dataset.domain ?? DEFAULT_DOMAIN }, spares.pop());
    jobIds = net.nodeIds;
  }

  function mapWorker(): WorkerPort<ToMapWorker, FromMapWorker> | null {
    if (worker !== undefined) return worker;
    const w = env.mapWorker() as WorkerPort<ToMapWorker, FromMapWorker> | null;
    worker = w;
    if (!w) return null;
    w.onmessage = (event) => received(event.data);
    w.onerror = (event) => {
      // the worker could not start or broke: the page computes the maps from now on
      event.preventDefault();
      w.terminate();
      worker = null;
      pending = [];
      dirty = true;
      request();
    };
    return w;
  }

  function send(w: WorkerPort<ToMapWorker, FromMapWorker>): void {
    const doc = document.getState().doc;
    dirty = false;
    const key = cacheKey(doc);
    const running = shownWeights.weightsFor(doc.edges.length);
    const weights = running ? Float64Array.from(running) : Float64Array.from(doc.edges, (e) => e.weight);
    if (key !== sentKey) resolution.reset();
    const size = resolution.grid(running !== null);
    const spec: GridSpec = { cols: size, rows: size, domain: doc.dataset.domain ?? DEFAULT_DOMAIN };
    const reuse = spares.pop() ?? [];
    const message: ToMapWorker = { id: ++requestId, doc: key === sentKey ? null : doc, key, weights, spec, reuse };
    sentKey = key;
    const sentAt = env.now();
    restUntil = Math.max(restUntil, sentAt + MIN_GAP_MS);
    pending.push({ id: message.id, spec, sentAt });
    w.postMessage(message, [weights.buffer, ...buffersOf(reuse)]);
  }

  function received(reply: FromMapWorker): void {
    // the worker answers in order; a reply to no pending request (one sent before the worker broke) is dropped
    const at = pending.findIndex((p) => p.id === reply.id);
    const answered = at < 0 ? undefined : pending[at];
    pending = pending.slice(at + 1);
    if (answered) {
      if (reply.ok) {
        restUntil = Math.max(restUntil, answered.sentAt + (1 + REST_RATIO) * reply.ms);
        resolution.observe(answered.spec.cols * answered.spec.rows, reply.ms);
        const values: Record<string, Float32Array> = {};
        reply.nodeIds.forEach((id, k) => (values[id] = reply.values[k]));
        maps.publish(answered.spec, values);
        retire(reply.values);
      } else {
        // a document the engine refuses: no maps (and the next one sends its network again)
        sentKey = null;
        noMaps();
      }
    }
    if (dirty) request();
  }

  /** `next` is on screen now: the arrays shown until now may be written again */
  function retire(next: Float32Array[]): void {
    if (shown && spares.length < MAX_PENDING) spares.push(shown);
    shown = next;
  }

  /** the next step: a request to the worker, or a slice of the pass on the page (at an animation frame) */
  function advance(): void {
    frame = 0;
    const w = job ? null : mapWorker();
    if (w) {
      if (!dirty || pending.length >= MAX_PENDING) return;
      const wait = restUntil - env.now();
      if (wait <= 0) send(w);
      else restTimer ??= env.setTimeout(() => ((restTimer = null), request()), wait);
      return;
    }
    if (!job && dirty) startJob();
    if (job) {
      const now = () => env.now();
      if (job.run(now() + FRAME_BUDGET_MS, now)) {
        const values: Record<string, Float32Array> = {};
        jobIds.forEach((id, k) => (values[id] = job!.values[k]));
        maps.publish(job.spec, values);
        retire(job.values);
        job = null;
      }
    }
    if (job || dirty) request();
  }

  function request(): void {
    if (stops.length === 0) return;
    // the map worker computes off the page: ask it at once, without waiting for a frame (passes
    // on the page itself run a slice per frame)
    if (worker && !job) advance();
    else if (frame === 0) frame = env.requestFrame(advance);
  }

  const invalidate = () => {
    dirty = true;
    request();
  };

  return {
    /** starts following the document and training's shown weights (once; later calls do nothing) */
    start(): void {
      if (stops.length > 0) return;
      stops = [
        document.subscribe((s, prev) => {
          if (changesMaps(prev.doc, s.doc)) invalidate();
        }),
        shownWeights.subscribe(invalidate),
      ];
      request();
    },
    stop(): void {
      stops.forEach((off) => off());
      stops = [];
      if (frame) env.cancelFrame(frame);
      if (restTimer !== null) env.clearTimeout(restTimer);
      frame = 0;
      restTimer = null;
      worker?.terminate();
      worker = undefined;
      pending = [];
    },
  };
}

export type MapScheduler = ReturnType<typeof createMapScheduler>;
