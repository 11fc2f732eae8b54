import type { EdgeTypes } from '@xyflow/react';
import { WeightEdge } from './WeightEdge';

export const edgeTypes: EdgeTypes = { weight: WeightEdge };
