import { isAbsolute, normalize } from 'node:path';

// Main writes a document only to a path the person chose: in one of main's own dialogs, on the
// command line, by dropping it on the window (as main sees the drop: droppedFile.ts), or from the
// Open Recent list. The renderer can name a path, but naming it grants nothing.

export class PathGrants {
  private readonly granted = new Set<string>();

  constructor(private readonly isRecent: (path: string) => boolean = () => false) {}

  grant(path: string): void {
    if (isAbsolute(path)) this.granted.add(normalize(path));
  }

  revoke(path: string): void {
    this.granted.delete(normalize(path));
  }

  /** may main read or write this path on the renderer's behalf? */
  allows(path: string): boolean {
    if (!isAbsolute(path)) return false;
    const p = normalize(path);
    return this.granted.has(p) || this.isRecent(p);
  }
}

/** a graph file by name: `.json` (the association is `.bpgraph.json`) */
export function looksLikeGraphFile(path: string): boolean {
  return path.toLowerCase().endsWith('.json');
}

/** what a save dialog returned, with `.bpgraph.json` added when the person typed no extension */
export function withGraphExtension(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  return name.includes('.') ? path : `${path}.bpgraph.json`;
}
