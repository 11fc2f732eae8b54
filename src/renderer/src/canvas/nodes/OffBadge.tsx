// The mark on a node that is switched off (ablation): z = 0, its edges are not trained.
export function OffBadge() {
  return (
    <span className="bp-node-offmark" title="Switched off: z = 0 and its edges are not trained (O switches it back on)">
      off
    </span>
  );
}
