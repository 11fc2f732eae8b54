import { describe, expect, it } from 'vitest';
import { DOMParser, type Document } from '@xmldom/xmldom';
import { parseGraph, type GraphDoc } from '../../../src/engine';
import tutorialText from '../../../examples/tutorial-2-5-1.bpgraph.json?raw';
import { layeredDoc } from '../../../src/renderer/src/templates/layered';
import { fakeEnv, fakePlatform, testStudio } from '../studio/fakeEnv';
import type { Platform } from '../../../src/renderer/src/platform/types';

function strictXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'image/svg+xml');
}

async function exportSvg(doc: GraphDoc) {
  const saved: Parameters<Platform['exportFile']>[0][] = [];
  const platform = fakePlatform({ exportFile: async (o) => (saved.push(o), { status: 'saved', filePath: o.fileName }) });
  const studio = testStudio({ initial: doc, env: fakeEnv({ platform }) });
  await studio.exports.exportPicture('svg');
  expect(saved).toHaveLength(1);
  expect(typeof saved[0].data).toBe('string');
  return { text: saved[0].data as string, notices: studio.notices.getState().notices };
}

describe('File › Export SVG', () => {
  it('writes real SVG (shapes and text, no HTML inside foreignObject) that parses as XML', async () => {
    const r = parseGraph(tutorialText);
    if (!r.ok) throw r.error;
    const { text } = await exportSvg(r.doc);
    const svg = strictXml(text);
    expect(svg.documentElement!.tagName).toBe('svg');
    expect(svg.getElementsByTagName('foreignObject')).toHaveLength(0);
    const nodes = Array.from(svg.getElementsByTagName('g')).filter((g) => g.getAttribute('class') === 'node');
    expect(nodes).toHaveLength(r.doc.nodes.length);
    expect(svg.getElementById('decision-map')).not.toBeNull(); // the tutorial's plot beside the graph
  });

  it('draws a graph without a map (no output yet) as the graph alone, still valid XML', async () => {
    const doc = layeredDoc([2, 3, 1]);
    const noOutput = { ...doc, nodes: doc.nodes.map((n) => (n.type === 'neuron' ? { ...n, output: undefined } : n)) };
    const { text, notices } = await exportSvg(noOutput);
    const svg = strictXml(text);
    expect(svg.getElementsByTagName('foreignObject')).toHaveLength(0);
    expect(notices.map((n) => n.kind)).not.toContain('error');
  });
});
