import { compile, type Net } from '../../../engine';
import type { GraphDoc } from '../../../engine/types';
import { useDocument } from '../store/document';
import { GRID, MapJob } from './maps';
import { publishMaps } from './mapStore';
import { DEFAULT_DOMAIN } from './plotMapping';
import { topologyKey } from '../training/topologyKey';
import { shownWeightsFor, useShownWeights } from '../live/shownWeights';

// Keeps the maps in step with the document: at most one grid pass per animation frame, a few
// milliseconds of it per frame (a big net finishes over several frames while the old maps stay
// on screen). Weights that change mid-pass (training) are picked up by the next pass. While
// training runs the weights are its shown ones (live/shownWeights.ts), fresher than the document's.

const FRAME_BUDGET_MS = 6;

let started = false;
let dirty = true;
let frame = 0;
let job: MapJob | null = null;
let jobIds: string[] = [];
/** the arrays of the map shown before the current one: free to be written by the next job */
let spare: Float32Array[] | undefined;
let shown: Float32Array[] | undefined;
let cache: { key: string; net: Net } | null = null;

/** the compiled topology, plus the example shape that compile validates against */
function cacheKey(doc: GraphDoc): string {
  const first = doc.dataset.examples[0];
  return `${topologyKey(doc)}#${first?.x.length ?? 2}:${first?.y.length ?? 1}`;
}

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
  const shown = shownWeightsFor(w.length);
  if (shown) w.set(shown);
  else for (let e = 0; e < w.length; e++) w[e] = doc.edges[e].weight;
  return cache.net;
}

function startJob(): void {
  const doc = useDocument.getState().doc;
  dirty = false;
  const net = netFor(doc);
  if (!net) {
    job = null;
    spare = shown = undefined;
    publishMaps(null, {});
    return;
  }
  job = new MapJob(net, { cols: GRID, rows: GRID, domain: doc.dataset.domain ?? DEFAULT_DOMAIN }, spare);
  jobIds = net.nodeIds;
}

function onFrame(): void {
  frame = 0;
  if (!job && dirty) startJob();
  if (job) {
    const now = () => performance.now();
    if (job.run(now() + FRAME_BUDGET_MS, now)) {
      const values: Record<string, Float32Array> = {};
      jobIds.forEach((id, k) => (values[id] = job!.values[k]));
      publishMaps(job.spec, values);
      spare = shown;
      shown = job.values;
      job = null;
    }
  }
  if (job || dirty) request();
}

function request(): void {
  if (frame === 0) frame = requestAnimationFrame(onFrame);
}

/** starts following the document (once; later calls do nothing) */
export function startMapScheduler(): void {
  if (started) return;
  started = true;
  useDocument.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    dirty = true;
    request();
  });
  useShownWeights.subscribe(() => {
    dirty = true;
    request();
  });
  request();
}
