// Event scoring against CASE 2021 (../shared/eval/README.md): news snippets, each labelled with one ACLED event type.
// The type maps to a group of CAMEO roots (fight, protest, coerce, cooperate); a snippet is found when one of its
// events has a root of its group, and each other group its events fall into is a false positive. NATURAL_DISASTER
// snippets should hold no event of any group: they are counted apart, as the share of them that hold one (their
// groups are not in the precision, as the issue measured it; `withNoEvent` gives the figure with them). Other types
// are not scored. Pure functions, no I/O; evaluate-case2021.ts
// is the shell around them.
import type { Annotation } from '../model/annotation.js';
import { typeScore } from './score-entities.js';
import type { TypeScore } from './score-entities.js';

export const CASE_GROUPS = ['fight', 'protest', 'coerce', 'cooperate'] as const;
export type CaseGroup = (typeof CASE_GROUPS)[number];

/** The CAMEO roots (first two digits of a code) of each group, as the README maps them. */
export const GROUP_ROOTS: Record<CaseGroup, readonly string[]> = {
  fight: ['18', '19', '20'],
  protest: ['14'],
  coerce: ['15', '17'],
  cooperate: ['01', '02', '03', '04', '05', '06', '07', '08'],
};

/** The ACLED types the README maps onto a group; any other type but NO_EVENT_TYPE is not scored. */
export const TYPE_GROUPS: Readonly<Record<string, CaseGroup>> = {
  ARMED_CLASH: 'fight',
  AIR_STRIKE: 'fight',
  ATTACK: 'fight',
  GRENADE: 'fight',
  ART_MISS_ATTACK: 'fight',
  SUIC_BOMB: 'fight',
  REM_EXPLOS: 'fight',
  DISR_WEAP: 'fight',
  CHEM_WEAP: 'fight',
  SEX_VIOL: 'fight',
  MOB_VIOL: 'fight',
  ABDUCT_DISSAP: 'fight',
  GOV_REGAINS_TERIT: 'fight',
  NON_STATE_ACTOR_OVERTAKES_TER: 'fight',
  PEACE_PROTEST: 'protest',
  VIOL_DEMONSTR: 'protest',
  PROTEST_WITH_INTER: 'protest',
  ARREST: 'coerce',
  FORCE_AGAINST_PROTEST: 'coerce',
  PROPERTY_DISTRUCT: 'coerce',
  DIPLO: 'cooperate',
  AGREEMENT: 'cooperate',
};

/** Snippets of this type should hold no event of any group. */
export const NO_EVENT_TYPE = 'NATURAL_DISASTER';

/** What a snippet is scored against: a group, `none` (it should hold no event of any group), or null (not scored). */
export type SnippetGold = CaseGroup | 'none' | null;

export interface CaseSnippet {
  id: string;
  text: string;
  /** The ACLED type as the gold gives it (ARMED_CLASH, DIPLO …). */
  eventType: string;
}

/** An event of the snippet's annotation, as the error listing shows it. */
export interface SnippetEvent {
  id: string;
  code: string;
  trigger: string;
  /** Names of the source and target actors (their ids when an actor is missing). */
  source: string[];
  target: string[];
  /** The group its root falls into, or null (roots 09–13, 16). */
  group: CaseGroup | null;
}

export interface SnippetResult {
  snippet: CaseSnippet;
  gold: SnippetGold;
  events: SnippetEvent[];
  /** The distinct groups the events fall into, in CASE_GROUPS order. */
  groups: CaseGroup[];
  /** A scored snippet with a group: one of its events has a root of that group. */
  found: boolean;
  /** The groups counted as false positives: every group of its events but its own (all of them for `none`). */
  falsePositives: CaseGroup[];
}

export interface GroupScore extends TypeScore {
  /** Snippets of this group. */
  snippets: number;
}

export interface CaseScore {
  snippets: number;
  /** Snippets of a type mapped to a group (the P/R/F1 are over these), and NATURAL_DISASTER ones. */
  scored: number;
  /** Types not scored and how many snippets each has, by name. */
  notScored: Record<string, number>;
  /**
   * Over the snippets of a group: TP = snippets found, FN = snippets not found, FP = (snippet, other group) pairs:
   * a snippet counts once for each other group its events fall into.
   */
  overall: TypeScore;
  /** The same with the NATURAL_DISASTER snippets' groups counted as false positives too (every group is another
   *  group for them). */
  withNoEvent: TypeScore;
  /** Per group: TP and FN over its snippets; FP = snippets of another group holding an event of this one. */
  byGroup: Record<CaseGroup, GroupScore>;
  /** confusion[gold][group] = snippets of that gold holding an event of that group; `nothing`: holding none. */
  confusion: Record<CaseGroup | 'none', Record<CaseGroup | 'nothing', number>>;
  /** NATURAL_DISASTER snippets, and how many hold an event of any group (the fewer the better). */
  noEvent: { snippets: number; withEvent: number };
  /** Every event of every snippet, scored or not. */
  predictedEvents: number;
}

/** The group a CAMEO code's root falls into, or null. */
export function groupOf(code: string): CaseGroup | null {
  const root = code.slice(0, 2);
  return CASE_GROUPS.find((g) => GROUP_ROOTS[g].includes(root)) ?? null;
}

/** What a snippet of this ACLED type is scored against. */
export function goldOf(eventType: string): SnippetGold {
  if (eventType === NO_EVENT_TYPE) return 'none';
  return TYPE_GROUPS[eventType] ?? null;
}

/** The annotation's events with their actors' names and their group. */
export function readSnippetEvents(annotation: Pick<Annotation, 'actors' | 'events'>): SnippetEvent[] {
  const names = new Map(annotation.actors.map((a) => [a.id, a.name]));
  const name = (id: string): string => names.get(id) ?? id;
  return annotation.events.map((e) => ({
    id: e.id,
    code: e.code,
    trigger: e.trigger.text,
    source: e.source.map(name),
    target: e.target.map(name),
    group: groupOf(e.code),
  }));
}

export function scoreSnippet(snippet: CaseSnippet, events: readonly SnippetEvent[]): SnippetResult {
  const gold = goldOf(snippet.eventType);
  const groups = CASE_GROUPS.filter((g) => events.some((e) => e.group === g));
  const found = gold !== null && gold !== 'none' && groups.includes(gold);
  const falsePositives = gold === null ? [] : groups.filter((g) => g !== gold);
  return { snippet, gold, events: [...events], groups, found, falsePositives };
}

function perGroup<T>(make: (g: CaseGroup) => T): Record<CaseGroup, T> {
  return { fight: make('fight'), protest: make('protest'), coerce: make('coerce'), cooperate: make('cooperate') };
}

export function scoreCase(results: readonly SnippetResult[]): CaseScore {
  const counts = perGroup(() => ({ snippets: 0, tp: 0, fp: 0, fn: 0 }));
  const row = (): Record<CaseGroup | 'nothing', number> => ({ ...perGroup(() => 0), nothing: 0 });
  const confusion = { ...perGroup(row), none: row() };
  const notScored = new Map<string, number>();
  const noEvent = { snippets: 0, withEvent: 0, falsePositives: 0 };
  let scored = 0;
  let predictedEvents = 0;
  for (const r of results) {
    predictedEvents += r.events.length;
    if (r.gold === null) {
      notScored.set(r.snippet.eventType, (notScored.get(r.snippet.eventType) ?? 0) + 1);
      continue;
    }
    scored++;
    for (const g of r.groups) confusion[r.gold][g]++;
    if (r.groups.length === 0) confusion[r.gold].nothing++;
    if (r.gold === 'none') {
      noEvent.snippets++;
      noEvent.falsePositives += r.falsePositives.length;
      if (r.groups.length > 0) noEvent.withEvent++;
      continue;
    }
    for (const g of r.falsePositives) counts[g].fp++;
    const c = counts[r.gold];
    c.snippets++;
    if (r.found) c.tp++;
    else c.fn++;
  }
  const sum = (key: 'tp' | 'fp' | 'fn'): number => CASE_GROUPS.reduce((n, g) => n + counts[g][key], 0);
  return {
    snippets: results.length,
    scored,
    notScored: Object.fromEntries([...notScored].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    overall: typeScore(sum('tp'), sum('fp'), sum('fn')),
    withNoEvent: typeScore(sum('tp'), sum('fp') + noEvent.falsePositives, sum('fn')),
    byGroup: perGroup((g) => ({ snippets: counts[g].snippets, ...typeScore(counts[g].tp, counts[g].fp, counts[g].fn) })),
    confusion,
    noEvent: { snippets: noEvent.snippets, withEvent: noEvent.withEvent },
    predictedEvents,
  };
}
