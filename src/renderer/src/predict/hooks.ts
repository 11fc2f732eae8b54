import { useStore } from 'zustand';
import type { PredictState } from './store';
import { useStudio } from '../studio/StudioContext';

/** a slice of the studio's predict store */
export const usePredict = <T>(select: (s: PredictState) => T): T => useStore(useStudio().predict, select);
