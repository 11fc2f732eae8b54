import type { WorkerPort } from '../studio/env';
import type { CsvImportRequest, CsvImportResult } from './csvImport';
import { csvTooLarge, importCsv } from './csvImport';
import type { FromCsvWorker, ToCsvWorker } from './csvImportProtocol';

// Runs a CSV import in a worker the caller's factory makes (one per import), with progress and
// a cancel that ends the worker; where no worker can start, on the page (a cancel then drops
// its answer). The size is checked before any worker starts or byte is read.

export interface CsvImporterDeps {
  /** a new CSV import worker (worker/csvImport.worker.ts), or null where none can start */
  worker(): WorkerPort<unknown, unknown> | null;
}

export type CsvImportOutcome = { status: 'done'; result: CsvImportResult } | { status: 'cancelled' };

export interface CsvImportJob {
  outcome: Promise<CsvImportOutcome>;
  cancel(): void;
}

export interface CsvImporter {
  start(file: Blob, request: Omit<CsvImportRequest, 'bytes'>, onProgress: (fraction: number) => void): CsvImportJob;
}

export function createCsvImporter(deps: CsvImporterDeps): CsvImporter {
  return {
    start(file, request, onProgress) {
      const large = csvTooLarge(request.fileName, file.size);
      if (large) return settled({ status: 'done', result: { ok: false, message: large } });
      const worker = deps.worker();
      let over = false;
      let finish: (outcome: CsvImportOutcome) => void = () => undefined;
      const outcome = new Promise<CsvImportOutcome>((resolve) => {
        finish = (o) => {
          finish = () => undefined;
          over = true;
          if (worker) {
            worker.onmessage = null;
            worker.onerror = null;
            worker.terminate();
          }
          resolve(o);
        };
      });
      const progress = (fraction: number) => void (over || onProgress(fraction));
      if (worker) inWorker(worker, { file, request }, progress, (o) => finish(o));
      else void onPage(file, request, progress).then((o) => finish(o));
      return { outcome, cancel: () => finish({ status: 'cancelled' }) };
    },
  };
}

function inWorker(worker: WorkerPort<unknown, unknown>, message: ToCsvWorker, onProgress: (fraction: number) => void, finish: (o: CsvImportOutcome) => void): void {
  worker.onmessage = (event) => {
    const reply = event.data as FromCsvWorker;
    if (reply.type === 'progress') onProgress(reply.fraction);
    else finish({ status: 'done', result: reply.result });
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    const reason = event.message || 'it ran out of memory or failed';
    finish({ status: 'done', result: { ok: false, message: `Importing “${message.request.fileName}” stopped: ${reason}. Nothing was imported.` } });
  };
  worker.postMessage(message);
}

/** what the worker does, on the page */
async function onPage(file: Blob, request: Omit<CsvImportRequest, 'bytes'>, onProgress: (fraction: number) => void): Promise<CsvImportOutcome> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { status: 'done', result: importCsv({ ...request, bytes }, onProgress) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'done', result: { ok: false, message: `“${request.fileName}” could not be read (${reason}). Nothing was imported.` } };
  }
}

function settled(outcome: CsvImportOutcome): CsvImportJob {
  return { outcome: Promise.resolve(outcome), cancel: () => undefined };
}
