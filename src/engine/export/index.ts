// Exports of a graph file to other tools: PyTorch and NumPy programs, a Jupyter notebook, an SVG
// drawing, and the import of a PyTorch nn.Sequential. Pure TypeScript (no DOM), so the command
// line and the app's File menu call the same functions.

export { exportPytorch, pytorchSections } from './pytorch';
export { exportNumpy, numpySections } from './numpy';
export { exportNotebook } from './notebook';
export { exportPlan, type ExportPlan, type PlanNeuron, type PlanEdge } from './plan';
export { type Section } from './sections';
export { SEQUENTIAL_HELPER, SEQUENTIAL_HELPER_NAME } from './sequentialHelper';
export { importSequential, parseSequential, sequentialSchema, type SequentialJson } from './sequentialImport';
export { graphSvg, escapeXml, type SvgOptions } from './svg';
export { decisionMap, type DecisionMap } from './decisionMap';
export { nodePositions } from './layout';
