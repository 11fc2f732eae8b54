// An exponential moving average of measured costs: value ← value + weight · (v − value).
// `from: 'zero'` starts at 0 and blends the first measurement in like any other (a cost is
// believed cheap until it proves otherwise); `from: 'first'` takes a measurement whole while the
// average is still 0 (nothing measured yet), then blends. Weight 1 is the last measurement
// itself, exactly (v − value + value is not always v in doubles).

export class MovingAverage {
  private current = 0;

  constructor(
    /** the newest measurement's weight, in (0, 1]; 1: the last measurement alone */
    private readonly weight: number,
    private readonly from: 'zero' | 'first' = 'zero',
  ) {
    if (!(weight > 0 && weight <= 1)) throw new RangeError(`a moving average's weight must be in (0, 1], not ${weight}`);
  }

  get value(): number {
    return this.current;
  }

  /** a new measurement; a negative or NaN one (a clock that went back, nothing measured) is ignored */
  add(v: number): void {
    if (!(v >= 0)) return;
    const whole = this.weight === 1 || (this.from === 'first' && this.current === 0);
    this.current = whole ? v : this.current + this.weight * (v - this.current);
  }

  reset(): void {
    this.current = 0;
  }
}
