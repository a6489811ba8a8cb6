// Writes a file so that readers never see half of it: a temporary file beside the target, then a rename. Temporary
// files in flight are remembered, so a process cut short (a second Ctrl-C) can remove them before it exits.
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;
const inFlight = new Set<string>();

export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${++counter}.tmp`;
  inFlight.add(temp);
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

/** Removes the temporary files of writes still in flight; for an exit that cannot wait for them. */
export function removeTemporaryFilesSync(): void {
  for (const temp of inFlight) rmSync(temp, { force: true });
  inFlight.clear();
}
