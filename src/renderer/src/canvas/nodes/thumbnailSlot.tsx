import type { ComponentType } from 'react';

// The data engineer's NodeThumbnail (a map of z_k over the plane), shown in each neuron once
// src/renderer/src/data/NodeThumbnail.tsx exists; until then the slot stays empty.
const found = import.meta.glob<{ NodeThumbnail?: ComponentType<{ nodeId: string }> }>('../../data/NodeThumbnail.tsx', {
  eager: true,
});

export const NodeThumbnail: ComponentType<{ nodeId: string }> | null =
  Object.values(found)[0]?.NodeThumbnail ?? null;
