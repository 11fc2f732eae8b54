// Steps the PyTorch and NumPy exports share: the training settings, the embedded data set, the
// training loop's explanation, writing the trained weights, and reading --epochs and --out in a script.

import type { ExportPlan } from './plan';
import type { Section } from './sections';
import { pyFloats, pyStr } from './python';

export function settingsCode(plan: ExportPlan, float: (v: number) => string, int: (v: number) => string): string {
  const t = plan.training;
  return [
    `ETA = ${float(t.learningRate)}  # η`,
    `MODE = ${pyStr(t.mode)}  # "sequential": update after each example; "batch": one update per epoch`,
    `SHUFFLE = ${t.shuffle ? 'True' : 'False'}  # sequential epochs in a seeded random order`,
    `SEED = ${int(t.seed)}`,
    `START_EPOCH = ${int(t.epoch)}  # epochs already done (it picks each epoch's shuffle order)`,
  ].join('\n');
}

/** X (n, features) and Y (n, outputs) through `make` (torch.tensor or np.array) */
export function dataSection(plan: ExportPlan, make: string): string {
  const rows = (pick: (i: number) => number[]) => plan.examples.map((_, i) => `    ${pyFloats(pick(i))},`).join('\n');
  const empty = (cols: number) => `${make}([], dtype=FLOAT).reshape(0, ${cols})`;
  const x = plan.examples.length === 0 ? empty(plan.features) : `${make}([\n${rows((i) => plan.examples[i].x)}\n], dtype=FLOAT)`;
  const y = plan.examples.length === 0 ? empty(plan.outputs.length) : `${make}([\n${rows((i) => plan.examples[i].y)}\n], dtype=FLOAT)`;
  return `FLOAT = ${make.startsWith('torch') ? 'torch.float64' : 'np.float64'}\nX = ${x}\nY = ${y}`;
}

export const trainingMarkdown = [
  'Training, as the studio does it. The error has no ½: $E = \\sum_i \\sum_o (h_o(x_i) - y_{i,o})^2$.',
  'Sequential: $w \\leftarrow w - \\eta\\, \\partial E_i / \\partial w$ after each example (file order, or the seeded shuffle);',
  'batch: $w \\leftarrow w - \\eta \\sum_i \\partial E_i / \\partial w$ once per epoch, every gradient taken at the old $w$.',
  'Each epoch prints $E$ as measured during it.',
].join('\n');

/** with `velocitiesExpr`, the velocities are written too when momentum is on */
export function weightsJsonCode(weightsExpr: string, velocitiesExpr?: string): string {
  const velocities = velocitiesExpr === undefined ? '' : `\nif MOMENTUM > 0:\n    trained["velocities"] = ${velocitiesExpr}`;
  return `trained = {"epoch": START_EPOCH + EPOCHS, "weights": ${weightsExpr}}${velocities}\nwith open(OUT, "w") as f:\n    json.dump(trained, f, indent=1)\nprint(f"trained weights written to {OUT}")`;
}

/** the parameters step of a script reads them from the command line */
export function withArgparse(sections: Section[]): Section[] {
  return sections.map((s) =>
    s.parameters
      ? {
          ...s,
          code: `import argparse\n\nparser = argparse.ArgumentParser(description="train the exported graph")\nparser.add_argument("--epochs", type=int, default=100)\nparser.add_argument("--out", default="trained-weights.json")\n_cli = parser.parse_args()\nEPOCHS = _cli.epochs\nOUT = _cli.out`,
        }
      : s,
  );
}
