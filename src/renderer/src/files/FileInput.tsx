import { memo, useCallback, useEffect, useRef } from 'react';
import { filePicked, registerFileInput } from './fileInput';

// The hidden file input behind Open in the browser.
export const FileInput = memo(function FileInput() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = ref.current;
    registerFileInput(input);
    const onCancel = () => filePicked(null);
    input?.addEventListener('cancel', onCancel);
    return () => {
      input?.removeEventListener('cancel', onCancel);
      registerFileInput(null);
    };
  }, []);
  const onChange = useCallback((e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0] ?? null;
    e.currentTarget.value = '';
    filePicked(file);
  }, []);
  return (
    <input
      ref={ref}
      type="file"
      accept=".json,.bpgraph.json,application/json"
      aria-label="Open graph file"
      className="files-input"
      tabIndex={-1}
      onChange={onChange}
    />
  );
});
