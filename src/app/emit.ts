// Writing to a stream whose reader may go away (`annotate … | head -1`): each write waits until the stream takes
// the data, so output follows input order and nothing piles up past a slow reader, and a closed pipe becomes
// OutputClosed, which a run ends on quietly.
import type { Writable } from 'node:stream';

/** The reader of the output went away (EPIPE, or the stream was destroyed). */
export class OutputClosed extends Error {}

export function emit(stream: Writable, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.destroyed || stream.writableEnded) {
      reject(new OutputClosed());
      return;
    }
    stream.write(data, (error) => {
      if (!error) resolve();
      else reject((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_DESTROYED' ? new OutputClosed() : error);
    });
  });
}
