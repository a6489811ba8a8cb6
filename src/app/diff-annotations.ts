// What changed between an annotation file on disk and the one annotate would write now, in words a reviewer reads:
// which actors, places, events, stances and claims appeared, vanished or changed, and why (the article changed, a
// new lexicon). `--check --verbose` prints it instead of a wall of YAML. Pure: parsed data in, a summary out.
import type { Annotation } from '../model/annotation.js';

export type ItemKind = 'actor' | 'place' | 'event' | 'stance' | 'claim';

export interface AnnotationChange {
  kind: ItemKind;
  change: 'added' | 'removed' | 'changed';
  /** The item in a few words: `Pakistan (PAK)`, `190 "airstrikes" at 312`. */
  label: string;
  /** For a changed item: what about it, e.g. `3 → 4 mentions`. */
  detail?: string;
}

export interface AnnotationDiff {
  /** Why the files differ beyond their items: the article, the annotator version, the lexicon, the schema. */
  causes: string[];
  changes: AnnotationChange[];
}

type Loose = Record<string, unknown>;

/** Compares a parsed file (anything: it may be hand-edited or not an annotation at all) with the fresh annotation. */
export function diffAnnotations(before: unknown, after: Annotation): AnnotationDiff {
  if (!isRecord(before) || !isRecord(before.source) || !isRecord(before.annotator)) {
    return { causes: ['the file is not an annotation annotate can read'], changes: [] };
  }
  const causes: string[] = [];
  if (before.schemaVersion !== after.schemaVersion) causes.push(`schema version ${String(before.schemaVersion)} → ${after.schemaVersion}`);
  if (before.source.sha256 !== after.source.sha256) causes.push('the article changed');
  if (before.annotator.version !== after.annotator.version) causes.push(`made by annotate ${String(before.annotator.version)}, now ${after.annotator.version}`);
  if (before.annotator.lexicon !== after.annotator.lexicon) causes.push(`made with vocabulary ${String(before.annotator.lexicon)}, now ${after.annotator.lexicon}`);
  for (const key of ['path', 'title', 'date'] as const) {
    if (before.source[key] !== after.source[key]) causes.push(`source.${key} ${show(before.source[key])} → ${show(after.source[key])}`);
  }
  // Items are matched by what they say, not where: text added above them moves their offsets, not their meaning.
  const changes = [
    ...diffList('actor', before.actors, after.actors, (a) => `${str(a.name)}|${str(a.code)}`, actorLabel, mentionsDetail),
    ...diffList('place', before.places, after.places, (p) => `${str(p.name)}|${str(p.country)}`, (p) => str(p.name), mentionsDetail),
    ...diffList('event', before.events, after.events, (e) => `${str(e.code)}|${spanText(e.trigger)}|${list(e.source)}|${list(e.target)}`, eventLabel, eventDetail),
    ...diffList('stance', before.stances, after.stances, (s) => `${partyText(s.holder)}|${str(s.polarity)}|${spanText(s.target)}|${spanText(s.cue)}`, stanceLabel, (s) => `via ${str(s.via)}`),
    ...diffList('claim', before.claims, after.claims, (c) => `${partyText(c.source)}|${spanText(c.cue)}|${spanText(c.content)}`, claimLabel, (c) => `${str(c.certainty)}${Array.isArray(c.hedges) && c.hedges.length > 0 ? ` (${list(c.hedges)})` : ''}`),
  ];
  return { causes, changes };
}

/** One line: `the article changed; +1 actor, −2 events, 1 claim changed`. */
export function summarizeDiff(diff: AnnotationDiff): string {
  const counts = new Map<string, number>();
  for (const c of diff.changes) counts.set(`${c.change}:${c.kind}`, (counts.get(`${c.change}:${c.kind}`) ?? 0) + 1);
  const parts: string[] = [];
  for (const [change, sign] of [['added', '+'], ['removed', '−'], ['changed', '']] as const) {
    for (const kind of KINDS) {
      const n = counts.get(`${change}:${kind}`);
      if (n === undefined) continue;
      const noun = `${kind}${n === 1 ? '' : 's'}`;
      parts.push(change === 'changed' ? `${n} ${noun} changed` : `${sign}${n} ${noun}`);
    }
  }
  const all = [...diff.causes, ...(parts.length > 0 ? [parts.join(', ')] : [])];
  return all.length > 0 ? all.join('; ') : 'the same content, written differently';
}

/** The changes one per line (`+ actor Pakistan (PAK)`), at most `limit` of them and a line saying how many more. */
export function describeChanges(diff: AnnotationDiff, limit = 12): string[] {
  const lines = diff.changes.slice(0, limit).map((c) => `${c.change === 'added' ? '+' : c.change === 'removed' ? '−' : '~'} ${c.kind} ${c.label}${c.detail ? `: ${c.detail}` : ''}`);
  if (diff.changes.length > limit) lines.push(`… and ${diff.changes.length - limit} more`);
  return lines;
}

const KINDS: readonly ItemKind[] = ['actor', 'place', 'event', 'stance', 'claim'];

/** Items matched by `key` (the n-th of equal keys with the n-th); a matched pair is changed when its `detail`
 *  differs: what a reader cares about, not the offsets. */
function diffList(kind: ItemKind, before: unknown, after: readonly object[], key: (x: Loose) => string, label: (x: Loose) => string, detail: (x: Loose) => string): AnnotationChange[] {
  const keyed = (items: readonly unknown[]): Map<string, Loose> => {
    const seen = new Map<string, number>();
    const out = new Map<string, Loose>();
    for (const item of items) {
      if (!isRecord(item)) continue;
      const k = key(item);
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      out.set(`${k}#${n}`, item);
    }
    return out;
  };
  const old = keyed(Array.isArray(before) ? before : []);
  const now = keyed(after);
  const out: AnnotationChange[] = [];
  for (const [k, item] of now) {
    const was = old.get(k);
    if (was === undefined) out.push({ kind, change: 'added', label: label(item) });
    else if (detail(was) !== detail(item)) out.push({ kind, change: 'changed', label: label(item), detail: `${detail(was)} → ${detail(item)}` });
  }
  for (const [k, item] of old) if (!now.has(k)) out.push({ kind, change: 'removed', label: label(item) });
  return out;
}

function actorLabel(a: Loose): string {
  return a.code ? `${str(a.name)} (${str(a.code)})` : str(a.name);
}

function eventLabel(e: Loose): string {
  return `${str(e.code)} "${spanText(e.trigger)}" at ${spanStart(e.trigger)}`;
}

function eventDetail(e: Loose): string {
  return `place ${str(e.place) || '–'}, date ${str(e.date) || '–'}, ${str(e.modality)}`;
}

/** How many mentions, and how they name the entity: `3 mentions (name, demonym)`. */
function mentionsDetail(x: Loose): string {
  const mentions = Array.isArray(x.mentions) ? x.mentions.filter(isRecord) : [];
  const via = [...new Set(mentions.map((m) => str(m.via)))].sort();
  return `${mentions.length} mention${mentions.length === 1 ? '' : 's'} (${via.join(', ')}), ${str(x.type)}`;
}

function stanceLabel(s: Loose): string {
  return `${partyText(s.holder)} ${str(s.polarity)} "${spanText(s.target)}"`;
}

function claimLabel(c: Loose): string {
  return `${partyText(c.source)} ${spanText(c.cue)}: "${shorten(spanText(c.content), 48)}"`;
}

function partyText(p: unknown): string {
  return isRecord(p) ? shorten(str(p.text), 32) : '(no one named)';
}

function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function spanText(s: unknown): string {
  return isRecord(s) ? str(s.text) : '?';
}

function spanStart(s: unknown): string {
  return isRecord(s) ? str(s.start) : '?';
}

function list(x: unknown): string {
  return Array.isArray(x) && x.length > 0 ? x.map(str).join('+') : '–';
}

function str(x: unknown): string {
  return x === null || x === undefined ? '' : typeof x === 'string' ? x : JSON.stringify(x);
}

function show(x: unknown): string {
  return x === null || x === undefined ? 'none' : JSON.stringify(x);
}

function isRecord(x: unknown): x is Loose {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
