// The JSON Schema of annotate.config.yaml. Editors validate the file with it (schema/annotate.config.schema.json,
// through yaml-language-server), and load-config.ts checks every config against it after its own walk, so what the
// editor accepts and what the tool accepts are the same. The patterns here are the ones the walker tests with.
//
// Only keywords that mean the same in draft-07 are used (no $ref, no prefixItems), since some editors still read
// schemas as draft-07.
import type { ActorType } from '../model/annotation.js';
import { OUTPUT_FORMATS } from '../serialize/serialize.js';

export const ACTOR_TYPES: readonly ActorType[] = ['person', 'organization', 'country', 'group'];

/** A CAMEO actor code: an ISO 3166-1 alpha-3 country, then optional three-letter sector codes (PAK, PAKGOV). */
export const ACTOR_CODE = '^[A-Z]{3}(?:[A-Z]{3})*$';

/** A CAMEO event code: 2 to 4 digits, as a string ("04", "042", "0421"). */
export const EVENT_CODE = '^\\d{2,4}$';

/** YYYY-MM-DD of a day that exists: 31 days in January, March, May, July, August, October and December, 30 in the
 *  other months but February, which has 28, and 29 in leap years (divisible by 4, centuries only by 400). A pattern
 *  rather than `format: date`, which validators check differently or not at all. */
export const ISO_DATE =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';

/** Some character other than white space: a name or a path of blanks is as empty as "". */
const NOT_BLANK = '\\S';

const text = (description: string) => ({ type: 'string', pattern: NOT_BLANK, description }) as const;

/** A list that may be left empty (`aliases:` with nothing after it reads as null). */
const optionalList = (item: string, description: string) => ({ type: ['array', 'null'], items: text(item), description }) as const;

const actor = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  description: 'An actor to recognise: a person, organization, country or group, with the names that mean it.',
  properties: {
    name: text('Canonical name, as annotation files will write it ("White House"). Case aside, no two actors share one.'),
    aliases: optionalList('Another name that means this actor.', 'Other names that mean this actor ("Arnorian government").'),
    code: {
      type: ['string', 'null'],
      pattern: ACTOR_CODE,
      description: 'CAMEO actor code: ISO 3166-1 alpha-3 country plus optional three-letter sector codes (PAK, PAKGOV); null for none.',
    },
    type: {
      enum: [...ACTOR_TYPES, null],
      description: 'What the actor is. Default: country for a three-letter code, organization otherwise.',
    },
    roles: {
      type: ['array', 'null'],
      description:
        'Dated roles: the role whose dates cover the article\'s date codes the actor (outside them, "code" does); with no article date, the latest role.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code'],
        properties: {
          code: { type: 'string', pattern: ACTOR_CODE, description: 'CAMEO actor code of the role (FRAGOV).' },
          from: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'First day of the role, YYYY-MM-DD; null or absent for an open start.' },
          to: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Last day of the role, YYYY-MM-DD; null or absent while it lasts.' },
        },
      },
    },
  },
} as const;

const event = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  description: 'A word that reports an event: a verb or a noun (not both) with its CAMEO event code.',
  properties: {
    verb: text('A verb, matched on its infinitive ("annex", "pave the way"); it may take "object", not "after".'),
    noun: text('A noun, matched on its singular ("sit-in", "air strike"); it may take "after", not "object".'),
    code: {
      type: 'string',
      pattern: EVENT_CODE,
      description: 'CAMEO event code of 2 to 4 digits, quoted ("042"): unquoted, YAML reads it as a number. It must be in the CAMEO codebook.',
    },
    object: optionalList(
      'A noun that may head the object of the verb.',
      'Verbs only: the verb counts only when one of these nouns heads its object ("sever" + ties, relations).',
    ),
    after: optionalList(
      'A word that may come right before the noun.',
      'Nouns only: the noun counts only right after one of these words, which join its span ("drone" strike).',
    ),
  },
  // One of verb or noun; a verb is narrowed by "object", a noun by "after", and each form forbids the other's keys
  // (false: not allowed). if/then/else rather than oneOf, so that validators point at the key that is wrong. The
  // `true` entries restate keys of `properties` above: ajv's strict mode wants every required key named beside it.
  anyOf: [
    { properties: { verb: true }, required: ['verb'] },
    { properties: { noun: true }, required: ['noun'] },
  ],
  if: { properties: { verb: true }, required: ['verb'] },
  then: { properties: { noun: false, after: false } },
  else: { properties: { object: false } },
} as const;

/** JSON Schema (draft 2020-12) of annotate.config.yaml. */
export const configSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://annotate.dev/schema/annotate.config.schema.json',
  title: 'annotate config file (annotate.config.yaml)',
  description:
    'Settings of an annotate run, and vocabulary added to the bundled lexicons. Paths are relative to the directory ' +
    'of this file. An empty file is an empty config.',
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    inputs: {
      type: 'array',
      minItems: 1,
      items: text('A file, a directory (read recursively for *.txt and *.md) or a glob; quote a glob that starts with *.'),
      description: 'What to annotate when the command line names nothing: files, directories or globs, relative to this file.',
    },
    ignore: optionalList(
      'A glob such as drafts/** or "**/*.draft.md" (quote one that starts with *).',
      'Files to leave out of directory walks and glob expansion: globs relative to this file.',
    ),
    outDir: text('Where annotation files go, relative to this file (--out-dir on the command line wins).'),
    format: {
      type: 'string',
      enum: OUTPUT_FORMATS,
      description: 'Output format: yaml, json or ndjson (--format on the command line wins).',
    },
    date: {
      type: 'string',
      pattern: ISO_DATE,
      description: 'Anchor date YYYY-MM-DD for relative dates in articles that give none, as --date (which wins); a day that exists.',
    },
    model: {
      type: 'boolean',
      description:
        'false: rules alone, without the learned models of models/ (trained on research-use gold sets; see the README), as --no-model. Default true.',
    },
    actors: {
      type: ['array', 'null'],
      items: actor,
      description: 'Actors to recognise on top of the bundled lexicons; your entries win where a name means both.',
    },
    events: {
      type: ['array', 'null'],
      items: event,
      description: 'Event words (verbs and nouns) with their CAMEO codes, on top of the bundled lexicons.',
    },
  },
} as const;
