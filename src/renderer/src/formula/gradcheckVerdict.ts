import { GRADCHECK_FLOOR, gradeRelativeError, type GradcheckResult } from '../../../engine';

// How the app words a gradient check: the grade of the largest relative error
// |a − n| / max(|a|, |n|, ε) over the edges not near zero, and the near-zero ones said apart
// (both gradients below ε = 1e-8: a centred difference cannot judge them; engine/gradcheck.ts).

export interface GradcheckVerdict {
  text: string;
  className: 'gradcheck-ok' | 'gradcheck-doubt' | 'gradcheck-bad';
  /** "2 edges near zero (…)", or null */
  nearZero: string | null;
}

const GRADES = {
  right: { text: 'agrees', className: 'gradcheck-ok' },
  acceptable: { text: 'acceptable (near a kink?)', className: 'gradcheck-doubt' },
  suspicious: { text: 'suspicious', className: 'gradcheck-doubt' },
  wrong: { text: 'wrong', className: 'gradcheck-bad' },
} as const;

export function gradcheckVerdict(result: GradcheckResult): GradcheckVerdict {
  const nearZero =
    result.nearZero === 0
      ? null
      : `${result.nearZero} edge${result.nearZero === 1 ? '' : 's'} near zero (both gradients below ${GRADCHECK_FLOOR.toExponential()}, too small to judge; they differ by at most ${result.maxNearZeroDiff.toExponential(1)})`;
  if (result.nearZero === result.count && result.count > 0) {
    return { text: 'every gradient is near zero', className: 'gradcheck-ok', nearZero };
  }
  return { ...GRADES[gradeRelativeError(result.maxRelError)], nearZero };
}
