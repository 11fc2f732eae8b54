import { fileURLToPath } from 'node:url';
import { looksLikeGraphFile } from './pathGrants';

// A graph file the person dropped on the window, as main itself sees it. The renderer never
// names a dropped path to main: a renderer (compromised, or any script in the page) could name
// any path, and naming grants nothing (pathGrants.ts). Instead the window lets a dropped graph
// file through to Chromium's default action, which — with `navigateOnDragDrop` on — navigates
// the main frame to the file's `file://` URL. Main sees that navigation in `will-navigate`,
// refuses it (hardening.ts refuses every navigation away from the app), and opens the path.
//
// Why a page cannot forge it: our page is app://bundle, whose renderer process has no right
// to request file: URLs. Chromium's browser process checks every navigation the renderer asks
// for (ChildProcessSecurityPolicy / FilterURL) and rewrites a file: URL that process was not
// handed — by a drop or a file chooser, i.e. by the person — to about:blank#blocked before
// `will-navigate` fires. So a file: URL reaching this check names a file the person gave the
// window. Only the main frame counts (the app has no sub-frames; a sub-frame's navigation is
// not a drop on the window), and only a plain file: URL of a `.json` name.

export interface NavigationDetails {
  url: string;
  isMainFrame: boolean;
}

/** the dropped graph file's path, or null when this navigation is not a drop of one */
export function droppedGraphPath(navigation: NavigationDetails): string | null {
  if (!navigation.isMainFrame) return null;
  let url: URL;
  try {
    url = new URL(navigation.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:' || url.search !== '' || url.hash !== '') return null;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return null;
  }
  return looksLikeGraphFile(path) ? path : null;
}
