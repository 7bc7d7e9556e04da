/** Latency summary in milliseconds. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles: p99 of 1,000 samples is the 990th smallest, a real sample. */
export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const rank = (p: number): number => {
    if (sorted.length === 0) return Number.NaN;
    const index = Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    );
    return sorted[index] as number;
  };
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    count: sorted.length,
    mean: sorted.length > 0 ? total / sorted.length : Number.NaN,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
  };
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Samples {
  /** Wall-clock milliseconds per call: what a person waits. */
  wall: number[];
  /**
   * CPU milliseconds per call on average (process.cpuUsage over all calls): what the code
   * costs, without time spent waiting for a core on a busy machine. Only the mean: the
   * kernel accounts CPU time in scheduler ticks, too coarse for one sub-millisecond call.
   */
  cpuMean: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Times `fn` once per input after `warmup` untimed calls (cycling the inputs). */
export async function timeEach<T>(
  inputs: readonly T[],
  warmup: number,
  fn: (input: T) => unknown,
): Promise<Samples> {
  for (let i = 0; i < warmup && inputs.length > 0; i++) {
    await fn(inputs[i % inputs.length] as T);
  }
  const wall: number[] = [];
  const startCpu = cpuMs();
  for (const input of inputs) {
    const start = nowMs();
    await fn(input);
    wall.push(nowMs() - start);
  }
  return { wall, cpuMean: inputs.length > 0 ? (cpuMs() - startCpu) / inputs.length : Number.NaN };
}
