import { useStore } from 'zustand';
import { useStoreWithEqualityFn } from 'zustand/traditional';
import type { DocumentState } from '../store/document';
import type { SelectionState } from '../store/selection';
import type { ViewState } from '../store/view';
import type { GuideState } from '../store/guide';
import type { LiveState } from '../store/live';
import type { NoticeState } from '../store/notices';
import type { TrainingState } from '../training/store';
import type { StepperState } from '../stepper/store';
import type { ShownStrokesState, ShownWeightsState } from '../live/shownWeights';
import type { MapsState } from '../data/mapStore';
import type { HoverState } from '../data/hover';
import type { GeneratorSettingsState } from '../data/generatorSettings';
import type { DragPositionsState } from '../canvas/dragPositions';
import type { DialogState } from '../files/dialogStore';
import type { RecoveryState } from '../files/recovery';
import type { LayoutState } from '../layout/layoutService';
import type { CsvImportsState } from '../data/csvImports';
import { useStudio } from './StudioContext';

// A component subscribes to the smallest slice of one store of the studio: `useDocument((s) => s.doc.name)`.

type Selector<S, T> = (state: S) => T;

export const useDocument = <T>(select: Selector<DocumentState, T>): T => useStore(useStudio().document, select);
/** useDocument re-rendering only when `equal` calls the slice changed (the edges' ends, not their weights) */
export const useDocumentWith = <T>(select: Selector<DocumentState, T>, equal: (a: T, b: T) => boolean): T => useStoreWithEqualityFn(useStudio().document, select, equal);
export const useSelection = <T>(select: Selector<SelectionState, T>): T => useStore(useStudio().selection, select);
export const useView = <T>(select: Selector<ViewState, T>): T => useStore(useStudio().view, select);
export const useGuide = <T>(select: Selector<GuideState, T>): T => useStore(useStudio().guide, select);
export const useLive = <T>(select: Selector<LiveState, T>): T => useStore(useStudio().live, select);
export const useNotices = <T>(select: Selector<NoticeState, T>): T => useStore(useStudio().notices, select);
export const useTraining = <T>(select: Selector<TrainingState, T>): T => useStore(useStudio().training, select);
export const useStepper = <T>(select: Selector<StepperState, T>): T => useStore(useStudio().stepper, select);
export const useShownWeights = <T>(select: Selector<ShownWeightsState, T>): T => useStore(useStudio().shown, select);
export const useShownStrokes = <T>(select: Selector<ShownStrokesState, T>): T => useStore(useStudio().shown.strokes, select);
export const useMaps = <T>(select: Selector<MapsState, T>): T => useStore(useStudio().maps, select);
export const useHover = <T>(select: Selector<HoverState, T>): T => useStore(useStudio().hover, select);
export const useGenerators = <T>(select: Selector<GeneratorSettingsState, T>): T => useStore(useStudio().generators, select);
export const useDragPositions = <T>(select: Selector<DragPositionsState, T>): T => useStore(useStudio().drag, select);
export const useFileDialog = <T>(select: Selector<DialogState, T>): T => useStore(useStudio().dialogs, select);
export const useRecovery = <T>(select: Selector<RecoveryState, T>): T => useStore(useStudio().recovery, select);
export const useLayout = <T>(select: Selector<LayoutState, T>): T => useStore(useStudio().layout, select);
export const useCsvImports = <T>(select: Selector<CsvImportsState, T>): T => useStore(useStudio().csv.state, select);
