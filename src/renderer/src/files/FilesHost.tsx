import { memo } from 'react';
import { FileInput } from './FileInput';
import { FileDialog } from './FileDialog';
import { RecoveryBanner } from './RecoveryBanner';

// What the file session shows on the page: the hidden file input, the in-page dialogs and the
// recovery offer (the session itself is a service of the studio: files/fileSession.ts).
export const FilesHost = memo(function FilesHost() {
  return (
    <>
      <FileInput />
      <FileDialog />
      <RecoveryBanner />
    </>
  );
});
