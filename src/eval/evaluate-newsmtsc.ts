/* eslint-disable no-console -- the eval's shell: stdout carries the report */
// `npm run eval -- --gold newsmtsc-devtest_mt.jsonl`: annotates each NewsMTSC sentence alone and scores with
// score-stances.ts the polarity each gold person takes from the stances toward them (oppose → negative, support →
// positive, none → neutral): macro-F1 and accuracy beside the always-neutral baseline, per class and as a confusion table.
import { POLARITY_CLASSES, predictStances, scoreSentence, scoreStances } from './score-stances.js';
import type { GoldPolarity, GoldTarget, PolarityScore, StanceScore, StanceSentence, TargetResult } from './score-stances.js';
import { annotateGold, firstItems } from './annotate-items.js';
import { oneLine, prfCells, verdict } from './format-lines.js';
import { toRange } from './read-gold.js';
import type { EvalOptions, GoldSetKind, SetReport, SummaryRow } from './gold-set.js';
import { refuseBaseline } from './gold-set.js';
import { UsageError } from './tool-args.js';

export function isNewsMtsc(record: Record<string, unknown>): boolean {
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

function evaluateNewsMtsc(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  refuseBaseline(options, 'NewsMTSC', 'raw compromise reads no stances (the always-neutral baseline is printed instead)');
  const sentences = firstItems(toStanceSentences(options.gold, records), options.limit);

  // Each sentence alone and without a date: NewsMTSC gives neither the article nor its day.
  const annotated = annotateGold(options, sentences, {
    unit: 'sentence',
    read: (annotation, sentence) => predictStances(annotation, sentence.text),
    fallback: (): ReturnType<typeof predictStances> => [],
  });
  if (annotated === null) return null;
  const { setupSeconds } = annotated;
  const run = {
    seconds: annotated.seconds,
    results: sentences.flatMap((sentence, i) => scoreSentence(sentence, annotated.predictions[i]!)),
    failures: annotated.failures,
    predictedStances: annotated.predictions.reduce((n, p) => n + p.length, 0),
  };
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
  return { set: 'newsmtsc', file: options.gold, json, summary, models: annotated.models, print };
}

export const NEWSMTSC: GoldSetKind = {
  set: 'newsmtsc',
  detect: isNewsMtsc,
  evaluate: evaluateNewsMtsc,
  about: `NewsMTSC stances (targets with a polarity, e.g. ../shared/eval/newsmtsc-devtest_mt.jsonl): each gold person takes
  the polarity of the stances toward them (oppose → negative, support → positive, none → neutral); macro-F1.`,
};
