/* eslint-disable no-console -- a command-line tool: stdout carries its results, stderr its progress and errors */
// `npm run eval -- --gold <file.jsonl>`: scores the annotator against a gold set from ../shared/eval (read at run time,
// never copied) and prints precision, recall and F1 per type; --baseline scores raw compromise alongside.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAnnotator } from '../index.js';
import type { Annotator } from '../index.js';
import { compromiseEntitySpans } from './compromise-baseline.js';
import {
  ENTITY_TYPES,
  combineScores,
  matchSpans,
  predictEntitySpans,
  scoreMatch,
  toUtf16Offsets,
} from './score-entities.js';
import type { EntityScore, EntitySpan, EntityType, GoldEntity, TypeScore } from './score-entities.js';
import { UsageError, positiveInteger, runTool } from './tool-args.js';

const USAGE = `usage: npm run eval -- --gold <file.jsonl> [options]

  --gold <file>    gold set, JSON Lines (../shared/eval/conll2003-dev.jsonl); required
  --limit <n>      score only the first n documents
  --errors <n>     list up to n false positives and n false negatives per type, with context (annotate only)
  --baseline       also score raw compromise (.people/.organizations/.places) and show the difference
  --json           print the result as JSON on stdout
  -h, --help       show this help

Only CoNLL-style entity gold (entities typed PER/ORG/LOC/MISC) is scored so far; MISC is not scored.`;

const CONTEXT = 40;

interface Options {
  gold: string;
  limit: number | null;
  errors: number;
  baseline: boolean;
  json: boolean;
}

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

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        gold: { type: 'string' },
        limit: { type: 'string' },
        errors: { type: 'string' },
        baseline: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
  if (values.help) return 'help';
  if (values.gold === undefined || values.gold === '') throw new UsageError('missing --gold <file.jsonl>', true);
  return {
    gold: values.gold,
    limit: positiveInteger('limit', values.limit, false),
    errors: positiveInteger('errors', values.errors, true) ?? 0,
    baseline: values.baseline ?? false,
    json: values.json ?? false,
  };
}

function readJsonLines(file: string): Record<string, unknown>[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read gold file ${file}: ${code ?? (error as Error).message}`);
  }
  const records: Record<string, unknown>[] = [];
  const lines = raw.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new UsageError(`${file}:${i + 1}: invalid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UsageError(`${file}:${i + 1}: expected a JSON object per line`);
    }
    records.push(value as Record<string, unknown>);
  });
  if (records.length === 0) throw new UsageError(`${file}: no documents`);
  return records;
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

/** Names the gold set of a file that is not CoNLL, to say why it is not scored. */
function unsupportedSet(record: Record<string, unknown>): string {
  const later = 'not scored yet: arrives with the events/claims/stances issue';
  if ('expected_events' in record) return `PETRARCH event gold (expected_events): ${later}`;
  if ('attributions' in record) return `PolNeAR claim gold (attributions): ${later}`;
  if ('targets' in record) return `NewsMTSC stance gold (targets): ${later}`;
  const fields = Object.keys(record).slice(0, 8).join(', ');
  return `unsupported gold set (fields: ${fields}): only CoNLL-style entities typed PER/ORG/LOC/MISC are scored`;
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

function oneLine(s: string): string {
  return s.replace(/\r?\n/g, '⏎').replace(/\s/g, ' ');
}

function describe(text: string, s: { start: number; end: number; type: string }): string {
  return `${s.type} «${oneLine(text.slice(s.start, s.end))}»`;
}

function example(doc: ConllDoc, kind: 'fp' | 'fn', span: EntitySpan, others: readonly { start: number; end: number; type: string }[]): ErrorExample {
  const { text } = doc;
  const before = text.slice(Math.max(0, span.start - CONTEXT), span.start);
  const after = text.slice(span.end, span.end + CONTEXT);
  return {
    doc: doc.id,
    kind,
    type: span.type,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    context: oneLine(`${before}[${text.slice(span.start, span.end)}]${after}`),
    overlaps: others.filter((o) => o.start < span.end && span.start < o.end).map((o) => describe(text, o)),
  };
}

function progress(label: string, done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  if (done === total) process.stderr.write('\r\x1b[K');
  else if (done % 10 === 0) process.stderr.write(`\r${label} ${done}/${total}`);
}

function runAnnotate(docs: ConllDoc[], annotator: Annotator, errorLimit: number) {
  const scores: EntityScore[] = [];
  const examples: ErrorExample[] = [];
  const shown = new Map<string, number>();
  const failures: string[] = [];
  let milliseconds = 0; // annotate calls only, not the scoring around them
  docs.forEach((doc, i) => {
    let predicted: EntitySpan[] = [];
    try {
      const t0 = performance.now();
      const annotation = annotator.annotate(doc.text, { path: doc.id });
      milliseconds += performance.now() - t0;
      predicted = predictEntitySpans(annotation, doc.text, toUtf16Offsets(doc.text));
    } catch (error) {
      failures.push(`${doc.id}: ${(error as Error).message}`);
    }
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
    progress('annotate', i + 1, docs.length);
  });
  return { seconds: milliseconds / 1000, score: combineScores(scores), examples, failures };
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
      s.precision.toFixed(3).padStart(6),
      s.recall.toFixed(3).padStart(6),
      s.f1.toFixed(3).padStart(6),
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

function main(argv: string[]): void {
  const options = parseOptions(argv);
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const records = readJsonLines(options.gold);
  const first = records[0];
  if (first === undefined || !isConll(first)) {
    console.error(`${options.gold}: ${first === undefined ? 'no documents' : unsupportedSet(first)}`);
    process.exitCode = 2;
    return;
  }
  const allDocs = toConllDocs(options.gold, records);
  const docs = options.limit === null ? allDocs : allDocs.slice(0, options.limit);

  const entities = docs.reduce((n, d) => n + d.entities.length, 0);
  const misc = docs.reduce((n, d) => n + d.entities.filter((e) => e.type === 'MISC').length, 0);
  const mismatched = docs.reduce(
    (n, d) => n + d.entities.filter((e) => e.text !== undefined && d.text.slice(e.start, e.end) !== e.text).length,
    0,
  );
  if (mismatched > 0) console.error(`warning: ${mismatched} gold entities whose text does not match their offsets`);

  const setupStart = performance.now();
  let annotator: Annotator;
  try {
    annotator = createAnnotator();
  } catch (error) {
    console.error(`annotate: cannot create the annotator: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const setupSeconds = (performance.now() - setupStart) / 1000;

  const result = runAnnotate(docs, annotator, options.errors);
  for (const failure of result.failures.slice(0, 10)) console.error(`annotate failed on ${failure}`);
  if (result.failures.length > 10) console.error(`… and ${result.failures.length - 10} more failures`);
  if (result.failures.length > 0) process.exitCode = 2;
  if (result.failures.length === docs.length) {
    console.error(`annotate failed on every document (${docs.length}); nothing to score`);
    return;
  }
  const baseline = options.baseline ? runBaseline(docs) : null;

  if (options.json) {
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
    console.log(JSON.stringify(json, null, 2));
    return;
  }

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
}

function flatten(score: EntityScore): Record<EntityType | 'micro', TypeScore> {
  return { ...score.byType, micro: score.micro };
}

runTool('eval', USAGE, main);
