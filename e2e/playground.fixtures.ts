// The networks the Playground end-to-end tests open (their data is made in the app): built here,
// deterministically, so a run is the same every time.

/** a deterministic stand-in for Math.random */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

type Node = Record<string, unknown> & { id: string };

function file(name: string, nodes: Node[], layers: string[][], seed: number, training: Record<string, unknown>, dataset: Record<string, unknown>): string {
  const rand = lcg(seed);
  const w = () => (rand() * 2 - 1) * 0.5;
  const edges = layers.slice(1).flatMap((layer, l) => layer.flatMap((t) => ['in_1', ...layers[l]].map((s) => ({ id: `${s}-${t}`, source: s, target: t, weight: w() }))));
  return JSON.stringify({ format: 'backprop-studio.graph', version: 2, name, nodes, edges, dataset, training });
}

const place = (ids: string[], x: number): Node[] => ids.map((id, i) => ({ id, position: { x, y: 40 + i * 48 } }));

/** 2-16-16-3 (tanh, softmax outputs, cross-entropy) over x₁, x₂, x₁², x₂², sin x₁, sin x₂ */
export function spiralNet(): string {
  const inputs = ['in_x', 'in_y', 'in_x_sq', 'in_y_sq', 'in_sin_x', 'in_sin_y'];
  const spec: Record<string, Record<string, unknown>> = {
    in_x: { feature: 0 },
    in_y: { feature: 1 },
    in_x_sq: { feature: 0, transform: 'square' },
    in_y_sq: { feature: 1, transform: 'square' },
    in_sin_x: { feature: 0, transform: 'sin' },
    in_sin_y: { feature: 1, transform: 'sin' },
  };
  const a = Array.from({ length: 16 }, (_, i) => `a${i}`);
  const b = Array.from({ length: 16 }, (_, i) => `b${i}`);
  const out = ['out0', 'out1', 'out2'];
  const nodes: Node[] = [
    { id: 'in_1', type: 'bias', position: { x: 0, y: 0 } },
    ...place(inputs, 0).map((n) => ({ ...n, type: 'input', ...spec[n.id] })),
    ...place(a, 250).map((n) => ({ ...n, type: 'neuron', activation: 'tanh' })),
    ...place(b, 500).map((n) => ({ ...n, type: 'neuron', activation: 'tanh' })),
    ...place(out, 750).map((n, o) => ({ ...n, type: 'neuron', activation: 'softmax', output: o })),
  ];
  const classes = ['class 0', 'class 1', 'class 2'];
  return file('2-16-16-3 on features', nodes, [inputs, a, b, out], 5, { learningRate: 0.03, mode: 'sequential', shuffle: true, seed: 1, epoch: 0, loss: 'crossEntropy' }, {
    problem: 'classification',
    classes,
    features: ['x', 'y'],
    targets: classes,
    examples: [{ x: [0, 0], y: [1, 0, 0] }],
  });
}

/** 1-16-1: tanh hidden neurons, a linear output, squared error (a function fit) */
export function functionNet(): string {
  const h = Array.from({ length: 16 }, (_, i) => `h${i}`);
  const nodes: Node[] = [
    { id: 'in_1', type: 'bias', position: { x: 0, y: 0 } },
    { id: 'in_x', type: 'input', feature: 0, position: { x: 0, y: 200 } },
    ...place(h, 250).map((n) => ({ ...n, type: 'neuron', activation: 'tanh' })),
    { id: 'out', type: 'neuron', activation: 'linear', output: 0, position: { x: 500, y: 300 } },
  ];
  return file('1-16-1 function fit', nodes, [['in_x'], h, ['out']], 3, { learningRate: 0.01, mode: 'sequential', shuffle: true, seed: 1, epoch: 0 }, {
    problem: 'regression',
    features: ['x'],
    targets: ['value'],
    examples: [{ x: [0], y: [0] }],
  });
}
