/* eslint-disable no-console -- the eval's shell: stdout carries the report, stderr the gold's warnings */
// `npm run eval -- --gold polnear-dev.jsonl`: annotates each PolNeAR article on its date and scores its claims with
// score-claims.ts: cues paired one to one on exact spans, the source of a matched cue by overlap, the content by the
// tokens it shares; the most frequent missed and false-positive cue words.
import { CUE_WORDS, cueWord, predictClaims, scoreClaimDoc, scoreClaims } from './score-claims.js';
import type { ClaimDoc, ClaimDocResult, ClaimScore, CueWordCount, Fragment, Goal, GoldAttribution, PredictedClaim } from './score-claims.js';
import type { TypeScore } from './score-entities.js';
import { annotateGold, firstItems } from './annotate-items.js';
import { inContext, oneLine, ratioText, verdict } from './format-lines.js';
import type { EvalOptions, GoldSetKind, SetReport, SummaryRow } from './gold-set.js';
import { f1Row, refuseBaseline } from './gold-set.js';
import { UsageError } from './tool-args.js';

export function isPolnear(record: Record<string, unknown>): boolean {
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

function evaluatePolnear(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  refuseBaseline(options, 'PolNeAR', 'raw compromise finds no attributions');
  const mismatched = { count: 0 };
  const docs = firstItems(toClaimDocs(options.gold, records, mismatched), options.limit);
  if (mismatched.count > 0) console.error(`warning: ${mismatched.count} gold fragments whose text does not match their offsets`);

  const annotated = annotateGold(options, docs, {
    unit: 'article',
    annotateOptions: (doc) => ({ path: doc.id, date: doc.date }),
    read: (annotation, doc) => predictClaims(annotation, doc.text),
    fallback: (): PredictedClaim[] => [],
  });
  if (annotated === null) return null;
  const { setupSeconds } = annotated;
  const run = { seconds: annotated.seconds, results: docs.map((doc, i) => scoreClaimDoc(doc, annotated.predictions[i]!)), failures: annotated.failures };
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
    f1Row(
      'polnear',
      'claim cues, exact span',
      score.cue,
      `source recall ${score.source.recall.toFixed(3)} · content token F1 ${score.content.f1.toFixed(3)} · ` +
        `overlapping cues F1 ${score.cueLenient.f1.toFixed(3)}`,
      { sourceRecall: score.source.recall, contentF1: score.content.f1, overlappingCueF1: score.cueLenient.f1 },
    ),
  ];
  const print = (): void => {
    printClaims(options.gold, score, run.seconds, setupSeconds);
    if (options.errors > 0) printClaimErrors(examples, options.errors);
  };
  return { set: 'polnear', file: options.gold, json, summary, models: annotated.models, print };
}

export const POLNEAR: GoldSetKind = {
  set: 'polnear',
  detect: isPolnear,
  evaluate: evaluatePolnear,
  about: `PolNeAR claims (attributions, e.g. ../shared/eval/polnear-dev.jsonl): cues paired one to one on exact spans; a
  source is found when its span overlaps the gold source; contents compared by the letter/digit tokens they share.`,
};
