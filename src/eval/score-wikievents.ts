// Event scoring against WikiEvents (KAIROS event types with triggers and role-labelled arguments; ../shared/eval/
// README.md). Pure functions, no I/O; evaluate-wikievents.ts is the shell around them.
//
// The mapping from KAIROS types to CAMEO roots (a type maps by its first segments; types not listed are not scored):
//   fight        18–20   Conflict.Attack.*, Life.Die.*, Life.Injure.*    (assault, fight, mass violence: a death or an
//                                                                         injury in news is mostly an attack's outcome)
//   damage       17–20   ArtifactExistence.DamageDestroyDisableDismantle.*  (1712 destroy property, or the attack that
//                                                                         did the damage)
//   protest      14      Conflict.Demonstrate.*
//   arrest       17      Justice.ArrestJailDetain.*                      (173 arrest, detain)
//   legal        11, 17  Justice.ChargeIndict.*, Justice.TrialHearing.*, Justice.Convict.*, Justice.Sentence.*
//                        (the codebook splits the judicial steps: 173 "arrest, detain, or charge with legal action",
//                        116 "find guilty or liable (legally)", 1121 "accuse of crime"; a sentence follows a verdict)
//   investigate  09      Justice.InvestigateCrime.*                      (091 investigate crime)
//   release      08      Justice.ReleaseParole.*                         (0841 release persons)
//   meet         04      Contact.Contact.Meet                            (04 consult: meetings, talks)
//   threaten     13      Contact.ThreatenCoerce.*
//   request      02, 10  Contact.RequestCommand.*                        (02 appeal, 10 demand: asking and ordering)
// Not scored, having no CAMEO counterpart: Contact.Contact.Broadcast and .Unspecified (statements: annotate reads
// them as claims), Movement, Transaction, Disaster, Medical, Cognitive, Personnel, GenericCrime (a crime named, not
// an act between parties), Control.ImpedeInterfereWith, ArtifactExistence.ManufactureAssemble.
//
// Triggers. A gold event of a mapped type is found when an annotate event's trigger overlaps the gold trigger and
// the event's root is in the type's group. WikiEvents does not annotate every event CAMEO codes (a meeting in an
// article about a bombing is often left out), so precision is taken over the events it can judge: those whose
// trigger overlaps a gold trigger of a mapped type, and those of a root the attack-centred annotation does cover,
// 14, 15 and 17–20 (protest, force, coercion, fighting), wherever they are. Such an event is right when it matches
// a gold event as above. Events overlapping only a gold trigger of a type not scored, and events of other roots
// elsewhere, are counted apart and judged neither way. Matching is not one to one: two gold events sharing a
// trigger span can be found by one annotate event, and two annotate events can match one gold event.
//
// Arguments, on the gold events found, against the first annotate event (in text order) that found each. A gold
// role maps to a side (ROLE_SIDES): the agent's roles to source, the patient's to target, Participant (of a
// meeting) to either, Place to the event's place; other roles (Instrument, ExplosiveDevice, Artifact, Topic …) are
// not scored. An argument is right when a mention of an actor on that side (of the event's place) overlaps the gold
// argument's span or a mention of the same coreference cluster.
import type { Annotation } from '../model/annotation.js';
import { toUtf16Offsets } from '../text/code-points.js';
import type { Range } from './read-gold.js';

export const WIKI_GROUPS = ['fight', 'damage', 'protest', 'arrest', 'legal', 'investigate', 'release', 'meet', 'threaten', 'request'] as const;
export type WikiGroup = (typeof WIKI_GROUPS)[number];

export const WIKI_GROUP_ROOTS: Record<WikiGroup, readonly string[]> = {
  fight: ['18', '19', '20'],
  damage: ['17', '18', '19', '20'],
  protest: ['14'],
  arrest: ['17'],
  legal: ['11', '17'],
  investigate: ['09'],
  release: ['08'],
  meet: ['04'],
  threaten: ['13'],
  request: ['02', '10'],
};

/** KAIROS type prefixes (whole segments) and their group, first match wins. */
export const TYPE_GROUPS: readonly (readonly [string, WikiGroup])[] = [
  ['Conflict.Attack', 'fight'],
  ['Life.Die', 'fight'],
  ['Life.Injure', 'fight'],
  ['ArtifactExistence.DamageDestroyDisableDismantle', 'damage'],
  ['Conflict.Demonstrate', 'protest'],
  ['Justice.ArrestJailDetain', 'arrest'],
  ['Justice.ChargeIndict', 'legal'],
  ['Justice.TrialHearing', 'legal'],
  ['Justice.Convict', 'legal'],
  ['Justice.Sentence', 'legal'],
  ['Justice.InvestigateCrime', 'investigate'],
  ['Justice.ReleaseParole', 'release'],
  ['Contact.Contact.Meet', 'meet'],
  ['Contact.ThreatenCoerce', 'threaten'],
  ['Contact.RequestCommand', 'request'],
];

/** Roots whose events are judged wherever they are: WikiEvents' attack-centred annotation covers these acts. */
export const JUDGED_ROOTS: readonly string[] = ['14', '15', '17', '18', '19', '20'];

export type ArgumentSide = 'source' | 'target' | 'either' | 'place';
export const ARGUMENT_SIDES: readonly ArgumentSide[] = ['source', 'target', 'either', 'place'];

/** The side of an annotate event each gold role is compared with; roles not listed are not scored. */
export const ROLE_SIDES: Readonly<Record<string, ArgumentSide>> = {
  Attacker: 'source',
  Killer: 'source',
  Injurer: 'source',
  Damager: 'source',
  Destroyer: 'source',
  Jailer: 'source',
  Perpetrator: 'source',
  Demonstrator: 'source',
  Investigator: 'source',
  Prosecutor: 'source',
  JudgeCourt: 'source',
  Communicator: 'source',
  Victim: 'target',
  Target: 'target',
  Detainee: 'target',
  Defendant: 'target',
  Recipient: 'target',
  Participant: 'either',
  Place: 'place',
};

export interface WikiEntity extends Range {
  id: string;
  /** Coreference cluster id; null when the entity is alone. */
  cluster: string | null;
}

export interface WikiArgument extends Range {
  role: string;
  entityId: string | null;
  text: string;
}

export interface WikiEvent {
  id: string;
  type: string;
  trigger: Range & { text: string };
  arguments: WikiArgument[];
}

/** A WikiEvents document; offsets in UTF-16 units. */
export interface WikiDoc {
  id: string;
  text: string;
  entities: WikiEntity[];
  events: WikiEvent[];
}

/** An actor or place of an annotate event, with its mentions in UTF-16 units. */
export interface Party {
  name: string;
  mentions: Range[];
}

/** An annotate event in UTF-16 units, with its parties' mentions. */
export interface PredictedEvent {
  id: string;
  code: string;
  root: string;
  trigger: Range & { text: string };
  source: Party[];
  target: Party[];
  place: Party | null;
}

export interface ArgumentResult {
  argument: WikiArgument;
  side: ArgumentSide;
  right: boolean;
  /** The parties of that side of the event (empty: the event has none). */
  predicted: Party[];
}

export interface GoldEventResult {
  event: WikiEvent;
  group: WikiGroup | null;
  /** Annotate events whose trigger overlaps the gold trigger, of any root. */
  overlapping: PredictedEvent[];
  /** The first overlapping event of a root of the group; null when not found (or not scored). */
  matchedBy: PredictedEvent | null;
  /** The scored arguments of a found event. */
  arguments: ArgumentResult[];
}

export type PredictedVerdict = 'right' | 'wrong' | 'not judged';

export interface PredictedResult {
  event: PredictedEvent;
  verdict: PredictedVerdict;
  /** Its trigger overlaps a gold trigger of a mapped type. */
  onGoldTrigger: boolean;
  /** Gold events whose trigger overlaps it (any type). */
  overlapping: WikiEvent[];
}

export interface WikiDocResult {
  doc: WikiDoc;
  gold: GoldEventResult[];
  predicted: PredictedResult[];
}

export interface Counts {
  gold: number;
  right: number;
}

export interface WikiScore {
  documents: number;
  goldEvents: number;
  /** Gold events of a mapped type: the recall's denominator. */
  mappedEvents: number;
  /** Gold events not scored, by their first two type segments. */
  notScored: Record<string, number>;
  triggers: {
    found: number;
    recall: number;
    /** Annotate events judged (see the header) and those of them right. */
    judged: number;
    right: number;
    precision: number;
    f1: number;
  };
  /** Every annotate event, and those judged neither way. */
  predictedEvents: number;
  notJudged: number;
  /**
   * Diagnostic: the annotate events on a gold trigger of a mapped type, and those of them with a root of its group.
   * Precision without the events WikiEvents leaves unannotated (it marks some mentions of an attack, not every one).
   */
  onGoldTriggers: { events: number; right: number; precision: number };
  byGroup: Record<WikiGroup, { gold: number; found: number; recall: number; arguments: Counts }>;
  /** Scored arguments of the gold events found: per side and all together. */
  arguments: Record<ArgumentSide, Counts & { emptySide: number }> & { all: Counts & { accuracy: number } };
}

/** The group of a KAIROS type, or null when it is not scored. */
export function groupOfType(type: string): WikiGroup | null {
  const hit = TYPE_GROUPS.find(([prefix]) => type === prefix || type.startsWith(`${prefix}.`));
  return hit === undefined ? null : hit[1];
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The annotation's events in UTF-16 units, each with its actors' and place's mentions. */
export function readEvents(annotation: Pick<Annotation, 'actors' | 'places' | 'events'>, text: string): PredictedEvent[] {
  const toUtf16 = toUtf16Offsets(text);
  const range = (s: Range): Range => ({ start: toUtf16(s.start), end: toUtf16(s.end) });
  const parties = new Map<string, Party>();
  for (const a of [...annotation.actors, ...annotation.places]) parties.set(a.id, { name: a.name, mentions: a.mentions.map(range) });
  const party = (id: string): Party => parties.get(id) ?? { name: id, mentions: [] };
  return annotation.events.map((e) => {
    const trigger = range(e.trigger);
    return {
      id: e.id,
      code: e.code,
      root: e.code.slice(0, 2),
      trigger: { ...trigger, text: text.slice(trigger.start, trigger.end) },
      source: e.source.map(party),
      target: e.target.map(party),
      place: e.place === null ? null : party(e.place),
    };
  });
}

/** The spans that stand for a gold argument: its own and every mention of its coreference cluster. */
function argumentSpans(arg: WikiArgument, entities: readonly WikiEntity[]): Range[] {
  const entity = entities.find((e) => e.id === arg.entityId);
  const cluster = entity?.cluster ?? null;
  const same = cluster === null ? [] : entities.filter((e) => e.cluster === cluster);
  return [arg, ...same];
}

function partiesOn(event: PredictedEvent, side: ArgumentSide): Party[] {
  if (side === 'source') return event.source;
  if (side === 'target') return event.target;
  if (side === 'either') return [...event.source, ...event.target];
  return event.place === null ? [] : [event.place];
}

export function scoreArgument(arg: WikiArgument, event: PredictedEvent, entities: readonly WikiEntity[]): ArgumentResult | null {
  const side = ROLE_SIDES[arg.role];
  if (side === undefined) return null;
  const spans = argumentSpans(arg, entities);
  const predicted = partiesOn(event, side);
  const right = predicted.some((p) => p.mentions.some((m) => spans.some((s) => overlaps(m, s))));
  return { argument: arg, side, right, predicted };
}

/** Matches one document's gold events and annotate events (see the header for the rules). */
export function scoreWikiDoc(doc: WikiDoc, predicted: readonly PredictedEvent[]): WikiDocResult {
  const gold = doc.events.map((event): GoldEventResult => {
    const group = groupOfType(event.type);
    const overlapping = predicted.filter((p) => overlaps(p.trigger, event.trigger));
    const roots = group === null ? [] : WIKI_GROUP_ROOTS[group];
    const matchedBy = overlapping.find((p) => roots.includes(p.root)) ?? null;
    const args = matchedBy === null ? [] : event.arguments.map((a) => scoreArgument(a, matchedBy, doc.entities));
    return { event, group, overlapping, matchedBy, arguments: args.filter((a): a is ArgumentResult => a !== null) };
  });
  const results = predicted.map((event): PredictedResult => {
    const overlapping = doc.events.filter((g) => overlaps(g.trigger, event.trigger));
    const mapped = overlapping.filter((g) => groupOfType(g.type) !== null);
    const right = mapped.some((g) => WIKI_GROUP_ROOTS[groupOfType(g.type)!].includes(event.root));
    const judged = mapped.length > 0 || JUDGED_ROOTS.includes(event.root);
    return { event, verdict: right ? 'right' : judged ? 'wrong' : 'not judged', onGoldTrigger: mapped.length > 0, overlapping };
  });
  return { doc, gold, predicted: results };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export function scoreWikiEvents(results: readonly WikiDocResult[]): WikiScore {
  const byGroup = Object.fromEntries(
    WIKI_GROUPS.map((g) => [g, { gold: 0, found: 0, recall: 0, arguments: { gold: 0, right: 0 } }]),
  ) as WikiScore['byGroup'];
  const sides = Object.fromEntries(ARGUMENT_SIDES.map((s) => [s, { gold: 0, right: 0, emptySide: 0 }])) as Record<
    ArgumentSide,
    Counts & { emptySide: number }
  >;
  const notScored = new Map<string, number>();
  let goldEvents = 0;
  let predictedEvents = 0;
  let judged = 0;
  let right = 0;
  const onGold = { events: 0, right: 0 };
  for (const { gold, predicted } of results) {
    for (const g of gold) {
      goldEvents++;
      if (g.group === null) {
        const key = g.event.type.split('.').slice(0, 2).join('.');
        notScored.set(key, (notScored.get(key) ?? 0) + 1);
        continue;
      }
      const group = byGroup[g.group];
      group.gold++;
      if (g.matchedBy !== null) group.found++;
      for (const a of g.arguments) {
        group.arguments.gold++;
        sides[a.side].gold++;
        if (a.predicted.length === 0) sides[a.side].emptySide++;
        if (a.right) {
          group.arguments.right++;
          sides[a.side].right++;
        }
      }
    }
    for (const p of predicted) {
      predictedEvents++;
      if (p.onGoldTrigger) {
        onGold.events++;
        if (p.verdict === 'right') onGold.right++;
      }
      if (p.verdict === 'not judged') continue;
      judged++;
      if (p.verdict === 'right') right++;
    }
  }
  for (const g of WIKI_GROUPS) byGroup[g].recall = ratio(byGroup[g].found, byGroup[g].gold);
  const mappedEvents = WIKI_GROUPS.reduce((n, g) => n + byGroup[g].gold, 0);
  const found = WIKI_GROUPS.reduce((n, g) => n + byGroup[g].found, 0);
  const recall = ratio(found, mappedEvents);
  const precision = ratio(right, judged);
  const argGold = ARGUMENT_SIDES.reduce((n, s) => n + sides[s].gold, 0);
  const argRight = ARGUMENT_SIDES.reduce((n, s) => n + sides[s].right, 0);
  return {
    documents: results.length,
    goldEvents,
    mappedEvents,
    notScored: Object.fromEntries([...notScored].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    triggers: { found, recall, judged, right, precision, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) },
    predictedEvents,
    notJudged: predictedEvents - judged,
    onGoldTriggers: { ...onGold, precision: ratio(onGold.right, onGold.events) },
    byGroup,
    arguments: { ...sides, all: { gold: argGold, right: argRight, accuracy: ratio(argRight, argGold) } },
  };
}
