// Shared test helpers: loading fixtures, building documents, random DAGs, and a naive reference
// implementation of the spec's formulas (objects and recursion, independent of the engine).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  analyticGradient,
  DEFAULT_TRAINING,
  generate,
  initWeights,
  numericGradient,
  parseGraph,
  relativeError,
  type Activation,
  type Example,
  type GraphDoc,
  type GraphEdge,
  type GraphNode,
  type Net,
} from '../../src/engine';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export function loadFixture(name: string): GraphDoc {
  const result = parseGraph(fixtureText(name));
  if (!result.ok) throw result.error;
  return result.doc;
}

export const PERCEPTRON = 'tutorial-perceptron.bpgraph.json';
export const TWO_FIVE_ONE = 'tutorial-2-5-1.bpgraph.json';

/** a minimal document around the given nodes and edges */
export function makeDoc(nodes: GraphNode[], edges: GraphEdge[], examples: Example[] = [], training = {}): GraphDoc {
  return { nodes, edges, dataset: { examples }, training: { ...DEFAULT_TRAINING, ...training } };
}

export const edge = (source: string, target: string, weight = 0.5, id = `${source}->${target}`): GraphEdge => ({
  id,
  source,
  target,
  weight,
});

// ------------------------------------------------------------------ a net that diverges

/**
 * 2-3-3-3-3-2, every neuron linear, every layer fed by the bias, on a circle (y = [class, 1 − class]),
 * shuffled at η = 0.3 with seed 12: it diverges in epoch 230, where the weight that crosses the limit
 * first (in_1->h0_1, at an update in the middle of the epoch) is not the first in file order that is
 * bad at the epoch's end (in_1->h0_0, NaN by then).
 */
export function divergingNet(): GraphDoc {
  const nodes: GraphNode[] = [
    { id: 'in_1', type: 'bias' },
    { id: 'in_x', type: 'input', feature: 0 },
    { id: 'in_y', type: 'input', feature: 1 },
  ];
  const edges: GraphEdge[] = [];
  let previous = ['in_x', 'in_y'];
  const sizes = [3, 3, 3, 3, 2];
  sizes.forEach((size, l) => {
    const last = l === sizes.length - 1;
    const ids = Array.from({ length: size }, (_, i) => (last ? `out${i}` : `h${l}_${i}`));
    ids.forEach((id, i) => {
      nodes.push(last ? { id, type: 'neuron', activation: 'linear', output: i } : { id, type: 'neuron', activation: 'linear' });
      for (const source of ['in_1', ...previous]) edges.push(edge(source, id, 0));
    });
    previous = ids;
  });
  const examples = generate('circle', { count: 40, noise: 0.05, seed: 3 }).map((ex) => ({ x: ex.x, y: [ex.y[0], 1 - ex.y[0]] }));
  return initWeights(makeDoc(nodes, edges, examples, { learningRate: 0.3, seed: 12, shuffle: true }), 12);
}

// ------------------------------------------------------------------ random DAGs

/** a double in [min, max], never −0 (JSON writes −0 as 0) */
export const finiteIn = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((v) => v + 0);

const ACTS: Activation[] = ['sigmoid', 'tanh', 'linear', 'relu'];

export interface DagOptions {
  maxNeurons?: number;
  maxOutputs?: number;
  activations?: Activation[];
}

/**
 * A random loop-free graph: a bias, two inputs, 1..maxNeurons neurons; every neuron has an edge from
 * some earlier node, plus random skip edges; 1..maxOutputs outputs chosen anywhere among the neurons
 * (so an output may feed other neurons). The node list is shuffled so document order ≠ topological order.
 */
export function arbitraryDag(opts: DagOptions = {}): fc.Arbitrary<GraphDoc> {
  const { maxNeurons = 7, maxOutputs = 3, activations = ACTS } = opts;
  return fc
    .integer({ min: 1, max: maxNeurons })
    .chain((count) =>
      fc.record({
        count: fc.constant(count),
        acts: fc.array(fc.constantFrom(...activations), { minLength: count, maxLength: count }),
        firstParent: fc.array(fc.nat(), { minLength: count, maxLength: count }),
        extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 * count }),
        outputs: fc.uniqueArray(fc.nat({ max: count - 1 }), { minLength: 1, maxLength: Math.min(maxOutputs, count) }),
        weights: fc.array(finiteIn(-1.5, 1.5), { minLength: 6 * count + 3, maxLength: 6 * count + 3 }),
        examples: fc.array(
          fc.record({
            x: fc.tuple(finiteIn(-1, 1), finiteIn(-1, 1)),
            y: fc.array(finiteIn(-1, 1), { minLength: maxOutputs, maxLength: maxOutputs }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        permutation: fc.array(fc.nat(), { minLength: count + 3, maxLength: count + 3 }),
      }),
    )
    .map((r) => {
      // topological positions: 0 = bias, 1..2 = inputs, 3.. = neurons
      const ids = ['b', 'i0', 'i1', ...Array.from({ length: r.count }, (_, k) => `n${k}`)];
      const nodes: GraphNode[] = [
        { id: 'b', type: 'bias' },
        { id: 'i0', type: 'input', feature: 0 },
        { id: 'i1', type: 'input', feature: 1 },
        ...r.acts.map((activation, k): GraphNode => {
          const o = r.outputs.indexOf(k);
          return o >= 0 ? { id: `n${k}`, type: 'neuron', activation, output: o } : { id: `n${k}`, type: 'neuron', activation };
        }),
      ];
      const pairs = new Set<string>();
      const edges: GraphEdge[] = [];
      let w = 0;
      const add = (from: number, to: number) => {
        const key = `${from}:${to}`;
        if (from >= to || to < 3 || pairs.has(key)) return;
        pairs.add(key);
        edges.push({ id: `e${edges.length}`, source: ids[from], target: ids[to], weight: r.weights[w++ % r.weights.length] });
      };
      for (let k = 0; k < r.count; k++) {
        const to = k + 3;
        add(0, to); // a bias for every neuron
        add(1 + (r.firstParent[k] % (to - 1)), to);
      }
      for (const [a, b] of r.extra) {
        const to = 3 + (b % r.count);
        add(a % to, to);
      }
      // shuffle the documented node order deterministically from the drawn permutation
      const keyed = nodes.map((node, i) => ({ node, key: r.permutation[i] * 1000 + i }));
      keyed.sort((p, q) => p.key - q.key);
      const outCount = r.outputs.length;
      const examples = r.examples.map((ex) => ({ x: [...ex.x], y: ex.y.slice(0, outCount) }));
      return makeDoc(
        keyed.map((k) => k.node),
        edges,
        examples,
      );
    });
}

// ------------------------------------------------------------------ naive reference

const sigma = (act: Activation, s: number): number =>
  act === 'sigmoid' ? 1 / (1 + Math.exp(-s)) : act === 'tanh' ? Math.tanh(s) : act === 'linear' ? s : Math.max(0, s);
const sigmaPrime = (act: Activation, s: number): number => {
  const z = sigma(act, s);
  return act === 'sigmoid' ? z * (1 - z) : act === 'tanh' ? 1 - z * z : act === 'linear' ? 1 : s > 0 ? 1 : 0;
};

export interface ReferencePass {
  s: Map<string, number>;
  z: Map<string, number>;
  outputs: number[];
  error: number;
  /** ∂h_o/∂s_k keyed `${outputId}|${k}` */
  dhds: Map<string, number>;
  dEds: Map<string, number>;
  /** ∂E_i/∂w per edge id */
  grad: Map<string, number>;
}

/** the spec's formulas, written the obvious recursive way (for small test graphs only) */
export function referencePass(doc: GraphDoc, x: number[], y: number[]): ReferencePass {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const weight = new Map(doc.edges.map((e) => [`${e.source}|${e.target}`, e.weight]));
  const s = new Map<string, number>();
  const z = new Map<string, number>();
  const zOf = (id: string): number => {
    if (z.has(id)) return z.get(id)!;
    const node = byId.get(id)!;
    let value: number;
    if (node.type === 'bias') value = 1;
    else if (node.type === 'input') value = x[node.feature];
    else {
      let sum = 0;
      for (const e of doc.edges) if (e.target === id) sum += zOf(e.source) * e.weight;
      s.set(id, sum);
      value = sigma(node.activation, sum);
    }
    z.set(id, value);
    return value;
  };
  doc.nodes.forEach((n) => zOf(n.id));
  const outputNodes = doc.nodes
    .filter((n): n is Extract<GraphNode, { type: 'neuron' }> => n.type === 'neuron' && n.output !== undefined)
    .sort((a, b) => a.output! - b.output!);
  const outputs = outputNodes.map((n) => z.get(n.id)!);
  const error = outputs.reduce((sum, h, o) => sum + (h - y[o]) ** 2, 0);
  const dhds = new Map<string, number>();
  const dh = (o: string, k: string): number => {
    const key = `${o}|${k}`;
    if (dhds.has(key)) return dhds.get(key)!;
    const node = byId.get(k)!;
    let value = 0;
    if (node.type === 'neuron') {
      if (k === o) value = sigmaPrime(node.activation, s.get(k)!);
      else {
        let sum = 0;
        for (const e of doc.edges) if (e.source === k) sum += dh(o, e.target) * weight.get(`${k}|${e.target}`)!;
        value = sum * sigmaPrime(node.activation, s.get(k)!);
      }
    }
    dhds.set(key, value);
    return value;
  };
  const dEds = new Map<string, number>();
  for (const n of doc.nodes) {
    let sum = 0;
    outputNodes.forEach((o, i) => (sum += 2 * (outputs[i] - y[i]) * dh(o.id, n.id)));
    dEds.set(n.id, sum);
  }
  const grad = new Map(doc.edges.map((e) => [e.id, dEds.get(e.target)! * z.get(e.source)!]));
  return { s, z, outputs, error, dhds, dEds, grad };
}

/** close in the sense of "the same float computation up to rounding" */
export function expectClose(actual: number, expected: number, tolerance = 1e-12): void {
  const scale = Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance * scale)) {
    throw new Error(`expected ${actual} to be within ${tolerance} of ${expected}`);
  }
}

/**
 * Backprop's ∂E/∂w against centred finite differences of E (h = 1e-5) on every edge: relative
 * error ≤ 1e-6, or an absolute difference ≤ 1e-9 for gradients that are zero up to rounding (a
 * saturated sigmoid). Throws naming the first edge that differs; returns how many edges it checked.
 */
export function checkGradientsAgainstDifferences(net: Net, examples: readonly Example[]): number {
  const analytic = analyticGradient(net, examples);
  const numeric = numericGradient(net, examples, 1e-5);
  for (let e = 0; e < net.numEdges; e++) {
    const ok = relativeError(analytic[e], numeric[e]) <= 1e-6 || Math.abs(analytic[e] - numeric[e]) <= 1e-9;
    if (!ok) throw new Error(`edge ${net.edgeIds[e]}: backprop ${analytic[e]}, finite differences ${numeric[e]}`);
  }
  return net.numEdges;
}
