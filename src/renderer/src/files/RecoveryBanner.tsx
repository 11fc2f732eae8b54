import { memo } from 'react';
import { displayName } from './names';
import { useRecovery } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// Offered once at start when an earlier session left unsaved work behind.
export const RecoveryBanner = memo(function RecoveryBanner() {
  const studio = useStudio();
  const offer = useRecovery((s) => s.offer);
  if (!offer) return null;
  const when = new Date(offer.savedAt).toLocaleString();
  return (
    <div className="files-recovery" role="region" aria-label="Recovered document">
      <span>
        Unsaved changes to <strong>{displayName(offer.fileName)}</strong> from {when} were recovered.
      </span>
      <button type="button" className="files-primary" onClick={studio.recovery.restoreDraft}>
        Restore
      </button>
      <button type="button" onClick={studio.recovery.discardDraft}>
        Discard
      </button>
    </div>
  );
});
