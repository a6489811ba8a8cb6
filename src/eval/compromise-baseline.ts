// Raw compromise as a baseline for eval and bench: the only module besides src/nlp/ allowed to import compromise.
import nlp from 'compromise';
import type { EntitySpan, EntityType } from './score-entities.js';

interface TermJson {
  text: string;
  tags?: string[];
  offset?: { start: number; length: number };
}
interface MatchJson {
  terms?: TermJson[];
}

/** The little of a compromise View this module needs. */
interface Listable {
  json(options: object): unknown;
}

const METHODS: readonly { type: EntityType; of: (doc: ReturnType<typeof nlp>) => Listable }[] = [
  { type: 'PER', of: (doc) => doc.people() },
  { type: 'ORG', of: (doc) => doc.organizations() },
  { type: 'LOC', of: (doc) => doc.places() },
];

const POSSESSIVE = /['’]s$/;

/**
 * What bare compromise finds: `.people()` → PER, `.organizations()` → ORG, `.places()` → LOC, with offsets in UTF-16
 * units (compromise indexes JavaScript strings). Each match spans its first term's start to its last term's end, from
 * the per-term offsets, so surrounding quotes and punctuation (which compromise's match-level offset may include) and
 * a trailing possessive 's on a term compromise tags Possessive are left out. That is generous to compromise: the
 * baseline is scored on what it recognises, not on span hygiene.
 */
export function compromiseEntitySpans(text: string): EntitySpan[] {
  const doc = nlp(text);
  const spans: EntitySpan[] = [];
  for (const { type, of } of METHODS) {
    const matches = of(doc).json({ offset: true, terms: { offset: true } }) as MatchJson[];
    for (const match of matches) {
      const terms = match.terms ?? [];
      const first = terms[0]?.offset;
      const lastTerm = terms[terms.length - 1];
      if (first === undefined || lastTerm?.offset === undefined) continue;
      let end = lastTerm.offset.start + lastTerm.offset.length;
      if (lastTerm.tags?.includes('Possessive') && POSSESSIVE.test(lastTerm.text)) end -= 2;
      if (end > first.start) spans.push({ start: first.start, end, type });
    }
  }
  return spans;
}

/**
 * The bench's reference workload: parse, then the three entity lists as plain strings, as a compromise user would.
 * Returns how many strings came out, so the work cannot be optimised away.
 */
export function compromiseBare(text: string): number {
  const doc = nlp(text);
  return (
    (doc.people().out('array') as string[]).length +
    (doc.places().out('array') as string[]).length +
    (doc.organizations().out('array') as string[]).length
  );
}
