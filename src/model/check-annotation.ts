// What the JSON Schema cannot say about an annotation: that every id an item names is in the file, and that every
// span's offsets hold its words in the article. annotate report checks files with it before trusting them; the tests
// check every document annotate makes with it. Pure.
import { toUtf16Offsets } from '../text/code-points.js';
import type { Annotation, Span } from './annotation.js';

/** The first actor, place or event id an item names that the file does not list, described; null when none. */
export function findBrokenReference(a: Annotation): string | null {
  const actors = new Set(a.actors.map((x) => x.id));
  const places = new Set(a.places.map((x) => x.id));
  const events = new Set(a.events.map((x) => x.id));
  for (const e of a.events) {
    for (const id of [...e.source, ...e.target]) if (!actors.has(id)) return `event ${e.id} names actor "${id}", which is not among its actors`;
    if (e.place !== null && !places.has(e.place)) return `event ${e.id} names place "${e.place}", which is not among its places`;
  }
  for (const s of a.stances) {
    for (const id of [s.holder?.actor ?? null, s.target.actor]) if (id !== null && !actors.has(id)) return `stance ${s.id} names actor "${id}", which is not among its actors`;
    for (const id of [s.event, s.target.event]) if (id !== null && !events.has(id)) return `stance ${s.id} names event "${id}", which is not among its events`;
  }
  for (const c of a.claims) {
    const id = c.source?.actor ?? null;
    if (id !== null && !actors.has(id)) return `claim ${c.id} names actor "${id}", which is not among its actors`;
  }
  return null;
}

/** A span of the annotation, with what it is ("stance s1's cue") and whether it is a stance's or claim's part. */
export interface LabelledSpan {
  what: string;
  span: Span;
  of: 'mention' | 'event' | 'stance' | 'claim';
}

/** Every span of the annotation, in the order of its lists. */
export function spansOf(a: Annotation): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (const x of [...a.actors, ...a.places]) for (const span of x.mentions) out.push({ what: `mention of ${x.name}`, span, of: 'mention' });
  for (const e of a.events) out.push({ what: `event ${e.id}'s trigger`, span: e.trigger, of: 'event' });
  for (const s of a.stances) {
    out.push({ what: `stance ${s.id}'s cue`, span: s.cue, of: 'stance' }, { what: `stance ${s.id}'s target`, span: s.target, of: 'stance' });
    if (s.holder) out.push({ what: `stance ${s.id}'s holder`, span: s.holder, of: 'stance' });
  }
  for (const c of a.claims) {
    out.push({ what: `claim ${c.id}'s cue`, span: c.cue, of: 'claim' });
    for (const span of [c.content, ...c.continues]) out.push({ what: `claim ${c.id}'s content`, span, of: 'claim' });
    if (c.source) out.push({ what: `claim ${c.id}'s source`, span: c.source, of: 'claim' });
  }
  return out;
}

/** The first span whose offsets do not hold its words in `text`, described; null when all do. */
export function findMisplacedSpan(a: Annotation, text: string): string | null {
  const toUtf16 = toUtf16Offsets(text);
  for (const { what, span } of spansOf(a)) {
    let words: string;
    try {
      words = text.slice(toUtf16(span.start), toUtf16(span.end));
    } catch {
      return `${what} (${span.start}–${span.end}) is outside the text`;
    }
    if (words !== span.text) return `${what} says "${span.text}" but ${span.start}–${span.end} holds "${words}"`;
  }
  return null;
}
