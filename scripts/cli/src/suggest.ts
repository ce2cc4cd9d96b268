/** "Did you mean" for a mistyped command or flag: the closest known name within a small edit distance. */

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The closest candidate, or undefined when none is close enough to be a plausible typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // A prefix (`--per` for `--period`) is as good a hint as a typo.
    const distance = candidate.startsWith(input) && input.length >= 2 ? 1 : editDistance(input, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Allow about one typo per three characters, at least one and at most three.
  const allowed = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates);
  return match === undefined ? '' : ` (did you mean ${match}?)`;
}
