// Reads one article's bytes (a file or stdin) and decodes them, or says in one line why it cannot: missing,
// unreadable, a directory, over the size limit, binary, not valid UTF-8. Shared by annotate and explain.
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { decodeText } from '../text/decode-text.js';
import { describeFsError } from '../discover/find-inputs.js';

/** `unreadable`: the bytes could not be had (missing, permissions, I/O); `unsuitable`: they are not an article's text
 *  (too large, binary, not UTF-8), which annotate reports as skipped. */
export type ReadArticleResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; problem: 'unreadable' | 'unsuitable'; reason: string };

/** `absolute` null reads `stdin`. Files larger than `maxBytes` are refused before they are read. */
export async function readArticle(absolute: string | null, stdin: Readable, maxBytes = Infinity): Promise<ReadArticleResult> {
  const tooLarge = (bytes: number | null): ReadArticleResult => ({
    ok: false,
    problem: 'unsuitable',
    reason: `${bytes === null ? 'more than' : `${megabytes(bytes)} is over`} the ${megabytes(maxBytes)} limit for one article (raise it with --max-file-size <MB>)`,
  });
  let bytes: Uint8Array;
  try {
    if (absolute === null) {
      const read = await readStream(stdin, maxBytes);
      if (read === null) return tooLarge(null);
      bytes = read;
    } else {
      const info = await stat(absolute);
      if (info.isDirectory()) return { ok: false, problem: 'unreadable', reason: 'is a directory' };
      if (info.size > maxBytes) return tooLarge(info.size);
      bytes = await readFile(absolute);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: 'unreadable', reason: code === 'ENOENT' ? describeFsError(error) : `cannot read: ${describeFsError(error)}` };
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, text: decoded.text, bytes } : { ok: false, problem: 'unsuitable', reason: decoded.reason };
}

/** A size as people read it: "512 KB", "1.5 MB", "11 MB". */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** The whole stream, or null as soon as it passes `limit` bytes. */
async function readStream(stream: Readable, limit: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
