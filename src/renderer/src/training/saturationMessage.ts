// What the page says when training/saturation.ts finds the net saturated, while it runs and
// after it pauses (the readouts keep the line; a notice says it once).
export const SATURATED_MESSAGE =
  'Saturated: every output is pinned at 0 or 1 and σ′ ≈ 0, so no gradient reaches the weights and training cannot move. ' +
  'Usually η is too large: Reset weights and try a smaller learning rate.';
