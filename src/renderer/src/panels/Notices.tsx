import { memo } from 'react';
import { useNotices } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';

// Messages float over the canvas: near the cursor when they carry a position, else top-right.
export const Notices = memo(function Notices() {
  const studio = useStudio();
  const notices = useNotices((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.kind}`}
          role={n.kind === 'error' ? 'alert' : undefined}
          style={n.at ? { position: 'fixed', left: n.at.x + 12, top: n.at.y + 12 } : undefined}
        >
          <span>{n.message}</span>
          <button type="button" aria-label="Dismiss message" onClick={() => studio.notices.dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
});
