import type { CsvImportRequest, CsvImportResult } from './csvImport';
import { csvTooLarge } from './csvImport';
import type { FromCsvWorker, ToCsvWorker } from './csvImportProtocol';

// Runs a CSV import in a worker the caller's factory makes (one per import), with progress and
// a cancel that ends the worker. The size is checked before any worker starts or byte is read.

export interface CsvWorkerLike {
  postMessage(message: ToCsvWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromCsvWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface CsvImporterEnv {
  createWorker(): CsvWorkerLike;
}

export type CsvImportOutcome = { status: 'done'; result: CsvImportResult } | { status: 'cancelled' };

export interface CsvImportJob {
  outcome: Promise<CsvImportOutcome>;
  cancel(): void;
}

export interface CsvImporter {
  start(file: Blob, request: Omit<CsvImportRequest, 'bytes'>, onProgress: (fraction: number) => void): CsvImportJob;
}

export function createCsvImporter(env: CsvImporterEnv): CsvImporter {
  return {
    start(file, request, onProgress) {
      const large = csvTooLarge(request.fileName, file.size);
      if (large) return settled({ status: 'done', result: { ok: false, message: large } });
      const worker = env.createWorker();
      let finish: (outcome: CsvImportOutcome) => void = () => undefined;
      const outcome = new Promise<CsvImportOutcome>((resolve) => {
        finish = (o) => {
          finish = () => undefined;
          worker.onmessage = null;
          worker.onerror = null;
          worker.terminate();
          resolve(o);
        };
      });
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.type === 'progress') onProgress(message.fraction);
        else finish({ status: 'done', result: message.result });
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        const reason = event.message || 'it ran out of memory or failed';
        finish({ status: 'done', result: { ok: false, message: `Importing “${request.fileName}” stopped: ${reason}. Nothing was imported.` } });
      };
      worker.postMessage({ file, request });
      return { outcome, cancel: () => finish({ status: 'cancelled' }) };
    },
  };
}

function settled(outcome: CsvImportOutcome): CsvImportJob {
  return { outcome: Promise.resolve(outcome), cancel: () => undefined };
}
