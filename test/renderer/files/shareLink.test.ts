import { describe, expect, it } from 'vitest';
import { strToU8, zlibSync } from 'fflate';
import { CURRENT_VERSION, parseGraph, writeGraph, type GraphDoc } from '../../../src/engine';
import {
  SHARE_LINK_MAX_CHARS,
  adler32,
  fromBase64Url,
  shareData,
  shareLink,
  sharedDocText,
  toBase64Url,
} from '../../../src/renderer/src/files/shareLink';
import { layeredDoc } from '../training/fixtures';

// A share link holds the whole document in the address's fragment; reading it back gives the
// same file, and anything else (cut short, changed, too big, not ours) is refused with a reason.

const PAGE = 'https://example.org/studio/index.html';

/** a version-2 document using the options a link must carry: derived inputs, ablation, test examples, a name */
function v2Doc(count = 20): GraphDoc {
  const doc = layeredDoc([3], { count });
  return {
    ...doc,
    name: 'Shared · x₁² and sin',
    nodes: [
      ...doc.nodes.map((n) => (n.id === 'h0_1' ? { ...n, off: true } : n)),
      { id: 'in_sq', type: 'input', feature: 0, transform: 'square', position: { x: -10, y: 300 } },
      { id: 'in_xy', type: 'input', feature: 0, times: 1, position: { x: -10, y: 360 } },
    ],
    edges: [
      ...doc.edges.map((e, i) => (i === 2 ? { ...e, off: true } : e)),
      { id: 'in_sq->out', source: 'in_sq', target: 'out', weight: -0.125 },
      { id: 'in_xy->out', source: 'in_xy', target: 'out', weight: 5e-324 },
    ],
    dataset: { ...doc.dataset, examples: doc.dataset.examples.map((ex, i) => (i % 4 === 0 ? { ...ex, test: true } : ex)) },
  };
}

function fileText(doc: GraphDoc): string {
  const written = writeGraph(doc);
  if (!written.ok) throw new Error(written.error.message);
  return written.text;
}

function linkOf(doc: GraphDoc): string {
  const link = shareLink(doc, PAGE);
  if (!link.ok) throw new Error(link.message);
  return link.url;
}

function reopened(url: string): GraphDoc {
  const shared = sharedDocText(new URL(url).hash);
  if (shared.kind !== 'text') throw new Error(shared.kind === 'bad' ? shared.message : 'no document');
  const parsed = parseGraph(shared.text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.doc;
}

describe('a share link', () => {
  it('holds the whole document: reading it back saves the same file, byte for byte', () => {
    const doc = v2Doc();
    const url = linkOf(doc);
    expect(url.startsWith(`${PAGE}#doc=`)).toBe(true);
    expect(fileText(reopened(url))).toBe(fileText(doc));
  });

  it('is made from the page address without its own fragment, and reads back from among other fragment keys', () => {
    const doc = v2Doc(4);
    const url = shareLink(doc, `${PAGE}#doc=old-link`);
    expect(url.ok && url.url.split('#').length).toBe(2);
    const data = shareData(new URL(linkOf(doc)).hash)!;
    expect(shareData(`#view=1&doc=${data}&x=2`)).toBe(data);
    expect(fileText(reopened(`${PAGE}#view=1&doc=${data}`))).toBe(fileText(doc));
  });

  it('uses only characters a URL fragment carries unescaped', () => {
    const data = shareData(new URL(linkOf(v2Doc())).hash)!;
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(data)).toBe(data);
  });

  it('opens a version-1 document through the same migration as a file', () => {
    const v1 = JSON.stringify({
      format: 'backprop-studio.graph',
      version: 1,
      nodes: [
        { id: 'in_1', type: 'bias' },
        { id: 'in_x', type: 'input', feature: 0 },
        { id: 'out', type: 'neuron', activation: 'sigmoid', output: 0 },
      ],
      edges: [{ id: 'e', source: 'in_x', target: 'out', weight: 0.5 }],
      dataset: { examples: [{ x: [0.25], y: [1] }] },
    });
    const doc = reopened(`${PAGE}#doc=${toBase64Url(zlibSync(strToU8(v1)))}`);
    expect(parseGraph(v1).ok && fileText(doc)).toBe(fileText((parseGraph(v1) as { doc: GraphDoc }).doc));
    expect(JSON.parse(fileText(doc)).version).toBe(CURRENT_VERSION);
  });

  it('refuses a document whose link would pass the limit, saying how long it would be and to save the file instead', () => {
    const big = v2Doc(6000);
    const link = shareLink(big, PAGE);
    expect(link.ok).toBe(false);
    if (link.ok || link.reason !== 'too-long') throw new Error('expected too-long');
    expect(link.length).toBeGreaterThan(SHARE_LINK_MAX_CHARS);
    expect(link.message).toContain(link.length.toLocaleString('en-US'));
    expect(link.message).toContain('32,000');
    expect(link.message).toMatch(/Save the file instead/);
  });

  it('refuses a document the file writer refuses (a non-finite weight), naming where', () => {
    const doc = v2Doc(4);
    const broken = { ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, weight: Number.NaN } : e)) };
    const link = shareLink(broken, PAGE);
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.reason).toBe('unwritable');
    expect(link.message).toMatch(/edges/);
  });
});

describe('reading a link', () => {
  it('finds no document in an address without one', () => {
    expect(sharedDocText('').kind).toBe('none');
    expect(sharedDocText('#section-2').kind).toBe('none');
  });

  it('refuses a link cut short at any length, never reading a different document', () => {
    const data = shareData(new URL(linkOf(v2Doc(4))).hash)!;
    for (let n = 0; n < data.length; n++) {
      const shared = sharedDocText(`#doc=${data.slice(0, n)}`);
      expect(shared.kind, `cut at ${n} of ${data.length}`).toBe('bad');
    }
  });

  it('refuses a link with a character changed in transit (the zlib checksum)', () => {
    const data = shareData(new URL(linkOf(v2Doc(4))).hash)!;
    for (const at of [10, Math.floor(data.length / 3), Math.floor(data.length / 2), data.length - 8]) {
      const changed = data.slice(0, at) + (data[at] === 'A' ? 'B' : 'A') + data.slice(at + 1);
      const shared = sharedDocText(`#doc=${changed}`);
      expect(shared.kind, `changed at ${at}`).toBe('bad');
    }
  });

  it('refuses characters no link of ours has, and an empty link, saying so', () => {
    const odd = sharedDocText('#doc=abc$def');
    expect(odd.kind === 'bad' && odd.message).toMatch(/characters/);
    const empty = sharedDocText('#doc=');
    expect(empty.kind === 'bad' && empty.message).toMatch(/no document/);
  });

  it('stops inflating a link that would grow past the limit (a "zip bomb")', () => {
    const zeros = zlibSync(new Uint8Array(300_000));
    const shared = sharedDocText(`#doc=${toBase64Url(zeros)}`, 100_000);
    expect(shared.kind === 'bad' && shared.message).toMatch(/larger than/);
  });
});

describe('the link encoding', () => {
  it('base64url round-trips every byte value and every length', () => {
    for (let n = 0; n < 260; n += 7) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(Array.from(fromBase64Url(toBase64Url(bytes)))).toEqual(Array.from(bytes));
    }
  });

  it('computes RFC 1950’s Adler-32 (its example “Wikipedia” = 0x11E60398)', () => {
    expect(adler32(strToU8('Wikipedia'))).toBe(0x11e60398);
  });
});
