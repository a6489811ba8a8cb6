/* eslint-disable no-console -- a command-line tool: stdout carries its results, stderr its progress and errors */
// `npm run eval -- --gold <file.jsonl>`: scores the annotator against a gold set from ../shared/eval (read at run time,
// never copied) and prints precision, recall and F1: per entity type for CoNLL (--baseline scores raw compromise
// alongside), per unit-test category for PETRARCH's event codings, per CAMEO root group for CASE 2021's event types
// and WikiEvents' triggers and arguments, per part of a claim (cue, source, content) for PolNeAR, with and without
// the holder for MPQA's stances, and per polarity class of the stances toward a person for NewsMTSC. `--all` gives
// the headline figures of every set in one table (evaluate-all.ts), `--corpus` the event density of a raw corpus
// (evaluate-corpus.ts). The newer sets' evaluators live in evaluate-<set>.ts beside this file.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Annotator } from '../index.js';
import type { UserVocabulary } from '../lexicon/lexicon.js';
import { compromiseEntitySpans } from './compromise-baseline.js';
import {
  ENTITY_TYPES,
  combineScores,
  matchSpans,
  predictEntitySpans,
  scoreMatch,
} from './score-entities.js';
import { toUtf16Offsets } from '../text/code-points.js';
import type { EntityScore, EntitySpan, EntityType, GoldEntity, TypeScore } from './score-entities.js';
import { parsePetrarchDictionary } from './petrarch-actors.js';
import type { SkippedEntry } from './petrarch-actors.js';
import { CUE_WORDS, cueWord, predictClaims, scoreClaimDoc, scoreClaims } from './score-claims.js';
import type { ClaimDoc, ClaimDocResult, ClaimScore, CueWordCount, Fragment, Goal, GoldAttribution, PredictedClaim } from './score-claims.js';
import { POLARITY_CLASSES, predictStances, scoreSentence, scoreStances } from './score-stances.js';
import type { GoldPolarity, GoldTarget, PolarityScore, StanceScore, StanceSentence, TargetResult } from './score-stances.js';
import { predictCodings, scoreEvents, scoreRow } from './score-events.js';
import type { EventScore, GoldCoding, PetrarchRow, PredictedCoding, Prediction, RowResult } from './score-events.js';
import { UsageError, parseToolArgs, positiveInteger, runTool } from './tool-args.js';
import { annotateEach, progress, reportFailures, timedAnnotator } from './annotate-items.js';
import { inContext, oneLine, prfCells, ratioText, verdict } from './format-lines.js';
import { parseGoldDate } from './parse-gold-date.js';
import { readJsonLines, toRange } from './read-gold.js';
import { refuseBaseline } from './gold-set.js';
import { evaluateCase2021, isCase2021 } from './evaluate-case2021.js';
import { evaluateWikiEvents, isWikiEvents } from './evaluate-wikievents.js';
import { evaluateMpqa, isMpqa } from './evaluate-mpqa.js';
import { corpusJson, evaluateCorpus, printCorpus, reportCorpusFailures } from './evaluate-corpus.js';
import type { CorpusOptions } from './evaluate-corpus.js';
import { evaluateAll } from './evaluate-all.js';
import type { AllOptions } from './evaluate-all.js';
import type { EvalOptions, GoldSetKind, SetReport, SummaryRow } from './gold-set.js';

/** Where --all looks when given no directory: the gold sets beside the project (run from its root). */
const DEFAULT_GOLD_DIR = '../shared/eval';

/** Worker threads for --corpus: the two the issue asks for (most of its time is annotating). */
const CORPUS_JOBS = 2;

const USAGE = `usage: npm run eval -- --gold <file.jsonl> [options]
       npm run eval -- --all [dir] [--corpus <dir>] [--limit <n>] [--json]
       npm run eval -- --corpus <dir> [--sample <n>] [--seed <n>] [--jobs <n>] [--limit <n>] [--json]

  --gold <file>    gold set, JSON Lines (../shared/eval/conll2003-dev.jsonl): its detailed scores
  --all [dir]      every dev gold set in dir (default ${DEFAULT_GOLD_DIR}) that the eval knows, in one summary table
                   of their headline figures (with --corpus, the corpus's density table after it)
  --corpus <dir>   a raw corpus without gold (../shared/corpus/bbc): annotates every *.txt and *.md under it and
                   prints per folder the events per article and the events of roots 18–20 (fighting) per article
  --sample <n>     with --corpus: show n randomly drawn root 18–20 events per folder in their sentence (--errors
                   does the same); --seed <n> draws another sample (default 1); --jobs <n> worker threads (default 2)
  --limit <n>      score only the first n documents (rows, snippets, sentences or articles, as the set has them;
                   per folder for --corpus)
  --errors <n>     list up to n errors of each kind, with context: false positives and negatives (per type for CoNLL,
                   missed snippets per group for CASE 2021), wrong arguments (WikiEvents), wrong sources (PolNeAR)
  --baseline       also score raw compromise (.people/.organizations/.places) and show the difference (CoNLL only)
  --json           print the result as JSON on stdout
  -h, --help       show this help

Gold sets scored:
  CoNLL entities (entities typed PER/ORG/LOC/MISC): exact spans per type; MISC is not scored.
  PETRARCH event codings (expected_events, e.g. ../shared/eval/petrarch-unittest.jsonl): a gold coding is found by
    an event of the same CAMEO root whose source and target codes share their first three letters. The actors come
    from PETR.Validate.actors.txt, read from the gold file's directory.
  CASE 2021 event types (text, event_type, e.g. ../shared/eval/case2021-dev.jsonl): each snippet annotated alone; its
    ACLED type maps to a group of CAMEO roots (fight 18–20, protest 14, coerce 15/17, cooperate 01–08) and it is found
    when one of its events has such a root; each other group its events fall into is a false positive.
    NATURAL_DISASTER snippets should hold no event of a group (counted apart); other types are not scored.
  WikiEvents (entities, events with triggers and arguments, e.g. ../shared/eval/wikievents-dev.jsonl): KAIROS types
    map to CAMEO root groups (Conflict.Attack, Life.Die/Injure → 18–20; Conflict.Demonstrate → 14; Justice.Arrest…
    → 17; …; see src/eval/score-wikievents.ts); a gold event is found by an event whose trigger overlaps its trigger
    with a root of the group. Precision over the events judged: those overlapping a mapped gold trigger, or of root
    14, 15, 17–20 anywhere. Arguments of found events: the gold role's side (Attacker → source, Victim → target …)
    must hold an actor with a mention overlapping the argument or its coreference cluster.
  PolNeAR claims (attributions, e.g. ../shared/eval/polnear-dev.jsonl): cues paired one to one on exact spans; a
    source is found when its span overlaps the gold source; contents compared by the letter/digit tokens they share.
  MPQA stances (doc_id, sent_index, opinions, e.g. ../shared/eval/mpqa-dev.jsonl): each article rebuilt from its
    sentences joined with "\\n" and annotated whole; gold stances are the sentiment-pos/neg and agree-pos/neg opinions
    with a target (pos → support, neg → oppose). Found by a stance of the same polarity whose target overlaps; "with
    holder" also needs the holder to overlap where the gold names one. P over every annotate stance.
  NewsMTSC stances (targets with a polarity, e.g. ../shared/eval/newsmtsc-devtest_mt.jsonl): each gold person takes
    the polarity of the stances toward them (oppose → negative, support → positive, none → neutral); macro-F1.`;

interface ConllDoc {
  id: string;
  text: string;
  entities: GoldEntity[];
}

interface ErrorExample {
  doc: string;
  kind: 'fp' | 'fn';
  type: EntityType;
  start: number;
  end: number;
  text: string;
  context: string;
  /** Overlapping spans from the other side: gold (any type, MISC included) for an FP, predictions for an FN. */
  overlaps: string[];
}

interface SystemResult {
  seconds: number;
  score: EntityScore;
}

/** What the command line asks for: one gold file in detail, every gold file of a directory in one summary (with or
 *  without the corpus), or the corpus alone. */
type Command =
  | { mode: 'gold'; options: EvalOptions }
  | { mode: 'all'; options: AllOptions }
  | { mode: 'corpus'; options: CorpusOptions; json: boolean }
  | 'help';

/** `--all` may stand without its directory: parseArgs wants a value, so the default is filled in first. */
function withAllDirectory(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) => {
    const next = argv[i + 1];
    return arg === '--all' && (next === undefined || next.startsWith('-')) ? [`--all=${DEFAULT_GOLD_DIR}`] : [arg];
  });
}

function parseOptions(argv: string[]): Command {
  const values = parseToolArgs(withAllDirectory(argv), {
    gold: { type: 'string' },
    all: { type: 'string' },
    corpus: { type: 'string' },
    limit: { type: 'string' },
    errors: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string' },
    jobs: { type: 'string' },
    baseline: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (values.help) return 'help';
  const limit = positiveInteger('limit', values.limit, false);
  const errors = positiveInteger('errors', values.errors, true);
  const json = values.json ?? false;
  const baseline = values.baseline ?? false;
  const { gold, all, corpus } = values;
  if (gold !== undefined && (all !== undefined || corpus !== undefined)) {
    throw new UsageError('--gold scores one file: use it without --all and --corpus', true);
  }
  if (gold === undefined && all === undefined && corpus === undefined) {
    throw new UsageError('missing --gold <file.jsonl>, --all [dir] or --corpus <dir>', true);
  }
  if (corpus === undefined) {
    for (const name of ['sample', 'seed', 'jobs'] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} applies to --corpus`, true);
    }
  }
  if (gold !== undefined) {
    if (gold === '') throw new UsageError('missing --gold <file.jsonl>', true);
    return { mode: 'gold', options: { gold, limit, errors: errors ?? 0, baseline, json } };
  }
  if (baseline) throw new UsageError('--baseline applies to --gold with CoNLL gold', true);
  if (all !== undefined && corpus === undefined && errors !== null) {
    throw new UsageError('--errors lists one set\'s errors: use it with --gold (with --corpus it samples the corpus)', true);
  }
  const corpusOptions: CorpusOptions | null =
    corpus === undefined
      ? null
      : {
          dir: corpus,
          jobs: positiveInteger('jobs', values.jobs, false) ?? CORPUS_JOBS,
          limit,
          sample: positiveInteger('sample', values.sample, true) ?? errors ?? 0,
          seed: positiveInteger('seed', values.seed, true) ?? 1,
        };
  if (all !== undefined) return { mode: 'all', options: { dir: all === '' ? DEFAULT_GOLD_DIR : all, limit, json, corpus: corpusOptions } };
  return { mode: 'corpus', options: corpusOptions!, json };
}

const CONLL_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

function isConll(record: Record<string, unknown>): boolean {
  const entities = record.entities;
  return (
    typeof record.text === 'string' &&
    Array.isArray(entities) &&
    !('events' in record) &&
    entities.every((e) => typeof e === 'object' && e !== null && CONLL_TYPES.has((e as { type?: unknown }).type as string))
  );
}

/** Says why a file that is none of the gold sets scored is not scored. */
function unsupportedSet(record: Record<string, unknown>): string {
  const fields = Object.keys(record).slice(0, 8).join(', ');
  return (
    `unsupported gold set (fields: ${fields}): scored are CoNLL-style entities typed PER/ORG/LOC/MISC, PETRARCH ` +
    `expected_events, CASE 2021 event_type, WikiEvents events with arguments, PolNeAR attributions, MPQA opinions ` +
    `and NewsMTSC targets with a polarity`
  );
}

function toConllDocs(file: string, records: Record<string, unknown>[]): ConllDoc[] {
  return records.map((record, i) => {
    const where = `${file}: document ${i + 1}`;
    if (!isConll(record)) throw new UsageError(`${where}: not a CoNLL-style record (text, entities[PER|ORG|LOC|MISC])`);
    const entities = (record.entities as Record<string, unknown>[]).map((e) => {
      const { start, end, type, text } = e;
      if (!Number.isInteger(start) || !Number.isInteger(end)) throw new UsageError(`${where}: entity without integer offsets`);
      return { start, end, type, ...(typeof text === 'string' ? { text } : {}) } as GoldEntity;
    });
    return { id: typeof record.id === 'string' ? record.id : `document ${i + 1}`, text: record.text as string, entities };
  });
}

function describe(text: string, s: { start: number; end: number; type: string }): string {
  return `${s.type} «${oneLine(text.slice(s.start, s.end))}»`;
}

function example(doc: ConllDoc, kind: 'fp' | 'fn', span: EntitySpan, others: readonly { start: number; end: number; type: string }[]): ErrorExample {
  const { text } = doc;
  return {
    doc: doc.id,
    kind,
    type: span.type,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    context: inContext(text, span),
    overlaps: others.filter((o) => o.start < span.end && span.start < o.end).map((o) => describe(text, o)),
  };
}

function runAnnotate(docs: ConllDoc[], annotator: Annotator, errorLimit: number) {
  const scores: EntityScore[] = [];
  const examples: ErrorExample[] = [];
  const shown = new Map<string, number>();
  const run = annotateEach(docs, annotator, (doc) => ({ path: doc.id }), (annotation, doc) => predictEntitySpans(annotation, doc.text, toUtf16Offsets(doc.text)), (): EntitySpan[] => []);
  docs.forEach((doc, i) => {
    const predicted = run.predictions[i]!;
    const match = matchSpans(doc.entities, predicted);
    scores.push(scoreMatch(match));
    if (errorLimit > 0) {
      for (const [kind, spans, others] of [['fp', match.fp, doc.entities], ['fn', match.fn, predicted]] as const) {
        for (const span of spans) {
          const key = `${kind}:${span.type}`;
          const count = shown.get(key) ?? 0;
          if (count >= errorLimit) continue;
          shown.set(key, count + 1);
          examples.push(example(doc, kind, span, others));
        }
      }
    }
  });
  return { seconds: run.seconds, score: combineScores(scores), examples, failures: run.failures };
}

function runBaseline(docs: ConllDoc[]): SystemResult {
  const scores: EntityScore[] = [];
  let milliseconds = 0;
  docs.forEach((doc, i) => {
    const t0 = performance.now();
    const predicted = compromiseEntitySpans(doc.text);
    milliseconds += performance.now() - t0;
    scores.push(scoreMatch(matchSpans(doc.entities, predicted)));
    progress('compromise', i + 1, docs.length);
  });
  return { seconds: milliseconds / 1000, score: combineScores(scores) };
}

function table(name: string, score: EntityScore, reference?: EntityScore): string {
  const header = [name.padEnd(10), 'gold'.padStart(7), 'predicted'.padStart(10), 'P'.padStart(6), 'R'.padStart(6), 'F1'.padStart(6)];
  if (reference) header.push('ΔF1'.padStart(7));
  const rows = [header.join(' ')];
  for (const type of [...ENTITY_TYPES, 'micro'] as const) {
    const s = type === 'micro' ? score.micro : score.byType[type];
    const row = [
      type.padEnd(10),
      String(s.gold).padStart(7),
      String(s.predicted).padStart(10),
      ...prfCells(s),
    ];
    if (reference) {
      const r = type === 'micro' ? reference.micro : reference.byType[type];
      const delta = r.f1 - s.f1;
      row.push(`${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(3)}`.padStart(7));
    }
    rows.push(row.join(' '));
  }
  return rows.join('\n');
}

function printErrors(examples: ErrorExample[], limit: number): void {
  console.log(`\nerrors (annotate), up to ${limit} false positives and ${limit} false negatives per type:`);
  for (const type of ENTITY_TYPES) {
    for (const kind of ['fp', 'fn'] as const) {
      const list = examples.filter((e) => e.type === type && e.kind === kind);
      if (list.length === 0) continue;
      console.log(`${type} ${kind === 'fp' ? 'false positives' : 'false negatives'}:`);
      for (const e of list) {
        const also = e.overlaps.length > 0 ? `   (${kind === 'fp' ? 'gold' : 'predicted'}: ${e.overlaps.join(', ')})` : '';
        console.log(`  ${e.doc} @${e.start}  «${oneLine(e.text)}»  …${e.context}…${also}`);
      }
    }
  }
}

function evaluateEntities(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  const allDocs = toConllDocs(options.gold, records);
  const docs = options.limit === null ? allDocs : allDocs.slice(0, options.limit);

  const entities = docs.reduce((n, d) => n + d.entities.length, 0);
  const misc = docs.reduce((n, d) => n + d.entities.filter((e) => e.type === 'MISC').length, 0);
  const mismatched = docs.reduce(
    (n, d) => n + d.entities.filter((e) => e.text !== undefined && d.text.slice(e.start, e.end) !== e.text).length,
    0,
  );
  if (mismatched > 0) console.error(`warning: ${mismatched} gold entities whose text does not match their offsets`);

  const setup = timedAnnotator();
  if (setup === null) return null;
  const { annotator, setupSeconds } = setup;

  const result = runAnnotate(docs, annotator, options.errors);
  if (!reportFailures(result.failures, docs.length, 'document')) return null;
  const baseline = options.baseline ? runBaseline(docs) : null;

  const json = {
    gold: options.gold,
    set: 'conll2003',
    documents: docs.length,
    goldEntities: entities,
    miscNotScored: misc,
    failures: result.failures,
    annotate: { seconds: result.seconds, setupSeconds, ...flatten(result.score) },
    ...(baseline ? { compromise: { seconds: baseline.seconds, ...flatten(baseline.score) } } : {}),
    ...(options.errors > 0 ? { errors: result.examples } : {}),
  };
  const { micro, byType } = result.score;
  const summary: SummaryRow[] = [
    {
      set: 'conll2003',
      measure: 'entities, exact span (micro)',
      gold: micro.gold,
      predicted: micro.predicted,
      precision: micro.precision,
      recall: micro.recall,
      score: micro.f1,
      scoreName: 'F1',
      note: `F1 ${ENTITY_TYPES.map((t) => `${t} ${byType[t].f1.toFixed(3)}`).join(' · ')}`,
      figures: Object.fromEntries(ENTITY_TYPES.map((t) => [`${t}F1`, byType[t].f1])),
    },
  ];
  const print = (): void => {
    const seconds = (s: number): string => `${s.toFixed(2)} s`;
    console.log(
      `${options.gold}: ${docs.length} documents, ${entities} gold entities (${misc} MISC, not scored); ` +
        `annotate ${seconds(result.seconds)} (+${seconds(setupSeconds)} setup)` +
        (baseline ? `, compromise ${seconds(baseline.seconds)}` : ''),
    );
    console.log('');
    console.log(table('annotate', result.score));
    if (baseline) {
      console.log('');
      console.log(table('compromise', baseline.score, result.score));
      console.log('ΔF1 = annotate − compromise');
    }
    if (options.errors > 0) printErrors(result.examples, options.errors);
  };
  return { set: 'conll2003', file: options.gold, json, summary, print };
}

function flatten(score: EntityScore): Record<EntityType | 'micro', TypeScore> {
  return { ...score.byType, micro: score.micro };
}

// --- PETRARCH event codings -------------------------------------------------------------------------------------

/** PETRARCH's actor dictionary for its unit tests, expected beside the gold file. */
const PETRARCH_ACTORS = 'PETR.Validate.actors.txt';

function isPetrarch(record: Record<string, unknown>): boolean {
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

function annotateRows(rows: PetrarchRow[], annotator: Annotator) {
  const run = annotateEach(rows, annotator, (row) => ({ path: row.id, date: row.date }), predictCodings, emptyPrediction);
  return {
    seconds: run.seconds,
    results: rows.map((row, i) => scoreRow(row, run.predictions[i]!)),
    failures: run.failures,
    undated: rows.filter((row) => row.date === null).length,
  };
}

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
  const allRows = toPetrarchRows(options.gold, records);
  const rows = options.limit === null ? allRows : allRows.slice(0, options.limit);
  const actors = readPetrarchActors(options.gold);

  const setup = timedAnnotator(actors.vocabulary);
  if (setup === null) return null;
  const { annotator, setupSeconds } = setup;

  const run = annotateRows(rows, annotator);
  if (!reportFailures(run.failures, rows.length, 'row')) return null;
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
    {
      set: 'petrarch',
      measure: 'codings: root + source + target',
      gold: o.gold,
      predicted: o.predicted,
      precision: o.precision,
      recall: o.recall,
      score: o.f1,
      scoreName: 'F1',
      note:
        `source + target alone F1 ${d.f1.toFixed(3)} (root agrees on ${d.sameRoot}/${d.tp}); ` +
        (score.spuriousPer10 === null ? 'no row expects no events' : `${score.spuriousCodings} spurious in ${score.noEventRows} no-event rows`),
      figures: { dyadF1: d.f1, dyadsFound: d.tp, sameRoot: d.sameRoot, spuriousCodings: score.spuriousCodings, noEventRows: score.noEventRows },
    },
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
  return { set: 'petrarch', file: options.gold, json, summary, print };
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


// --- PolNeAR claims ---------------------------------------------------------------------------------------------

function isPolnear(record: Record<string, unknown>): boolean {
  return typeof record.text === 'string' && Array.isArray(record.attributions);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A gold list of fragments, checked against the text; `mismatched` counts fragments whose text differs from their offsets. */
function toFragments(value: unknown, text: string, where: string, mismatched: { count: number }): Fragment[] {
  if (!Array.isArray(value)) throw new UsageError(`${where}: not a list of {start, end, text} fragments`);
  return value.map((f: unknown) => {
    const { start, end, text: given } = (f ?? {}) as Record<string, unknown>;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) > (end as number) || (end as number) > text.length) {
      throw new UsageError(`${where}: a fragment without integer offsets inside the text`);
    }
    const slice = text.slice(start as number, end as number);
    if (typeof given === 'string' && given !== slice) mismatched.count++;
    return { start: start as number, end: end as number, text: slice };
  });
}

function toClaimDocs(file: string, records: Record<string, unknown>[], mismatched: { count: number }): ClaimDoc[] {
  return records.map((record, i) => {
    const id = typeof record.id === 'string' ? record.id : `article ${i + 1}`;
    const where = `${file}: article ${i + 1}`;
    const { text, date, attributions } = record;
    if (typeof text !== 'string' || !Array.isArray(attributions)) {
      throw new UsageError(`${where}: not a PolNeAR-style record (text, attributions[])`);
    }
    const gold = attributions.map((a: unknown, j): GoldAttribution => {
      const fields = (a ?? {}) as Record<string, unknown>;
      const at = `${where}, attribution ${j + 1}`;
      return {
        id: typeof fields.id === 'string' ? fields.id : `attribution ${j + 1}`,
        source: toFragments(fields.source, text, `${at}: source`, mismatched),
        cue: toFragments(fields.cue, text, `${at}: cue`, mismatched),
        content: toFragments(fields.content, text, `${at}: content`, mismatched),
      };
    });
    // The article's date anchors relative dates; a malformed one is dropped rather than failing the annotation.
    return { id, text, date: typeof date === 'string' && ISO_DATE.test(date) ? date : null, attributions: gold };
  });
}

function annotateArticles(docs: ClaimDoc[], annotator: Annotator) {
  const run = annotateEach(docs, annotator, (doc) => ({ path: doc.id, date: doc.date }), (annotation, doc) => predictClaims(annotation, doc.text), (): PredictedClaim[] => []);
  return { seconds: run.seconds, results: docs.map((doc, i) => scoreClaimDoc(doc, run.predictions[i]!)), failures: run.failures };
}

interface ClaimErrorExample {
  doc: string;
  kind: 'fp' | 'fn' | 'source';
  start: number;
  cue: string;
  context: string;
  /** The source on each side, and for a cue error the overlapping cues of the other side (boundary mistakes). */
  detail: string;
}

const quoted = (fragments: readonly Fragment[]): string =>
  fragments.length === 0 ? 'none' : fragments.map((f) => `«${oneLine(f.text)}»`).join(' + ');

function overlapping(span: Fragment, others: readonly Fragment[]): Fragment[] {
  return others.filter((o) => o.start < span.end && span.start < o.end);
}

/** Up to `limit` false-positive cues, `limit` missed cues and `limit` matched cues with a wrong source, in article order. */
function claimErrors(results: readonly ClaimDocResult[], limit: number): ClaimErrorExample[] {
  const lists = { fp: [] as ClaimErrorExample[], fn: [] as ClaimErrorExample[], source: [] as ClaimErrorExample[] };
  const add = (kind: keyof typeof lists, e: Omit<ClaimErrorExample, 'kind'>): void => {
    if (lists[kind].length < limit) lists[kind].push({ kind, ...e });
  };
  for (const { doc, predicted, exact } of results) {
    const goldCues = doc.attributions.flatMap((a) => a.cue);
    const predictedCues = predicted.map((p) => p.cue);
    for (const p of exact.fp) {
      const near = overlapping(p.cue, goldCues);
      const detail = `source ${quoted(p.source === null ? [] : [p.source])}` + (near.length > 0 ? `; gold cue ${quoted(near)}` : '');
      add('fp', { doc: doc.id, start: p.cue.start, cue: cueWord([p.cue]), context: inContext(doc.text, p.cue), detail });
    }
    for (const g of exact.fn) {
      const cue = g.cue[0];
      if (cue === undefined) continue; // a gold attribution without a cue has nothing to show in context
      const near = overlapping(cue, predictedCues);
      const detail = `source ${quoted(g.source)}` + (near.length > 0 ? `; predicted cue ${quoted(near)}` : '');
      add('fn', { doc: doc.id, start: cue.start, cue: cueWord(g.cue), context: inContext(doc.text, cue), detail });
    }
  }
  for (const { doc, wrongSource } of results) {
    for (const { gold, predicted: p } of wrongSource) {
      const detail = `gold source ${quoted(gold.source)}, predicted ${quoted(p.source === null ? [] : [p.source])}`;
      add('source', { doc: doc.id, start: p.cue.start, cue: cueWord([p.cue]), context: inContext(doc.text, p.cue), detail });
    }
  }
  return [...lists.fp, ...lists.fn, ...lists.source];
}

function printClaimErrors(examples: readonly ClaimErrorExample[], limit: number): void {
  const titles = { fp: 'false-positive cues', fn: 'missed cues', source: 'matched cues with a wrong source' } as const;
  for (const kind of ['fp', 'fn', 'source'] as const) {
    const list = examples.filter((e) => e.kind === kind);
    console.log(`\n${titles[kind]} (up to ${limit}):${list.length === 0 ? ' none' : ''}`);
    for (const e of list) console.log(`  ${e.doc} @${e.start}  «${e.cue}»  …${e.context}…   (${e.detail})`);
  }
}

const CUE_COLUMNS = [26, 6, 10, 5, 5, 5, 6, 6, 6];

function cueColumns(cells: readonly string[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(CUE_COLUMNS[0] ?? 0) : cell.padStart(CUE_COLUMNS[i] ?? 0))).join(' ');
}

function cueRow(name: string, s: TypeScore, goal?: Goal): string {
  const counts = [s.gold, s.predicted, s.tp, s.fp, s.fn].map(String);
  const row = cueColumns([name, ...counts, ...[s.precision, s.recall, s.f1].map((x) => x.toFixed(3))]);
  return goal === undefined ? row : `${row}   ${verdict(goal)}`;
}

/** The missed and the false-positive cue words side by side: what to add to the cue lexicon, what to take out. */
function cueWordTable(missed: readonly CueWordCount[], spurious: readonly CueWordCount[]): string {
  const cell = (c: CueWordCount | undefined): string => (c === undefined ? '' : `${String(c.count).padStart(5)}  ${c.word}`);
  const width = Math.max(28, ...missed.map((c) => cell(c).length + 2));
  const rows = [`${'missed gold cues'.padEnd(width)}false-positive cues`];
  for (let i = 0; i < Math.max(missed.length, spurious.length, 1); i++) {
    rows.push(`${cell(missed[i]).padEnd(width)}${cell(spurious[i])}`.trimEnd());
  }
  return rows.join('\n');
}

function printClaims(file: string, score: ClaimScore, seconds: number, setupSeconds: number): void {
  const [cueGoal, sourceGoal, contentGoal] = score.goals;
  const { source: s, content: c } = score;
  console.log(
    `${file}: ${score.documents} articles, ${score.goldAttributions} gold attributions` +
      (score.goldWithoutCue > 0 ? ` (${score.goldWithoutCue} without a cue, never matchable)` : '') +
      `, ${score.predictedClaims} predicted claims; annotate ${seconds.toFixed(2)} s (+${setupSeconds.toFixed(2)} s setup)`,
  );
  console.log('');
  console.log(cueColumns(['cue', 'gold', 'predicted', 'TP', 'FP', 'FN', 'P', 'R', 'F1']));
  console.log(cueRow('exact span (the score)', score.cue, cueGoal));
  console.log(cueRow('overlapping (diagnostic)', score.cueLenient));
  console.log('');
  console.log(
    `source recall: ${ratioText(s.found, s.withSource)} of the gold attributions with a source have an exactly matched ` +
      `cue whose predicted source overlaps theirs` + (sourceGoal ? `   ${verdict(sourceGoal)}` : ''),
  );
  console.log(`source accuracy on matched cues: ${ratioText(s.found, s.matchedWithSource)}`);
  console.log(
    `sourceless gold attributions: ${s.sourceless}, ${s.sourcelessMatched} of them cue-matched; ` +
      `predicted without a source on ${ratioText(s.sourcelessNone, s.sourcelessMatched)} of those`,
  );
  console.log(
    `content token overlap over ${c.pairs} matched cues: P ${c.precision.toFixed(3)} R ${c.recall.toFixed(3)} ` +
      `F1 ${c.f1.toFixed(3)} (${c.overlap} shared of ${c.predictedTokens} predicted, ${c.goldTokens} gold tokens)` +
      (contentGoal ? `   ${verdict(contentGoal)}` : ''),
  );
  console.log(`\nmost frequent cue words, exact matching (top ${CUE_WORDS}):`);
  console.log(cueWordTable(score.missedCueWords, score.spuriousCueWords));
}

function evaluateClaims(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  refuseBaseline(options, 'PolNeAR', 'raw compromise finds no attributions');
  const mismatched = { count: 0 };
  const allDocs = toClaimDocs(options.gold, records, mismatched);
  const docs = options.limit === null ? allDocs : allDocs.slice(0, options.limit);
  if (mismatched.count > 0) console.error(`warning: ${mismatched.count} gold fragments whose text does not match their offsets`);

  const setup = timedAnnotator();
  if (setup === null) return null;
  const { annotator, setupSeconds } = setup;

  const run = annotateArticles(docs, annotator);
  if (!reportFailures(run.failures, docs.length, 'article')) return null;
  const score = scoreClaims(run.results);
  const examples = options.errors > 0 ? claimErrors(run.results, options.errors) : [];

  const json = {
    gold: options.gold,
    set: 'polnear',
    failures: run.failures,
    annotate: { seconds: run.seconds, setupSeconds },
    ...score,
    ...(options.errors > 0 ? { errors: examples } : {}),
  };
  const summary: SummaryRow[] = [
    {
      set: 'polnear',
      measure: 'claim cues, exact span',
      gold: score.cue.gold,
      predicted: score.cue.predicted,
      precision: score.cue.precision,
      recall: score.cue.recall,
      score: score.cue.f1,
      scoreName: 'F1',
      note:
        `source recall ${score.source.recall.toFixed(3)} · content token F1 ${score.content.f1.toFixed(3)} · ` +
        `overlapping cues F1 ${score.cueLenient.f1.toFixed(3)}`,
      figures: { sourceRecall: score.source.recall, contentF1: score.content.f1, overlappingCueF1: score.cueLenient.f1 },
    },
  ];
  const print = (): void => {
    printClaims(options.gold, score, run.seconds, setupSeconds);
    if (options.errors > 0) printClaimErrors(examples, options.errors);
  };
  return { set: 'polnear', file: options.gold, json, summary, print };
}

// --- NewsMTSC stances -------------------------------------------------------------------------------------------

function isNewsMtsc(record: Record<string, unknown>): boolean {
  const targets = record.targets;
  return (
    typeof record.text === 'string' &&
    Array.isArray(targets) &&
    targets.every((t) => typeof t === 'object' && t !== null && 'polarity' in t)
  );
}

function isGoldPolarity(value: unknown): value is GoldPolarity {
  return (POLARITY_CLASSES as readonly unknown[]).includes(value);
}

function toStanceSentences(file: string, records: Record<string, unknown>[]): StanceSentence[] {
  return records.map((record, i) => {
    const where = `${file}: sentence ${i + 1}`;
    const { text, targets } = record;
    if (typeof text !== 'string' || !Array.isArray(targets)) {
      throw new UsageError(`${where}: not a NewsMTSC-style record (text, targets[])`);
    }
    const gold = targets.map((t: unknown, j): GoldTarget => {
      const fields = (t ?? {}) as Record<string, unknown>;
      const at = `${where}, target ${j + 1}`;
      if (!isGoldPolarity(fields.polarity)) throw new UsageError(`${at}: polarity is not negative, neutral or positive`);
      const range = toRange(fields, text, at);
      const further = Array.isArray(fields.further_mentions) ? fields.further_mentions : [];
      return {
        ...range,
        text: text.slice(range.start, range.end),
        polarity: fields.polarity,
        mentions: further.map((m: unknown) => toRange(m, text, `${at}: further mention`)),
      };
    });
    return { id: typeof record.id === 'string' ? record.id : `sentence ${i + 1}`, text, targets: gold };
  });
}

function annotateSentences(sentences: StanceSentence[], annotator: Annotator) {
  // Each sentence alone and without a date: NewsMTSC gives neither the article nor its day.
  const run = annotateEach(sentences, annotator, (sentence) => ({ path: sentence.id }), (annotation, sentence) => predictStances(annotation, sentence.text), (): ReturnType<typeof predictStances> => []);
  return {
    seconds: run.seconds,
    results: sentences.flatMap((sentence, i) => scoreSentence(sentence, run.predictions[i]!)),
    failures: run.failures,
    predictedStances: run.predictions.reduce((n, p) => n + p.length, 0),
  };
}

interface StanceErrorExample {
  sentence: string;
  kind: 'wrong' | 'missed';
  target: string;
  gold: GoldPolarity;
  predicted: GoldPolarity;
  /** The sentence with the gold target in brackets. */
  marked: string;
  /** The stances the prediction was read from. */
  stances: string[];
}

/** Up to `limit` targets given the wrong non-neutral polarity and `limit` non-neutral targets read as neutral. */
function stanceErrors(results: readonly TargetResult[], limit: number): StanceErrorExample[] {
  const wrong: StanceErrorExample[] = [];
  const missed: StanceErrorExample[] = [];
  for (const r of results) {
    if (r.predicted === r.target.polarity) continue;
    const kind = r.predicted !== 'neutral' ? 'wrong' : 'missed';
    const list = kind === 'wrong' ? wrong : missed;
    if (list.length >= limit) continue;
    const { text } = r.sentence;
    list.push({
      sentence: r.sentence.id,
      kind,
      target: r.target.text,
      gold: r.target.polarity,
      predicted: r.predicted,
      marked: oneLine(`${text.slice(0, r.target.start)}[${r.target.text}]${text.slice(r.target.end)}`),
      stances: r.stances.map((s) => `${s.holder === null ? '(article)' : `«${oneLine(s.holder)}»`} ${s.polarity} «${oneLine(s.target.text)}» via «${oneLine(s.cue)}»`),
    });
  }
  return [...wrong, ...missed];
}

function printStanceErrors(examples: readonly StanceErrorExample[], limit: number): void {
  const titles = { wrong: 'predicted non-neutral, but wrong', missed: 'missed non-neutral, read as neutral' } as const;
  for (const kind of ['wrong', 'missed'] as const) {
    const list = examples.filter((e) => e.kind === kind);
    console.log(`\n${titles[kind]} (up to ${limit}):${list.length === 0 ? ' none' : ''}`);
    for (const e of list) {
      console.log(`  ${e.sentence}  «${oneLine(e.target)}» gold ${e.gold}, predicted ${e.predicted}`);
      console.log(`    ${e.marked}`);
      if (e.stances.length > 0) console.log(`    stances: ${e.stances.join('; ')}`);
    }
  }
}

function polarityTable(score: PolarityScore): string {
  const header = ['class'.padEnd(10), 'gold'.padStart(6), 'predicted'.padStart(10), 'TP'.padStart(5), 'P'.padStart(6), 'R'.padStart(6), 'F1'.padStart(6)];
  const rows = POLARITY_CLASSES.map((c) => {
    const s = score.byClass[c];
    return [
      c.padEnd(10),
      String(s.gold).padStart(6),
      String(s.predicted).padStart(10),
      String(s.tp).padStart(5),
      ...prfCells(s),
    ].join(' ');
  });
  return [header.join(' '), ...rows].join('\n');
}

function confusionTable(score: PolarityScore): string {
  const rows = [['gold \\ predicted'.padEnd(17), ...POLARITY_CLASSES.map((c) => c.padStart(9))].join(' ')];
  for (const gold of POLARITY_CLASSES) {
    rows.push([gold.padEnd(17), ...POLARITY_CLASSES.map((p) => String(score.confusion[gold][p]).padStart(9))].join(' '));
  }
  return rows.join('\n');
}

function printStances(file: string, score: StanceScore, seconds: number, setupSeconds: number): void {
  const gold = POLARITY_CLASSES.map((c) => `${score.annotate.byClass[c].gold} ${c}`).join(', ');
  console.log(
    `${file}: ${score.sentences} sentences, ${score.annotate.targets} gold targets (${gold}); ` +
      `${score.predictedStances} stances predicted, ${score.targetsWithStance} targets with a stance ` +
      `(${score.ties} ${score.ties === 1 ? 'tie' : 'ties'} read as neutral); ` +
      `annotate ${seconds.toFixed(2)} s (+${setupSeconds.toFixed(2)} s setup)`,
  );
  console.log('');
  console.log(`${''.padEnd(16)}${'macro-F1'.padStart(9)}${'accuracy'.padStart(10)}`);
  const line = (name: string, s: PolarityScore): string => `${name.padEnd(16)}${s.macroF1.toFixed(3).padStart(9)}${s.accuracy.toFixed(3).padStart(10)}`;
  const [goal] = score.goals;
  console.log(`${line('annotate', score.annotate)}${goal ? `   ${verdict(goal)}` : ''}`);
  console.log(line('always neutral', score.alwaysNeutral));
  console.log('');
  console.log(polarityTable(score.annotate));
  console.log('');
  console.log(confusionTable(score.annotate));
}

function evaluateStances(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  refuseBaseline(options, 'NewsMTSC', 'raw compromise reads no stances (the always-neutral baseline is printed instead)');
  const allSentences = toStanceSentences(options.gold, records);
  const sentences = options.limit === null ? allSentences : allSentences.slice(0, options.limit);

  const setup = timedAnnotator();
  if (setup === null) return null;
  const { annotator, setupSeconds } = setup;

  const run = annotateSentences(sentences, annotator);
  if (!reportFailures(run.failures, sentences.length, 'sentence')) return null;
  const score = scoreStances(run.results, sentences.length, run.predictedStances);
  const examples = options.errors > 0 ? stanceErrors(run.results, options.errors) : [];

  const json = {
    gold: options.gold,
    set: 'newsmtsc',
    sentences: score.sentences,
    predictedStances: score.predictedStances,
    targetsWithStance: score.targetsWithStance,
    ties: score.ties,
    failures: run.failures,
    annotate: { seconds: run.seconds, setupSeconds, ...score.annotate },
    alwaysNeutral: score.alwaysNeutral,
    goals: score.goals,
    ...(options.errors > 0 ? { errors: examples } : {}),
  };
  const a = score.annotate;
  const summary: SummaryRow[] = [
    {
      set: 'newsmtsc',
      measure: 'polarity toward people',
      gold: a.targets,
      predicted: score.predictedStances,
      precision: null,
      recall: null,
      score: a.macroF1,
      scoreName: 'macro-F1',
      note:
        `accuracy ${a.accuracy.toFixed(3)} · F1 neg ${a.byClass.negative.f1.toFixed(3)} pos ${a.byClass.positive.f1.toFixed(3)} · ` +
        `always neutral ${score.alwaysNeutral.macroF1.toFixed(3)}`,
      figures: {
        accuracy: a.accuracy,
        negativeF1: a.byClass.negative.f1,
        positiveF1: a.byClass.positive.f1,
        alwaysNeutralMacroF1: score.alwaysNeutral.macroF1,
      },
    },
  ];
  const print = (): void => {
    printStances(options.gold, score, run.seconds, setupSeconds);
    if (options.errors > 0) printStanceErrors(examples, options.errors);
  };
  return { set: 'newsmtsc', file: options.gold, json, summary, print };
}

/** The gold sets the eval knows, in the order of the --all summary; a file is recognised by its first record. */
const GOLD_SETS: readonly GoldSetKind[] = [
  { set: 'conll2003', detect: isConll, evaluate: evaluateEntities },
  { set: 'petrarch', detect: isPetrarch, evaluate: evaluatePetrarch },
  { set: 'case2021', detect: isCase2021, evaluate: evaluateCase2021 },
  { set: 'wikievents', detect: isWikiEvents, evaluate: evaluateWikiEvents },
  { set: 'polnear', detect: isPolnear, evaluate: evaluateClaims },
  { set: 'mpqa', detect: isMpqa, evaluate: evaluateMpqa },
  { set: 'newsmtsc', detect: isNewsMtsc, evaluate: evaluateStances },
];

async function main(argv: string[]): Promise<void> {
  const command = parseOptions(argv);
  if (command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command.mode === 'all') {
    await evaluateAll(GOLD_SETS, command.options);
    return;
  }
  if (command.mode === 'corpus') {
    const report = await evaluateCorpus(command.options);
    if (reportCorpusFailures(report)) process.exitCode = 2;
    if (command.json) console.log(JSON.stringify(corpusJson(report, command.options.sample), null, 2));
    else printCorpus(report, command.options.sample);
    return;
  }
  const { options } = command;
  const records = readJsonLines(options.gold);
  const first = records[0]!;
  const kind = GOLD_SETS.find((k) => k.detect(first));
  if (kind === undefined) {
    console.error(`${options.gold}: ${unsupportedSet(first)}`);
    process.exitCode = 2;
    return;
  }
  const report = kind.evaluate(options, records);
  if (report === null) return;
  if (options.json) console.log(JSON.stringify(report.json, null, 2));
  else report.print();
}

runTool('eval', USAGE, main);
