import { describe, expect, it } from 'vitest';
import { MapRequestPace, pageSliceEnd } from '../../../src/renderer/src/pacing/mapRequests';
import { MAP_REQUESTS } from '../../../src/renderer/src/pacing/constants';

describe('map requests to the map worker (e)', () => {
  it('the first goes at once; the next at least minGapMs after it', () => {
    const pace = new MapRequestPace();
    expect(pace.wait(1000)).toBe(0);
    pace.sent(1000);
    expect(pace.wait(1000, 1)).toBe(MAP_REQUESTS.minGapMs);
    expect(pace.wait(1000 + MAP_REQUESTS.minGapMs - 1, 1)).toBe(1);
    expect(pace.wait(1000 + MAP_REQUESTS.minGapMs, 1)).toBe(0);
  });

  it('waits for a reply while maxPending requests are on their way', () => {
    const pace = new MapRequestPace();
    expect(pace.wait(0, MAP_REQUESTS.maxPending - 1)).toBe(0);
    expect(pace.wait(0, MAP_REQUESTS.maxPending)).toBe(Infinity);
  });

  it('rests twice a pass’s time, counted from the request’s sending (not the reply’s arrival)', () => {
    const pace = new MapRequestPace();
    pace.sent(0);
    pace.observe(30, 0); // the DAG's full pass: the worker may start the next at 90 ms
    expect(pace.wait(50)).toBe(40);
    expect(pace.wait(90)).toBe(0);
    // a reply that waited for a busy page: its wait counts as rest already had
    pace.sent(100);
    pace.observe(10, 100);
    expect(pace.wait(125)).toBe(5);
  });

  it('a quick pass still waits the gap; an older reply never shortens a longer rest', () => {
    const pace = new MapRequestPace();
    pace.sent(0);
    pace.observe(1, 0);
    expect(pace.wait(0)).toBe(MAP_REQUESTS.minGapMs);
    pace.observe(40, 0);
    pace.observe(2, 0);
    expect(pace.wait(0)).toBe(120);
    pace.reset();
    expect(pace.wait(0)).toBe(0);
  });

  it('a pass on the page stops pageSliceMs into the frame', () => {
    expect(pageSliceEnd(500)).toBe(500 + MAP_REQUESTS.pageSliceMs);
  });
});
