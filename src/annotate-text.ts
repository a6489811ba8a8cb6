// The annotator: one article's text in, its annotation object out. Loads the vocabulary and compromise once per
// process (createAnnotator), then runs the fixed stages: front matter → parse → names → classify → entities → model.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Annotation, ClaimAnnotation, EventAnnotation, Party, Span, StanceAnnotation } from './model/annotation.js';
import { SCHEMA_VERSION } from './model/annotation.js';
import type { Lexicon, UserVocabulary } from './lexicon/lexicon.js';
import { loadLexiconsSync } from './lexicon/load-lexicons.js';
import { indexLexicon } from './lexicon/index-lexicon.js';
import { hashVocabulary } from './lexicon/hash-vocabulary.js';
import { createParser, findDates, nounForms, verbForms } from './nlp/create-nlp.js';
import type { ParsedText } from './nlp/create-nlp.js';
import { findNames } from './extract/find-names.js';
import { classifyNames, isSportsReport } from './extract/classify-names.js';
import type { Finding } from './extract/classify-names.js';
import { buildEntities } from './extract/build-entities.js';
import type { Entities } from './extract/build-entities.js';
import { findAgents } from './extract/find-agents.js';
import { compileEventVocabulary } from './extract/event-vocabulary.js';
import type { EventVocabulary } from './extract/event-vocabulary.js';
import { findEvents } from './extract/find-events.js';
import { compileClaimVocabulary, compileStanceVocabulary } from './extract/cue-vocabulary.js';
import { findStances } from './extract/find-stances.js';
import type { StanceFinding } from './extract/find-stances.js';
import { findClaims } from './extract/find-claims.js';
import type { ClaimFinding, Range } from './extract/find-claims.js';
import type { EventFinding } from './extract/find-events.js';
import { readFrontMatter } from './text/front-matter.js';
import { countCodePoints, toCodePointOffsets } from './text/code-points.js';

export interface AnnotatorOptions {
  /** A lexicon already loaded; by default the bundled lexicons/ are read. */
  lexicon?: Lexicon;
  /** Actors and event words added by the user (the config file's vocabulary). */
  vocabulary?: UserVocabulary;
}

export interface AnnotateOptions {
  /** POSIX path written into source.path ('-' for stdin). */
  path?: string;
  /** Anchor date (YYYY-MM-DD) when the article's front matter has none. */
  date?: string | null;
  /** The bytes the text was decoded from, for source.sha256 (default: the text's UTF-8). */
  bytes?: Uint8Array;
  /** Read YAML front matter (default: when path ends in .md). */
  frontMatter?: boolean;
}

export interface Annotator {
  annotate(text: string, options?: AnnotateOptions): Annotation;
  /** The same, with the rule that made each mention (for `annotate explain`). */
  explain(text: string, options?: AnnotateOptions): { annotation: Annotation; findings: Finding[] };
  readonly lexicon: Lexicon;
}

/** An article the annotator cannot read: invalid front matter. */
export class ArticleError extends Error {
  override name = 'ArticleError';
}

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function createAnnotator(options: AnnotatorOptions = {}): Annotator {
  const lexicon = options.lexicon ?? loadLexiconsSync();
  const vocabulary = options.vocabulary;
  const index = indexLexicon(lexicon, vocabulary);
  const parse = createParser(lexicon);
  const events = compileEventVocabulary(lexicon, vocabulary, { verbForms, nounForms });
  const claimCues = { vocabulary: compileClaimVocabulary(lexicon, { verbForms, nounForms }), groups: groupNouns(lexicon) };
  const stanceCues = { vocabulary: compileStanceVocabulary(lexicon, { verbForms, nounForms }), receiveVerbs: events.receive };
  const vocabularyHash = vocabulary ? hashVocabulary(vocabulary) : '';
  const lexiconHash = vocabularyHash ? `${lexicon.hash}+${vocabularyHash}` : lexicon.hash;

  const explain = (text: string, opts: AnnotateOptions = {}): { annotation: Annotation; findings: Finding[] } => {
    const path = opts.path ?? '-';
    const readMatter = opts.frontMatter ?? path.toLowerCase().endsWith('.md');
    let title: string | null = null;
    let date: string | null = null;
    let bodyStart = 0;
    if (readMatter) {
      const fm = readFrontMatter(text);
      if (!fm.ok) throw new ArticleError(fm.reason);
      ({ title, date, bodyStart } = fm.value);
    }
    const bytes = opts.bytes ?? Buffer.from(text, 'utf8');
    const parsed = parse(text.slice(bodyStart), bodyStart);
    const chunks = findNames(parsed, text, index);
    const named = classifyNames(chunks, { index, sports: isSportsReport(words(parsed)) });
    const findings = [...named, ...findAgents(parsed, named, index)];
    const anchor = date ?? opts.date ?? null;
    const found = findEvents(parsed, findings, {
      vocabulary: events,
      anchor,
      findDates,
      text,
      countryName: (code) => index.countryByCode(code)?.name,
    });
    const claims = findClaims(parsed, findings, claimCues);
    // Every mention, including those the events and claims stages made ("visited Tehran" → Iran, "Analysts").
    const mentions = [...findings, ...found.derived, ...claims.derived];
    const stances = findStances(parsed, mentions, found.events, stanceCues);
    const toCodePoint = toCodePointOffsets(text);
    const entities = buildEntities(mentions, { text, toCodePoint });
    const span = (r: Range): Span => ({ text: text.slice(r.start, r.end), start: toCodePoint(r.start), end: toCodePoint(r.end) });
    const coded = toEvents(found.events, entities, events, text, toCodePoint);
    const annotation: Annotation = {
      schemaVersion: SCHEMA_VERSION,
      source: {
        path,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        characters: countCodePoints(text),
        title,
        date: anchor,
      },
      annotator: { name: 'annotate', version: VERSION, lexicon: lexiconHash },
      actors: entities.actors,
      places: entities.places,
      events: coded.events,
      stances: toStances(stances, entities, coded.idOf, span),
      claims: toClaims(claims.claims, entities, span),
    };
    return { annotation, findings: entities.kept };
  };

  return { annotate: (text, opts) => explain(text, opts).annotation, explain, lexicon };
}

function toEvents(
  found: EventFinding[],
  entities: Entities,
  vocabulary: EventVocabulary,
  text: string,
  toCodePoint: (n: number) => number,
): { events: EventAnnotation[]; idOf: Map<EventFinding, string> } {
  const idOf = new Map<EventFinding, string>();
  const ids = (list: EventFinding['source']): string[] => [...new Set(list.map((f) => entities.idOf(f)).filter((id): id is string => id !== undefined))];
  const out: EventAnnotation[] = [];
  for (const e of found) {
    const code = e.pattern.entry.code;
    const root = vocabulary.codebook.get(code.slice(0, 2));
    const entry = vocabulary.codebook.get(code);
    if (!root || !entry || !root.quadClass) continue;
    const source = ids(e.source);
    const target = ids(e.target).filter((id) => !source.includes(id));
    if (source.length === 0 && target.length === 0) continue;
    const id = `e${out.length + 1}`;
    idOf.set(e, id);
    out.push({
      id,
      trigger: { text: text.slice(e.start, e.end), start: toCodePoint(e.start), end: toCodePoint(e.end) },
      sentence: e.sentence,
      code,
      category: root.name,
      quadClass: root.quadClass,
      goldstein: entry.goldstein,
      source,
      target,
      place: e.place ? (entities.idOf(e.place) ?? null) : null,
      date: e.date,
      modality: e.modality,
    });
  }
  return { events: out, idOf };
}

function toStances(found: StanceFinding[], entities: Entities, eventId: Map<EventFinding, string>, span: (r: Range) => Span): StanceAnnotation[] {
  const actorId = (f: Finding | undefined): string | null => (f ? (entities.idOf(f) ?? null) : null);
  const eventOf = (e: EventFinding | undefined): string | null => (e ? (eventId.get(e) ?? null) : null);
  const out: StanceAnnotation[] = [];
  const seen = new Set<string>();
  for (const f of [...found].sort((a, b) => a.cue.start - b.cue.start || a.target.start - b.target.start)) {
    const holder = f.holder ? { actor: actorId(f.holder.actor), ...span(f.holder) } : null;
    // An event-derived stance needs both its actors in the file.
    if (f.via === 'event' && (!holder?.actor || !actorId(f.target.actor))) continue;
    const key = `${f.cue.start}:${f.holder?.start}:${f.target.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      id: `s${out.length + 1}`,
      holder,
      target: { actor: actorId(f.target.actor), event: eventOf(f.target.event), ...span(f.target) },
      polarity: f.polarity,
      cue: span(f.cue),
      via: f.via,
      event: eventOf(f.event),
      sentence: f.sentence,
    });
  }
  return out;
}

/** Plural nouns that name a speaking group without a country: the claims lexicon's groups and the lower-case group
 *  titles ("officials", "diplomats") that make an actor when a country owns them. */
function groupNouns(lexicon: Lexicon): Set<string> {
  return new Set([...lexicon.claims.groups, ...lexicon.titles.map((t) => t.title).filter((t) => /^\p{Ll}+$/u.test(t))]);
}

function toClaims(found: ClaimFinding[], entities: Entities, span: (r: Range) => Span): ClaimAnnotation[] {
  const party = (p: ClaimFinding['source']): Party | null => (p ? { actor: p.actor ? (entities.idOf(p.actor) ?? null) : null, ...span(p) } : null);
  const first = (c: ClaimFinding): number => Math.min(c.cue.start, c.content.start, c.source?.start ?? Infinity);
  return [...found]
    .sort((a, b) => first(a) - first(b) || a.cue.start - b.cue.start)
    .map((c, n) => ({
      id: `c${n + 1}`,
      source: party(c.source),
      cue: span(c.cue),
      content: span(c.content),
      continues: c.continues.map(span),
      certainty: c.hedgingCue || c.hedges.length > 0 ? 'hedged' : 'asserted',
      hedges: c.hedges,
      sentence: c.sentence,
    }));
}

function* words(parsed: ParsedText): Iterable<string> {
  for (const sentence of parsed.sentences) for (const t of sentence) yield t.normal;
}

let shared: Annotator | undefined;

/** Annotates one article with the bundled vocabulary (created on first use, then reused). */
export function annotateText(text: string, options: AnnotateOptions = {}): Annotation {
  shared ??= createAnnotator();
  return shared.annotate(text, options);
}
