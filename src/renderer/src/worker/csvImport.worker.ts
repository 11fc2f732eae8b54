/// <reference lib="webworker" />
import '../../../engine/format/zodConfig'; // before anything parses: no eval probe under the CSP
import { importCsv } from '../data/csvImport';
import type { FromCsvWorker, ToCsvWorker } from '../data/csvImportProtocol';

// Reads and parses an imported CSV off the main thread, and checks the document it would give
// (data/csvImport.ts); the page shows the progress and may cancel by ending this worker.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromCsvWorker) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ToCsvWorker>) => {
  const { file, request } = event.data;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    post({ type: 'done', result: importCsv({ ...request, bytes }, (fraction) => post({ type: 'progress', fraction })) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    post({ type: 'done', result: { ok: false, message: `“${request.fileName}” could not be read (${reason}). Nothing was imported.` } });
  }
};
