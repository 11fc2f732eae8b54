import { MAX_FILE_BYTES, serializeGraph, writeGraph, type Dataset, type Domain, type GraphDoc } from '../../../engine';
import { describeCsvErrors, parseCsv, type CsvParseResult, type CsvRowError, type TargetValues } from './csv';
import { fitExamples, padFeatures, type ExampleShape } from './examples';
import { domainToFit } from './domainFit';
import { classOutputsMismatch, fitClassOutputs } from './targetFix';
import { UNUSED_FEATURE } from './plotCoords';

// A CSV import from bytes to the dataset it would give the document, as one pure function a
// worker runs (csvImport.worker.ts) and tests call directly. Nothing replaces the document's
// data unless the document with the imported points is one the app's own reader accepts, no
// bigger than a graph file may be: a CSV too big to parse is refused before parsing, one whose
// points would not fit a graph file after, both with the numbers; the open document untouched.

/** a CSV bigger than a graph file can hold is refused before it is parsed */
export const MAX_CSV_BYTES = MAX_FILE_BYTES;

export interface CsvImportRequest {
  bytes: Uint8Array;
  fileName: string;
  /** the document the points go into (its examples are replaced, so they need not be sent) */
  doc: GraphDoc;
  shape: ExampleShape;
  targets: TargetValues;
  /** the domain the plot shows now */
  domain: Domain;
}

export type CsvImportResult =
  | { ok: true; dataset: Dataset; imported: number; errors: CsvRowError[]; widened: Domain | null }
  | { ok: false; message: string };

export interface CsvImportLimits {
  maxCsvBytes: number;
  maxDocumentBytes: number;
}

const LIMITS: CsvImportLimits = { maxCsvBytes: MAX_CSV_BYTES, maxDocumentBytes: MAX_FILE_BYTES };

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** the refusal for a CSV too big to import, or null; checked before reading or parsing it */
export function csvTooLarge(fileName: string, bytes: number, limits: CsvImportLimits = LIMITS): string | null {
  if (bytes <= limits.maxCsvBytes) return null;
  return `“${fileName}” is ${megabytes(bytes)}; a document holds at most ${megabytes(limits.maxDocumentBytes)}, so the largest CSV Backprop Studio imports is ${megabytes(limits.maxCsvBytes)}. Nothing was imported.`;
}

export function importCsv(
  request: CsvImportRequest,
  onProgress?: (fraction: number) => void,
  limits: CsvImportLimits = LIMITS,
): CsvImportResult {
  const { bytes, fileName } = request;
  const refuse = (problem: string): CsvImportResult => ({ ok: false, message: `${problem} Nothing was imported.` });
  const large = csvTooLarge(fileName, bytes.byteLength, limits);
  if (large) return { ok: false, message: large };
  const text = decodeUtf8(bytes);
  if (text === null) return refuse(`“${fileName}” is not UTF-8 text.`);
  const regression = request.doc.dataset.problem === 'regression';
  const parsed = parseCsv(text, request.targets, { onProgress, regression }, request.shape.outputs);
  const { examples, errors } = parsed;
  if (examples.length === 0) return refuse(`No points in “${fileName}”${errors.length ? `: ${describeCsvErrors(errors)}` : ''}.`);
  // one-hot targets keep their k values whatever the graph has (the data panel offers k outputs)
  const oneHot = (parsed.classes?.length ?? 0) > 2;
  const fitted = oneHot ? padFeatures(examples, request.shape.features) : fitExamples(examples, request.shape);
  const widened = domainToFit(parsed.features ? fitted.map((e) => ({ ...e, x: [e.x[0], e.y[0] ?? 0] })) : fitted, request.domain);
  const spread = widened && unplottable(widened);
  if (spread) return refuse(`The points in “${fileName}” ${spread}`);
  const dataset = importedDataset(request.doc.dataset, parsed, fitted, widened);
  // a k-class file on a graph with other than k outputs: checked as it will be once the data
  // panel's one-click fix gives the graph its k outputs (until then no graph file holds it)
  const candidate: GraphDoc = { ...request.doc, dataset };
  const mismatch = classOutputsMismatch(candidate);
  const problem = documentProblem(mismatch ? fitClassOutputs(candidate, mismatch) : candidate, fitted.length, limits);
  if (problem) return refuse(`With the ${fitted.length.toLocaleString('en')} points of “${fileName}”, ${problem}`);
  return { ok: true, dataset, imported: fitted.length, errors, widened };
}

/** the document's data set with the file's points and what the file says they are (problem, classes, a 1-D coordinate) */
function importedDataset(current: Dataset, parsed: CsvParseResult, examples: Dataset['examples'], widened: Domain | null): Dataset {
  const { classes: _classes, features: _features, targets: _targets, problem: _problem, ...kept } = current;
  const xLength = examples[0]?.x.length ?? 2;
  const features = parsed.features && parsed.features.length <= xLength ? [...parsed.features, ...new Array<string>(xLength - parsed.features.length).fill(UNUSED_FEATURE)] : undefined;
  const oneHot = (parsed.classes?.length ?? 0) > 2;
  return {
    ...kept,
    ...(parsed.problem === 'regression' ? { problem: 'regression' as const } : {}),
    ...(parsed.classes ? { classes: parsed.classes } : {}),
    ...(oneHot && parsed.classes ? { targets: parsed.classes } : {}),
    ...(features ? { features } : {}),
    examples,
    ...(widened ? { domain: widened } : {}),
  };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** why a domain cannot be plotted (its span overflows a float64), or null */
function unplottable(domain: Domain): string | null {
  for (const axis of ['x', 'y'] as const) {
    const [lo, hi] = domain[axis];
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isFinite(hi - lo)) {
      return `spread too far to plot: the ${axis} range would span more than the largest number (about 1.8e308).`;
    }
  }
  return null;
}

/** the document, written as a graph file, must fit the reader's limit and read back */
function documentProblem(doc: GraphDoc, points: number, limits: CsvImportLimits): string | null {
  const written = writeGraph(doc);
  if (!written.ok && written.error.code !== 'too-large') return `the document could not be saved: ${written.error.message}.`;
  const size = new TextEncoder().encode(written.ok ? written.text : serializeGraph(doc)).byteLength;
  if (size > limits.maxDocumentBytes) {
    const fits = Math.floor((points * limits.maxDocumentBytes) / size);
    return `the document would be ${megabytes(size)} as a file; a graph file holds at most ${megabytes(limits.maxDocumentBytes)} (about ${fits.toLocaleString('en')} such points).`;
  }
  return null;
}
