/**
 * Progress on stderr for long work, so stdout stays clean for pipes. On a terminal it redraws
 * one line (a bar when the total is known); elsewhere it prints a line only when a step ends,
 * so a CI log is not flooded.
 */

export interface Progress {
  /** `done` of `total` (total undefined when unknown). */
  update(label: string, done: number, total?: number): void;
  /** Ends the current step with a final line. */
  finish(label: string, summary: string): void;
}

export const silentProgress: Progress = { update: () => undefined, finish: () => undefined };

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const interactive = stream.isTTY === true;
  let lastDraw = 0;
  return {
    update(label, done, total) {
      if (!interactive) return;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      let line = `${label} ${done.toLocaleString('en-US')}`;
      if (total !== undefined && total > 0) {
        const filled = Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
        line = `${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
      }
      stream.write(`\r${line}\x1b[K`);
    },
    finish(label, summary) {
      stream.write(`${interactive ? '\r\x1b[K' : ''}${label} ${summary}\n`);
    }
  };
}
