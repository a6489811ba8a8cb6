// The flat tables `annotate export` writes: one per kind of item, each a list of typed columns and a function from
// one annotation to its rows. The events table follows GDELT's event table where it applies (date, actor codes,
// event code, root, quad class, Goldstein, place), with our names, and like GDELT gives a compound actor one row per
// source × target pair. Column types are the ones DuckDB's read_csv infers from what we write (README, "Tables").
import type { Actor, Annotation, Party, Place, QuadClass, Span } from '../model/annotation.js';
import { QUAD_CLASSES } from '../model/annotation.js';

export const TABLE_NAMES = ['events', 'actors', 'mentions', 'places', 'stances', 'claims'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** SQL types as DuckDB names them. */
export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
}

/** A cell: null is an empty field. */
export type Cell = string | number | boolean | null;

export interface Table {
  name: TableName;
  /** What one row is: "one row per …". */
  row: string;
  columns: readonly Column[];
  /** The rows of one annotation, in the order of its items. */
  rows(annotation: Annotation): Iterable<Cell[]>;
}

const col = (name: string, type: ColumnType, description: string): Column => ({ name, type, description });

const ARTICLE: readonly Column[] = [
  col('article', 'VARCHAR', "the article's path (source.path)"),
  col('article_date', 'DATE', "the article's date (front matter or --date), empty if unknown"),
];
const article = (a: Annotation): Cell[] => [a.source.path, a.source.date];

/** An actor's columns under a prefix (source_, target_, holder_ …): id, name, type and code. */
const actorColumns = (prefix: string, role: string): Column[] => [
  col(`${prefix}id`, 'VARCHAR', `${role}: actor id in the article (empty when none)`),
  col(`${prefix}name`, 'VARCHAR', `${role}: the actor's name`),
  col(`${prefix}type`, 'VARCHAR', `${role}: person, organization, country or group`),
  col(`${prefix}code`, 'VARCHAR', `${role}: CAMEO actor code (PAK, IRNGOV), empty when none applies`),
];
const actorCells = (actor: Actor | undefined): Cell[] => (actor === undefined ? [null, null, null, null] : [actor.id, actor.name, actor.type, actor.code]);

const spanColumns = (prefix: string, what: string): Column[] => [
  col(`${prefix}start`, 'BIGINT', `${what}: start offset (code points)`),
  col(`${prefix}end`, 'BIGINT', `${what}: end offset (code points, exclusive)`),
];
const spanCells = (span: Span | null): Cell[] => (span === null ? [null, null] : [span.start, span.end]);

/** GDELT's QuadClass number: 1 verbal cooperation … 4 material conflict. */
const quadNumber = (quad: QuadClass): number => QUAD_CLASSES.indexOf(quad) + 1;

/** A float column always written with a decimal point, so that a reader infers a float whatever the values. */
const decimal = (n: number): string => (Number.isInteger(n) ? n.toFixed(1) : String(n));

function lookup<T extends { id: string }>(items: readonly T[]): (id: string | null) => T | undefined {
  const byId = new Map(items.map((item) => [item.id, item]));
  return (id) => (id === null ? undefined : byId.get(id));
}

const events: Table = {
  name: 'events',
  row: 'event and source × target pair (a compound actor gives one row per pair, as in GDELT)',
  columns: [
    ...ARTICLE,
    col('event_id', 'VARCHAR', 'event id in the article (e1, e2 …)'),
    col('event_date', 'DATE', 'the date the text gives the event, empty when none'),
    col('cameo_code', 'VARCHAR', 'CAMEO event code (040, 0231, 190): text, leading zero kept'),
    col('root', 'BIGINT', 'CAMEO root, 1–20 (GDELT EventRootCode as a number)'),
    col('category', 'VARCHAR', "the root's name (CONSULT, FIGHT …)"),
    col('quad_class', 'VARCHAR', 'verbal-cooperation, material-cooperation, verbal-conflict or material-conflict'),
    col('quad_class_id', 'BIGINT', "GDELT's QuadClass number, 1–4 in the same order"),
    col('goldstein', 'DOUBLE', 'Goldstein scale, −10 to 10'),
    col('modality', 'VARCHAR', 'asserted, negated, hypothetical, future or reported'),
    col('compound', 'BOOLEAN', 'true when the source or the target has several actors: the event spans several rows'),
    ...actorColumns('source_actor_', 'source'),
    ...actorColumns('target_actor_', 'target'),
    col('place_id', 'VARCHAR', 'place id in the article, empty when none'),
    col('place_name', 'VARCHAR', "the place's name"),
    col('place_type', 'VARCHAR', 'country, city, region, continent, water, facility or other'),
    col('place_country', 'VARCHAR', "ISO 3166-1 alpha-3 of the place's country"),
    col('trigger', 'VARCHAR', 'the words that report the event'),
    col('sentence', 'BIGINT', '0-based index of the sentence'),
    ...spanColumns('', 'trigger'),
  ],
  *rows(a) {
    const actor = lookup(a.actors);
    const place = lookup(a.places);
    for (const e of a.events) {
      const sources = e.source.length > 0 ? e.source : [null];
      const targets = e.target.length > 0 ? e.target : [null];
      const where = place(e.place);
      const head = [...article(a), e.id, e.date, e.code, Number(e.code.slice(0, 2)), e.category, e.quadClass, quadNumber(e.quadClass), decimal(e.goldstein), e.modality, sources.length * targets.length > 1];
      const tail = [where?.id ?? null, where?.name ?? null, where?.type ?? null, where?.country ?? null, e.trigger.text, e.sentence, ...spanCells(e.trigger)];
      for (const s of sources) for (const t of targets) yield [...head, ...actorCells(actor(s)), ...actorCells(actor(t)), ...tail];
    }
  },
};

/** Columns shared by the actors and places tables: how often and where first the entity is mentioned. */
const MENTION_COUNTS: readonly Column[] = [
  col('mentions', 'BIGINT', 'mentions in the article'),
  col('first_sentence', 'BIGINT', 'the sentence of the first mention'),
  col('first_start', 'BIGINT', 'the start offset of the first mention'),
];
const mentionCounts = (entity: Actor | Place): Cell[] => [entity.mentions.length, entity.mentions[0]?.sentence ?? null, entity.mentions[0]?.start ?? null];

const actors: Table = {
  name: 'actors',
  row: 'actor per article',
  columns: [...ARTICLE, ...actorColumns('actor_', 'the actor'), ...MENTION_COUNTS],
  *rows(a) {
    for (const actor of a.actors) yield [...article(a), ...actorCells(actor), ...mentionCounts(actor)];
  },
};

const places: Table = {
  name: 'places',
  row: 'place per article',
  columns: [
    ...ARTICLE,
    col('place_id', 'VARCHAR', 'place id in the article'),
    col('place_name', 'VARCHAR', "the place's name"),
    col('place_type', 'VARCHAR', 'country, city, region, continent, water, facility or other'),
    col('place_country', 'VARCHAR', "ISO 3166-1 alpha-3 of the place's country (its own for a country), empty if disputed or unknown"),
    ...MENTION_COUNTS,
  ],
  *rows(a) {
    for (const p of a.places) yield [...article(a), p.id, p.name, p.type, p.country, ...mentionCounts(p)];
  },
};

const mentions: Table = {
  name: 'mentions',
  row: 'mention of an actor or a place',
  columns: [
    ...ARTICLE,
    col('kind', 'VARCHAR', 'actor or place'),
    col('entity_id', 'VARCHAR', 'the actor or place id in the article'),
    col('entity_name', 'VARCHAR', "the actor's or place's name"),
    col('entity_type', 'VARCHAR', 'person, organization, country, group (actors); country, city, region … (places)'),
    col('actor_code', 'VARCHAR', "an actor's CAMEO code, empty for places and actors without one"),
    col('place_country', 'VARCHAR', "a place's country (ISO alpha-3), empty for actors"),
    col('text', 'VARCHAR', 'the words of the mention'),
    col('via', 'VARCHAR', 'how it names the entity: name, demonym, capital, alias or title'),
    col('sentence', 'BIGINT', '0-based index of the sentence'),
    ...spanColumns('', 'the mention'),
  ],
  *rows(a) {
    for (const actor of a.actors) {
      for (const m of actor.mentions) yield [...article(a), 'actor', actor.id, actor.name, actor.type, actor.code, null, m.text, m.via, m.sentence, m.start, m.end];
    }
    for (const p of a.places) {
      for (const m of p.mentions) yield [...article(a), 'place', p.id, p.name, p.type, null, p.country, m.text, m.via, m.sentence, m.start, m.end];
    }
  },
};

/** A holder's or source's columns: the words, then the actor they are when one is known. */
const partyColumns = (prefix: string, role: string): Column[] => [col(`${prefix}text`, 'VARCHAR', `${role}: the words that name it`), ...actorColumns(`${prefix}actor_`, role)];
const partyCells = (party: Party | null, actor: (id: string | null) => Actor | undefined): Cell[] => [party?.text ?? null, ...actorCells(actor(party?.actor ?? null))];

const stances: Table = {
  name: 'stances',
  row: "stance: a holder's position toward a target",
  columns: [
    ...ARTICLE,
    col('stance_id', 'VARCHAR', 'stance id in the article (s1, s2 …)'),
    col('polarity', 'VARCHAR', 'support, oppose or neutral'),
    col('via', 'VARCHAR', 'what it rests on: verb, noun, position or event'),
    ...partyColumns('holder_', 'the holder'),
    col('target_text', 'VARCHAR', 'the words of the target'),
    ...actorColumns('target_actor_', 'the target'),
    col('target_event_id', 'VARCHAR', 'the event the stance is about, when it is one'),
    col('cue', 'VARCHAR', 'the words that express the position'),
    col('event_id', 'VARCHAR', 'the event that reports the same act or implies the stance'),
    col('sentence', 'BIGINT', '0-based index of the sentence'),
    ...spanColumns('cue_', 'the cue'),
    ...spanColumns('holder_', 'the holder'),
    ...spanColumns('target_', 'the target'),
  ],
  *rows(a) {
    const actor = lookup(a.actors);
    for (const s of a.stances) {
      yield [
        ...article(a), s.id, s.polarity, s.via, ...partyCells(s.holder, actor),
        s.target.text, ...actorCells(actor(s.target.actor)), s.target.event, s.cue.text, s.event, s.sentence,
        ...spanCells(s.cue), ...spanCells(s.holder), ...spanCells(s.target),
      ];
    }
  },
};

const claims: Table = {
  name: 'claims',
  row: 'claim: a reported statement',
  columns: [
    ...ARTICLE,
    col('claim_id', 'VARCHAR', 'claim id in the article (c1, c2 …)'),
    ...partyColumns('source_', 'the source'),
    col('cue', 'VARCHAR', 'the reporting words (said, according to …)'),
    col('content', 'VARCHAR', 'what is said (for a split quotation, its first part)'),
    col('continues', 'VARCHAR', "a split quotation's further parts, joined by |"),
    col('certainty', 'VARCHAR', 'asserted or hedged'),
    col('hedges', 'VARCHAR', 'hedge words besides the cue, lower-cased, joined by |'),
    col('sentence', 'BIGINT', '0-based index of the sentence'),
    ...spanColumns('cue_', 'the cue'),
    ...spanColumns('content_', 'the content'),
    ...spanColumns('source_', 'the source'),
  ],
  *rows(a) {
    const actor = lookup(a.actors);
    for (const c of a.claims) {
      yield [
        ...article(a), c.id, ...partyCells(c.source, actor), c.cue.text, c.content.text,
        c.continues.length > 0 ? c.continues.map((part) => part.text).join('|') : null, c.certainty,
        c.hedges.length > 0 ? c.hedges.join('|') : null, c.sentence,
        ...spanCells(c.cue), ...spanCells(c.content), ...spanCells(c.source),
      ];
    }
  },
};

export const TABLES: Record<TableName, Table> = { events, actors, mentions, places, stances, claims };
