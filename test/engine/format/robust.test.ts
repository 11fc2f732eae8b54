// What a reader must refuse that JSON.parse lets through, and what a writer must never write:
// the rules of docs/graph-format.md's "Reader details", each with the case that once slipped by.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACTIVATIONS,
  decodeGraphBytes,
  DEFAULT_TRAINING,
  describeIssue,
  MAX_FILE_BYTES,
  MAX_NESTING,
  parseGraph,
  parseGraphBytes,
  PRETTY_MAX_CHARS,
  serializeGraph,
  writeGraph,
  type GraphDoc,
} from '../../../src/engine';
import { scanJson } from '../../../src/engine/format/jsonScan';
import { findForbiddenKey } from '../../../src/engine/format/forbidden';
import { arbitraryDag, finiteIn, fixtureText, PERCEPTRON } from '../helpers';

const perceptron = () => JSON.parse(fixtureText(PERCEPTRON));
const refusal = (text: string) => {
  const result = parseGraph(text);
  if (result.ok) throw new Error('expected a refusal');
  return { code: result.error.code, message: result.error.message, path: result.error.issues[0].path };
};
const bytesOf = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array, boms: number) => Uint8Array.from([...Array.from({ length: boms }, () => [0xef, 0xbb, 0xbf]).flat(), ...bytes]);

describe('byte-order marks and encodings', () => {
  it('accepts exactly one byte-order mark, from text and from bytes alike', () => {
    const text = fixtureText(PERCEPTRON);
    expect(parseGraphBytes(withBom(bytesOf(text), 1)).ok).toBe(true);
    expect(parseGraph('\uFEFF' + text).ok).toBe(true);
    expect(refusal('\uFEFF\uFEFF' + text).message).toBe('the file starts with two byte-order marks (U+FEFF); a graph file may start with one at most');
    const two = parseGraphBytes(withBom(bytesOf(text), 2));
    expect(two.ok).toBe(false);
  });

  it('decodes as every route does: the mark kept for the reader, UTF-16 and invalid UTF-8 refused by name', () => {
    const decoded = decodeGraphBytes(withBom(bytesOf('{}'), 1));
    expect(decoded).toEqual({ ok: true, text: '\uFEFF{}' });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(bytesOf('{}')).flatMap((b) => [b, 0])]);
    expect(decodeGraphBytes(utf16)).toMatchObject({ ok: false, error: { message: 'the file is UTF-16 text; graph files are UTF-8' } });
    expect(decodeGraphBytes(Uint8Array.of(0x7b, 0xc3, 0x7d))).toMatchObject({ ok: false, error: { message: 'the file is not valid UTF-8 text' } });
  });
});

describe('duplicate keys', () => {
  it('are refused with the path, at the top, inside a node and inside an unknown value', () => {
    const text = fixtureText(PERCEPTRON);
    expect(refusal(text.replace('"version": 1,', '"version": 1, "version": 1,'))).toMatchObject({ code: 'duplicate-key', path: ['version'] });
    const node = perceptron();
    const nodeText = JSON.stringify(node).replace('"type":"bias"', '"type":"bias","type":"input"');
    expect(refusal(nodeText)).toMatchObject({ code: 'duplicate-key', path: ['nodes', 0, 'type'], message: 'nodes[0].type: the key "type" appears twice in the same object; each key may appear once' });
    const inExtra = JSON.stringify({ ...node, zz: [{ a: 1 }, { b: 1, c: { d: 1, '\\u0064': 2 } }] }).replace('"\\\\u0064"', '"\\u0064"');
    expect(refusal(inExtra)).toMatchObject({ code: 'duplicate-key', path: ['zz', 1, 'c', 'd'] });
  });

  it('are not confused by keys written inside strings, escaped quotes or equal keys in sibling objects', () => {
    const doc = { ...perceptron(), name: 'a "name": "x", "name": \\ "' , zz: [{ k: 1 }, { k: 2 }], yy: { '"': 1, '\\"': 2 } };
    expect(parseGraph(JSON.stringify(doc)).ok).toBe(true);
    expect(scanJson('{"a":"\\\\","a":1}')).toEqual({ kind: 'duplicate-key', path: ['a'], key: 'a' });
  });

  it('are looked for in a 49 MB file in less time than JSON.parse takes to read it', () => {
    const examples = Array.from({ length: 1_400_000 }, (_, i) => ({ x: [i / 1e6, -0.123456], y: [i % 2] }));
    const text = JSON.stringify({ ...perceptron(), dataset: { examples } });
    expect(text.length).toBeGreaterThan(45e6);
    let start = performance.now();
    JSON.parse(text);
    const parseMs = performance.now() - start;
    start = performance.now();
    expect(scanJson(text)).toBeNull();
    const scanMs = performance.now() - start;
    console.log(`scanJson: ${(text.length / 1e6).toFixed(1)} MB in ${scanMs.toFixed(0)} ms (JSON.parse ${parseMs.toFixed(0)} ms)`);
    expect(scanMs).toBeLessThan(parseMs);
  });
});

describe('nesting', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const withUnknown = (value: string) => JSON.stringify(perceptron()).replace(/}$/, `,"zz":${value}}`);

  it(`refuses a file that nests deeper than ${MAX_NESTING} levels, with a clear message; accepts ${MAX_NESTING}`, () => {
    expect(parseGraph(withUnknown(nested(MAX_NESTING - 1))).ok).toBe(true);
    const deep = refusal(withUnknown(nested(5000)));
    expect(deep.code).toBe('too-deep');
    expect(deep.message).toMatch(/^zz\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]: lists and objects nest more than 100 levels deep here; a graph file may nest at most 100$/);
    expect(refusal(withUnknown(nested(MAX_NESTING))).code).toBe('too-deep');
  });

  it('never throws on a deep unknown value built in memory: save refuses it in words', () => {
    let deep: unknown = [];
    for (let k = 0; k < 5000; k++) deep = [deep];
    const parsed = parseGraph(fixtureText(PERCEPTRON));
    if (!parsed.ok) throw parsed.error;
    const doc: GraphDoc = { ...parsed.doc, extra: { zz: deep } };
    expect(() => writeGraph(doc)).not.toThrow();
    const written = writeGraph(doc);
    expect(written.ok).toBe(false);
    if (!written.ok) expect(written.error.message).toMatch(/nest more than 100 levels/);
  });
});

describe('labels, names and ids', () => {
  it.each([
    ['a tab', 'a\tb', /U\+0009 at character 2/],
    ['NUL', '\u0000', /U\+0000 at character 1/],
    ['U+FFFE', 'x\uFFFE', /U\+FFFE/],
    ['U+FFFF', '\uFFFF', /U\+FFFF/],
    ['a lone high surrogate', 'a\uD83D', /unpaired surrogate \(U\+D83D at character 2\)/],
    ['a lone low surrogate', '\uDE00b', /unpaired surrogate \(U\+DE00 at character 1\)/],
  ])('refuses %s in a label, with the path', (_what, label, message) => {
    const file = perceptron();
    file.nodes[1].label = label;
    const got = refusal(JSON.stringify(file));
    expect(got.path).toEqual(['nodes', 1, 'label']);
    expect(got.message).toMatch(message);
  });

  it('refuses them in names, ids and column names too, and accepts emoji and other scripts', () => {
    for (const change of [
      (f: ReturnType<typeof perceptron>) => (f.name = 'x\u0007'),
      (f: ReturnType<typeof perceptron>) => (f.dataset.features = ['a\n', 'b']),
      (f: ReturnType<typeof perceptron>) => (f.nodes[0].id = 'b\u001f'),
    ]) {
      const file = perceptron();
      change(file);
      expect(refusal(JSON.stringify(file)).message).toMatch(/control character/);
    }
    const fine = perceptron();
    fine.nodes[1].label = 'Σ 😀 ünïcode 中文';
    expect(parseGraph(JSON.stringify(fine)).ok).toBe(true);
  });
});

describe('messages in words', () => {
  it('names a missing activation and the values allowed', () => {
    const file = perceptron();
    const neuron = file.nodes.findIndex((n: { type: string }) => n.type === 'neuron');
    delete file.nodes[neuron].activation;
    const got = refusal(JSON.stringify(file));
    const allowed = ACTIVATIONS.map((a) => JSON.stringify(a)).join(', ');
    expect(got.message).toBe(`nodes[${neuron}].activation: missing required key "activation"; expected ${allowed}`);
    expect(got.message).not.toMatch(/undefined/);
  });

  it('says how many values a domain holds', () => {
    const file = perceptron();
    file.dataset.domain = { x: [0], y: [0, 1] };
    expect(refusal(JSON.stringify(file)).message).toBe('dataset.domain.x: must hold at least 2 values, but holds 1');
  });
});

describe('examples and outputs', () => {
  it('refuses a y longer than the number of outputs, naming both', () => {
    const file = perceptron();
    delete file.dataset.targets;
    for (const ex of file.dataset.examples) ex.y.push(0);
    expect(refusal(JSON.stringify(file))).toMatchObject({
      code: 'dataset-shape',
      path: ['dataset', 'examples', 0, 'y'],
      message: 'dataset.examples[0].y: example 0 has 2 values in y, but the graph has 1 output: y holds one value per output',
    });
  });

  it('leaves y free while the graph has no output yet', () => {
    const file = perceptron();
    for (const n of file.nodes) delete n.output;
    expect(parseGraph(JSON.stringify(file)).ok).toBe(true);
  });
});

describe('writing', () => {
  const bigDoc = (examples: number): GraphDoc => ({
    nodes: [
      { id: 'x', type: 'input', feature: 0 },
      { id: 'o', type: 'neuron', activation: 'sigmoid', output: 0 },
    ],
    edges: [],
    dataset: { examples: Array.from({ length: examples }, (_, i) => ({ x: [i / 7, 0.5], y: [i % 2] })) },
    training: DEFAULT_TRAINING,
  });

  it('writes pretty JSON up to PRETTY_MAX_CHARS compact, compact past it', () => {
    expect(serializeGraph(bigDoc(10))).toMatch(/^\{\n "format"/);
    const big = serializeGraph(bigDoc(200_000));
    expect(big.length).toBeGreaterThan(PRETTY_MAX_CHARS);
    expect(big).toMatch(/^\{"format":"backprop-studio.graph","version":\d+,/);
    expect(big.endsWith('}\n')).toBe(true);
  });

  it('never writes a file over the reader’s limit: it refuses with the size', () => {
    const doc = { ...bigDoc(1), name: 'n'.repeat(MAX_FILE_BYTES) };
    const written = writeGraph(doc);
    expect(written.ok).toBe(false);
    if (!written.ok) expect(describeIssue(written.error.issues[0])).toBe('the document would be a 50.0 MB file; graph files are limited to 50 MB (fewer examples would fit)');
  });

  it('refuses to write what the reader would refuse (a label it cannot show), instead of writing it', () => {
    const doc: GraphDoc = { ...bigDoc(1), nodes: [{ id: 'x', type: 'input', feature: 0, label: 'tab\there' }, bigDoc(1).nodes[1]] };
    const written = writeGraph(doc);
    expect(written.ok).toBe(false);
    if (!written.ok) expect(written.error.message).toMatch(/^nodes\[0\]\.label: contains the control character U\+0009/);
  });

  it('reads back only texts up to rereadUpToChars when asked (background drafts), and checks the size regardless', () => {
    const doc: GraphDoc = { ...bigDoc(1), nodes: [{ id: 'x', type: 'input', feature: 0, label: 'tab\there' }, bigDoc(1).nodes[1]] };
    const length = (writeGraph(doc, { rereadUpToChars: 0 }) as { text: string }).text.length;
    expect(writeGraph(doc, { rereadUpToChars: length }).ok).toBe(false);
    expect(writeGraph(doc, { rereadUpToChars: length - 1 }).ok).toBe(true);
    expect(writeGraph({ ...bigDoc(1), name: 'n'.repeat(MAX_FILE_BYTES) }, { rereadUpToChars: 0 }).ok).toBe(false);
  });
});

describe('save → open → save', () => {
  const key = fc.string({ minLength: 1, maxLength: 6 }).map((k) => `~${k}`);
  const extra = fc
    .option(fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 3 }), { nil: undefined })
    .filter((e) => e === undefined || findForbiddenKey(e) === null);
  const label = fc.string({ maxLength: 12, unit: 'grapheme' });
  const document = fc
    .tuple(arbitraryDag(), extra, extra, label, finiteIn(-1e300, 1e300), fc.boolean())
    .map(([doc, top, nodeExtra, name, coord, domain]): GraphDoc => {
      const out: GraphDoc = {
        ...doc,
        name,
        nodes: doc.nodes.map((n, i) => ({ ...n, label: `${name}${i}`, position: { x: coord / (i + 1), y: -i } })),
        edges: doc.edges.map((e, i) => (i === 0 && nodeExtra ? { ...e, extra: nodeExtra } : e)),
        dataset: { ...doc.dataset, ...(domain && { domain: { x: [-1, 1], y: [-1e300, 1e300] } }) },
        training: { ...doc.training, epoch: 3 },
      };
      if (top) out.extra = top;
      return out;
    });

  it('gives the same bytes for random valid documents (names, labels, positions, extra keys)', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const first = writeGraph(doc);
        if (!first.ok) throw first.error;
        const opened = parseGraphBytes(bytesOf(first.text));
        if (!opened.ok) throw opened.error;
        const second = writeGraph(opened.doc);
        if (!second.ok) throw second.error;
        expect(second.text).toBe(first.text);
      }),
      { numRuns: 300 },
    );
  });
});
