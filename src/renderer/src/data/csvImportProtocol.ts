import type { CsvImportRequest, CsvImportResult } from './csvImport';

// Messages between the page and the CSV import worker (worker/csvImport.worker.ts). The page
// sends the file itself (a Blob is cloned cheaply), so reading it happens off the page too.

export interface ToCsvWorker {
  file: Blob;
  request: Omit<CsvImportRequest, 'bytes'>;
}

export type FromCsvWorker = { type: 'progress'; fraction: number } | { type: 'done'; result: CsvImportResult };
