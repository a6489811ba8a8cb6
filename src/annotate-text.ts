// The annotator: one article's text in, its annotation object out. Loads the vocabulary and compromise once per
// process (createAnnotator), then runs the fixed stages: front matter → parse → names → classify → entities → model.
// explain() gives the same annotation with the rule and the vocabulary entry behind every item (src/explain/).
import { createHash } from 'node:crypto';
import type {
  Annotation,
  ClaimAnnotation,
  EventAnnotation,
  Party,
  Span,
  StanceAnnotation,
} from './model/annotation.js';
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
import { VERSION } from './version.js';
import { loadModelsSync, NO_MODELS } from './learn/models.js';
import type { Models } from './learn/models.js';
import { explainRun, indexEntrySources } from './explain/explain-run.js';
import type { ArticleRun, EntrySources, Explanation } from './explain/explain-run.js';

export type {
  ClaimExplanation,
  EntityExplanation,
  EntrySource,
  EventExplanation,
  Explanation,
  MentionExplanation,
  ParticipantExplanation,
  StanceExplanation,
} from './explain/explain-run.js';

export interface AnnotatorOptions {
  /** A lexicon already loaded; by default the bundled lexicons/ are read. */
  lexicon?: Lexicon;
  /** Actors and event words added by the user (the config file's vocabulary). */
  vocabulary?: UserVocabulary;
  /** The file `vocabulary` was read from, as `explain` names it (default: annotate.config.yaml, the config file's
   *  usual name; the library does not load the config reader for it). */
  vocabularyFile?: string;
  /** The learned models: by default the bundled models/; NO_MODELS (`--no-model`, `model: false` in the config) for
   *  rules alone. */
  models?: Models;
  /** false: rules alone, without the bundled models (the library's `--no-model`); `models`, when given, wins. */
  model?: boolean;
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

/** A loaded annotator: reuse it for every text (loading is the slow part); its calls share no state. */
export interface Annotator {
  /** Annotates one article's text: the object an annotation file holds. Throws ArticleError on invalid front matter. */
  annotate(text: string, options?: AnnotateOptions): Annotation;
  /** The same annotation, with the rule and the vocabulary entry behind every item (for `annotate explain`). */
  explain(text: string, options?: AnnotateOptions): Explanation;
  readonly lexicon: Lexicon;
  readonly models: Models;
}

/** An article the annotator cannot read: invalid front matter. */
export class ArticleError extends Error {
  override name = 'ArticleError';
}

export { VERSION };

/** Loads the vocabulary, compromise and the learned models once (about a second), for any number of annotate calls. */
export function createAnnotator(options: AnnotatorOptions = {}): Annotator {
  const lexicon = options.lexicon ?? loadLexiconsSync();
  const vocabulary = options.vocabulary;
  const index = indexLexicon(lexicon, vocabulary);
  const parse = createParser(lexicon);
  const events = compileEventVocabulary(lexicon, vocabulary, { verbForms, nounForms });
  const claimCues = { vocabulary: compileClaimVocabulary(lexicon, { verbForms, nounForms }), groups: groupNouns(lexicon) };
  const stanceCues = { vocabulary: compileStanceVocabulary(lexicon, { verbForms, nounForms }), receiveVerbs: events.receive };
  const models = options.models ?? (options.model === false ? NO_MODELS : loadModelsSync());
  const claimsContext = { ...claimCues, model: models.get('claims') };
  const vocabularyHash = vocabulary ? hashVocabulary(vocabulary) : '';
  // <lexicons>[/<models>][+<config>]: files made with other weights, or with rules alone, differ.
  const bundled = models.hash ? `${lexicon.hash}/${models.hash}` : lexicon.hash;
  const lexiconHash = vocabularyHash ? `${bundled}+${vocabularyHash}` : bundled;

  const run = (text: string, opts: AnnotateOptions = {}): ArticleRun => {
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
    const sports = isSportsReport(words(parsed));
    const anchor = date ?? opts.date ?? null;
    const namesModel = models.get('names');
    const named = classifyNames(chunks, { index, sports, date: anchor, ...(namesModel ? { names: { model: namesModel, parsed, text } } : {}) });
    const agents = findAgents(parsed, named, index);
    const findings = [...named, ...agents.owned];
    const found = findEvents(parsed, findings, {
      vocabulary: events,
      agents: agents.pending,
      sports,
      anchor,
      findDates,
      text,
      countryName: (code) => index.countryByCode(code)?.name,
    });
    const claims = findClaims(parsed, findings, claimsContext);
    // Every mention, including those the events and claims stages made ("visited Tehran" → Iran, "Analysts").
    const mentions = [...findings, ...found.derived, ...claims.derived];
    const stances = findStances(parsed, mentions, found.events, { ...stanceCues, model: models.get('stances') });
    const toCodePoint = toCodePointOffsets(text);
    const entities = buildEntities(mentions, { text, toCodePoint });
    const span = (r: Range): Span => ({ text: text.slice(r.start, r.end), start: toCodePoint(r.start), end: toCodePoint(r.end) });
    const coded = toEvents(found.events, entities, events, text, toCodePoint);
    const stanceList = toStances(stances, entities, coded.idOf, span);
    const claimList = toClaims(claims.claims, entities, span);
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
      stances: stanceList.stances,
      claims: claimList.claims,
    };
    return { annotation, text, toCodePoint, parsed, mentions, entities, events: found.events, eventId: coded.idOf, stances: stanceList.from, claims: claimList.from };
  };

  // What explain needs beyond the annotation, made on its first call: annotate() never pays for it.
  let sources: EntrySources | undefined;
  const explain = (text: string, opts?: AnnotateOptions): Explanation => {
    sources ??= indexEntrySources({
      lexicon,
      vocabulary,
      vocabularyFile: options.vocabularyFile ?? 'annotate.config.yaml',
      index,
      events,
      claims: claimCues.vocabulary,
      stances: stanceCues.vocabulary,
    });
    return explainRun(run(text, opts), sources);
  };

  return { annotate: (text, opts) => run(text, opts).annotation, explain, lexicon, models };
}

function toEvents(
  found: EventFinding[],
  entities: Entities,
  vocabulary: EventVocabulary,
  text: string,
  toCodePoint: (n: number) => number,
): { events: EventAnnotation[]; idOf: Map<EventFinding, string> } {
  const idOf = new Map<EventFinding, string>();
  // Evidence elsewhere in the article can turn a finding into the other kind ("Deutsche Boerse" read as a place in
  // one sentence is an organization in the article): an event's parties are actors and its place a place, or nothing.
  const actorIds = new Set(entities.actors.map((a) => a.id));
  const placeIds = new Set(entities.places.map((p) => p.id));
  const ids = (list: EventFinding['source']): string[] => [...new Set(list.map((f) => entities.idOf(f)).filter((id): id is string => id !== undefined && actorIds.has(id)))];
  const placeId = (f: EventFinding['place']): string | null => {
    const id = f ? entities.idOf(f) : undefined;
    // (A name both lists hold, "The Godfather" a venue in one sentence and an actor in another, is no place.)
    return id !== undefined && placeIds.has(id) && !actorIds.has(id) ? id : null;
  };
  const out: EventAnnotation[] = [];
  for (const e of found) {
    const code = e.code;
    const root = vocabulary.codebook.get(code.slice(0, 2));
    const entry = vocabulary.codebook.get(code);
    if (!root || !entry || !root.quadClass) continue;
    const source = ids(e.source);
    const target = ids(e.target).filter((id) => !source.includes(id));
    const place = placeId(e.place);
    // An event needs a participant or a place (the events stage decided which events may have only a place).
    if (source.length === 0 && target.length === 0 && place === null) continue;
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
      place,
      date: e.date(),
      modality: e.modality,
    });
  }
  return { events: out, idOf };
}

/** The stances to write, and the finding behind each (for explain). */
function toStances(
  found: StanceFinding[],
  entities: Entities,
  eventId: Map<EventFinding, string>,
  span: (r: Range) => Span,
): { stances: StanceAnnotation[]; from: StanceFinding[] } {
  const actorId = (f: Finding | undefined): string | null => (f ? (entities.idOf(f) ?? null) : null);
  const eventOf = (e: EventFinding | undefined): string | null => (e ? (eventId.get(e) ?? null) : null);
  const out: StanceAnnotation[] = [];
  const from: StanceFinding[] = [];
  const seen = new Set<string>();
  for (const f of [...found].sort((a, b) => a.cue.start - b.cue.start || a.target.start - b.target.start)) {
    const holder = f.holder ? { actor: actorId(f.holder.actor), ...span(f.holder) } : null;
    // An event-derived stance needs both its actors in the file.
    if (f.via === 'event' && (!holder?.actor || !actorId(f.target.actor))) continue;
    const key = `${f.cue.start}:${f.holder?.start}:${f.target.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    from.push(f);
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
  return { stances: out, from };
}

/** Plural nouns that name a speaking group without a country: the claims lexicon's groups and the lower-case group
 *  titles ("officials", "diplomats") that make an actor when a country owns them. */
function groupNouns(lexicon: Lexicon): Set<string> {
  return new Set([...lexicon.claims.groups, ...lexicon.titles.map((t) => t.title).filter((t) => /^\p{Ll}+$/u.test(t))]);
}

/** The claims to write, and the finding behind each (for explain). */
function toClaims(found: ClaimFinding[], entities: Entities, span: (r: Range) => Span): { claims: ClaimAnnotation[]; from: ClaimFinding[] } {
  const party = (p: ClaimFinding['source']): Party | null => (p ? { actor: p.actor ? (entities.idOf(p.actor) ?? null) : null, ...span(p) } : null);
  const first = (c: ClaimFinding): number => Math.min(c.cue.start, c.content.start, c.source?.start ?? Infinity);
  const from = [...found].sort((a, b) => first(a) - first(b) || a.cue.start - b.cue.start);
  const claims = from.map(
    (c, n): ClaimAnnotation => ({
      id: `c${n + 1}`,
      source: party(c.source),
      cue: span(c.cue),
      content: span(c.content),
      continues: c.continues.map(span),
      certainty: c.hedgingCue || c.hedges.length > 0 ? 'hedged' : 'asserted',
      hedges: c.hedges,
      sentence: c.sentence,
    }),
  );
  return { claims, from };
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
