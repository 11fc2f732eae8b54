// The PyTorch export's loss, update, epoch and metrics, written for the options the file uses only
// (docs/graph-format.md, "Loss", "Regularisation", "Update", "Metrics"). The update is written out
// rather than torch.optim.SGD: SGD's momentum buffer starts as the first gradient (v ← g), the
// spec's starts from the file's velocity (v ← β v + g), and the spec checks divergence before an
// update is made.

import type { ExportPlan } from './plan';
import type { OptionsInUse } from './inUse';

const SOFTMAX = `def softmax(S):
    """the spec's softmax over the outputs: M = max_o s_o, a the lowest index with s_a = M, T = Σ_{o≠a} e^{s_o − M}, h_o = e^{s_o − M} / (1 + T)"""
    shifted = S - S.max(dim=1, keepdim=True).values
    rest = torch.exp(shifted).scatter(1, S.argmax(dim=1, keepdim=True), 0.0)  # e^{s_o − M} for o ≠ a
    return torch.exp(shifted) / (1 + rest.sum(dim=1, keepdim=True))`;

const SQUARED = `def loss(S, h, y):
    """E = Σ_i Σ_o (h_o − y_o)², no ½ (autograd's ∂E/∂h_o = 2 (h_o − y_o) is the tutorial's)"""
    return ((h - y) ** 2).sum()`;

const BINARY = `class BinaryCrossEntropy(torch.autograd.Function):
    """E = Σ_i −[y ln h + (1 − y) ln(1 − h)], computed from the output's s as y softplus(−s) + (1 − y) softplus(s).
    Custom because the spec's gradient is ∂E/∂s = h − y; autograd through the formula gives
    −y σ(−s) + (1 − y) σ(s), equal to it only in exact arithmetic."""

    @staticmethod
    def forward(ctx, S, y):
        ctx.save_for_backward(S, y)
        return (y * softplus_of(-S) + (1 - y) * softplus_of(S)).sum()

    @staticmethod
    def backward(ctx, grad):
        S, y = ctx.saved_tensors
        return grad * (torch.sigmoid(S) - y), None


def loss(S, h, y):
    return BinaryCrossEntropy.apply(S, y)`;

const SOFTMAX_CROSS_ENTROPY = `class SoftmaxCrossEntropy(torch.autograd.Function):
    """E = Σ_i Σ_o y_o (L − (s_o − M)), L = log1p(T): −Σ_o y_o ln h_o over the softmax outputs.
    Custom because the spec's gradient is ∂E/∂s_o = h_o − y_o (it takes Σ_o y_o = 1); autograd
    would give h_o Σ_m y_m − y_o."""

    @staticmethod
    def forward(ctx, S, y):
        ctx.save_for_backward(S, y)
        shifted = S - S.max(dim=1, keepdim=True).values  # s_o − M
        rest = torch.exp(shifted).scatter(1, S.argmax(dim=1, keepdim=True), 0.0)  # e^{s_o − M} for o ≠ a
        L = torch.log1p(rest.sum(dim=1, keepdim=True))
        return (y * (L - shifted)).sum()

    @staticmethod
    def backward(ctx, grad):
        S, y = ctx.saved_tensors
        return grad * (softmax(S) - y), None


def loss(S, h, y):
    return SoftmaxCrossEntropy.apply(S, y)`;

export function lossCode(plan: ExportPlan, used: OptionsInUse): string {
  if (!used.crossEntropy) return SQUARED;
  return used.binaryCrossEntropy ? BINARY : `${SOFTMAX}\n\n\n${SOFTMAX_CROSS_ENTROPY}`;
}

/** g = G + R(w), then the step; each line only when its option is on */
function stepLines(used: OptionsInUse): string[] {
  const reg = used.training.regularization.kind;
  /** the new value where the weight trains; a frozen edge keeps the old one */
  const trained = (value: string, old: string) => (used.frozen ? `torch.where(TRAINABLE[p], ${value}, ${old})` : value);
  return [
    '            g = torch.zeros_like(w) if w.grad is None else w.grad  # G = Σ_{i∈B} ∂E_i/∂w (None where no gradient reaches them, e.g. into an off neuron)',
    ...(reg === 'L1' ? ['            g = g + torch.where(REGULARIZED[p], REG_RATE * torch.sign(w), 0.0)  # + R(w) = λ sign(w), sign(0) = 0'] : []),
    ...(reg === 'L2' ? ['            g = g + torch.where(REGULARIZED[p], (2 * REG_RATE) * w, 0.0)  # + R(w) = 2λ w'] : []),
    ...(used.momentum
      ? [`            v = ${trained('MOMENTUM * VELOCITY[p] + g', 'VELOCITY[p]')}  # v ← β v + g`, `            steps.append((${trained('w - ETA * v', 'w')}, v))  # w ← w − η v`]
      : [`            steps.append((${trained('w - ETA * g', 'w')}, None))  # w ← w − η g`]),
  ];
}

function updateCode(used: OptionsInUse): string {
  return [
    'class Diverged(Exception):',
    '    """an update would have put a weight past |w| ≤ 1e6 (or made it non-finite): it is not made"""',
    '',
    '',
    'def first_crossing(steps):',
    '    """the first edge (file order) whose new weight is non-finite or |w| > 1e6, or None"""',
    '    for edge, (p, q) in zip(EDGE_IDS, EDGE_SLOTS):',
    '        value = steps[p][0][q].item()',
    `        if ${used.frozen ? 'TRAINABLE[p][q] and ' : ''}not abs(value) <= WEIGHT_LIMIT:`,
    '            return edge, value',
    '    return None',
    '',
    '',
    'def update(x, y, epoch, step):',
    '    """one update from the rows of x (one batch); returns its E, measured at the weights before it"""',
    '    model.zero_grad(set_to_none=True)',
    '    S, h = model(x)',
    '    error = loss(S, h, y)',
    '    error.backward()',
    '    with torch.no_grad():',
    '        steps = []',
    '        for p, w in enumerate(model.w):',
    ...stepLines(used),
    '        crossing = first_crossing(steps)',
    '        if crossing is not None:',
    '            raise Diverged(f"training diverged in epoch {epoch + 1}: the weight of edge {crossing[0]!r} became {crossing[1]!r} at update {step + 1} of the epoch, which was not made (limit |w| ≤ 1e6); try a smaller learning rate η")',
    '        for p, (w, v) in enumerate(steps):',
    '            model.w[p].copy_(w)' + (used.frozen ? `  # a frozen edge keeps its w${used.momentum ? ' and v' : ''}` : ''),
    ...(used.momentum ? ['            VELOCITY[p] = v'] : []),
    '    return error.item()',
  ].join('\n');
}

function epochCode(used: OptionsInUse): string {
  const mode = used.training.mode;
  const size = mode === 'sequential' ? '1  # sequential: one example per update' : mode === 'minibatch' ? 'BATCH_SIZE' : 'max(n, 1)  # batch: every training example in one update';
  const order = used.shuffled ? 'epoch_order(SEED, epoch, n)  # the seeded shuffle of this epoch' : 'list(range(n))  # file order';
  return [
    ...(used.testSplit ? ['X_TRAIN, Y_TRAIN = X[~TEST], Y[~TEST]  # test examples are never trained on', 'X_TEST, Y_TEST = X[TEST], Y[TEST]'] : ['X_TRAIN, Y_TRAIN = X, Y  # every example trains (none is a test example)']),
    '',
    '',
    'def train_epoch(epoch):',
    '    """one epoch over the training examples, in batches; returns E as measured during it (each E_i before its batch\'s update)"""',
    '    n = len(X_TRAIN)',
    `    size = ${size}`,
    `    order = ${order}`,
    '    total = 0.0',
    '    for step, start in enumerate(range(0, n, size)):',
    '        rows = torch.tensor(order[start : start + size], dtype=torch.long)',
    '        total += update(X_TRAIN[rows], Y_TRAIN[rows], epoch, step)',
    '    return total',
  ].join('\n');
}

function measureCode(plan: ExportPlan): string {
  const a = plan.accuracy;
  const right =
    a.rule === 'argmax'
      ? '        right = (h.argmax(dim=1) == y.argmax(dim=1)).sum().item()  # arg-max rule: the largest output is the target\'s class'
      : a.rule === 'midpoint'
        ? `        right = ((h > MIDPOINTS) == (y > MIDPOINTS)).all(dim=1).sum().item()  # midpoint rule: every h_o on its target's side`
        : '        right = 0  # a regression: accuracy is not defined (reported as 0), the mean squared error takes its place';
  return [
    ...(a.rule === 'midpoint' ? [`MIDPOINTS = torch.tensor([${a.midpoints.map((m) => (m === 0 ? '0.0' : '0.5')).join(', ')}])  # per output: 0.5 where the low target is 0, 0 where it is −1`, '', ''] : []),
    'def measure(x, y):',
    '    """E, accuracy and the mean squared error Σ_i Σ_o (h_o − y_o)² / (n m) over the rows of x, at the current weights"""',
    '    n, m = y.shape',
    '    with torch.no_grad():',
    '        S, h = model(x)',
    '        error = loss(S, h, y).item()',
    '        squared = ((h - y) ** 2).sum().item()',
    right,
    '    return {"error": error, "accuracy": right / n if n > 0 else 0.0, "meanSquaredError": squared / (n * m) if n * m > 0 else 0.0}',
  ].join('\n');
}

function loopCode(plan: ExportPlan, used: OptionsInUse): string {
  const quality = plan.accuracy.rule === 'regression' ? "MSE {r['meanSquaredError']!r}  # a regression: the mean squared error in place of accuracy" : "accuracy {r['accuracy']!r}";
  const [text, comment = ''] = quality.split('  # ');
  return [
    'def summary(r):',
    `    return f"E = {r['error']!r}, ${text}"${comment === '' ? '' : `  # ${comment}`}`,
    '',
    '',
    'for epoch in range(START_EPOCH, START_EPOCH + EPOCHS):',
    '    error = train_epoch(epoch)',
    ...(used.testSplit
      ? ['    print(f"epoch {epoch + 1}: E = {error!r} test E = {measure(X_TEST, Y_TEST)[\'error\']!r}")']
      : ['    print(f"epoch {epoch + 1}: E = {error!r}")']),
    'TRAINED = {"train": measure(X_TRAIN, Y_TRAIN)}',
    'print(f"training examples ({len(X_TRAIN)}): {summary(TRAINED[\'train\'])}")',
    ...(used.testSplit ? ['TRAINED["test"] = measure(X_TEST, Y_TEST)', 'print(f"test examples ({len(X_TEST)}): {summary(TRAINED[\'test\'])}")'] : []),
  ].join('\n');
}

/** the training step's code: update, epoch, metrics and the loop over the epochs */
export function trainingCode(plan: ExportPlan, used: OptionsInUse): string {
  return [updateCode(used), epochCode(used), measureCode(plan), loopCode(plan, used)].join('\n\n\n');
}
