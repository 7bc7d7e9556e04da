/**
 * One face's state as a health check reads it: a name ("telegram"), a word for the state
 * ("polling", "connecting") and whether people are being served in it. The engine knows
 * no platform; each face says which of its states serve.
 */
export interface FaceStatus {
  readonly name: string;
  readonly state: string;
  readonly serving: boolean;
}

/** A face's status that the composition root updates as the face reports changes. */
export interface FaceStatusTracker<S extends string> extends FaceStatus {
  readonly state: S;
  set(state: S): void;
}

/** A status that starts in `initial` and serves exactly in the `serving` states. */
export function createFaceStatus<S extends string>(
  name: string,
  initial: S,
  serving: readonly S[],
): FaceStatusTracker<S> {
  let state = initial;
  return {
    name,
    get state() {
      return state;
    },
    get serving() {
      return serving.includes(state);
    },
    set(next) {
      state = next;
    },
  };
}
