// The one place that decides the order of every list and the form of every id, so output is the same bytes for the
// same input whatever the order of work.
import type { Mention } from './annotation.js';

interface WithMentions {
  id: string;
  mentions: Mention[];
}

export function compareMentions(a: Mention, b: Mention): number {
  return a.start - b.start || a.end - b.end;
}

/** Lists are sorted by first offset, then by id (DESIGN.md). */
export function compareByFirstMention(a: WithMentions, b: WithMentions): number {
  const sa = a.mentions[0]?.start ?? 0;
  const sb = b.mentions[0]?.start ?? 0;
  return sa - sb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A stable slug of a canonical name: lower-case ASCII letters and digits joined by hyphens. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug !== '') return slug;
  // Names in other scripts: a slug from their code points keeps ids stable and valid.
  return 'u' + [...name].map((c) => c.codePointAt(0)!.toString(16)).join('-');
}

/** Sorts the entities and makes ids unique within the list by suffixing -2, -3 … in list order. */
export function uniqueIds<T extends WithMentions>(items: T[]): T[] {
  const sorted = [...items].sort(compareByFirstMention);
  const used = new Map<string, number>();
  for (const item of sorted) {
    const n = (used.get(item.id) ?? 0) + 1;
    used.set(item.id, n);
    if (n > 1) item.id = `${item.id}-${n}`;
  }
  return sorted;
}
