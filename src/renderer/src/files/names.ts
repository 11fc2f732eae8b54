// How a document is named to a person: its file name without the graph extension.

export const APP_NAME = 'Backprop Studio';

export function displayName(fileName: string): string {
  return fileName.replace(/\.bpgraph\.json$|\.json$/i, '') || 'Untitled';
}

/** the window title: the document, an unsaved marker, the app */
export function windowTitle(fileName: string, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${displayName(fileName)} — ${APP_NAME}`;
}

/** `base.ext` for an export of the document called `fileName` */
export function exportName(fileName: string, ext: string): string {
  return `${displayName(fileName)}.${ext}`;
}
