import type { Platform } from '../platform/types';
import type { Notices } from '../store/notices';
import type { DocumentFlows } from './documentFlows';

// A graph file dropped anywhere on the window opens (after the unsaved-changes question).
// Drops that another part of the page handled (e.g. CSV on the data plot) are left alone. On the
// desktop a graph file's drop is not handled here: its default action (a navigation main sees
// and refuses) is how main learns the path from the drop itself (src/main/files/droppedFile.ts).

export function isGraphFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.json');
}

export interface DropOpenDeps {
  flows: Pick<DocumentFlows, 'openArrived'>;
  platform: Pick<Platform, 'openDroppedFile' | 'kind'>;
  notices: Pick<Notices, 'notify'>;
}

export function installDropOpen({ flows, platform, notices }: DropOpenDeps, target: Window = window): () => void {
  const onDragOver = (e: DragEvent) => {
    if (e.defaultPrevented || !hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    if (e.defaultPrevented || !hasFiles(e)) return;
    const file = e.dataTransfer?.files[0];
    if (file && isGraphFileName(file.name) && platform.kind === 'electron') return;
    e.preventDefault();
    if (!file) return;
    if (isGraphFileName(file.name)) void flows.openArrived(() => platform.openDroppedFile(file));
    else notices.notify(`“${file.name}” is not a graph file; drop a .bpgraph.json file to open it.`, 'warning');
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}
