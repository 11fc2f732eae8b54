import { memo } from 'react';
import { FileInput } from './FileInput';
import { FileDialog } from './FileDialog';
import { RecoveryBanner } from './RecoveryBanner';
import { ShareDialog } from './ShareDialog';
import { LayoutProgress } from '../layout/LayoutProgress';

// What the file session shows on the page: the hidden file input, the in-page dialogs and the
// recovery offer, and the progress of a layout an open is waiting for (the session itself is a service of the studio: files/fileSession.ts).
export const FilesHost = memo(function FilesHost() {
  return (
    <>
      <FileInput />
      <FileDialog />
      <RecoveryBanner />
      <ShareDialog />
      <LayoutProgress />
    </>
  );
});
