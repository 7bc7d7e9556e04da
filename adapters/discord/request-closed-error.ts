/** Discord stopped waiting for the answer (it waits 3 seconds) before it was sent. */
export class RequestClosedError extends Error {
  constructor() {
    super("Discord closed the interactions request before it was answered");
  }
}
