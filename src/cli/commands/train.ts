import * as path from 'node:path';
import * as fs from 'node:fs';
import { compile, describeIssue, weightsToDoc, writeGraph, type GraphDoc, type Net, type TrainingSettings } from '../../engine';
import type { ParsedArgs } from '../args';
import type { Context } from '../io';
import { readGraphFile, resolveUserPath, writeFileAtomic } from '../files';
import { CliError, InterruptedError, UsageError } from '../errors';
import { json, num, plural } from '../format';
import { eachFile } from '../eachFile';
import { applyOverrides } from '../training/settings';
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
  const net = compile(doc);
  if (net.numOutputs === 0) throw new CliError(`${file}: the graph has no output neuron, so there is nothing to train`);
  const trainer = createCliTrainer(net, doc.dataset.examples);
  if (trainer.fallbackReason !== undefined) {
    ctx.io.err(`note: ${file}: the WebAssembly kernel could not be built (${trainer.fallbackReason}); training with the pure engine (same weights, slower)\n`);
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
  const { epoch, edgeIndex, value } = divergence;
  return new CliError(
    `${file}: training diverged in epoch ${epoch}: the weight of edge '${net.edgeIds[edgeIndex]}' became ${num(value)} ` +
      `(limit |w| ≤ 1e6); try a smaller learning rate η (now ${training.learningRate}). No file was written.`,
  );
}

/** one line (or one JSON object) per file: epochs, settings, E and accuracy at the end, where it was written */
function summary(file: string, asJson: boolean, net: Net, trainer: CliTrainer, training: TrainingSettings, outcome: TrainOutcome, out: string | undefined): string {
  const result = trainer.evaluate();
  if (asJson) {
    const weights = Object.fromEntries(net.edgeIds.map((id, e) => [id, net.weights[e]]));
    return json({ file, epoch: outcome.epoch, error: result.error, accuracy: result.accuracy, trainer: trainer.kind, stopped: outcome.stopped, weights });
  }
  return (
    `${file}: trained ${plural(outcome.done, 'epoch')} (${training.mode}${training.shuffle ? ', shuffled' : ''}, η = ${training.learningRate}): epoch ${outcome.epoch}, ` +
    `E = ${num(result.error)} (mean ${num(result.meanError)}), accuracy ${(100 * result.accuracy).toFixed(1)}%` +
    (out !== undefined ? `, written to ${out}` : '') +
    '\n'
  );
}
