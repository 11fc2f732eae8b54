import { compile, mathKey, type GraphDoc, type Net } from '../../../engine';

// The document compiled once per "same math" (engine/sameMath.ts): as long as the mathKey stays,
// new weights are copied into the cached net instead of compiling again. One cache for the
// page's passes (live values, maps on the page); created by the composition root, no module state.

export interface NetCache {
  /**
   * the compiled net for `doc` holding `weights` when given with one per edge (training's shown
   * weights), else the document's; null when the document breaks a graph rule
   */
  netFor(doc: GraphDoc, weights?: ArrayLike<number> | null): Net | null;
  /** drop the cached net (the next netFor compiles) */
  forget(): void;
}

export function createNetCache(): NetCache {
  let cached: { key: string; net: Net } | null = null;

  function compiled(doc: GraphDoc): Net | null {
    const key = mathKey(doc);
    if (cached?.key === key) return cached.net;
    try {
      cached = { key, net: compile(doc) };
      return cached.net;
    } catch {
      // not remembered: a document refused for a non-finite number has the same key once it is fixed
      cached = null;
      return null;
    }
  }

  return {
    netFor(doc, weights) {
      const net = compiled(doc);
      if (!net) return null;
      if (weights && weights.length === net.numEdges) net.weights.set(weights);
      else for (let e = 0; e < net.numEdges; e++) net.weights[e] = doc.edges[e].weight;
      return net;
    },
    forget() {
      cached = null;
    },
  };
}
