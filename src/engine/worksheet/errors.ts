// What a worksheet cannot be written for, and where in the document the reason is.

export class WorksheetError extends Error {
  readonly path: readonly (string | number)[];
  constructor(path: readonly (string | number)[], message: string) {
    super(message);
    this.name = 'WorksheetError';
    this.path = path;
  }
}
