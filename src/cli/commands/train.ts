import { compile, evaluate, serializeGraph, trainEpochs, weightsToDoc, type GraphDoc } from '../../engine';
import type { ParsedArgs } from '../args';
import type { Output } from '../io';
import { readGraphFile, writeFileAtomic } from '../files';
import { CliError } from '../errors';
import { json, num, plural } from '../format';

export function trainCommand(args: ParsedArgs, io: Output): number {
  const doc = readGraphFile(args.file);
  const net = compile(doc);
  if (net.numOutputs === 0) throw new CliError(`${args.file}: the graph has no output neuron, so there is nothing to train`);
  const { training } = doc;
  const run = trainEpochs(net, doc.dataset.examples, training, args.epochs!);
  if (run.divergence) {
    const { epoch, edgeIndex, value } = run.divergence;
    throw new CliError(
      `training diverged in epoch ${epoch}: the weight of edge '${net.edgeIds[edgeIndex]}' became ${num(value)} ` +
        `(limit |w| ≤ 1e6); try a smaller learning rate η (now ${training.learningRate}). No file was written.`,
    );
  }
  const trained: GraphDoc = { ...weightsToDoc(doc, net), training: { ...training, epoch: run.epoch } };
  const result = evaluate(net, doc.dataset.examples);
  if (args.out !== undefined) writeFileAtomic(args.out, serializeGraph(trained));
  if (args.json) {
    const weights = Object.fromEntries(net.edgeIds.map((id, e) => [id, net.weights[e]]));
    io.out(json({ epoch: run.epoch, error: result.error, weights }));
  } else {
    io.out(
      `trained ${plural(args.epochs!, 'epoch')} (${training.mode}, η = ${training.learningRate}): epoch ${run.epoch}, ` +
        `E = ${num(result.error)} (mean ${num(result.meanError)}), accuracy ${(100 * result.accuracy).toFixed(1)}%` +
        (args.out !== undefined ? `, written to ${args.out}` : '') +
        '\n',
    );
  }
  return 0;
}
