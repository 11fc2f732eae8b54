import type { GraphDoc } from '../../../engine';
import type { CommandId } from '../../../shared/commands';
import { createCommands } from '../commands';
import { createDocumentStore, emptyDocument } from '../store/document';
import { createSelection } from '../store/selection';
import { createView } from '../store/view';
import { createGuide } from '../store/guide';
import { createLive } from '../store/live';
import { clearOnNewDocument, createNotices } from '../store/notices';
import { createTrainingStore } from '../training/store';
import { createTrainingController } from '../training/controller';
import { trainingCommands } from '../training/commands';
import { createStepperStore } from '../stepper/store';
import { createStepperActions } from '../stepper/actions';
import { followTraining, steppedPosition } from '../stepper/sharedPosition';
import { createPredictStore } from '../predict/store';
import { createShownWeights } from '../live/shownWeights';
import { createLiveValues } from '../live/liveValues';
import { createNetCache } from './netCache';
import { createEdgeIndex } from '../canvas/edges/edgeIndex';
import { createMaps } from '../data/mapStore';
import { createMapScheduler } from '../data/mapScheduler';
import { createHover } from '../data/hover';
import { createGeneratorSettings } from '../data/generatorSettings';
import { createPlotView } from '../data/plotView';
import { createCsvImporter } from '../data/csvImporter';
import { createCsvImports } from '../data/csvImports';
import { createDragPositions } from '../canvas/dragPositions';
import { createShownView } from '../canvas/shownView';
import { createClipboard } from '../canvas/clipboard';
import { createFileDialogs } from '../files/dialogStore';
import { createFileInput } from '../files/fileInput';
import { createRecovery } from '../files/recovery';
import { createDocumentFlows } from '../files/documentFlows';
import { createExportFlows } from '../files/exportFlows';
import { fileCommands } from '../files/fileCommands';
import { createFileSession } from '../files/fileSession';
import { createShareFlows, type SharePage } from '../files/shareFlows';
import { toggleOffSelection } from '../canvas/ablation';
import { createLayout } from '../layout/layoutService';
import { createAutoLayout } from '../layout/autoLayout';
import type { StudioEnv } from './env';
import { createKeyboard } from './keyboard';
import { shortcutInert } from '../lesson/shortcutGate';
import { createTemplateFlows } from '../templates/templateFlows';
import { pauseForStepping, stopSteppingOnPlay } from './oneAtATime';
import { createExplodeStore } from '../explode/explodeStore';
import { createWorksheet } from '../worksheet/createWorksheet';
import { createLessonStore } from '../lesson/store';
import { createLessonService } from '../lesson/service';
import { predictStreak, type StreakSource } from '../lesson/streak';
import { createLessonEdits } from '../lesson/edits';

// The composition root: every store and service of the renderer is built here, once per window
// (or once per test), from the environment it is given. React receives the result through one
// context (StudioContext.tsx); nothing in the renderer holds state at module level.
//
// What a training step changes on screen, in order (docs/architecture.md draws it):
//   worker snapshot → training.controller: training store (readouts, loss chart), shown weights
//   shown weights → edges' strokes (paced), live values (annotations, paced), map scheduler (maps)
//   controller → document weights (paced), which the inspector and formulas read.

export interface StudioOptions {
  /** the document the window opens on (default: the tutorial's perceptron) */
  initial?: GraphDoc;
  /** the prediction streak a lesson's "streak" goal reads (default: always 0) */
  streak?: StreakSource;
  /** the web page's address and clipboard: File › Copy share link, and a link opened at start (none: no sharing) */
  sharePage?: SharePage;
}

export function createStudio(env: StudioEnv, options: StudioOptions = {}) {
  const notices = createNotices(env);
  const document = createDocumentStore({ initial: options.initial ?? emptyDocument(), storage: env.storage });
  const selection = createSelection(document);
  const view = createView(env.storage);
  const guide = createGuide(env.storage);
  const live = createLive();
  const training = createTrainingStore();
  const stepper = createStepperStore();
  const predict = createPredictStore();
  const shown = createShownWeights();
  const maps = createMaps();
  const hover = createHover(document);
  const generators = createGeneratorSettings(document, live);
  const plotView = createPlotView(env.storage);
  const drag = createDragPositions();
  const dialogs = createFileDialogs();
  const fileInput = createFileInput();
  const platform = env.platform({ dialogs, fileInput });
  const commands = createCommands();
  const layout = createLayout({ worker: env.layoutWorker, now: env.now, setTimeout: env.setTimeout });
  const autoLayout = createAutoLayout(document, notices, layout);
  const nets = createNetCache();
  const explode = createExplodeStore();
  const edgeIndex = createEdgeIndex();

  // training and the step-through go on from each other's place in the epoch (stepper/sharedPosition.ts)
  const controller = createTrainingController({
    env, document, training, shown, notices, drag,
    epochPosition: (doc) => steppedPosition(stepper, doc),
    trained: followTraining(stepper, document),
  });
  // one compile per "same math" for the page; each service is a user with a net of its own
  // (the map passes keep their net's weights across frames, the live values their example's numbers)
  const mapScheduler = createMapScheduler({ env, document, shown, maps, nets: nets.user() });
  const liveValues = createLiveValues({ env, document, live, shown, nets: nets.user() });
  // training and the step-through, never both at once (studio/oneAtATime.ts)
  const beforeStepping = () => pauseForStepping({ training, pauseTraining: controller.pause, notices });
  const steps = createStepperActions({ document, live, stepper, nets: nets.user(), beforeStepping, predict, notices });
  const clipboard = createClipboard(document, selection);
  const recovery = createRecovery({ document, notices, platform, timers: env, page: env });
  // a document just shown: the canvas places the view on it (fitted, or a big one's start: layout/openingView.ts)
  const shownView = createShownView((run) => env.requestFrame(run));
  const fitShown = shownView.show;
  const flows = createDocumentFlows({ document, notices, platform, layout: autoLayout, shown: fitShown });
  const exports = createExportFlows(document, notices, platform);
  const lesson = createLessonStore();
  const csv = createCsvImports({ importer: createCsvImporter({ worker: env.csvWorker }), document, live, notices, platform, commands });
  const keyboard = createKeyboard({ commands, view, steps, stepper, inert: (target) => shortcutInert(target, lesson.getState()) }, env.keys);
  const templates = createTemplateFlows({
    document,
    selection,
    flows,
    layout,
    notices,
    shown: fitShown,
  });
  const worksheet = createWorksheet({ document, live, notices, platform });
  const lessons = createLessonService({ document, lesson, notices, nets: nets.user(), streak: options.streak ?? predictStreak(predict) });
  const lessonEdits = createLessonEdits(document);
  const files = createFileSession({ document, notices, platform, commands, flows, fileInput, recovery, inert: (id) => shortcutInert(id, lesson.getState()) });
  const sharePage = platform.kind === 'web' ? options.sharePage : undefined;
  const share = sharePage ? createShareFlows({ document, notices, layout: autoLayout, save: () => flows.saveDocument(false), ensureSaved: flows.ensureSaved, page: sharePage }) : null;

  const ownCommands: [CommandId, () => void | Promise<void>][] = [
    ...trainingCommands(controller),
    ...fileCommands(flows, exports, share),
    ['edit.undo', () => void document.undo()],
    ['edit.redo', () => void document.redo()],
    ['edit.copy', () => void clipboard.copySelection()],
    ['edit.cut', () => void clipboard.cutSelection()],
    ['edit.paste', () => void clipboard.paste()],
    ['edit.duplicate', () => void clipboard.duplicateSelection()],
    ['edit.delete', () => void clipboard.deleteSelection()],
    ['edit.selectAll', selection.selectAll],
    ['edit.toggleOff', () => toggleOffSelection({ document, selection, notices })],
    ['view.togglePanels', view.togglePanels],
    ['view.present', view.togglePresenting],
    ['help.about', () => view.showAbout()],
    ['file.printWorksheet', worksheet.flows.open],
  ];
  let stops: (() => void)[] = [];

  return {
    env,
    platform,
    commands,
    // stores
    document,
    selection,
    view,
    guide,
    live,
    training,
    stepper,
    predict,
    shown,
    maps,
    hover,
    generators,
    plotView,
    drag,
    dialogs,
    fileInput,
    notices,
    recovery,
    explode,
    worksheet,
    lesson,
    // services
    controller,
    mapScheduler,
    liveValues,
    steps,
    clipboard,
    flows,
    exports,
    csv,
    files,
    share,
    templates,
    layout,
    autoLayout,
    nets,
    edgeIndex,
    shownView,
    lessons,
    lessonEdits,
    /** starts every service (once); stop() undoes it */
    start(): void {
      if (stops.length > 0) return;
      stops = ownCommands.map(([id, run]) => commands.register(id, run));
      // what was said about the old document (a divergence, a refusal) no longer holds for a new one
      stops.push(clearOnNewDocument(notices, document));
      stops.push(stopSteppingOnPlay({ training, stopStepping: steps.stopStepping }));
      // a step-through that starts (button or key) shows its card in the details area
      stops.push(stepper.subscribe((s, prev) => s.active && !prev.active && view.showDetail('stepper')));
      liveValues.start();
      mapScheduler.start();
      controller.start();
      files.start();
      keyboard.start();
      // a share link in the address replaces the document the page opened with (and one pasted later)
      if (share) stops.push(share.start());
      layout.preload();
      lessons.start();
      csv.start();
      stops.push(csv.stop, lessons.stop, liveValues.stop, mapScheduler.stop, controller.stop, files.stop, keyboard.stop, selection.stop, hover.stop);
    },
    stop(): void {
      stops.forEach((off) => off());
      stops = [];
    },
  };
}

export type Studio = ReturnType<typeof createStudio>;
