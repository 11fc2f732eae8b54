import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { droppedGraphPath } from '../../src/main/files/droppedFile';

// Which navigations main takes as a graph file dropped on the window.

const file = join(process.cwd(), 'some folder', 'net ü.bpgraph.json');

describe('droppedGraphPath', () => {
  it('takes the main frame’s navigation to a graph file’s file: URL as its path', () => {
    expect(droppedGraphPath({ url: pathToFileURL(file).href, isMainFrame: true })).toBe(file);
  });

  it('takes nothing else: a sub-frame, another scheme, another kind of file, a blocked or odd URL', () => {
    const url = pathToFileURL(file).href;
    expect(droppedGraphPath({ url, isMainFrame: false })).toBeNull();
    expect(droppedGraphPath({ url: 'https://example.com/net.json', isMainFrame: true })).toBeNull();
    expect(droppedGraphPath({ url: 'app://bundle/net.json', isMainFrame: true })).toBeNull();
    expect(droppedGraphPath({ url: pathToFileURL(join(process.cwd(), 'photo.png')).href, isMainFrame: true })).toBeNull();
    expect(droppedGraphPath({ url: 'about:blank#blocked', isMainFrame: true })).toBeNull();
    expect(droppedGraphPath({ url: `${url}?x=1`, isMainFrame: true })).toBeNull();
    expect(droppedGraphPath({ url: `${url}#top`, isMainFrame: true })).toBeNull();
    expect(droppedGraphPath({ url: 'not a url', isMainFrame: true })).toBeNull();
  });
});
