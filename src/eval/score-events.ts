// Event scoring against PETRARCH-style gold (../shared/eval/README.md): one sentence per row, each with the dyadic
// CAMEO codings PETRARCH's unit tests expect. Turns an Annotation's events into codings, matches them to the gold on
// CAMEO root and the first three letters of the source and target codes, and counts. Pure functions, no I/O;
// run-eval.ts is the shell around them.
import type { Actor, Annotation } from '../model/annotation.js';
import { typeScore } from './score-entities.js';
import type { TypeScore } from './score-entities.js';

/** One expected coding, as the gold file gives it. */
export interface GoldCoding {
  /** CAMEO event code ("064", "1823"); the unit tests also use codes outside CAMEO (roots such as 90). */
  eventcode: string;
  /** Actor codes ("ABC", "ABCGOV"); the unit tests also use "---GOV" and quoted strings. */
  sourcecode: string;
  targetcode: string;
}

/** One gold row: a sentence and what PETRARCH should code in it. */
export interface PetrarchRow {
  id: string;
  /** The unit-test group the row belongs to (DEMO, COMPOUND, AGENT …). */
  category: string;
  /** The row's date as YYYY-MM-DD (the gold may write it YYYYMMDD, YYYY-MM-DD or YYMMDD), or null when it gives
   *  none or one that cannot be read. */
  date: string | null;
  text: string;
  expected_events: GoldCoding[];
  /** The sentence is there to check that nothing is coded. */
  expect_no_events: boolean;
  /** The error PETRARCH should raise on the row (a discarded story, an unparsable sentence), or null. */
  expected_error: string | null;
}

/** An actor of a predicted coding, for error listings. */
export interface CodingActor {
  id: string;
  name: string;
  code: string;
}

/** A dyadic coding read off one event of an annotation. */
export interface PredictedCoding {
  /** The CAMEO root: the first two characters of the event code. */
  root: string;
  /** The first three letters of the source and target actors' codes (their country or international group). */
  source: string;
  target: string;
  /** The event it comes from: its id, full code and trigger text. */
  event: string;
  code: string;
  trigger: string;
  sourceActor: CodingActor;
  targetActor: CodingActor;
}

/** What one annotation predicts, with the events that could not become codings. */
export interface Prediction {
  codings: PredictedCoding[];
  /** Events with a source but no target, or a target but no source: not dyadic, so not scored. */
  oneSided: number;
  /** Events with neither a source nor a target. */
  actorless: number;
  /** (source, target) pairs left out because an actor has no code (or is missing from `actors`). */
  uncoded: number;
}

/** How one row's gold and predicted codings pair up. */
export interface CodingMatch {
  tp: { gold: GoldCoding; predicted: PredictedCoding }[];
  fp: PredictedCoding[];
  fn: GoldCoding[];
}

/** A scored row: the gold row, what was predicted for it and how the two matched. */
export interface RowResult {
  row: PetrarchRow;
  prediction: Prediction;
  match: CodingMatch;
}

export interface CategoryScore extends TypeScore {
  rows: number;
}

export interface EventScore {
  rows: number;
  /** Counts summed over all rows, then P/R/F1 from the sums. */
  overall: TypeScore;
  /** The same per gold category, in alphabetical order. */
  byCategory: Record<string, CategoryScore>;
  /** Rows that expect no event at all, and the codings predicted in them. */
  noEventRows: number;
  spuriousCodings: number;
  /** spuriousCodings × 10 / noEventRows: false codings per 10 sentences that hold none; null without such rows. */
  spuriousPer10: number | null;
  /**
   * Diagnostic, not the score: recall on the gold codings any CAMEO coder could produce (see isReachable). The
   * unit tests also check PETRARCH's own machinery with codes that exist nowhere else.
   */
  reachable: { gold: number; found: number; recall: number };
  /**
   * Diagnostic, not the score: the same matching on source and target alone, and on how many of the dyads found
   * the root agrees. Separates "who did it to whom" from "which code": the unit tests' dictionary codes some verbs
   * differently from the CAMEO codebook (restoring ties as 064, welcoming as 041).
   */
  dyads: TypeScore & { sameRoot: number };
  oneSided: number;
  actorless: number;
  uncoded: number;
}

/** The part of an actor code that is compared: its first three characters, upper-cased. */
function actorKey(code: string): string {
  return code.slice(0, 3).toUpperCase();
}

function goldKey(g: GoldCoding): string {
  return `${g.eventcode.slice(0, 2)}|${actorKey(g.sourcecode)}|${actorKey(g.targetcode)}`;
}

function predictedKey(p: PredictedCoding): string {
  return `${p.root}|${actorKey(p.source)}|${actorKey(p.target)}`;
}

/**
 * The annotation's events as dyadic codings: one per (source actor, target actor) pair of every event that has both,
 * coded with the CAMEO root and the first three letters of each actor's code. A pair whose actor has no code is
 * left out and counted as uncoded; events with one side only, or none, are counted and left out.
 *
 * Identical codings of one annotation are collapsed to the first: the annotation is one gold sentence, and PETRARCH
 * emits each dyad once per sentence. Identical means the same root between actors with the same full codes, so two
 * triggers of one meeting ("met", "talks") count once, while a compound actor whose members differ only past the
 * first three letters (a country's legislature and its government, ABCLEG and ABCGOV) stays two codings, as the
 * gold lists it.
 */
export function predictCodings(annotation: Pick<Annotation, 'actors' | 'events'>): Prediction {
  const actors = new Map<string, Actor>(annotation.actors.map((a) => [a.id, a]));
  const coded = (id: string): CodingActor | null => {
    const actor = actors.get(id);
    if (actor === undefined || actor.code === null || actor.code.length < 3) return null;
    return { id, name: actor.name, code: actor.code };
  };
  const codings: PredictedCoding[] = [];
  const seen = new Set<string>();
  let oneSided = 0;
  let actorless = 0;
  let uncoded = 0;
  for (const event of annotation.events) {
    const sources = event.source.length;
    const targets = event.target.length;
    if (sources === 0 && targets === 0) actorless++;
    else if (sources === 0 || targets === 0) oneSided++;
    for (const sourceId of event.source) {
      for (const targetId of event.target) {
        const sourceActor = coded(sourceId);
        const targetActor = coded(targetId);
        if (sourceActor === null || targetActor === null) {
          uncoded++;
          continue;
        }
        const root = event.code.slice(0, 2);
        const key = `${root}|${sourceActor.code.toUpperCase()}|${targetActor.code.toUpperCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        codings.push({
          root,
          source: actorKey(sourceActor.code),
          target: actorKey(targetActor.code),
          event: event.id,
          code: event.code,
          trigger: event.trigger.text,
          sourceActor,
          targetActor,
        });
      }
    }
  }
  return { codings, oneSided, actorless, uncoded };
}

/**
 * Pairs a row's gold codings with its predicted ones, one to one: a gold coding is found by a prediction with the
 * same CAMEO root (first two characters of the event code) and the same first three letters of the source and of
 * the target code, compared in upper case. Gold is taken in order, each claiming the first free prediction that
 * matches; since a match is an equality of keys, this greedy pairing is also a maximal one.
 */
export function matchCodings(gold: readonly GoldCoding[], predicted: readonly PredictedCoding[], dyadOnly = false): CodingMatch {
  // dyadOnly: the same comparison without the root, to tell wrong actors from codes that differ.
  const strip = (key: string): string => (dyadOnly ? key.slice(key.indexOf('|')) : key);
  const free = predicted.map((p) => ({ p, key: strip(predictedKey(p)), used: false }));
  const match: CodingMatch = { tp: [], fp: [], fn: [] };
  for (const g of gold) {
    const key = strip(goldKey(g));
    const hit = free.find((f) => !f.used && f.key === key);
    if (hit === undefined) {
      match.fn.push(g);
      continue;
    }
    hit.used = true;
    match.tp.push({ gold: g, predicted: hit.p });
  }
  match.fp = free.filter((f) => !f.used).map((f) => f.p);
  return match;
}

/** Scores one row: its predicted codings against its gold. */
export function scoreRow(row: PetrarchRow, prediction: Prediction): RowResult {
  return { row, prediction, match: matchCodings(row.expected_events, prediction.codings) };
}

const CAMEO_ROOT = /^(?:0[1-9]|1[0-9]|20)$/;
const LETTERS3 = /^[A-Z]{3}/;

/**
 * Whether a gold coding is within reach of a CAMEO coder: its root is one of CAMEO's 01–20 and both actor codes
 * start with three letters. PETRARCH's unit tests also use made-up roots (90, 91, 34 …), "---" for an actor with no
 * country, and quoted strings for actors coded by their text; no coder but PETRARCH's test harness produces those.
 */
export function isReachable(g: GoldCoding): boolean {
  return (
    CAMEO_ROOT.test(g.eventcode.slice(0, 2)) &&
    LETTERS3.test(g.sourcecode.toUpperCase()) &&
    LETTERS3.test(g.targetcode.toUpperCase())
  );
}

interface Counts {
  rows: number;
  tp: number;
  fp: number;
  fn: number;
}

/** Sums the rows' matches: overall, per category, spurious codings in no-event rows, the reachable subset. */
export function scoreEvents(results: readonly RowResult[]): EventScore {
  const total: Counts = { rows: 0, tp: 0, fp: 0, fn: 0 };
  const categories = new Map<string, Counts>();
  let noEventRows = 0;
  let spuriousCodings = 0;
  const reachable = { gold: 0, found: 0 };
  const dyads = { tp: 0, fp: 0, fn: 0, sameRoot: 0 };
  let oneSided = 0;
  let actorless = 0;
  let uncoded = 0;
  for (const { row, prediction, match } of results) {
    const category = categories.get(row.category) ?? { rows: 0, tp: 0, fp: 0, fn: 0 };
    categories.set(row.category, category);
    for (const counts of [total, category]) {
      counts.rows++;
      counts.tp += match.tp.length;
      counts.fp += match.fp.length;
      counts.fn += match.fn.length;
    }
    if (row.expect_no_events) {
      noEventRows++;
      spuriousCodings += prediction.codings.length;
    }
    for (const { gold } of match.tp) if (isReachable(gold)) reachable.found++;
    const dyad = matchCodings(row.expected_events, prediction.codings, true);
    dyads.tp += dyad.tp.length;
    dyads.fp += dyad.fp.length;
    dyads.fn += dyad.fn.length;
    dyads.sameRoot += dyad.tp.filter(({ gold, predicted }) => gold.eventcode.slice(0, 2) === predicted.root).length;
    for (const gold of row.expected_events) if (isReachable(gold)) reachable.gold++;
    oneSided += prediction.oneSided;
    actorless += prediction.actorless;
    uncoded += prediction.uncoded;
  }
  const byCategory: Record<string, CategoryScore> = {};
  for (const name of [...categories.keys()].sort()) {
    const c = categories.get(name) as Counts;
    byCategory[name] = { rows: c.rows, ...typeScore(c.tp, c.fp, c.fn) };
  }
  return {
    rows: total.rows,
    overall: typeScore(total.tp, total.fp, total.fn),
    byCategory,
    noEventRows,
    spuriousCodings,
    spuriousPer10: noEventRows === 0 ? null : (spuriousCodings * 10) / noEventRows,
    reachable: { ...reachable, recall: reachable.gold === 0 ? 0 : reachable.found / reachable.gold },
    dyads: { ...typeScore(dyads.tp, dyads.fp, dyads.fn), sameRoot: dyads.sameRoot },
    oneSided,
    actorless,
    uncoded,
  };
}
