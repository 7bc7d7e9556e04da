/**
 * Takes turns at the engine, one per turn of the event loop, for interactions already
 * acknowledged. When a burst arrives, many deferrals come back in one poll of the loop; if
 * each went straight on to answer, 50 answers' engine work ran back to back before the
 * loop could send the next deferrals (measured at 10,000 articles: the last deferral of a
 * burst of 200 left after 0.9 s). Queued one per turn, pending network work (deferrals,
 * new interactions) runs between any two answers.
 */
export function createEngineTurns(): () => Promise<void> {
  const waiting: Array<() => void> = [];
  let head = 0;
  let scheduled = false;
  const next = () => {
    scheduled = false;
    const go = waiting[head++];
    if (head >= waiting.length) {
      waiting.length = 0;
      head = 0;
    } else {
      schedule();
    }
    go?.();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // An immediate queued during the check phase runs on the loop's next turn, after I/O.
    setImmediate(next);
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      schedule();
    });
}
