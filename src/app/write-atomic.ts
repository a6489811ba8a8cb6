// Writes a file so that readers never see half of it: a temporary file beside the target, then a rename. Temporary
// files in flight are remembered, so a process cut short (a second Ctrl-C) can remove them before it exits.
import { createWriteStream, rmSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';

let counter = 0;
const inFlight = new Set<string>();

export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temp = await temporaryBeside(file);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    inFlight.delete(temp);
  }
}

/** A file written as a stream (a table too large to hold): nothing is at `file` until `commit` renames the
 *  finished temporary file there; `abort` removes it. */
export interface AtomicStream {
  stream: WriteStream;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openFileAtomic(file: string): Promise<AtomicStream> {
  const temp = await temporaryBeside(file);
  const stream = createWriteStream(temp);
  const settle = async (keep: boolean): Promise<void> => {
    let renamed = false;
    try {
      if (!stream.writableEnded) stream.end();
      await finished(stream);
      if (keep) {
        await rename(temp, file);
        renamed = true;
      }
    } finally {
      if (!renamed) await rm(temp, { force: true });
      inFlight.delete(temp);
    }
  };
  return { stream, commit: () => settle(true), abort: () => settle(false).catch(() => undefined) };
}

async function temporaryBeside(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${++counter}.tmp`;
  inFlight.add(temp);
  return temp;
}

/** Removes the temporary files of writes still in flight; for an exit that cannot wait for them. */
export function removeTemporaryFilesSync(): void {
  for (const temp of inFlight) rmSync(temp, { force: true });
  inFlight.clear();
}
