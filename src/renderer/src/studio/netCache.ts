import { compile, mathKey, withOwnState, type GraphDoc, type Net } from '../../../engine';

// The document compiled once per "same math" (engine/sameMath.ts) for the whole page: the live
// values, the map passes on the page, the lessons' measures, the formulas and the explode view
// are each a user of the one compile (`user()`), holding a net of their own that shares its
// structure (engine withOwnState): a user's weights and pass values never disturb another's. As
// long as the mathKey stays, new weights are copied into the user's net instead of compiling
// again. Created by the composition root, no module state.

export interface NetCache {
  /**
   * this user's compiled net for `doc`, holding `weights` when given with one per edge
   * (training's shown weights), else the document's, and the document's velocities; null when
   * the document breaks a graph rule
   */
  netFor(doc: GraphDoc, weights?: ArrayLike<number> | null): Net | null;
}

export interface CompiledNets {
  /** a user of the one compile, with a net of its own */
  user(): NetCache;
  /** how many times a document has been compiled (what the cache saves, for tests and the bench) */
  compiles(): number;
}

export function createNetCache(): CompiledNets {
  let cached: { key: string; net: Net } | null = null;
  let compiles = 0;

  function compiled(doc: GraphDoc): Net | null {
    const key = mathKey(doc);
    if (cached?.key === key) return cached.net;
    try {
      compiles++;
      cached = { key, net: compile(doc) };
      return cached.net;
    } catch {
      // not remembered: a document refused for a non-finite number has the same key once it is fixed
      cached = null;
      return null;
    }
  }

  return {
    user() {
      let own: { shared: Net; net: Net } | null = null;
      return {
        netFor(doc, weights) {
          const shared = compiled(doc);
          if (!shared) return null;
          if (own?.shared !== shared) own = { shared, net: withOwnState(shared) };
          const { net } = own;
          if (weights && weights.length === net.numEdges) net.weights.set(weights);
          else for (let e = 0; e < net.numEdges; e++) net.weights[e] = doc.edges[e].weight;
          for (let e = 0; e < net.numEdges; e++) net.velocity[e] = doc.edges[e].velocity ?? 0;
          return net;
        },
      };
    },
    compiles: () => compiles,
  };
}
