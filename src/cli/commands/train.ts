import * as path from 'node:path';
import * as fs from 'node:fs';
import { compile, describeIssue, trainingOptions, weightsToDoc, writeGraph, type Evaluation, type GraphDoc, type Net, type TrainingSettings } from '../../engine';
import type { ParsedArgs } from '../args';
import type { Context } from '../io';
import { readGraphFile, resolveUserPath, writeFileAtomic } from '../files';
import { CliError, InterruptedError, UsageError } from '../errors';
import { json, num, plural } from '../format';
import { eachFile } from '../eachFile';
import { applyOverrides, checkOverridden } from '../training/settings';
import { createCliTrainer, type CliTrainer } from '../training/kernelTrainer';
import { trainLoop, type TrainOutcome } from '../training/trainLoop';
import { createProgress } from '../training/progress';
import { logRow, logText } from '../training/csvLog';

export function trainCommand(args: ParsedArgs, ctx: Context): Promise<number> {
  if (args.outDir !== undefined) {
    refuseSameNames(args.files, args.outDir);
    makeFolder(args.outDir);
  }
  return eachFile(args.files, ctx.io, (file) => trainFile(file, args, ctx), args.json);
}

/** two FILEs with one name would overwrite each other's result in the folder */
function refuseSameNames(files: readonly string[], dir: string): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file);
    const other = seen.get(name);
    if (other !== undefined) throw new UsageError(`${other} and ${file} would both be written to ${path.join(dir, name)}`);
    seen.set(name, file);
  }
}

function makeFolder(dir: string): void {
  try {
    fs.mkdirSync(resolveUserPath(dir), { recursive: true });
  } catch (err) {
    throw new CliError(`cannot create the folder ${dir}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** where the trained file goes: --out, or --out-dir/<the file's name>, or nowhere */
function outputFor(file: string, args: ParsedArgs): string | undefined {
  if (args.out !== undefined) return args.out;
  return args.outDir === undefined ? undefined : path.join(args.outDir, path.basename(file));
}

async function trainFile(file: string, args: ParsedArgs, ctx: Context): Promise<void> {
  const doc = applyOverrides(readGraphFile(file), args.overrides, args.reset);
  checkOverridden(file, doc, args.overrides);
  const net = compile(doc);
  if (net.numOutputs === 0) throw new CliError(`${file}: the graph has no output neuron, so there is nothing to train`);
  const trainer = createCliTrainer(net, doc.dataset.examples, 'kernel', doc.training);
  if (trainer.fallbackReason !== undefined) {
    ctx.io.err(`note: ${file}: the WebAssembly kernel is not used (${trainer.fallbackReason}); training with the pure engine (same weights, slower)\n`);
  }
  const epochs = args.epochs!;
  const rows: string[] = [];
  const progress = createProgress(ctx.progress, epochs, path.basename(file));
  const outcome = await trainLoop(trainer, net, {
    settings: doc.training,
    epochs,
    signal: ctx.signal,
    onEpoch: args.log === undefined ? undefined : (epoch, evaluation) => rows.push(logRow(epoch, evaluation)),
    onProgress: (done) => progress.update(done),
  });
  progress.finish();
  if (args.log !== undefined) writeFileAtomic(args.log, logText(rows));
  if (outcome.divergence) throw divergenceError(file, net, doc.training, outcome.divergence);
  const out = outputFor(file, args);
  if (out !== undefined) writeFileAtomic(out, checkedText(out, { ...weightsToDoc(doc, net), training: { ...doc.training, epoch: outcome.epoch } }));
  ctx.io.out(summary(file, args.json, net, trainer, doc.training, outcome, out));
  if (outcome.stopped) {
    throw new InterruptedError(`${file}: interrupted after ${outcome.done} of ${plural(epochs, 'epoch')}` + (out !== undefined ? `; the trained weights are in ${out}` : ''));
  }
}

/** the text of a file the reader accepts, or a CliError saying why there is none */
function checkedText(out: string, doc: GraphDoc): string {
  const written = writeGraph(doc);
  if (!written.ok) throw new CliError(`cannot write ${out}: ${describeIssue(written.error.issues[0])}. No file was written.`);
  return written.text;
}

function divergenceError(file: string, net: Net, training: TrainingSettings, divergence: NonNullable<TrainOutcome['divergence']>): CliError {
  const { epoch, step, edgeIndex, value } = divergence;
  return new CliError(
    `${file}: training diverged in epoch ${epoch}: the weight of edge '${net.edgeIds[edgeIndex]}' became ${num(value)} at update ${step + 1} of the epoch, which was not made ` +
      `(limit |w| ≤ 1e6); try a smaller learning rate η (now ${training.learningRate}). No file was written.`,
  );
}

/** one line (or one JSON object) per file: epochs, settings, E and accuracy (train, and test when there is a test split) at the end, where it was written */
function summary(file: string, asJson: boolean, net: Net, trainer: CliTrainer, training: TrainingSettings, outcome: TrainOutcome, out: string | undefined): string {
  const result = trainer.evaluate();
  if (asJson) {
    const weights = Object.fromEntries(net.edgeIds.map((id, e) => [id, net.weights[e]]));
    const { train, test, testCount } = result;
    return json({
      file,
      epoch: outcome.epoch,
      error: train.error,
      accuracy: train.accuracy,
      meanSquaredError: train.meanSquaredError,
      ...(testCount > 0 ? { test: { count: testCount, error: test.error, accuracy: test.accuracy, meanSquaredError: test.meanSquaredError } } : {}),
      trainer: trainer.kind,
      stopped: outcome.stopped,
      weights,
    });
  }
  return (
    `${file}: trained ${plural(outcome.done, 'epoch')} (${settingsText(training)}): epoch ${outcome.epoch}, ` +
    measures(net, result.train) +
    (result.testCount > 0 ? `; test (${result.testCount}): ${measures(net, result.test)}` : '') +
    (out !== undefined ? `, written to ${out}` : '') +
    '\n'
  );
}

/** E (mean), then accuracy, or the mean squared error for a regression */
function measures(net: Net, e: Evaluation): string {
  const quality = net.regression ? `MSE ${num(e.meanSquaredError)}` : `accuracy ${(100 * e.accuracy).toFixed(1)}%`;
  return `E = ${num(e.error)} (mean ${num(e.meanError)}), ${quality}`;
}

/** the settings that shaped the run, version 2's only where they are not the default */
function settingsText(training: TrainingSettings): string {
  const t = trainingOptions(training);
  const parts = [t.mode === 'minibatch' ? `minibatch of ${t.batchSize}` : t.mode];
  if (t.shuffle) parts.push('shuffled');
  parts.push(`η = ${t.learningRate}`);
  if (t.loss !== 'squared') parts.push('cross-entropy');
  if (t.regularization.kind !== 'none') parts.push(`${t.regularization.kind} λ = ${t.regularization.rate}`);
  if (t.momentum > 0) parts.push(`momentum β = ${t.momentum}`);
  return parts.join(', ');
}
