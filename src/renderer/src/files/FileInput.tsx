import { memo, useCallback, useEffect, useRef } from 'react';
import { useStudio } from '../studio/StudioContext';

// The hidden file input behind Open in the browser.
export const FileInput = memo(function FileInput() {
  const studio = useStudio();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = ref.current;
    studio.fileInput.register(input);
    const onCancel = () => studio.fileInput.picked(null);
    input?.addEventListener('cancel', onCancel);
    return () => {
      input?.removeEventListener('cancel', onCancel);
      studio.fileInput.register(null);
    };
  }, [studio]);
  const onChange = useCallback((e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0] ?? null;
    e.currentTarget.value = '';
    studio.fileInput.picked(file);
  }, [studio]);
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
