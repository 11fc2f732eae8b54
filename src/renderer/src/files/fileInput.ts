// The browser's way to pick a graph file: one hidden <input type="file"> that the FileInput
// component registers. Open clicks it and waits; a file set on it without Open having asked
// (a test's setInputFiles, assistive technology) opens through `unsolicited`.

let input: HTMLInputElement | null = null;
let pending: ((file: File | null) => void) | null = null;
let unsolicited: (file: File) => void = () => undefined;

export function registerFileInput(element: HTMLInputElement | null): void {
  input = element;
}

export function onUnsolicitedFile(handler: (file: File) => void): void {
  unsolicited = handler;
}

export function chooseGraphFile(): Promise<File | null> {
  settle(null);
  if (!input) return Promise.resolve(null);
  const promise = new Promise<File | null>((resolve) => {
    pending = resolve;
  });
  input.click();
  return promise;
}

/** the input's change (file or none) or cancel event */
export function filePicked(file: File | null): void {
  if (pending) settle(file);
  else if (file) unsolicited(file);
}

function settle(file: File | null): void {
  const resolve = pending;
  pending = null;
  resolve?.(file);
}
