import { changesMaps, mathKey } from '../../../engine';
import type { DocumentStore } from '../store/document';
import type { ShownWeights } from '../live/shownWeights';
import type { StudioEnv, TimerId, WorkerPort } from '../studio/env';
import { GRID, MapJob, type GridSpec } from './maps';
import type { Maps } from './mapStore';
import { DEFAULT_DOMAIN } from './plotMapping';
import { buffersOf, type FromMapWorker, type ToMapWorker } from './mapProtocol';
import type { NetCache } from '../studio/netCache';
import { MAP_REQUESTS } from '../pacing/constants';
import { MapRequestPace, pageSliceEnd } from '../pacing/mapRequests';
import { MapGrid } from '../pacing/mapGrid';

// Keeps the maps in step with the document. Where a worker can run, the grid passes run in the
// map worker (worker/maps.worker.ts, the kernel's NodeMapper), asked for as soon as the weights
// change, within the worker's share of the time (below): the page only paints. Elsewhere (tests,
// a page without workers) one grid pass at a time, a few milliseconds of it per animation frame
// (a big net finishes over several frames while the old maps stay on screen). Weights that
// change mid-pass (training) are picked up by the next pass. While training runs the weights are
// its shown ones (live/shownWeights.ts), fresher than the document's, and a big net's worker
// passes use a coarser grid so the maps keep up (mapResolution.ts).

export interface MapSchedulerDeps {
  env: Pick<StudioEnv, 'now' | 'requestFrame' | 'cancelFrame' | 'setTimeout' | 'clearTimeout' | 'mapWorker'>;
  document: DocumentStore;
  shown: ShownWeights;
  maps: Maps;
  /** the net the page's own passes run on (no map worker) */
  nets: NetCache;
}

export function createMapScheduler({ env, document, shown: shownWeights, maps, nets }: MapSchedulerDeps) {
  let dirty = true;
  let frame = 0;
  let job: MapJob | null = null;
  let jobIds: string[] = [];
  /**
   * arrays of maps shown before the current one, free to be written by the next passes (at most
   * MAP_REQUESTS.maxPending sets: a fresh set for every pass made the page collect megabytes of garbage a second)
   */
  let spares: Float32Array[][] = [];
  let shown: Float32Array[] | undefined;
  /** undefined: not tried yet; null: no worker here (or it failed): grid passes run on the page */
  let worker: WorkerPort<ToMapWorker, FromMapWorker> | null | undefined;
  let sentKey: string | null = null;
  let requestId = 0;
  /** the requests the worker has not answered yet, oldest first */
  let pending: { id: number; spec: GridSpec; sentAt: number }[] = [];
  /** when the next pass may be asked for: the worker's rest and the gap between passes */
  const requests = new MapRequestPace();
  /** a running big net's maps on a coarser grid */
  const grid = new MapGrid();
  let restTimer: TimerId | null = null;
  let stops: (() => void)[] = [];

  function noMaps(): void {
    spares = [];
    shown = undefined;
    maps.publish(null, {});
  }

  function startJob(): void {
    const doc = document.getState().doc;
    dirty = false;
    const net = nets.netFor(doc, shownWeights.weightsFor(doc.edges.length));
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
    const key = mathKey(doc);
    const running = shownWeights.weightsFor(doc.edges.length);
    const weights = running ? Float64Array.from(running) : Float64Array.from(doc.edges, (e) => e.weight);
    if (key !== sentKey) grid.reset();
    const size = grid.nextGrid(running !== null);
    const spec: GridSpec = { cols: size, rows: size, domain: doc.dataset.domain ?? DEFAULT_DOMAIN };
    const reuse = spares.pop() ?? [];
    const message: ToMapWorker = { id: ++requestId, doc: key === sentKey ? null : doc, key, weights, spec, reuse };
    sentKey = key;
    const sentAt = env.now();
    requests.sent(sentAt);
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
        requests.observe(reply.ms, answered.sentAt);
        grid.observe(reply.ms, answered.spec.cols * answered.spec.rows);
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
    if (shown && spares.length < MAP_REQUESTS.maxPending) spares.push(shown);
    shown = next;
  }

  /** the next step: a request to the worker, or a slice of the pass on the page (at an animation frame) */
  function advance(): void {
    frame = 0;
    const w = job ? null : mapWorker();
    if (w) {
      if (!dirty) return;
      const wait = requests.wait(env.now(), pending.length);
      if (wait === Infinity) return; // a reply will ask again
      if (wait <= 0) send(w);
      else restTimer ??= env.setTimeout(() => ((restTimer = null), request()), wait);
      return;
    }
    if (!job && dirty) startJob();
    if (job) {
      const now = () => env.now();
      if (job.run(pageSliceEnd(now()), now)) {
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
