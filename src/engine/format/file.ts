// Reading and writing graph files (docs/graph-format.md). parseGraph never throws.

import { z } from 'zod';
import { FORMAT_ID, graphDocSchema, type GraphDoc, type GraphEdge, type GraphNode, type TrainingSettings } from './types';
import { GraphFileError, issue, type GraphIssue } from './errors';
import type { Lesson } from './lesson';
import { liftExtras, withExtras } from './extras';
import { CURRENT_VERSION, migrate } from './migrations';
import { isJsonObject, type JsonObject } from './json';
import { zodToGraphIssues } from './zodIssues';
import { findForbiddenKey } from './forbidden';
import { findNonFinite } from './finite';
import { validateGraph } from './validate';
import { MAX_NESTING, scanJson } from './jsonScan';

/** a file: the document inside its envelope, brought to the current version (format and version are checked before) */
const graphFileSchema = graphDocSchema.extend({ format: z.literal(FORMAT_ID), version: z.literal(CURRENT_VERSION) });

/** files larger than this are refused before parsing */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type ParseResult = { ok: true; doc: GraphDoc } | { ok: false; error: GraphFileError };

const fail = (...issues: GraphIssue[]): { ok: false; error: GraphFileError } => ({ ok: false, error: new GraphFileError(issues) });

function tooLarge(bytes: number): { ok: false; error: GraphFileError } {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return fail(issue('too-large', [], `the file is ${mb} MB; graph files are limited to 50 MB`));
}

/** UTF-8 length of a string without allocating a copy */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; error: GraphFileError };

/**
 * A file's bytes as text, exactly as every route reads them (command line, desktop, web page):
 * at most 50 MB, strict UTF-8 (invalid bytes and UTF-16 are refused, never replaced), and a
 * byte-order mark kept in the text for parseGraph, which accepts exactly one.
 */
export function decodeGraphBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: tooLarge(bytes.byteLength).error };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    const message = utf16 ? 'the file is UTF-16 text; graph files are UTF-8' : 'the file is not valid UTF-8 text';
    return { ok: false, error: new GraphFileError('syntax', [], message) };
  }
}

/** parse the bytes of a file: refuses invalid UTF-8 instead of silently replacing it */
export function parseGraphBytes(bytes: Uint8Array): ParseResult {
  const decoded = decodeGraphBytes(bytes);
  return decoded.ok ? parseGraph(decoded.text) : decoded;
}

export function parseGraph(text: string): ParseResult {
  try {
    return parseGraphUnsafe(text);
  } catch (err) {
    // a bug, not a bad file: still report it as a value, never as a throw
    return fail(issue('syntax', [], `could not read the file: ${err instanceof Error ? err.message : String(err)}`));
  }
}

function parseGraphUnsafe(text: string): ParseResult {
  if (text.length > MAX_FILE_BYTES) return tooLarge(text.length);
  if (text.length * 3 > MAX_FILE_BYTES) {
    const bytes = utf8Length(text);
    if (bytes > MAX_FILE_BYTES) return tooLarge(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.charCodeAt(0) === 0xfeff) {
    return fail(issue('syntax', [], 'the file starts with two byte-order marks (U+FEFF); a graph file may start with one at most'));
  }
  if (text.trim() === '') return fail(issue('syntax', [], 'the file is empty'));

  const parsed = parseJson(text);
  if (!parsed.ok) return fail(parsed.issue);
  const hidden = scanJson(text);
  if (hidden?.kind === 'duplicate-key') {
    return fail(issue('duplicate-key', hidden.path, `the key "${hidden.key}" appears twice in the same object; each key may appear once`));
  }
  if (hidden?.kind === 'too-deep') {
    return fail(
      issue('too-deep', hidden.path.slice(0, 8), `lists and objects nest more than ${MAX_NESTING} levels deep here; a graph file may nest at most ${MAX_NESTING}`),
    );
  }
  const file = parsed.value;
  if (!isJsonObject(file)) {
    const what = file === null ? 'null' : Array.isArray(file) ? 'a list' : `a ${typeof file}`;
    return fail(issue('not-object', [], `expected a graph file (a JSON object), but the file holds ${what}`));
  }
  const forbidden = findForbiddenKey(file);
  if (forbidden) {
    const key = forbidden[forbidden.length - 1];
    return fail(issue('forbidden-key', forbidden, `the key "${String(key)}" is not allowed in a graph file`));
  }
  const nonFinite = findNonFinite(file);
  if (nonFinite) {
    return fail(issue('non-finite', nonFinite.path, `${String(nonFinite.value)} is not a finite number (is a value such as 1e400 too large?)`));
  }
  if (file.format !== FORMAT_ID) {
    const message =
      file.format === undefined
        ? `not a Backprop Studio graph: the key "format" is missing (expected "${FORMAT_ID}")`
        : `not a Backprop Studio graph: format is ${JSON.stringify(file.format)}, expected "${FORMAT_ID}"`;
    return fail(issue('format', ['format'], message));
  }
  const migrated = migrate(file);
  if (!migrated.ok) return fail(migrated.issue);

  const checked = graphFileSchema.safeParse(liftExtras(migrated.file), { reportInput: true });
  if (!checked.success) return fail(...zodToGraphIssues(checked.error));
  const { format: _format, version: _version, ...doc } = checked.data;
  const issues = validateGraph(doc);
  return issues.length > 0 ? fail(...issues) : { ok: true, doc };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issue: GraphIssue } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(detail);
    const where = at ? lineColumn(text, Number(at[1])) : endOf(text);
    const reason = detail.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'the file ends too early');
    return { ok: false, issue: issue('syntax', [], `not valid JSON at line ${where.line}, column ${where.column}: ${reason}`) };
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function endOf(text: string): { line: number; column: number } {
  return lineColumn(text, text.length);
}

// ---------------------------------------------------------------- writing

function positionJson(p: { x: number; y: number; extra?: JsonObject }): JsonObject {
  return withExtras({ x: p.x, y: p.y }, p.extra);
}

function nodeJson(node: GraphNode): JsonObject {
  const known: JsonObject = { id: node.id, type: node.type };
  if (node.type === 'input') {
    known.feature = node.feature;
    known.transform = node.transform;
    known.times = node.times;
  }
  if (node.type === 'neuron') {
    known.activation = node.activation;
    known.output = node.output;
  }
  known.label = node.label;
  known.position = node.position && positionJson(node.position);
  known.off = node.off;
  return withExtras(known, node.extra);
}

function datasetJson(dataset: GraphDoc['dataset']): JsonObject {
  const { domain } = dataset;
  return withExtras(
    {
      problem: dataset.problem,
      classes: dataset.classes,
      features: dataset.features,
      targets: dataset.targets,
      examples: dataset.examples.map((ex) => withExtras({ x: ex.x, y: ex.y, test: ex.test }, ex.extra)),
      domain: domain && withExtras({ x: domain.x, y: domain.y }, domain.extra),
    },
    dataset.extra,
  );
}

function trainingJson(t: TrainingSettings): JsonObject {
  const { learningRate, mode, batchSize, shuffle, seed, epoch, loss, momentum, regularization: r } = t;
  const regularization = r && withExtras({ kind: r.kind, rate: r.rate }, r.extra);
  return withExtras({ learningRate, mode, batchSize, shuffle, seed, epoch, loss, regularization, momentum }, t.extra);
}

function edgeJson(e: GraphEdge): JsonObject {
  return withExtras({ id: e.id, source: e.source, target: e.target, weight: e.weight, velocity: e.velocity, off: e.off }, e.extra);
}

/** a lesson as written: its keys in the schema's order, absent ones left out (it has no extras) */
function lessonJson(lesson: Lesson): JsonObject {
  return {
    title: lesson.title,
    steps: lesson.steps.map((step) => withExtras({ title: step.title, text: step.text, hide: step.hide, locks: step.locks, goal: { ...step.goal } }, undefined)),
  };
}

/** the file's JSON object for a document (before stringifying) */
export function graphToJson(doc: GraphDoc): JsonObject {
  return withExtras(
    {
      format: FORMAT_ID,
      version: CURRENT_VERSION,
      name: doc.name,
      nodes: doc.nodes.map(nodeJson),
      edges: doc.edges.map(edgeJson),
      dataset: datasetJson(doc.dataset),
      training: trainingJson(doc.training),
      lesson: doc.lesson && lessonJson(doc.lesson),
    },
    doc.extra,
  );
}

/** a document whose compact JSON is longer than this is written compact, else pretty */
export const PRETTY_MAX_CHARS = 4 * 1024 * 1024;

/**
 * The file's text: pretty JSON (1-space indent) for a document whose compact form is at most
 * PRETTY_MAX_CHARS characters, compact JSON past that (pretty is about twice as long, and a big
 * dataset would otherwise outgrow the 50 MB a reader accepts); a trailing newline either way.
 * Throws GraphFileError rather than write NaN as null or overflow the stack on deep values.
 */
export function serializeGraph(doc: GraphDoc): string {
  const json = graphToJson(doc);
  const bad = findNonFinite(json);
  if (bad) throw new GraphFileError('non-finite', bad.path, `cannot save ${String(bad.value)}: every number in a graph file must be finite`);
  try {
    const compact = JSON.stringify(json);
    return (compact.length > PRETTY_MAX_CHARS ? compact : JSON.stringify(json, null, 1)) + '\n';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new GraphFileError('too-deep', [], `cannot save: values nest more than ${MAX_NESTING} levels deep`);
  }
}

export type WriteResult = { ok: true; text: string } | { ok: false; error: GraphFileError };

export interface WriteOptions {
  /**
   * read the text back only when it is at most this long (default: always). For writes made
   * often in the background (recovery drafts), where re-reading a big document would freeze the
   * page every few seconds; the size limit is checked regardless.
   */
  rereadUpToChars?: number;
}

/**
 * The text to write for a document, checked to be a file the reader accepts: within the size
 * limit, and read back by parseGraph itself. Every path that writes a document goes through
 * here (save, command-line output, an import's check); it never throws.
 */
export function writeGraph(doc: GraphDoc, options: WriteOptions = {}): WriteResult {
  let text: string;
  try {
    text = serializeGraph(doc);
  } catch (error) {
    if (error instanceof GraphFileError) return { ok: false, error };
    return fail(issue('syntax', [], `cannot save: ${error instanceof Error ? error.message : String(error)}`));
  }
  const bytes = text.length * 3 > MAX_FILE_BYTES ? utf8Length(text) : text.length;
  if (bytes > MAX_FILE_BYTES) {
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    return fail(issue('too-large', [], `the document would be a ${mb} MB file; graph files are limited to 50 MB (fewer examples would fit)`));
  }
  if (options.rereadUpToChars !== undefined && text.length > options.rereadUpToChars) return { ok: true, text };
  const reread = parseGraph(text);
  return reread.ok ? { ok: true, text } : { ok: false, error: reread.error };
}
