// Gathers the annotation files of a corpus into what the report shows: actors, places, event categories, stances,
// event dyads and dated events, each with the articles behind it. Pure: parsed annotations in, counts out. Both the
// terminal summary and the HTML report read this one model, so they never disagree.
import type { ActorType, Annotation, Polarity, QuadClass } from '../model/annotation.js';
import type { PageActor } from './page-data.js';

/** One annotation of the corpus, and its article's text when it could be read and is the text that was annotated. */
export interface CorpusDocument {
  annotation: Annotation;
  /** The annotation file, relative to the working directory (POSIX). */
  annotationFile: string;
  text: string | null;
  /** Why the text is missing, or null. */
  notice: string | null;
}

/** An actor of the corpus: the actors of every file that share an id, named as most files name it, ordered by mentions.
 *  The page embeds these as they are. */
export type CorpusActor = PageActor;

export interface CorpusPlace {
  id: string;
  name: string;
  type: string;
  country: string | null;
  mentions: number;
  articles: number[];
}

export interface CategoryCount {
  /** The CAMEO root: two digits. */
  root: string;
  category: string;
  quadClass: QuadClass;
  events: number;
  articles: number[];
}

/** Why stances are left out of the stance counts, said beside them. */
export function describeLeftOut(totals: Corpus['totals']): string | null {
  const parts = [
    totals.unattributedStances > 0 ? `${totals.unattributedStances} without a known holder` : '',
    totals.pronounTargets > 0 ? `${totals.pronounTargets} whose target is only a pronoun` : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  const n = totals.unattributedStances + totals.pronounTargets;
  return `${n} stance${n === 1 ? '' : 's'} (${parts.join(', ')}) ${n === 1 ? 'is' : 'are'} left out.`;
}

/** A side of a stance: a corpus actor, or (a target the text names without an actor) its words. */
export type StanceSide = { actor: number } | { text: string };

export interface StanceCount {
  holder: StanceSide;
  target: StanceSide;
  polarity: Polarity;
  count: number;
  articles: number[];
}

/** Events from one actor to another, of one quad class. */
export interface Dyad {
  source: number;
  target: number;
  quadClass: QuadClass;
  count: number;
  articles: number[];
}

/** A date that events happened on: the event's own date, or else its article's (GDELT's convention). */
export interface DatedEvent {
  date: string;
  quadClass: QuadClass;
  article: number;
  /** True when the date is the article's, not one the text gives for the event. */
  fromArticle: boolean;
}

export interface Corpus {
  documents: CorpusDocument[];
  /** Ordered by mentions, then articles, then name. */
  actors: CorpusActor[];
  places: CorpusPlace[];
  /** Ordered by events, then root. */
  categories: CategoryCount[];
  /** Ordered by count, then holder, polarity and target. */
  stances: StanceCount[];
  dyads: Dyad[];
  dated: DatedEvent[];
  totals: {
    articles: number;
    actors: number;
    places: number;
    events: number;
    stances: number;
    claims: number;
    undatedEvents: number;
    /** Stances left out of the stance counts: no known holder, or a target that is only a pronoun ("backed it"). */
    unattributedStances: number;
    pronounTargets: number;
  };
}

export function collectCorpus(documents: readonly CorpusDocument[]): Corpus {
  const actors = new Tally<CorpusActor & { names: Map<string, number>; types: Map<ActorType, number> }>();
  const places = new Tally<CorpusPlace>();
  const categories = new Tally<CategoryCount>();
  const stances = new Tally<StanceCount>();
  const dyads = new Tally<Dyad>();
  const dated: DatedEvent[] = [];
  let events = 0;
  let stanceTotal = 0;
  let claims = 0;
  let undatedEvents = 0;
  let unattributedStances = 0;
  let pronounTargets = 0;
  // Targets named only by words are one target whatever their case and spacing; they read as first written.
  const targetForms = new Map<string, string>();
  const targetWords = (text: string): string => {
    const words = text.replace(/\s+/g, ' ');
    const key = words.toLowerCase();
    if (!targetForms.has(key)) targetForms.set(key, words);
    return targetForms.get(key) as string;
  };

  // First pass: corpus actors, so that later counts can refer to them by index.
  documents.forEach(({ annotation }, article) => {
    for (const a of annotation.actors) {
      const actor = actors.get(a.id, () => ({ id: a.id, name: a.name, type: a.type, codes: [], mentions: 0, articles: [], names: new Map(), types: new Map() }));
      actor.mentions += a.mentions.length;
      addArticle(actor.articles, article);
      if (a.code !== null && !actor.codes.includes(a.code)) actor.codes.push(a.code);
      actor.names.set(a.name, (actor.names.get(a.name) ?? 0) + 1);
      actor.types.set(a.type, (actor.types.get(a.type) ?? 0) + 1);
    }
  });
  const actorList = actors.values().map(({ names, types, ...actor }) => ({ ...actor, name: mostCommon(names), type: mostCommon(types), codes: actor.codes.sort() }));
  actorList.sort((a, b) => b.mentions - a.mentions || b.articles.length - a.articles.length || compareText(a.name, b.name) || compareText(a.id, b.id));
  const actorIndex = new Map(actorList.map((a, i) => [a.id, i]));
  // Every id an event or stance names is one of its file's actors (run-report checks it on reading).
  const indexOf = (id: string): number => actorIndex.get(id) as number;

  documents.forEach(({ annotation }, article) => {
    for (const p of annotation.places) {
      const place = places.get(p.id, () => ({ id: p.id, name: p.name, type: p.type, country: p.country, mentions: 0, articles: [] }));
      place.mentions += p.mentions.length;
      addArticle(place.articles, article);
    }
    const targetEvents = new Map(annotation.events.map((e) => [e.id, e]));
    for (const e of annotation.events) {
      events++;
      const root = e.code.slice(0, 2);
      const category = categories.get(root, () => ({ root, category: e.category, quadClass: e.quadClass, events: 0, articles: [] }));
      category.events++;
      addArticle(category.articles, article);
      for (const s of e.source) {
        for (const t of e.target) {
          if (s === t) continue;
          const source = indexOf(s);
          const target = indexOf(t);
          const dyad = dyads.get(`${source} ${target} ${e.quadClass}`, () => ({ source, target, quadClass: e.quadClass, count: 0, articles: [] }));
          dyad.count++;
          addArticle(dyad.articles, article);
        }
      }
      const date = e.date ?? annotation.source.date;
      if (date === null) undatedEvents++;
      else dated.push({ date, quadClass: e.quadClass, article, fromArticle: e.date === null });
    }
    for (const st of annotation.stances) {
      stanceTotal++;
      if (st.holder?.actor == null) {
        unattributedStances++;
        continue;
      }
      const holder = { actor: indexOf(st.holder.actor) };
      // A target without an actor of its own stands for the actors its event is done to, when it has one.
      const eventTarget = st.target.event === null ? undefined : targetEvents.get(st.target.event)?.target[0];
      const targetActor = st.target.actor ?? eventTarget ?? null;
      if (targetActor === null && PRONOUN.test(st.target.text)) {
        pronounTargets++;
        continue;
      }
      const target: StanceSide = targetActor !== null ? { actor: indexOf(targetActor) } : { text: targetWords(st.target.text) };
      const key = `${sideKey(holder)}\n${st.polarity}\n${sideKey(target)}`;
      const stance = stances.get(key, () => ({ holder, target, polarity: st.polarity, count: 0, articles: [] }));
      stance.count++;
      addArticle(stance.articles, article);
    }
    claims += annotation.claims.length;
  });

  const placeList = places.values().sort((a, b) => b.mentions - a.mentions || b.articles.length - a.articles.length || compareText(a.name, b.name) || compareText(a.id, b.id));
  const categoryList = categories.values().sort((a, b) => b.events - a.events || compareText(a.root, b.root));
  const label = (side: StanceSide): string => ('actor' in side ? (actorList[side.actor]?.name ?? '') : side.text);
  const stanceList = stances
    .values()
    .sort((a, b) => b.count - a.count || compareText(label(a.holder), label(b.holder)) || compareText(a.polarity, b.polarity) || compareText(label(a.target), label(b.target)));
  const dyadList = dyads.values().sort((a, b) => b.count - a.count || a.source - b.source || a.target - b.target || compareText(a.quadClass, b.quadClass));
  dated.sort((a, b) => compareText(a.date, b.date) || a.article - b.article);
  return {
    documents: [...documents],
    actors: actorList,
    places: placeList,
    categories: categoryList,
    stances: stanceList,
    dyads: dyadList,
    dated,
    totals: { articles: documents.length, actors: actorList.length, places: placeList.length, events, stances: stanceTotal, claims, undatedEvents, unattributedStances, pronounTargets },
  };
}

/** How a stance side reads to people: an actor's name, or its words in quotation marks. */
export function describeSide(corpus: Pick<Corpus, 'actors'>, side: StanceSide): string {
  return 'actor' in side ? (corpus.actors[side.actor]?.name ?? '?') : `“${side.text}”`;
}

/** A target that names nothing without coreference, which annotate does not do. */
const PRONOUN = /^(?:it|its|this|that|these|those|they|them|he|him|she|her|which|what|one)$/i;

function sideKey(side: StanceSide): string {
  return 'actor' in side ? `a${side.actor}` : `t${side.text}`;
}



/** Documents are visited in order, so an article is new exactly when it differs from the last one added. */
function addArticle(articles: number[], article: number): void {
  if (articles[articles.length - 1] !== article) articles.push(article);
}

function mostCommon<T extends string>(counts: Map<T, number>): T {
  let best: T | undefined;
  let bestCount = 0;
  // Map order is first-seen order, so a tie goes to the value seen first.
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best as T;
}

/** Locale-independent, so the order is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A map that makes each entry on first use, keeping first-seen order. */
class Tally<T> {
  private readonly entries = new Map<string, T>();
  get(key: string, make: () => T): T {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = make();
      this.entries.set(key, entry);
    }
    return entry;
  }
  values(): T[] {
    return [...this.entries.values()];
  }
}
