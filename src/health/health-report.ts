import type { CorpusStatus, Engine } from "../engine/engine.ts";
import type { FaceStatus } from "./face-status.ts";

/** What `GET /healthz` answers, as JSON. */
export interface HealthReport {
  /** "serving" when every face serves (HTTP 200), "unavailable" otherwise (HTTP 503). */
  status: "serving" | "unavailable";
  corpus: CorpusStatus;
  /** Each face's state by name: { "telegram": "polling", "discord": "ready" }. */
  faces: Record<string, string>;
}

/**
 * The process's health now. One face not serving (starting, reconnecting, failed,
 * stopping) makes the whole process unavailable: a load balancer should send its traffic
 * elsewhere and a supervisor may restart it. With no face (the terminal chat) it serves.
 */
export function healthReport(
  engine: Pick<Engine, "corpusStatus">,
  faces: readonly FaceStatus[],
): HealthReport {
  return {
    status: faces.every((face) => face.serving) ? "serving" : "unavailable",
    corpus: engine.corpusStatus(),
    faces: Object.fromEntries(faces.map((face) => [face.name, face.state])),
  };
}
