/**
 * Naive references for the staffing tests, written independently of src/: the M/M/N+M
 * (Erlang A; θ = 0 gives Erlang C) stationary distribution by explicit products over a
 * truncated state space, with no Erlang B recursion and no log-space tricks.
 */
export interface NaiveQueue {
  /** P(state j), j = 0 … N + K. */
  readonly pi: number[];
  readonly probabilityOfWaiting: number;
  readonly averageQueueLength: number;
  readonly averageBusy: number;
}

export function naiveQueue(agents: number, lambda: number, mu: number, theta: number, extra = 4000): NaiveQueue {
  const weights = [1];
  for (let j = 1; j <= agents + extra; j++) {
    const death = Math.min(j, agents) * mu + Math.max(j - agents, 0) * theta;
    weights.push((weights[j - 1]! * lambda) / death);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const pi = weights.map((w) => w / total);
  let probabilityOfWaiting = 0;
  let averageQueueLength = 0;
  let averageBusy = 0;
  pi.forEach((p, j) => {
    if (j >= agents) probabilityOfWaiting += p;
    averageQueueLength += Math.max(j - agents, 0) * p;
    averageBusy += Math.min(j, agents) * p;
  });
  return { pi, probabilityOfWaiting, averageQueueLength, averageBusy };
}

/** Erlang C by the textbook factorial formula (small N only). */
export function naiveErlangC(agents: number, a: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < agents; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = (term * agents) / (agents - a);
  return top / (sum + top);
}

/**
 * P(answered within t | k − 1 callers ahead) for exponential patience θ: the wait V is a sum
 * of exponentials with distinct rates r_i = Nμ + iθ (i = 0 … k − 1); by partial fractions its
 * density is Σ C_i r_i e^(−r_i s) with C_i = ∏_{j≠i} r_j / (r_j − r_i), so
 * ∫₀ᵗ f(s) e^(−θs) ds = Σ C_i r_i (1 − e^(−(r_i + θ)t)) / (r_i + θ). Fine for small k.
 */
export function naiveAnsweredWithin(k: number, nMu: number, theta: number, t: number): number {
  const rates = Array.from({ length: k }, (_, i) => nMu + i * theta);
  let sum = 0;
  rates.forEach((ri, i) => {
    let c = 1;
    rates.forEach((rj, j) => {
      if (j !== i) c *= rj / (rj - ri);
    });
    sum += (c * ri * (1 - Math.exp(-(ri + theta) * t))) / (ri + theta);
  });
  return sum;
}
