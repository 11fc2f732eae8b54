// Loading untrusted files: every bad input becomes a GraphFileError with a clear message and path.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CURRENT_VERSION,
  GraphFileError,
  MAX_FILE_BYTES,
  parseGraph,
  parseGraphBytes,
  serializeGraph,
  type GraphDoc,
  type GraphIssueCode,
} from '../../../src/engine';
import { findForbiddenKey } from '../../../src/engine/format/forbidden';
import { arbitraryDag, finiteIn, fixtureText, loadFixture, PERCEPTRON, TWO_FIVE_ONE } from '../helpers';

/** parse, insisting it does not throw and does fail, and return the error */
function refuse(text: string): GraphFileError {
  let result: ReturnType<typeof parseGraph> | undefined;
  expect(() => (result = parseGraph(text))).not.toThrow();
  if (result!.ok) throw new Error(`expected ${JSON.stringify(text.slice(0, 80))} to be refused`);
  expect(result!.error).toBeInstanceOf(GraphFileError);
  return result!.error;
}

function expectRefused(text: string, code: GraphIssueCode, message?: RegExp, path?: (string | number)[]): GraphFileError {
  const error = refuse(text);
  expect(error.issues[0].code, error.message).toBe(code);
  if (message) expect(error.message).toMatch(message);
  if (path) expect(error.issues[0].path).toEqual(path);
  return error;
}

/** whatever JSON.parse returns: the tests edit raw files freely */
type RawJson = ReturnType<typeof JSON.parse>;

/** the 2-5-1 file as a JSON object, edited by `change`, back to text */
function edited(change: (file: RawJson) => void): string {
  const file = JSON.parse(fixtureText(TWO_FIVE_ONE));
  change(file);
  return JSON.stringify(file);
}

describe('parseGraph accepts', () => {
  it('the tutorial files (version 1), and writes them back unchanged but for the version', () => {
    for (const name of [PERCEPTRON, TWO_FIVE_ONE]) {
      const text = fixtureText(name);
      const result = parseGraph(text);
      expect(result.ok).toBe(true);
      // the 2-5-1 file spells one coordinate "-0.0", which JSON.stringify writes as 0
      const asV2 = text.trimEnd().replace(/-0\.0\b/g, '0').replace('"version": 1,', `"version": ${CURRENT_VERSION},`);
      if (result.ok) expect(serializeGraph(result.doc).trimEnd()).toBe(asV2);
    }
  });

  it('a leading byte-order mark', () => {
    expect(parseGraph('\uFEFF' + fixtureText(PERCEPTRON)).ok).toBe(true);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(fixtureText(PERCEPTRON))]);
    expect(parseGraphBytes(bytes).ok).toBe(true);
  });

  it('a file without training, filling in the defaults', () => {
    const result = parseGraph(edited((f) => delete f.training));
    expect(result.ok && result.doc.training).toEqual({ learningRate: 0.5, mode: 'sequential', shuffle: false, seed: 1, epoch: 0 });
    const partial = parseGraph(edited((f) => (f.training = { mode: 'batch' })));
    expect(partial.ok && partial.doc.training).toMatchObject({ mode: 'batch', learningRate: 0.5, epoch: 0 });
  });

  it('odd but valid values: −0, 5e-324, 1e308 positions, 10,000-character ids, no examples, η = 1e9', () => {
    const longId = 'n'.repeat(10_000);
    const text = edited((f) => {
      f.edges[0].weight = 5e-324;
      f.edges[1].weight = -0;
      f.nodes[0].position = { x: 1e308, y: -1e308 };
      f.nodes[8].id = longId;
      for (const e of f.edges) if (e.target === '6') e.target = longId;
      f.dataset.examples = [];
      f.training.learningRate = 1e9;
    });
    const result = parseGraph(text);
    expect(result.ok ? '' : result.error.message).toBe('');
  });

  it('unknown keys at every level, kept in extra and written back', () => {
    const text = edited((f) => {
      f.future = { nested: [1, { deep: true }] };
      f.nodes[0].colour = 'red';
      f.nodes[0].position.z = 3;
      f.edges[0].style = 'dashed';
      f.dataset.note = 'hi';
      f.dataset.examples[0].weight = 2;
      f.dataset.domain = { x: [-2, 2], y: [-1, 1], grid: 10 };
      f.training.stepSize = 0.9;
      f.extra = 'a key literally named extra';
    });
    const result = parseGraph(text);
    if (!result.ok) throw result.error;
    const doc = result.doc;
    expect(doc.extra).toEqual({ future: { nested: [1, { deep: true }] }, extra: 'a key literally named extra' });
    expect(doc.nodes[0].extra).toEqual({ colour: 'red' });
    expect(doc.nodes[0].position?.extra).toEqual({ z: 3 });
    expect(doc.edges[0].extra).toEqual({ style: 'dashed' });
    expect(doc.dataset.extra).toEqual({ note: 'hi' });
    expect(doc.dataset.examples[0].extra).toEqual({ weight: 2 });
    expect(doc.dataset.domain?.extra).toEqual({ grid: 10 });
    expect(doc.training.extra).toEqual({ stepSize: 0.9 });
    expect(JSON.parse(serializeGraph(doc))).toEqual({ ...JSON.parse(text), version: CURRENT_VERSION });
  });
});

describe('parseGraph refuses', () => {
  it('an empty or blank file', () => {
    expectRefused('', 'syntax', /the file is empty/);
    expectRefused(' \n\t ', 'syntax', /the file is empty/);
    expectRefused('\uFEFF', 'syntax', /the file is empty/);
  });

  it('a valid file truncated at any offset, saying where', () => {
    const text = fixtureText(TWO_FIVE_ONE).trimEnd();
    for (let offset = 0; offset < text.length; offset += 3) {
      const error = refuse(text.slice(0, offset));
      expect(error.code).toBe('syntax');
      if (offset > 0) expect(error.message).toMatch(/^not valid JSON at line \d+, column \d+: /);
    }
  });

  it('invalid UTF-8', () => {
    const result = parseGraphBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(!result.ok && result.error.message).toBe('the file is not valid UTF-8 text');
  });

  it('a top level that is not an object', () => {
    expectRefused('null', 'not-object', /holds null/);
    expectRefused('[]', 'not-object', /holds a list/);
    expectRefused('"x"', 'not-object', /holds a string/);
    expectRefused('42', 'not-object', /holds a number/);
  });

  it('a missing or foreign format', () => {
    expectRefused(edited((f) => delete f.format), 'format', /"format" is missing/, ['format']);
    expectRefused(edited((f) => (f.format = 'tf-playground')), 'format', /format is "tf-playground"/);
  });

  it('a version that is missing or unknown, naming it', () => {
    expectRefused(edited((f) => delete f.version), 'version', /no "version"/, ['version']);
    expectRefused(edited((f) => (f.version = 0)), 'version', /unsupported version 0\b/);
    expectRefused(edited((f) => (f.version = '1')), 'version', /unsupported version "1" \(a string/);
    expectRefused(edited((f) => (f.version = 1.5)), 'version', /unsupported version 1\.5/);
    expectRefused(edited((f) => (f.version = 99)), 'version', /version 99 is newer/);
    expectRefused(edited((f) => (f.version = 999)), 'version', /version 999 is newer/);
  });

  it('broken graph rules, naming what broke', () => {
    const cases: [string, (f: RawJson) => void, GraphIssueCode, RegExp][] = [
      ['duplicate node ids', (f) => (f.nodes[4].id = '1'), 'duplicate-id', /nodes\[4\]\.id: node id '1' is used twice/],
      ['duplicate edge ids', (f) => (f.edges[1].id = 'in_1->1'), 'duplicate-id', /edges\[1\]\.id: edge id 'in_1->1' is used twice/],
      ['dangling edge', (f) => (f.edges[3].target = 'ghost'), 'dangling-edge', /edges\[3\]\.target: edge 'in_1->2' points to node 'ghost', which does not exist/],
      ['self-loop', (f) => f.edges.push({ id: 's', source: '3', target: '3', weight: 1 }), 'self-loop', /edge 's' \(3 → 3\): a node cannot connect to itself/],
      ['2-cycle', (f) => f.edges.push({ id: 'back', source: '6', target: '1', weight: 1 }), 'cycle', /cycle: 1 → 6 → 1/],
      ['duplicate edge', (f) => f.edges.push({ id: 'again', source: '1', target: '6', weight: 1 }), 'duplicate-edge', /'1' is already connected to '6'/],
      ['edge into input', (f) => f.edges.push({ id: 'x', source: '1', target: 'in_x', weight: 1 }), 'edge-into-source', /an input takes no incoming edges/],
      ['edge into bias', (f) => f.edges.push({ id: 'x', source: '6', target: 'in_1', weight: 1 }), 'edge-into-source', /a bias node takes no incoming edges/],
      ['feature out of range', (f) => (f.nodes[2].feature = 2), 'feature-index', /input 'in_y' reads feature 2/],
      ['output out of range', (f) => (f.nodes[8].output = 1), 'output-index', /gaps|index 1/],
      ['duplicate output index', (f) => (f.nodes[7].output = 0), 'output-index', /output index 0 is used by both '5' and '6'/],
      ['gap in output indices', (f) => ((f.nodes[7].output = 2), f.dataset.examples.forEach((e: RawJson) => e.y.push(0, 0))), 'output-index', /no neuron has output 1/],
      ['ragged examples', (f) => f.dataset.examples[5].x.push(1), 'dataset-shape', /example 5 has 3 values in x/],
    ];
    for (const [name, change, code, message] of cases) {
      const error = refuse(edited(change));
      expect(error.code, `${name}: ${error.message}`).toBe(code);
      expect(error.message, name).toMatch(message);
    }
  });

  it('a long cycle, naming every node on it', () => {
    const text = edited((f) => {
      f.edges.push({ id: 'a', source: '6', target: 'x1', weight: 1 }, { id: 'b', source: 'x1', target: 'x2', weight: 1 });
      f.edges.push({ id: 'c', source: 'x2', target: '1', weight: 1 });
      f.nodes.push({ id: 'x1', type: 'neuron', activation: 'relu' }, { id: 'x2', type: 'neuron', activation: 'relu' });
    });
    expectRefused(text, 'cycle', /^edges\[\d+\]: cycle: 1 → 6 → x1 → x2 → 1$/);
  });

  it('numbers that are not finite numbers', () => {
    const infinite = fixtureText(TWO_FIVE_ONE).replace('"weight": -0.0952', '"weight": 1e400');
    expectRefused(infinite, 'non-finite', /^edges\[0\]\.weight: Infinity is not a finite number/, ['edges', 0, 'weight']);
    expectRefused(edited((f) => (f.edges[2].weight = '0.5')), 'schema', /^edges\[2\]\.weight: expected a number, got the text "0\.5"/);
    expectRefused(edited((f) => (f.edges[2].weight = null)), 'schema', /^edges\[2\]\.weight: expected a number, got null/);
    expectRefused(edited((f) => delete f.edges[2].weight), 'schema', /^edges\[2\]\.weight: missing required key "weight"/);
    expectRefused(fixtureText(PERCEPTRON).replace('-0.855', '-1e999'), 'non-finite', /dataset\.examples\[0\]\.x\[0\]: -Infinity/);
  });

  it('schema mistakes, with the path', () => {
    expectRefused(edited((f) => (f.nodes[3].activation = 'swish')), 'schema', /^nodes\[3\]\.activation: the text "swish" is not allowed; expected "sigmoid", "tanh", "linear", "relu", "leakyRelu", "elu", "softplus", "hardSigmoid", "softmax"/);
    expectRefused(edited((f) => (f.nodes[3].type = 'layer')), 'schema', /^nodes\[3\]\.type: unknown node type "layer"/);
    expectRefused(edited((f) => (f.nodes[1].feature = -1)), 'schema', /nodes\[1\]\.feature: must be at least 0/);
    expectRefused(edited((f) => (f.nodes[1].feature = 0.5)), 'schema', /nodes\[1\]\.feature: expected a whole number/);
    expectRefused(edited((f) => (f.nodes[3].id = '')), 'schema', /nodes\[3\]\.id: an id must be a non-empty string/);
    expectRefused(edited((f) => (f.nodes = [])), 'schema', /nodes: a graph needs at least one node/);
    expectRefused(edited((f) => (f.training.learningRate = 0)), 'schema', /learningRate: the learning rate η must be greater than 0/);
    expectRefused(edited((f) => (f.training.learningRate = -1)), 'schema', /learningRate/);
    expectRefused(edited((f) => (f.training.mode = 'online')), 'schema', /training\.mode/);
    expectRefused(edited((f) => (f.dataset.domain = { x: [1, -1], y: [-1, 1] })), 'schema', /dataset\.domain\.x: the minimum must be less than the maximum/);
    expectRefused(edited((f) => delete f.dataset), 'schema', /^dataset: missing required key "dataset"/);
  });

  it('__proto__, constructor and prototype keys at any depth, leaving Object.prototype clean', () => {
    const raw = fixtureText(PERCEPTRON);
    const attacks: [string, (string | number)[]][] = [
      [raw.replace('"format"', '"__proto__": {"polluted": 1}, "format"'), ['__proto__']],
      [raw.replace('"id": "in_x"', '"constructor": {"prototype": {"polluted": 1}}, "id": "in_x"'), ['nodes', 1, 'constructor']],
      [raw.replace('"seed": 1', '"seed": 1, "x": [[{"prototype": 1}]]'), ['training', 'x', 0, 0, 'prototype']],
      [raw.replace('"x": 0,', '"__proto__": null, "x": 0,'), ['nodes', 0, 'position', '__proto__']],
    ];
    for (const [text, path] of attacks) {
      const error = expectRefused(text, 'forbidden-key', /is not allowed in a graph file/, path);
      expect(error.message).toContain(String(path[path.length - 1]));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('ids named __proto__, constructor and prototype are fine (they are values)', () => {
    const text = edited((f) => {
      f.nodes[1].id = '__proto__';
      f.nodes[8].id = 'constructor';
      for (const e of f.edges) {
        if (e.source === 'in_x') e.source = '__proto__';
        if (e.target === '6') e.target = 'constructor';
      }
      f.edges[0].id = 'prototype';
    });
    const result = parseGraph(text);
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
  });

  it('a file over 50 MB, before parsing it', () => {
    expectRefused(' '.repeat(MAX_FILE_BYTES + 1), 'too-large', /limited to 50 MB/);
    expectRefused('€'.repeat(Math.ceil(MAX_FILE_BYTES / 3) + 10), 'too-large', /50 MB/); // 3 bytes each in UTF-8
    const result = parseGraphBytes(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(!result.ok && result.error.code).toBe('too-large');
  });
});

describe('serializeGraph', () => {
  const jsonKey = fc.string({ maxLength: 6 }).map((k) => `~${k}`); // never a known key such as 'name'
  const extras = fc
    .option(fc.dictionary(jsonKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { nil: undefined })
    .filter((e) => e === undefined || findForbiddenKey(e) === null)
    .map((e) => (e && Object.keys(e).length > 0 ? e : undefined)); // an empty extra is the same as none

  /** a random DAG decorated with names, labels, positions, column names, a domain and extra keys */
  const decoratedDoc = fc
    .tuple(arbitraryDag(), extras, extras, extras, fc.option(fc.string(), { nil: undefined }), finiteIn(-1e6, 1e6))
    .map(([doc, top, nodeExtra, edgeExtra, name, coord]): GraphDoc => {
      const out: GraphDoc = {
        ...doc,
        nodes: doc.nodes.map((n, i) => (i === 0 ? { ...n, label: `L${i}`, position: { x: coord, y: 1 }, extra: nodeExtra } : n)),
        edges: doc.edges.map((e, i) => (i === 0 ? { ...e, extra: edgeExtra } : e)),
        dataset: { ...doc.dataset, features: ['x', 'y'], domain: { x: [-1, 1], y: [-2, 2] } },
        training: { ...doc.training, extra: top },
      };
      if (name !== undefined) out.name = name;
      if (top !== undefined) out.extra = top;
      return JSON.parse(JSON.stringify(out)); // drop undefined optional fields, as the loader never produces them
    });

  it('serialize → parse is the identity (including extra keys)', () => {
    fc.assert(
      fc.property(decoratedDoc, (doc) => {
        const result = parseGraph(serializeGraph(doc));
        if (!result.ok) throw result.error;
        expect(result.doc).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses NaN and Infinity instead of writing null', () => {
    const doc = loadFixture(PERCEPTRON);
    doc.edges[2].weight = NaN;
    expect(() => serializeGraph(doc)).toThrow(GraphFileError);
    try {
      serializeGraph(doc);
    } catch (err) {
      expect((err as GraphFileError).issues[0]).toMatchObject({ code: 'non-finite', path: ['edges', 2, 'weight'] });
    }
    const infinite = loadFixture(PERCEPTRON);
    infinite.dataset.examples[1].y[0] = -Infinity;
    expect(() => serializeGraph(infinite)).toThrow(/dataset\.examples\[1\]\.y\[0\]: cannot save -Infinity/);
  });

  it('omits absent optional fields and writes 1-space indented JSON', () => {
    const doc = loadFixture(PERCEPTRON);
    delete doc.name;
    delete doc.nodes[0].label;
    delete doc.nodes[0].position;
    const text = serializeGraph(doc);
    expect(text.startsWith(`{\n "format": "backprop-studio.graph",\n "version": ${CURRENT_VERSION},\n "nodes"`)).toBe(true);
    expect(JSON.parse(text).nodes[0]).toEqual({ id: 'in_1', type: 'bias' });
  });
});
