/** One Dockerfile instruction, continuation lines joined. */
export interface Instruction {
  keyword: string;
  /** The rest of the line after the keyword. */
  args: string;
  /** Index of the stage it belongs to (0 before and at the first FROM). */
  stage: number;
}

/** The instructions of a Dockerfile: comments and blank lines dropped, `\` lines joined. */
export function readDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let stage = -1;
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (pending === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = "";
    const match = /^(\S+)\s*(.*)$/.exec(whole);
    if (match === null) continue;
    const keyword = match[1]!.toUpperCase();
    if (keyword === "FROM") stage += 1;
    out.push({ keyword, args: match[2]!, stage: Math.max(0, stage) });
  }
  return out;
}

/** `--flag=value` options at the start of an instruction's arguments, and the rest. */
export function splitFlags(args: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = args;
  for (;;) {
    const match = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(rest);
    if (match === null) return { flags, rest };
    flags[match[1]!] = match[2] ?? "";
    rest = rest.slice(match[0].length);
  }
}

/** `ENV A=1 B=2` (the key=value form) as a record. */
export function envOf(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of args.split(/\s+/).filter(Boolean)) {
    const eq = pair.indexOf("=");
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * Whether `.dockerignore` keeps `path` (relative, with `/`) out of the build context, as
 * Docker reads it: each pattern is matched from the context root (`*` within a name, `**`
 * across folders), a match on a folder covers everything in it, and a later `!pattern`
 * lets a path back in.
 */
export function isIgnored(dockerignore: string, path: string): boolean {
  let ignored = false;
  for (const raw of dockerignore.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const negated = line.startsWith("!");
    const pattern = (negated ? line.slice(1) : line).replace(/^\/+/, "").replace(/\/+$/, "");
    const source = pattern
      .split("**")
      .map((part) =>
        part
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, "[^/]*")
          .replace(/\?/g, "[^/]"),
      )
      .join(".*");
    if (new RegExp(`^${source}(/.*)?$`).test(path)) ignored = !negated;
  }
  return ignored;
}
