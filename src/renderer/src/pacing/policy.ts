// What every pacing policy is: a small object that learns what the paced work costs from the
// caller's measurements (`observe`) and decides from them. It never reads a clock: a decision
// that depends on time takes `now` (the caller's clock, ms), so tests drive it with a fake one.

export interface Policy<Measure extends readonly unknown[] = [ms: number]> {
  /** a measurement of the paced work: what it cost (ms), and what else the policy needs */
  observe(...measure: Measure): void;
  /** start afresh (a new network, a new document): nothing measured, nothing waiting */
  reset(): void;
}

/** a policy whose decision is when: how long from `now` until the paced work may run */
export interface Pace<Measure extends readonly unknown[] = [ms: number]> extends Policy<Measure> {
  /** ms from `now` until the paced work may run; 0: now */
  wait(now: number): number;
}
