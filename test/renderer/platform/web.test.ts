import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseGraph } from '../../../src/engine';
import { webPlatform } from '../../../src/renderer/src/platform/web';
import perceptron from '../../../examples/tutorial-perceptron.bpgraph.json?raw';

// Open in the web page accepts exactly the bytes the command line and the desktop accept.

const page = () =>
  webPlatform({
    storage: null,
    dialogs: { askUnsaved: async () => 'cancel', showErrorDialog: async () => undefined, askFileName: async () => null },
    fileInput: { choose: async () => null },
  });
const open = (bytes: Uint8Array | string, name = 'net.bpgraph.json') => page().openDroppedFile(new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
const utf8 = (text: string) => new TextEncoder().encode(text);
const parsedText = async (bytes: Uint8Array) => {
  const result = await open(bytes);
  if (result.status !== 'opened') return result;
  return parseGraph(result.text).ok ? 'opened and read' : 'opened, refused by the reader';
};

describe('web Open', () => {
  it('opens a UTF-8 file, with one byte-order mark or none', async () => {
    expect(await parsedText(utf8(perceptron))).toBe('opened and read');
    expect(await parsedText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(perceptron)]))).toBe('opened and read');
  });

  it('refuses two byte-order marks, as the command line does', async () => {
    expect(await parsedText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8(perceptron)]))).toBe('opened, refused by the reader');
  });

  it('refuses invalid UTF-8 instead of reading it lossily', async () => {
    const bytes = utf8(JSON.stringify({ ...JSON.parse(perceptron), name: 'caf\u00e9' }));
    const broken = bytes.slice();
    broken[broken.indexOf(0xc3)] = 0xff;
    expect(await open(broken)).toEqual({
      status: 'error',
      fileName: 'net.bpgraph.json',
      message: '“net.bpgraph.json” cannot be a graph file: the file is not valid UTF-8 text.',
    });
  });

  it('refuses a UTF-16 file by name', async () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(utf8(perceptron)).flatMap((b) => [b, 0])]);
    expect(await open(utf16)).toMatchObject({ status: 'error', message: '“net.bpgraph.json” cannot be a graph file: the file is UTF-16 text; graph files are UTF-8.' });
  });

  it('refuses a file over the reader’s limit before reading it', async () => {
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'big.json');
    expect(await page().openDroppedFile(big)).toMatchObject({ status: 'error', message: expect.stringMatching(/is 50\.0 MB; the largest graph file Backprop Studio opens is 50\.0 MB/) });
  });
});
