// The evaluative word list of the learned stances stage: lexicons/evaluative-words.yaml (VADER's ratings, converted by
// scripts/convert-vader.mjs), read once per process on first use. The file is generated in one fixed shape ("  word:
// rating" under `words:`), so it is read line by line rather than through a YAML parser, which takes a tenth of a
// second over its 7,000 lines; a test holds the two readings equal.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** How positive (> 0) or negative (< 0) each word is, from −4 to +4. */
export type Valences = ReadonlyMap<string, number>;

export const EVALUATIVE_WORDS_FILE = 'evaluative-words.yaml';

const ENTRY = /^ {2}"?([^":]+)"?: (-?\d+(?:\.\d+)?)$/;

/** The words of the file's text; a line that is neither a comment, `words:` nor an entry is an error naming it. */
export function readEvaluativeWords(text: string): Valences {
  const words = new Map<string, number>();
  let n = 0;
  for (const line of text.split('\n')) {
    n++;
    if (line === '' || line.startsWith('#') || line === 'words:') continue;
    const m = ENTRY.exec(line);
    if (!m) throw new Error(`${EVALUATIVE_WORDS_FILE}:${n}: not an entry "  word: rating": ${line}`);
    words.set(m[1]!, Number(m[2]));
  }
  return words;
}

let loaded: Valences | undefined;

/** The package's list, read on first call. */
export function evaluativeWords(): Valences {
  loaded ??= readEvaluativeWords(readFileSync(fileURLToPath(new URL(`../../../lexicons/${EVALUATIVE_WORDS_FILE}`, import.meta.url)), 'utf8'));
  return loaded;
}
