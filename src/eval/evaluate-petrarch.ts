/* eslint-disable no-console -- the eval's shell: stdout carries the report */
// `npm run eval -- --gold petrarch-unittest.jsonl`: annotates each of PETRARCH's unit-test sentences on its date, with
// the actors of PETR.Validate.actors.txt (read from the gold file's directory) as user vocabulary, and scores its event
// codings with score-events.ts: per unit-test category, the spurious codings where none is expected, and diagnostics.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UserVocabulary } from '../lexicon/lexicon.js';
import { parsePetrarchDictionary } from './petrarch-actors.js';
import type { SkippedEntry } from './petrarch-actors.js';
import { predictCodings, scoreEvents, scoreRow } from './score-events.js';
import type { EventScore, GoldCoding, PetrarchRow, PredictedCoding, Prediction, RowResult } from './score-events.js';
import type { TypeScore } from './score-entities.js';
import { annotateGold, firstItems } from './annotate-items.js';
import { oneLine, prfCells } from './format-lines.js';
import { parseGoldDate } from './parse-gold-date.js';
import type { EvalOptions, GoldSetKind, SetReport, SummaryRow } from './gold-set.js';
import { f1Row, refuseBaseline } from './gold-set.js';
import { UsageError } from './tool-args.js';

/** PETRARCH's actor dictionary for its unit tests, expected beside the gold file. */
const PETRARCH_ACTORS = 'PETR.Validate.actors.txt';

export function isPetrarch(record: Record<string, unknown>): boolean {
  return Array.isArray(record.expected_events);
}

function toPetrarchRows(file: string, records: Record<string, unknown>[]): PetrarchRow[] {
  return records.map((record, i) => {
    const where = `${file}: row ${i + 1}`;
    const { text, date, expected_events: expected, expect_no_events: noEvents, expected_error: error } = record;
    if (typeof text !== 'string' || !Array.isArray(expected)) {
      throw new UsageError(`${where}: not a PETRARCH-style record (text, expected_events[])`);
    }
    const codings = expected.map((e: unknown) => {
      const { eventcode, sourcecode, targetcode } = (e ?? {}) as Record<string, unknown>;
      if (typeof eventcode !== 'string' || typeof sourcecode !== 'string' || typeof targetcode !== 'string') {
        throw new UsageError(`${where}: an expected event without string eventcode, sourcecode and targetcode`);
      }
      return { eventcode, sourcecode, targetcode };
    });
    return {
      id: typeof record.id === 'string' ? record.id : `row ${i + 1}`,
      category: typeof record.category === 'string' ? record.category : '(none)',
      // Any date format is read (YYYYMMDD, YYYY-MM-DD, YYMMDD); a missing or unreadable one is annotated without.
      date: parseGoldDate(date),
      text,
      expected_events: codings,
      expect_no_events: noEvents === true,
      expected_error: typeof error === 'string' ? error : null,
    };
  });
}

interface PetrarchActors {
  file: string;
  vocabulary: UserVocabulary;
  skipped: SkippedEntry[];
}

/** The dictionary's actors as the annotator's user vocabulary; a missing dictionary is a usage error (exit 2). */
function readPetrarchActors(goldFile: string): PetrarchActors {
  const file = join(dirname(goldFile), PETRARCH_ACTORS);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read the PETRARCH actor dictionary ${file} (${code ?? (error as Error).message}): ` +
        `PETRARCH gold is scored with the actors of ${PETRARCH_ACTORS}, which must sit beside the gold file`,
    );
  }
  const { actors, skipped } = parsePetrarchDictionary(text);
  return { file, vocabulary: { actors, events: [] }, skipped };
}

interface EventErrorExample {
  row: string;
  kind: 'fp' | 'fn';
  text: string;
  /** The coding missed (fn) or spurious (fp). */
  coding: GoldCoding | PredictedCoding;
  gold: GoldCoding[];
  predicted: PredictedCoding[];
}

const emptyPrediction = (): Prediction => ({ codings: [], oneSided: 0, actorless: 0, uncoded: 0 });

/** Up to `limit` false negatives and `limit` false positives, in row order. */
function eventErrors(results: readonly RowResult[], limit: number): EventErrorExample[] {
  const fns: EventErrorExample[] = [];
  const fps: EventErrorExample[] = [];
  for (const { row, prediction, match } of results) {
    const context = { text: row.text, gold: row.expected_events, predicted: prediction.codings };
    for (const coding of match.fn) if (fns.length < limit) fns.push({ row: row.id, kind: 'fn', coding, ...context });
    for (const coding of match.fp) if (fps.length < limit) fps.push({ row: row.id, kind: 'fp', coding, ...context });
  }
  return [...fns, ...fps];
}

function describeGold(g: GoldCoding): string {
  return `${g.eventcode} ${g.sourcecode} → ${g.targetcode}`;
}

function describePredicted(p: PredictedCoding): string {
  const who = (a: PredictedCoding['sourceActor']): string => `${a.name} (${a.code})`;
  return `${p.event} «${oneLine(p.trigger)}» ${p.code} ${who(p.sourceActor)} → ${who(p.targetActor)}`;
}

function printEventErrors(examples: EventErrorExample[], limit: number): void {
  for (const kind of ['fn', 'fp'] as const) {
    const list = examples.filter((e) => e.kind === kind);
    console.log(`\n${kind === 'fn' ? 'false negatives' : 'false positives'} (up to ${limit}):${list.length === 0 ? ' none' : ''}`);
    for (const e of list) {
      const coding = kind === 'fn' ? describeGold(e.coding as GoldCoding) : describePredicted(e.coding as PredictedCoding);
      console.log(`  ${e.row}  ${kind === 'fn' ? 'missed' : 'spurious'}: ${coding}`);
      console.log(`    «${oneLine(e.text)}»`);
      console.log(`    gold:      ${e.gold.length === 0 ? 'none' : e.gold.map(describeGold).join('; ')}`);
      console.log(`    predicted: ${e.predicted.length === 0 ? 'none' : e.predicted.map(describePredicted).join('; ')}`);
    }
  }
}

function eventTable(score: EventScore): string {
  const width = Math.max(8, ...Object.keys(score.byCategory).map((c) => c.length));
  const line = (name: string, rows: number, s: TypeScore): string =>
    [
      name.padEnd(width),
      String(rows).padStart(5),
      String(s.gold).padStart(5),
      String(s.predicted).padStart(10),
      String(s.tp).padStart(4),
      String(s.fp).padStart(4),
      String(s.fn).padStart(4),
      ...prfCells(s),
    ].join(' ');
  const header = [
    'category'.padEnd(width),
    'rows'.padStart(5),
    'gold'.padStart(5),
    'predicted'.padStart(10),
    'TP'.padStart(4),
    'FP'.padStart(4),
    'FN'.padStart(4),
    'P'.padStart(6),
    'R'.padStart(6),
    'F1'.padStart(6),
  ].join(' ');
  const rows = Object.entries(score.byCategory).map(([name, s]) => line(name, s.rows, s));
  return [header, ...rows, line('all', score.rows, score.overall)].join('\n');
}

function evaluatePetrarch(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  refuseBaseline(options, 'PETRARCH', 'raw compromise codes no events');
  const rows = firstItems(toPetrarchRows(options.gold, records), options.limit);
  const actors = readPetrarchActors(options.gold);

  const annotated = annotateGold(options, rows, {
    unit: 'row',
    vocabulary: actors.vocabulary,
    annotateOptions: (row) => ({ path: row.id, date: row.date }),
    read: predictCodings,
    fallback: emptyPrediction,
  });
  if (annotated === null) return null;
  const { setupSeconds } = annotated;
  const run = {
    seconds: annotated.seconds,
    results: rows.map((row, i) => scoreRow(row, annotated.predictions[i]!)),
    failures: annotated.failures,
    undated: rows.filter((row) => row.date === null).length,
  };
  const score = scoreEvents(run.results);
  const examples = options.errors > 0 ? eventErrors(run.results, options.errors) : [];
  const skipped = actors.skipped.length;

  const json = {
    gold: options.gold,
    set: 'petrarch',
    actors: { file: actors.file, mapped: actors.vocabulary.actors.length, skipped: actors.skipped },
    failures: run.failures,
    ...(run.undated > 0 ? { undatedRows: run.undated } : {}),
    annotate: { seconds: run.seconds, setupSeconds },
    ...score,
    ...(options.errors > 0 ? { errors: examples } : {}),
  };
  const o = score.overall;
  const d = score.dyads;
  const summary: SummaryRow[] = [
    f1Row(
      'petrarch',
      'codings: root + source + target',
      o,
      `source + target alone F1 ${d.f1.toFixed(3)} (root agrees on ${d.sameRoot}/${d.tp}); ` +
        (score.spuriousPer10 === null ? 'no row expects no events' : `${score.spuriousCodings} spurious in ${score.noEventRows} no-event rows`),
      { dyadF1: d.f1, dyadsFound: d.tp, sameRoot: d.sameRoot, spuriousCodings: score.spuriousCodings, noEventRows: score.noEventRows },
    ),
  ];
  const print = (): void => {
    console.log(
      `${options.gold}: ${score.rows} rows, ${o.gold} gold codings, ${o.predicted} predicted codings; ` +
        `TP ${o.tp} FP ${o.fp} FN ${o.fn}; P ${o.precision.toFixed(3)} R ${o.recall.toFixed(3)} F1 ${o.f1.toFixed(3)}`,
    );
    console.log(
      `actors: ${actors.vocabulary.actors.length} from ${actors.file}` +
        (skipped > 0 ? ` (${skipped} ${skipped === 1 ? 'entry' : 'entries'} left out: ${skippedSummary(actors.skipped)})` : '') +
        `; annotate ${run.seconds.toFixed(2)} s (+${setupSeconds.toFixed(2)} s setup)`,
    );
    if (run.undated > 0) console.log(`${run.undated} rows without a readable date (YYYYMMDD, YYYY-MM-DD or YYMMDD): annotated without one`);
    console.log('');
    console.log(eventTable(score));
    console.log('');
    console.log(
      score.spuriousPer10 === null
        ? 'spurious codings: no row expects no events'
        : `spurious codings: ${score.spuriousCodings} in ${score.noEventRows} sentences that expect none ` +
            `= ${score.spuriousPer10.toFixed(2)} per 10 such sentences`,
    );
    const r = score.reachable;
    console.log(
      `diagnostic, not the score: recall ${r.recall.toFixed(3)} (${r.found}/${r.gold}) on the gold codings within reach ` +
        `of a CAMEO coder (root 01–20, source and target codes starting with three letters)`,
    );
    console.log(
      `diagnostic, not the score: source + target alone P ${d.precision.toFixed(3)} R ${d.recall.toFixed(3)} F1 ${d.f1.toFixed(3)}; ` +
        `the root agrees on ${d.sameRoot} of the ${d.tp} dyads found`,
    );
    console.log(
      `not scored: ${score.oneSided} one-sided events (source or target only), ${score.actorless} events without actors, ` +
        `${score.uncoded} actor pairs without a code`,
    );
    if (options.errors > 0) printEventErrors(examples, options.errors);
  };
  return { set: 'petrarch', file: options.gold, json, summary, models: annotated.models, print };
}

function skippedSummary(skipped: readonly SkippedEntry[]): string {
  const counts = new Map<string, number>();
  const phrase: Record<SkippedEntry['reason'], string> = {
    'discard code': 'with a discard code',
    'no code': 'without a code',
    'duplicate name': 'with a name already taken',
  };
  for (const s of skipped) counts.set(phrase[s.reason], (counts.get(phrase[s.reason]) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ');
}

export const PETRARCH: GoldSetKind = {
  set: 'petrarch',
  detect: isPetrarch,
  evaluate: evaluatePetrarch,
  about: `PETRARCH event codings (expected_events, e.g. ../shared/eval/petrarch-unittest.jsonl): a gold coding is found by
  an event of the same CAMEO root whose source and target codes share their first three letters. The actors come
  from PETR.Validate.actors.txt, read from the gold file's directory.`,
};
