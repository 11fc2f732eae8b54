import { memo, useMemo } from 'react';
import { activationBlock, dEdsBlock, dhdsBlock, errorBlock, gradBlock, sumBlock } from '../formula/tex';
import { FormulaView } from '../formula/Tex';
import { softmaxPathBlocks } from '../formula/softmaxTex';
import { EdgeTable, type Column } from './EdgeTable';
import { stepAt, stepCount, type StepInfo } from './machine';
import type { StepSession } from './session';
import { exact, readable } from '../format/number';
import { batchLabel, notTrained, placeInEpoch } from './epochLabels';

// What the step in hand computes, in words and in the tutorial's formulas with numbers.

const short = (v: number) => readable(v);

function Sources({ session }: { session: StepSession }) {
  const { values, plan } = session;
  return (
    <>
      <h3>The inputs</h3>
      <p>
        {plan.sources.map((id, i) => (
          <span key={id}>
            {i > 0 && ', '}z<sub>{values.nodes[id].label}</sub> = {short(values.nodes[id].z)}
          </span>
        ))}
        . Next: the forward pass, one neuron at a time in topological order.
      </p>
      <p className="stepper-epoch">{session.role === 'next' ? placeInEpoch(session) : notTrained(session)}</p>
    </>
  );
}

function Forward({ session, id }: { session: StepSession; id: string }) {
  const k = session.values.nodes[id];
  const at = session.plan.neurons.indexOf(id) + 1;
  const blocks = useMemo(() => [sumBlock(session.values, k), activationBlock(k)], [session.values, k]);
  return (
    <>
      <h3>
        Forward: neuron {k.label} ({at} of {session.plan.neurons.length})
      </h3>
      {blocks.map((b) => (
        <FormulaView key={b.quantity} block={b} />
      ))}
    </>
  );
}

function ErrorStep({ session }: { session: StepSession }) {
  const block = useMemo(() => errorBlock(session.values), [session.values]);
  const { outputs } = session.values;
  return (
    <>
      <h3>Error</h3>
      <p>
        {outputs.map((o, i) => (
          <span key={o.nodeId}>
            {i > 0 && '; '}h{outputs.length > 1 ? <sub>{i}</sub> : null} = {short(o.h)}, y
            {outputs.length > 1 ? <sub>{i}</sub> : null} = {short(o.y)}
          </span>
        ))}
      </p>
      <FormulaView block={block} />
    </>
  );
}

/**
 * One neuron of the backward pass, the whole chain rule for it: ∂h/∂s_k (the recursion), beside
 * it ∂E/∂s_k = 2(h − y)·∂h/∂s_k (where the error enters), then ∂E/∂w_{j→k} = ∂E/∂s_k · z_j for
 * each edge into k.
 */
function Backward({ session, id }: { session: StepSession; id: string }) {
  const { values } = session;
  const k = values.nodes[id];
  const n = session.plan.neurons.length;
  const at = n - session.plan.neurons.indexOf(id);
  const chain = useMemo(
    () => ({
      dhds: [...softmaxPathBlocks(values, k), ...values.outputs.map((_, o) => dhdsBlock(values, k, o))],
      dEds: dEdsBlock(values, k),
      grads: k.incoming.map((e) => gradBlock(values, values.edges[e])),
    }),
    [values, k],
  );
  return (
    <>
      <h3>
        Backward: neuron {k.label} ({at} of {n})
      </h3>
      <div className="stepper-chain">
        <div className="stepper-chain-part" aria-label="∂h/∂s for this neuron">
          {chain.dhds.map((b, i) => (
            <FormulaView key={i} block={b} />
          ))}
        </div>
        <div className="stepper-chain-part" aria-label={session.values.loss === 'crossEntropy' ? '∂E/∂s: where h − y enters' : '∂E/∂s: where 2(h − y) enters'}>
          <FormulaView block={chain.dEds} />
        </div>
      </div>
      {chain.grads.length > 0 && (
        <div className="stepper-chain-grads" aria-label="∂E/∂w for the edges into this neuron">
          {chain.grads.map((b, i) => (
            <FormulaView key={k.incoming[i]} block={b} />
          ))}
        </div>
      )}
    </>
  );
}

function Gradients({ session }: { session: StepSession }) {
  const { values } = session;
  const columns: Column[] = [{ key: 'grad', header: '∂Eᵢ/∂w', value: (id) => values.edges[id].grad }];
  return (
    <>
      <h3>Gradients</h3>
      <p>∂Eᵢ/∂w<sub>j→k</sub> = ∂Eᵢ/∂s<sub>k</sub> · z<sub>j</sub> on every edge.</p>
      <EdgeTable values={values} edges={session.plan.edges} columns={columns} caption="Gradient per edge" />
    </>
  );
}

/** the update's rule in words: the gradient G, plus the regulariser's term (not on bias edges), with or without momentum */
export function updateRule(gradient: string, { regularization, momentum }: StepSession['update']): string {
  const penalised = regularization.kind !== 'none';
  const term = regularization.kind === 'L1' ? ' + λ sign w' : regularization.kind === 'L2' ? ' + 2λw' : '';
  const g = penalised ? `g = ${gradient}${term} (bias edges: no penalty), λ = ${readable(regularization.rate)}; ` : '';
  const step = penalised ? 'g' : gradient;
  return momentum > 0 ? `${g}v ← βv + ${step}, Δw = −η v, β = ${readable(momentum)}` : `${g}Δw = −η ${step}`;
}

/** "the sum over batch 2 of 4 (examples 5, 2 and 9)", or in sequential mode "this example's gradient" */
function updateSource(session: StepSession): string {
  const { batch, mode, visits } = session;
  if (!batch || mode === 'sequential') return 'This example\'s gradient alone.';
  const size = batch.end - batch.start;
  if (mode === 'batch') return `All ${size} examples of the epoch summed.`;
  return `The sum over ${batchLabel(visits, batch)}, ${size} example${size === 1 ? '' : 's'}.`;
}

function Update({ session }: { session: StepSession }) {
  const { values, updates, mode, eta } = session;
  if (!updates) return null;
  const columns: Column[] = [
    { key: 'old', header: 'w', value: (id) => updates[id].old },
    { key: 'delta', header: 'Δw', value: (id) => updates[id].next - updates[id].old },
    { key: 'next', header: 'new w', value: (id) => updates[id].next },
  ];
  const rule = updateRule(mode === 'sequential' ? '∂Eᵢ/∂w' : 'Σᵢ∈B ∂Eᵢ/∂w', session.update);
  const endsEpoch = session.position === session.visits.order.length - 1;
  return (
    <>
      <h3>Update</h3>
      <p>
        {rule}, η = <span title={exact(eta)}>{readable(eta)}</span>. {updateSource(session)}{' '}
        {session.crossing ? (
          <strong className="step-refused">
            This update would put w [edge {session.crossing.edgeId}] at {readable(session.crossing.value)}, past the limit of ±10⁶: training would stop here as
            diverged. Next step does not apply it and stops stepping.
          </strong>
        ) : (
          <>
            Next step applies it (undo with Back) and moves to the next example
            {endsEpoch ? `, the first of epoch ${session.epoch + 2}` : ''}.
          </>
        )}
      </p>
      <EdgeTable values={values} edges={session.plan.edges} columns={columns} caption="Weight update" />
    </>
  );
}

function Accumulate({ session }: { session: StepSession }) {
  const { values, sums, batch, visits } = session;
  if (!sums || !batch) return null;
  const columns: Column[] = [
    { key: 'grad', header: '∂Eᵢ/∂w', value: (id) => values.edges[id].grad },
    { key: 'sum', header: 'Σᵢ∈B ∂Eᵢ/∂w', value: (id) => sums[id] },
  ];
  const size = batch.end - batch.start;
  const lastOne = visits.order[batch.end - 1] + 1;
  const which = session.mode === 'batch' ? 'Batch mode' : batchLabel(visits, batch);
  return (
    <>
      <h3>Add to the batch&apos;s sum</h3>
      <p>
        {which.charAt(0).toUpperCase() + which.slice(1)}: {session.summedBefore + 1} of {size} examples summed at the same
        weights; the update comes after example {lastOne}, the batch&apos;s last.
      </p>
      <EdgeTable values={values} edges={session.plan.edges} columns={columns} caption="Running sum per edge" />
    </>
  );
}

/** an example training does not learn from here: a test example after its error, or one aside after its gradients */
function NotTrained({ session }: { session: StepSession }) {
  return (
    <>
      <h3>{session.role === 'test' ? 'Test example: no training' : 'Not trained on here'}</h3>
      <p>{notTrained(session)}</p>
    </>
  );
}

function Body({ session, info }: { session: StepSession; info: StepInfo }) {
  switch (info.phase) {
    case 'start':
      return <Sources session={session} />;
    case 'forward':
      return <Forward session={session} id={info.current!} />;
    case 'error':
      return <ErrorStep session={session} />;
    case 'backward':
      return <Backward session={session} id={info.current!} />;
    case 'gradients':
      return <Gradients session={session} />;
    case 'update':
      return <Update session={session} />;
    case 'accumulate':
      return <Accumulate session={session} />;
    case 'aside':
    case 'test':
      return <NotTrained session={session} />;
  }
}

export const StepDetail = memo(function StepDetail({ session, step }: { session: StepSession; step: number }) {
  const info = stepAt(session.plan, step);
  return (
    <div className="stepper-detail formula-panel" aria-live="polite" data-phase={info.phase}>
      <p className="stepper-count">
        Step {step + 1} of {stepCount(session.plan)}
      </p>
      <Body session={session} info={info} />
    </div>
  );
});
