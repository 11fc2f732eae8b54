import { MAP_REQUESTS } from './constants';
import type { Pace } from './policy';

// (e) When the next map pass is asked of the map worker: as soon as the weights change, with at
// most MAP_REQUESTS.maxPending on their way, passes at least minGapMs apart, and the worker
// resting restRatio times each pass's time — counted from the request's sending, since the time
// its messages wait for a busy page is rest the worker has already had. So the worker computes
// maps at most a third of its time and, on two cores, training and the page keep theirs.

export class MapRequestPace implements Pace<[ms: number, sentAt: number]> {
  /** no new pass before this time */
  private restUntil = 0;

  /** a request went to the worker at `at` */
  sent(at: number): void {
    this.restUntil = Math.max(this.restUntil, at + MAP_REQUESTS.minGapMs);
  }

  /** the worker answered the request sent at `sentAt`: its pass took `ms` */
  observe(ms: number, sentAt: number): void {
    if (ms >= 0) this.restUntil = Math.max(this.restUntil, sentAt + (1 + MAP_REQUESTS.restRatio) * ms);
  }

  /** ms from `now` until the next request may go; Infinity while `inFlight` requests fill the line (wait for a reply) */
  wait(now: number, inFlight = 0): number {
    if (inFlight >= MAP_REQUESTS.maxPending) return Infinity;
    return Math.max(0, this.restUntil - now);
  }

  reset(): void {
    this.restUntil = 0;
  }
}

/** where a grid pass on the page (no map worker) stops for this frame, starting at `now` */
export function pageSliceEnd(now: number): number {
  return now + MAP_REQUESTS.pageSliceMs;
}
