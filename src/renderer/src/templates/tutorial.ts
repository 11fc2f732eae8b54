import { parseGraph, type GraphDoc } from '../../../engine';
import perceptronText from '../../../../examples/tutorial-perceptron.bpgraph.json?raw';
import twoFiveOneText from '../../../../examples/tutorial-2-5-1.bpgraph.json?raw';

// The tutorial's own files, read through the same loader as any file a person opens.
function load(text: string, what: string): GraphDoc {
  const result = parseGraph(text);
  if (!result.ok) throw new Error(`the bundled ${what} does not load: ${result.error.message}`);
  return result.doc;
}

export const tutorialPerceptron = (): GraphDoc => load(perceptronText, 'tutorial perceptron');
export const tutorial251 = (): GraphDoc => load(twoFiveOneText, 'tutorial 2-5-1 network');
