/** Memory figures in MiB, taken after a full collection when the process allows one. */
export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  /** Typed arrays and Buffers live outside the JS heap: counted separately by V8. */
  arrayBuffers: number;
  /** Whether a GC ran first (needs node --expose-gc); without it the numbers run high. */
  collected: boolean;
}

const MIB = 1024 * 1024;

export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  // Two passes: the first can leave weakly held objects for the second.
  gc();
  gc();
  return true;
}

export function memorySnapshot(): MemorySnapshot {
  const collected = collectGarbage();
  const usage = process.memoryUsage();
  return {
    rss: usage.rss / MIB,
    heapUsed: usage.heapUsed / MIB,
    arrayBuffers: usage.arrayBuffers / MIB,
    collected,
  };
}

/** What a structure retains: JS heap plus typed-array memory, before vs after building it. */
export function retainedMiB(before: MemorySnapshot, after: MemorySnapshot): number {
  return after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
}

/**
 * Resident memory once the process has settled: V8 hands freed pages back to the system
 * up to a second after a collection (after a first start at 10,000 articles RSS read 660
 * MB at once, 543 MB 250 ms later and 389 MB after a second), so wait before reading.
 */
export async function settledMemorySnapshot(settleMs = 1500): Promise<MemorySnapshot> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return memorySnapshot();
}

/**
 * The most resident memory the process has held since it started (the kernel's high-water
 * mark), in MiB: what a first start needs from the machine, however briefly.
 */
export function peakRssMiB(): number {
  return (process.resourceUsage().maxRSS * 1024) / MIB;
}
