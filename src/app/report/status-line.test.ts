// The progress bar's own logic: when it appears, how it is drawn, and that messages land above it.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createStatusLine, renderBar, wantsProgress } from './status-line.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (d: Buffer) => (out += d.toString()));
  return { stream, text: () => out };
}

describe('status line', () => {
  it('draws nothing during the first half second, then a bar; messages clear it and redraw it', () => {
    let t = 0;
    const { stream, text } = capture();
    const line = createStatusLine(stream, { enabled: true, now: () => t });
    line.start();
    t = 100;
    line.update(1, 10, 'a.txt');
    expect(text()).toBe('');
    t = 600;
    line.update(2, 10, 'b.txt');
    expect(text()).toBe('\r\x1b[Kannotate ████░░░░░░░░░░░░░░░░ 2/10 files · 20% · 3 s left · b.txt');
    line.write('error x\n');
    expect(text().endsWith('\r\x1b[Kerror x\nannotate ████░░░░░░░░░░░░░░░░ 2/10 files · 20% · 3 s left · b.txt')).toBe(true);
    line.clear();
    expect(text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('disabled, it only passes messages through', () => {
    const { stream, text } = capture();
    const line = createStatusLine(stream, { enabled: false, now: () => 10_000 });
    line.update(5, 10, 'a.txt');
    line.write('hello\n');
    line.clear();
    expect(text()).toBe('hello\n');
  });

  it('a long label is cut to the terminal width', () => {
    const bar = renderBar(1, 3, 'x'.repeat(200), 1, 60);
    expect([...bar]).toHaveLength(59);
    expect(bar.endsWith('…')).toBe(true);
  });

  it('wants a terminal, outside CI, with TERM able to redraw, and not --quiet', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    expect(wantsProgress(tty, {}, false)).toBe(true);
    expect(wantsProgress(new PassThrough(), {}, false)).toBe(false);
    expect(wantsProgress(tty, { CI: 'true' }, false)).toBe(false);
    expect(wantsProgress(tty, { TERM: 'dumb' }, false)).toBe(false);
    expect(wantsProgress(tty, {}, true)).toBe(false);
  });
});
