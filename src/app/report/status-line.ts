// The progress bar: one line at the bottom of a terminal, redrawn in place, that other messages write above. It
// appears only when the run has taken more than a moment, and only on a terminal: a pipe or a CI log never sees it.
import type { Writable } from 'node:stream';

export interface StatusLine {
  /** The work begins: the delay before a bar counts from here. */
  start(): void;
  /** Writes a message above the bar (the bar is cleared, the message written, the bar drawn again). */
  write(text: string): void;
  /** `done` of `total` files finished, `label` the one just done. */
  update(done: number, total: number, label: string): void;
  /** Removes the bar for good. */
  clear(): void;
}

export interface StatusLineOptions {
  /** Draw a bar at all (decide with wantsProgress). */
  enabled: boolean;
  /** No bar before this much time has passed since start() (default 500 ms). */
  delayMs?: number;
  /** For tests: the clock, in ms. */
  now?: () => number;
}

const CLEAR = '\r\x1b[K';
const REDRAW_EVERY_MS = 80;

export function createStatusLine(stream: Writable, options: StatusLineOptions): StatusLine {
  const now = options.now ?? (() => performance.now());
  let started = now();
  const delay = options.delayMs ?? 500;
  let shown = '';
  let drawn = -Infinity;
  return {
    start() {
      started = now();
    },
    write(text) {
      stream.write(shown ? CLEAR + text + shown : text);
    },
    update(done, total, label) {
      if (!options.enabled) return;
      const t = now();
      if (t - started < delay || (t - drawn < REDRAW_EVERY_MS && done < total)) return;
      drawn = t;
      // A pseudo-terminal of unknown size reports 0 columns.
      const width = (stream as { columns?: number }).columns || 80;
      shown = renderBar(done, total, label, (t - started) / 1000, width);
      stream.write(CLEAR + shown);
    },
    clear() {
      if (shown) stream.write(CLEAR);
      shown = '';
    },
  };
}

/** `annotate ██████░░░░░░░░ 120/2225 files · 5% · 41 s left · seeds/a.txt`, cut to the terminal's width. */
export function renderBar(done: number, total: number, label: string, seconds: number, width: number): string {
  const fraction = total === 0 ? 1 : done / total;
  const cells = 20;
  const full = Math.round(fraction * cells);
  const left = done === 0 ? '' : ` · ${Math.ceil((seconds / done) * (total - done))} s left`;
  const line = `annotate ${'█'.repeat(full)}${'░'.repeat(cells - full)} ${done}/${total} files · ${Math.floor(fraction * 100)}%${left} · ${label}`;
  const max = Math.max(20, width - 1);
  return [...line].length > max ? [...line].slice(0, max - 1).join('') + '…' : line;
}

/** A bar only on a terminal that can redraw a line, outside CI, and when the user has not asked for quiet. */
export function wantsProgress(stream: Writable, env: Record<string, string | undefined>, quiet: boolean): boolean {
  const tty = (stream as { isTTY?: boolean }).isTTY === true;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  return tty && !ci && env.TERM !== 'dumb' && !quiet;
}
