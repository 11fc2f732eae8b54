import { GRADCHECK_FLOOR, GRADCHECK_STEP, gradcheck, gradeRelativeError, type GradcheckResult } from '../../engine';
import type { ParsedArgs } from '../args';
import type { Context } from '../io';
import { readGraphFile } from '../files';
import { CliError } from '../errors';
import { json, num } from '../format';

// rel = |a − n| / max(|a|, |n|, 1e-8) per edge; pairs both below 1e-8 are reported as near
// zero, not graded (src/engine/gradcheck.ts says why; the usage text states the rule).

const WORDS = { right: 'right', acceptable: 'probably right', suspicious: 'suspicious', wrong: 'wrong (or a relu kink)' } as const;

export async function gradcheckCommand(args: ParsedArgs, { io }: Context): Promise<number> {
  const file = args.files[0];
  const doc = readGraphFile(file);
  const n = doc.dataset.examples.length;
  if (args.example !== undefined && args.example >= n) {
    throw new CliError(`example ${args.example} does not exist: ${file} has ${n} example${n === 1 ? '' : 's'}`);
  }
  const result = gradcheck(doc, args.example);
  if (args.json) {
    io.out(json(result));
    return 0;
  }
  const over = args.example === undefined ? `E summed over ${n} examples` : `E_${args.example}`;
  io.out(`${summary(result, `${over}, h = ${GRADCHECK_STEP.toExponential()}`)}\n`);
  return 0;
}

function summary(result: GradcheckResult, context: string): string {
  const graded = result.count - result.nearZero;
  const nearZero =
    result.nearZero === 0
      ? ''
      : `${result.nearZero} edge${result.nearZero === 1 ? '' : 's'} near zero (|a|, |n| < ${GRADCHECK_FLOOR.toExponential()}, largest |a − n| ${num(result.maxNearZeroDiff)}, not graded)`;
  if (graded === 0 && result.count > 0) return `every gradient is near zero: ${nearZero}; ${context}`;
  const where = result.edgeId === null ? '' : ` at edge '${result.edgeId}'`;
  const counts = [`${result.count} edge${result.count === 1 ? '' : 's'}`, nearZero, context].filter(Boolean).join(', ');
  return `largest relative error ${num(result.maxRelError)}${where} (${counts}): ${WORDS[gradeRelativeError(result.maxRelError)]}`;
}
