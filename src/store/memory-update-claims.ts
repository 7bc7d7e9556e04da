import {
  MAX_MEMORY_CLAIMS,
  UPDATE_CLAIM_TTL_MS,
  type UpdateClaims,
  type UpdateClaimsOptions,
} from "./update-claims.ts";

/**
 * Claims in this process, for one machine: a delivery repeated while the first is still
 * being handled is `taken`, one repeated after it is `done`. A restart forgets them, as
 * it forgets everything else in memory; with one instance nobody else could have
 * answered the update anyway.
 */
export function createUpdateClaimMemory(options: UpdateClaimsOptions = {}): UpdateClaims {
  const { ttlMs = UPDATE_CLAIM_TTL_MS, maxEntries = MAX_MEMORY_CLAIMS, now = Date.now } = options;
  const claims = new Map<string, { done: boolean; expiresAt: number }>();
  return {
    async claim(key) {
      const t = now();
      const found = claims.get(key);
      if (found !== undefined && found.expiresAt > t) return found.done ? "done" : "taken";
      claims.delete(key);
      claims.set(key, { done: false, expiresAt: t + ttlMs });
      // Map order is insertion order: the first keys are the oldest.
      for (const old of claims.keys()) {
        if (claims.size <= maxEntries) break;
        claims.delete(old);
      }
      return "claimed";
    },
    async finish(key) {
      const found = claims.get(key);
      if (found !== undefined) found.done = true;
    },
  };
}
