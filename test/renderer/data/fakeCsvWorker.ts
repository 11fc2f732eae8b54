import type { WorkerPort } from '../../../src/renderer/src/studio/env';
import { importCsv } from '../../../src/renderer/src/data/csvImport';
import type { FromCsvWorker, ToCsvWorker } from '../../../src/renderer/src/data/csvImportProtocol';

/** a CSV import worker the test answers for: what it was sent, whether it was ended */
export class FakeCsvWorker implements WorkerPort<unknown, unknown> {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: ToCsvWorker[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.received.push(message as ToCsvWorker);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: FromCsvWorker) {
    this.onmessage?.({ data: message } as MessageEvent<unknown>);
  }
  /** what the real worker module does with a message, run here */
  async runLikeTheWorker() {
    const { file, request } = this.received[0];
    const bytes = new Uint8Array(await file.arrayBuffer());
    this.reply({ type: 'done', result: importCsv({ ...request, bytes }, (fraction) => this.reply({ type: 'progress', fraction })) });
  }
}
