/**
 * A status message that follows long work (a chat face edits one message in place), at a
 * pace chat platforms accept: at most one change per `minIntervalMs`, one at a time, in
 * order, only the newest text when several arrive in between, and never the text already
 * shown (Telegram rejects an edit that changes nothing).
 */
export interface StatusLine {
  /** Asks for `text` to be shown; shown now, or when the interval allows if still the newest. */
  update(text: string): void;
  /** Shows the final text after whatever is in flight, respecting the interval; later updates are ignored. */
  finish(text: string): Promise<void>;
}

export interface StatusLineOptions {
  /** Sends or edits the message. A failure is passed to `onError`; the next text is tried anyway. */
  show: (text: string) => Promise<void>;
  minIntervalMs: number;
  onError: (error: unknown) => void;
  now?: () => number;
}

export function createStatusLine(options: StatusLineOptions): StatusLine {
  const { show, minIntervalMs, onError } = options;
  const now = options.now ?? Date.now;
  let shown: string | null = null;
  let wanted: string | null = null;
  let lastShownAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let finished = false;

  const showNow = async (text: string): Promise<void> => {
    try {
      await show(text);
      shown = text;
    } catch (error) {
      onError(error);
    } finally {
      // The interval runs from the end of a change: a slow platform is not pushed harder.
      lastShownAt = now();
    }
  };

  const pump = (): void => {
    if (finished || inFlight !== null || timer !== null) return;
    if (wanted === null || wanted === shown) return;
    const wait = lastShownAt + minIntervalMs - now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = null;
        pump();
      }, wait);
      timer.unref();
      return;
    }
    const text = wanted;
    inFlight = showNow(text).finally(() => {
      inFlight = null;
      pump();
    });
  };

  return {
    update(text) {
      wanted = text;
      pump();
    },
    async finish(text) {
      finished = true;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      while (inFlight !== null) await inFlight;
      if (text === shown) return;
      const wait = lastShownAt + minIntervalMs - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await showNow(text);
    },
  };
}
