/** What one add, remove or refresh did: shown to the moderator and kept in the audit log. */
export interface ChangeSummary {
  added: string[];
  updated: string[];
  removed: string[];
  /** What could not be read, and why; nothing of it changed. */
  failed: Array<{ target: string; reason: string }>;
  /** Found again unchanged, or the same as an article already in the corpus. */
  unchanged: string[];
}

export function emptySummary(): ChangeSummary {
  return { added: [], updated: [], removed: [], failed: [], unchanged: [] };
}

/** Reasons listed in the summary line; the rest are counted ("and 4 more"). */
const REASONS_SHOWN = 3;

/** "+3 new, 1 updated, 0 removed, 2 failed: <target>: <reason>; ..." */
export function formatSummary(summary: ChangeSummary): string {
  let line = `+${summary.added.length} new, ${summary.updated.length} updated, ${summary.removed.length} removed, ${summary.failed.length} failed`;
  if (summary.failed.length > 0) {
    const shown = summary.failed
      .slice(0, REASONS_SHOWN)
      .map((f) => `${shortTarget(f.target)}: ${f.reason}`);
    const more = summary.failed.length - REASONS_SHOWN;
    line += `: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
  }
  if (summary.unchanged.length > 0) line += ` (${summary.unchanged.length} unchanged)`;
  return line;
}

/** A URL without its scheme, cut to a readable length. */
function shortTarget(target: string): string {
  const bare = target.replace(/^https?:\/\//, "");
  return bare.length > 80 ? `${bare.slice(0, 77)}...` : bare;
}
