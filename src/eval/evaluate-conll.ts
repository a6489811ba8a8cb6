/* eslint-disable no-console -- the eval's shell: stdout carries the report, stderr the gold's warnings */
// `npm run eval -- --gold conll2003-dev.jsonl`: annotates each CoNLL-2003 document (no date: the set gives none) and
// scores its actors and places as PER/ORG/LOC entities on exact spans with score-entities.ts: P/R/F1 per type and
// micro-averaged; --baseline scores raw compromise (.people/.organizations/.places) alongside.
import { performance } from 'node:perf_hooks';
import { compromiseEntitySpans } from './compromise-baseline.js';
import { ENTITY_TYPES, combineScores, matchSpans, predictEntitySpans, scoreMatch } from './score-entities.js';
import type { EntityScore, EntitySpan, EntityType, GoldEntity, TypeScore } from './score-entities.js';
import { toUtf16Offsets } from '../text/code-points.js';
import { annotateGold, firstItems, progress } from './annotate-items.js';
import { inContext, oneLine, prfCells } from './format-lines.js';
import type { EvalOptions, GoldSetKind, SetReport, SummaryRow } from './gold-set.js';
import { f1Row } from './gold-set.js';
import { UsageError } from './tool-args.js';

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


const CONLL_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

export function isConll(record: Record<string, unknown>): boolean {
  const entities = record.entities;
  return (
    typeof record.text === 'string' &&
    Array.isArray(entities) &&
    !('events' in record) &&
    entities.every((e) => typeof e === 'object' && e !== null && CONLL_TYPES.has((e as { type?: unknown }).type as string))
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

/** Each document's spans scored, and up to `errorLimit` examples of each kind of error per type, in document order. */
function scoreDocs(docs: readonly ConllDoc[], predictions: readonly EntitySpan[][], errorLimit: number) {
  const scores: EntityScore[] = [];
  const examples: ErrorExample[] = [];
  const shown = new Map<string, number>();
  docs.forEach((doc, i) => {
    const predicted = predictions[i]!;
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
  return { score: combineScores(scores), examples };
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

function evaluateConll(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  const docs = firstItems(toConllDocs(options.gold, records), options.limit);

  const entities = docs.reduce((n, d) => n + d.entities.length, 0);
  const misc = docs.reduce((n, d) => n + d.entities.filter((e) => e.type === 'MISC').length, 0);
  const mismatched = docs.reduce(
    (n, d) => n + d.entities.filter((e) => e.text !== undefined && d.text.slice(e.start, e.end) !== e.text).length,
    0,
  );
  if (mismatched > 0) console.error(`warning: ${mismatched} gold entities whose text does not match their offsets`);

  const run = annotateGold(options, docs, {
    unit: 'document',
    read: (annotation, doc) => predictEntitySpans(annotation, doc.text, toUtf16Offsets(doc.text)),
    fallback: (): EntitySpan[] => [],
  });
  if (run === null) return null;
  const { setupSeconds } = run;
  const result = { seconds: run.seconds, failures: run.failures, ...scoreDocs(docs, run.predictions, options.errors) };
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
    f1Row(
      'conll2003',
      'entities, exact span (micro)',
      micro,
      `F1 ${ENTITY_TYPES.map((t) => `${t} ${byType[t].f1.toFixed(3)}`).join(' · ')}`,
      Object.fromEntries(ENTITY_TYPES.map((t) => [`${t}F1`, byType[t].f1])),
    ),
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
  return { set: 'conll2003', file: options.gold, json, summary, models: run.models, print };
}

function flatten(score: EntityScore): Record<EntityType | 'micro', TypeScore> {
  return { ...score.byType, micro: score.micro };
}

export const CONLL: GoldSetKind = {
  set: 'conll2003',
  detect: isConll,
  evaluate: evaluateConll,
  about: `CoNLL entities (entities typed PER/ORG/LOC/MISC): exact spans per type; MISC is not scored.`,
};
