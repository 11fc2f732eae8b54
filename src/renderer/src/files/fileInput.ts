// The browser's way to pick a graph file: one hidden <input type="file"> that the FileInput
// component registers. Open clicks it and waits; a file set on it without Open having asked
// (a test's setInputFiles, assistive technology) opens through `unsolicited`.

export interface FileInputPort {
  register(element: HTMLInputElement | null): void;
  onUnsolicitedFile(handler: (file: File) => void): void;
  choose(): Promise<File | null>;
  /** the input's change (file or none) or cancel event */
  picked(file: File | null): void;
}

export function createFileInput(): FileInputPort {
  let input: HTMLInputElement | null = null;
  let pending: ((file: File | null) => void) | null = null;
  let unsolicited: (file: File) => void = () => undefined;
  const settle = (file: File | null) => {
    const resolve = pending;
    pending = null;
    resolve?.(file);
  };
  return {
    register: (element) => void (input = element),
    onUnsolicitedFile: (handler) => void (unsolicited = handler),
    choose() {
      settle(null);
      if (!input) return Promise.resolve(null);
      const promise = new Promise<File | null>((resolve) => {
        pending = resolve;
      });
      input.click();
      return promise;
    },
    picked(file) {
      if (pending) settle(file);
      else if (file) unsolicited(file);
    },
  };
}
