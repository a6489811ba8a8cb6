// The annotation file's contract (schema version 1): the TypeScript types every stage produces, and the JSON Schema
// that `annotate schema` prints and the tests validate every output against. Change both together.

export const SCHEMA_VERSION = 1 as const;

/** How a mention names its entity. */
export type MentionVia = 'name' | 'demonym' | 'capital' | 'alias' | 'title';

export type ActorType = 'person' | 'organization' | 'country' | 'group';

export type PlaceType = 'country' | 'city' | 'region' | 'continent' | 'water' | 'facility' | 'other';

/** A piece of the article: `text` equals the article's code points `[start, end)`. */
export interface Span {
  text: string;
  /** 0-based offset in Unicode code points of the text as read (after a UTF-8 BOM is removed). */
  start: number;
  /** End-exclusive offset in code points. */
  end: number;
}

export interface Mention extends Span {
  /** 0-based index of the sentence that holds the mention. */
  sentence: number;
  via: MentionVia;
}

export interface Actor {
  /** Stable slug of the canonical name, unique in the file. */
  id: string;
  name: string;
  type: ActorType;
  /** CAMEO-style code: ISO 3166-1 alpha-3 plus an optional sector (PAKMIL, IRNGOV); null when none applies. */
  code: string | null;
  mentions: Mention[];
}

export interface Place {
  id: string;
  name: string;
  type: PlaceType;
  /** ISO alpha-3 of the containing country (its own code for a country); null if disputed or unknown. */
  country: string | null;
  mentions: Mention[];
}

export interface SourceInfo {
  /** POSIX path relative to the working directory, or '-' for stdin. */
  path: string;
  /** SHA-256 of the bytes read. */
  sha256: string;
  /** Length of the text in code points. */
  characters: number;
  title: string | null;
  /** ISO date (YYYY-MM-DD) from front matter or --date; null if unknown. */
  date: string | null;
}

export interface AnnotatorInfo {
  name: 'annotate';
  version: string;
  /** Hash of the dictionaries in force (bundled lexicons plus user vocabulary). */
  lexicon: string;
}

/** How the article presents an event: as fact, denied, possible, planned, or in someone else's words. */
export type Modality = 'asserted' | 'negated' | 'hypothetical' | 'future' | 'reported';

/** CAMEO's four-way grouping of event roots, in the order of the scale from cooperation to conflict's extreme. */
export const QUAD_CLASSES = ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict'] as const;
export type QuadClass = (typeof QUAD_CLASSES)[number];

/** Who did what to whom, where and when: one per occurrence in the text. */
export interface EventAnnotation {
  /** e1, e2 … in text order. */
  id: string;
  /** The word or phrase that reports the event. */
  trigger: Span;
  sentence: number;
  /** CAMEO code, root or sub-code ("040", "1823"). */
  code: string;
  /** Name of the CAMEO root (CONSULT, DISAPPROVE …). */
  category: string;
  quadClass: QuadClass;
  goldstein: number;
  /** Actor ids; several for a compound actor. */
  source: string[];
  target: string[];
  /** Place id, or null. */
  place: string | null;
  /** ISO date the text gives for the event, resolved against the article's date; null if none. */
  date: string | null;
  modality: Modality;
}

/** Who holds a stance or makes a claim: the words that name them, and the actor they are when one is known. */
export interface Party extends Span {
  /** Actor id, or null when the words name no actor ("a source", "he"). */
  actor: string | null;
}

export type Polarity = 'support' | 'oppose' | 'neutral';

/** What a stance rests on: a stance verb ("condemned X"), a stance noun ("condemnation from India"), an explicit
 *  position ("a nuanced stance on X"), or a coded event that implies it (a 111 DISAPPROVE event). */
export type StanceBasis = 'verb' | 'noun' | 'position' | 'event';

/** What a stance is about: always words of the article; an actor and/or an event when they are known. */
export interface StanceTarget extends Span {
  actor: string | null;
  event: string | null;
}

/** A holder's position toward a target. */
export interface StanceAnnotation {
  /** s1, s2 … in text order. */
  id: string;
  /** Null when the text does not say who holds it ("the plan was criticised"). */
  holder: Party | null;
  target: StanceTarget;
  polarity: Polarity;
  /** The word or phrase that expresses the position. */
  cue: Span;
  via: StanceBasis;
  /** The event that reports the same act ("condemned" coded 111), or for via: event the event that implies the
   *  stance; else null. */
  event: string | null;
  sentence: number;
}

export type Certainty = 'asserted' | 'hedged';

/** A reported statement: who says it (source), the reporting words (cue) and what is said (content). */
export interface ClaimAnnotation {
  /** c1, c2 … in text order. */
  id: string;
  /** Null for a sourceless attribution ("it is believed that …"). */
  source: Party | null;
  cue: Span;
  /** The reported proposition; for a quotation split by its attribution, the first part. */
  content: Span;
  /** The further parts of a split quotation ("“…,” she said, “…”"), else empty. */
  continues: Span[];
  /** hedged when a hedge word is in the claim or the cue itself hedges (suggest, believe, appear). */
  certainty: Certainty;
  /** Hedge words found in the claim besides its cue, lower-cased, in text order. */
  hedges: string[];
  sentence: number;
}

export interface Annotation {
  schemaVersion: typeof SCHEMA_VERSION;
  source: SourceInfo;
  annotator: AnnotatorInfo;
  actors: Actor[];
  places: Place[];
  events: EventAnnotation[];
  stances: StanceAnnotation[];
  claims: ClaimAnnotation[];
}

const span = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'start', 'end'],
  properties: {
    text: { type: 'string', description: 'Exactly the article text between start and end.' },
    start: { type: 'integer', minimum: 0, description: '0-based offset in Unicode code points.' },
    end: { type: 'integer', minimum: 0, description: 'End-exclusive offset in Unicode code points.' },
  },
} as const;

const mention = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'start', 'end', 'sentence', 'via'],
  properties: {
    ...span.properties,
    sentence: { type: 'integer', minimum: 0, description: '0-based index of the sentence holding the mention.' },
    via: { enum: ['name', 'demonym', 'capital', 'alias', 'title'], description: 'How the mention names the entity.' },
  },
} as const;

const id = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Stable slug, unique in the file.' } as const;

const eventRef = { type: 'string', pattern: '^e[1-9][0-9]*$' } as const;

const party = {
  type: 'object',
  additionalProperties: false,
  required: ['actor', 'text', 'start', 'end'],
  properties: {
    actor: { anyOf: [id, { type: 'null' }], description: 'Actor id, or null when the words name no known actor.' },
    ...span.properties,
  },
} as const;

/** JSON Schema (draft 2020-12) of one annotation document. */
export const annotationSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/annotate/annotate/schema/annotation-v1.json',
  title: 'annotate annotation file',
  description: 'Actors, places, events, stances and claims an article mentions, each backed by code-point offsets into the article.',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'source', 'annotator', 'actors', 'places', 'events', 'stances', 'claims'],
  properties: {
    schemaVersion: { const: SCHEMA_VERSION },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'sha256', 'characters', 'title', 'date'],
      properties: {
        path: { type: 'string', description: "POSIX path relative to the working directory, or '-' for stdin." },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes read.' },
        characters: { type: 'integer', minimum: 0, description: 'Length of the text in code points.' },
        title: { type: ['string', 'null'], description: 'Front matter title.' },
        date: {
          type: ['string', 'null'],
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          description: 'Front matter date or --date; anchors relative dates.',
        },
      },
    },
    annotator: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'version', 'lexicon'],
      properties: {
        name: { const: 'annotate' },
        version: { type: 'string' },
        lexicon: { type: 'string', description: 'Hash of the dictionaries in force.' },
      },
    },
    actors: {
      type: 'array',
      description: 'Who acts: people, organizations, countries as agents, groups.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'type', 'code', 'mentions'],
        properties: {
          id,
          name: { type: 'string', description: 'Canonical name.' },
          type: { enum: ['person', 'organization', 'country', 'group'] },
          code: {
            type: ['string', 'null'],
            pattern: '^[A-Z]{3}([A-Z]{3})*$',
            description: 'CAMEO-style actor code: ISO alpha-3 country plus optional sector codes.',
          },
          mentions: { type: 'array', minItems: 1, items: mention },
        },
      },
    },
    places: {
      type: 'array',
      description: 'Where: countries, cities, regions and other locations.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'type', 'country', 'mentions'],
        properties: {
          id,
          name: { type: 'string', description: 'Canonical name.' },
          type: { enum: ['country', 'city', 'region', 'continent', 'water', 'facility', 'other'] },
          country: {
            type: ['string', 'null'],
            pattern: '^[A-Z]{3}$',
            description: 'ISO alpha-3 of the containing country; null if disputed or unknown.',
          },
          mentions: { type: 'array', minItems: 1, items: mention },
        },
      },
    },
    events: {
      type: 'array',
      description: 'Who did what to whom, where and when, coded like CAMEO; one per occurrence in the text.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'trigger', 'sentence', 'code', 'category', 'quadClass', 'goldstein', 'source', 'target', 'place', 'date', 'modality'],
        properties: {
          id: eventRef,
          trigger: span,
          sentence: { type: 'integer', minimum: 0 },
          code: { type: 'string', pattern: '^[0-9]{2,4}$', description: 'CAMEO event code.' },
          category: { type: 'string', description: 'Name of the CAMEO root.' },
          quadClass: { enum: QUAD_CLASSES },
          goldstein: { type: 'number', minimum: -10, maximum: 10 },
          source: { type: 'array', items: id, description: 'Actor ids of the agent(s).' },
          target: { type: 'array', items: id, description: 'Actor ids of the target(s).' },
          place: { anyOf: [id, { type: 'null' }], description: 'Place id where the event happens.' },
          date: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          modality: { enum: ['asserted', 'negated', 'hypothetical', 'future', 'reported'] },
        },
      },
    },
    stances: {
      type: 'array',
      description: "A holder's position toward a target: support, oppose or neutral, with the words that express it.",
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'holder', 'target', 'polarity', 'cue', 'via', 'event', 'sentence'],
        properties: {
          id: { type: 'string', pattern: '^s[1-9][0-9]*$' },
          holder: { anyOf: [party, { type: 'null' }], description: 'Who holds the position; null when the text does not say ("was criticised").' },
          target: {
            type: 'object',
            additionalProperties: false,
            required: ['actor', 'event', 'text', 'start', 'end'],
            properties: {
              actor: { anyOf: [id, { type: 'null' }], description: 'Actor id the position is toward, if any.' },
              event: { anyOf: [eventRef, { type: 'null' }], description: 'Event id the position is toward, if any.' },
              ...span.properties,
            },
          },
          polarity: { enum: ['support', 'oppose', 'neutral'] },
          cue: span,
          via: { enum: ['verb', 'noun', 'position', 'event'], description: 'What the stance is read from.' },
          event: { anyOf: [eventRef, { type: 'null' }], description: 'The event that reports the same act, or (via: event) implies the stance.' },
          sentence: { type: 'integer', minimum: 0 },
        },
      },
    },
    claims: {
      type: 'array',
      description: 'Reported statements: source, cue and content spans, and how certain the claim is put.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'source', 'cue', 'content', 'continues', 'certainty', 'hedges', 'sentence'],
        properties: {
          id: { type: 'string', pattern: '^c[1-9][0-9]*$' },
          source: { anyOf: [party, { type: 'null' }], description: 'Who makes the claim; null for a sourceless attribution.' },
          cue: span,
          content: span,
          continues: { type: 'array', items: span, description: 'Further parts of a quotation split by its attribution.' },
          certainty: { enum: ['asserted', 'hedged'] },
          hedges: { type: 'array', items: { type: 'string' }, description: 'Hedge words in the claim besides its cue.' },
          sentence: { type: 'integer', minimum: 0 },
        },
      },
    },
  },
} as const;
