// The hash of a user's vocabulary: the config file reports it, and the annotator writes it into annotator.lexicon.
// One function, so that the two always agree. Pure.
import { createHash } from 'node:crypto';
import type { UserVocabulary } from './lexicon.js';

/** First 12 hex of sha256 over a canonical JSON (keys sorted) of the vocabulary; '' for an empty one. Comments,
 *  layout and key order in the config file do not change it; only what the annotator sees does. */
export function hashVocabulary(vocabulary: UserVocabulary): string {
  if (vocabulary.actors.length === 0 && vocabulary.events.length === 0) return '';
  return createHash('sha256').update(canonicalJson(vocabulary)).digest('hex').slice(0, 12);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
