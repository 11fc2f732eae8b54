// The activations of docs/graph-format.md ("Activations") as PyTorch, with the spec's σ′ at every
// kink. Where autograd's own derivative already is the spec's (sigmoid, tanh, relu′(0) = 0, leaky
// ReLU's 0.01 at 0, ELU's 1 at 0) the torch function is used; where it is not, a small
// torch.autograd.Function writes the spec's σ′ by hand, and its comment says why.

import type { Activation } from '../format/types';

type Hidden = Exclude<Activation, 'softmax'>;

/** z = σ(s) as a torch expression of `s` */
export const TORCH_ACTIVATE: Record<Hidden, (s: string) => string> = {
  sigmoid: (s) => `torch.sigmoid(${s})`,
  tanh: (s) => `torch.tanh(${s})`,
  linear: (s) => s,
  relu: (s) => `torch.relu(${s})`,
  leakyRelu: (s) => `F.leaky_relu(${s}, 0.01)`,
  elu: (s) => `F.elu(${s})`,
  softplus: (s) => `Softplus.apply(${s})`,
  hardSigmoid: (s) => `HardSigmoid.apply(${s})`,
};

/** the formula of σ and σ′ in Markdown (one line per activation in use) */
export const ACTIVATION_FORMULA: Record<Activation, string> = {
  sigmoid: "sigmoid: $\\sigma(s) = 1/(1 + e^{-s})$, $\\sigma'(s) = z(1 - z)$",
  tanh: "tanh: $\\sigma(s) = \\tanh s$, $\\sigma'(s) = 1 - z^2$",
  linear: "linear: $\\sigma(s) = s$, $\\sigma'(s) = 1$",
  relu: "relu: $\\sigma(s) = s$ if $s > 0$, else $0$; $\\sigma'(s) = 1$ if $s > 0$, else $0$ (so $0$ at $s = 0$, as `torch.relu`'s autograd)",
  leakyRelu: "leaky ReLU: $\\sigma(s) = s$ if $s > 0$, else $0.01 s$; $\\sigma'(s) = 1$ if $s > 0$, else $0.01$ (at $0$ too, as `F.leaky_relu`'s autograd)",
  elu: "ELU: $\\sigma(s) = s$ if $s > 0$, else $e^s - 1$; $\\sigma'(s) = 1$ if $s > 0$, else $z + 1$ ($1$ at $0$ from both sides, as `F.elu`'s autograd)",
  softplus: "softplus: $\\sigma(s) = \\max(s, 0) + \\ln(1 + e^{-|s|})$ $(= \\ln(1 + e^s))$, $\\sigma'(s) = 1/(1 + e^{-s})$",
  hardSigmoid: "hard sigmoid: with $t = 0.2 s + 0.5$, $\\sigma(s) = \\min(\\max(t, 0), 1)$; $\\sigma'(s) = 0.2$ if $0 < t < 1$, else $0$ (0 at both kinks)",
  softmax: 'softmax (the outputs together): $h_o = e^{s_o - M} / \\sum_m e^{s_m - M}$, $M = \\max_m s_m$',
};

const SOFTPLUS_OF = `def softplus_of(s):
    """ln(1 + e^s) = max(s, 0) + log1p(exp(−|s|)), the spec's form (never overflows)"""
    return torch.where(s > 0, s, torch.zeros_like(s)) + torch.log1p(torch.exp(-torch.abs(s)))`;

const SOFTPLUS = `class Softplus(torch.autograd.Function):
    """softplus with σ'(s) = 1/(1 + e^−s). Custom because autograd through the formula above takes
    |s|' = sign(0) = 0 at s = 0 (σ' = 0 there, not ½), and torch's F.softplus switches to s itself
    past s = 20 (its threshold); this is the spec's softplus everywhere."""

    @staticmethod
    def forward(ctx, s):
        ctx.save_for_backward(s)
        return softplus_of(s)

    @staticmethod
    def backward(ctx, grad):
        (s,) = ctx.saved_tensors
        return grad * torch.sigmoid(s)`;

const HARD_SIGMOID = `class HardSigmoid(torch.autograd.Function):
    """z = clamp(0.2 s + 0.5, 0, 1) with σ' = 0.2 inside the ramp and 0 on the flats and AT both kinks
    (t = 0 and t = 1). Custom because autograd through torch.clamp passes the gradient at the bounds
    (σ' = 0.2 there), and torch's F.hardsigmoid is another function (slope 1/6)."""

    @staticmethod
    def forward(ctx, s):
        t = 0.2 * s + 0.5
        ctx.save_for_backward(t)
        return torch.clamp(t, 0.0, 1.0)

    @staticmethod
    def backward(ctx, grad):
        (t,) = ctx.saved_tensors
        return grad * torch.where((t > 0) & (t < 1), 0.2, 0.0)`;

/** the Python a script needs for these activations (the custom Functions) and for the binary cross-entropy (softplus_of), or '' */
export function activationCode(used: ReadonlySet<Activation>, binaryCrossEntropy: boolean): string {
  const softplus = used.has('softplus');
  return [softplus || binaryCrossEntropy ? SOFTPLUS_OF : '', softplus ? SOFTPLUS : '', used.has('hardSigmoid') ? HARD_SIGMOID : ''].filter((c) => c !== '').join('\n\n\n');
}
