// Trains models/stances.json from MPQA 2.0's train split: which words express support or opposition (the sentiment
// and agreement opinions; arguing, intention and speculation are not stances), and for each expression which span of
// its sentence is the target and which the holder (or the writer). The articles are rebuilt as the MPQA eval rebuilds
// them and annotated by the annotator itself with a model of zero weights whose sentences are traced (trace.ts), so
// training reads exactly the features inference computes. Deterministic: articles in file order, a seeded shuffle,
// integer updates.
import { createAnnotator } from '../annotate-text.js';
import { LinearModel } from '../learn/linear-model.js';
import type { ModelFile } from '../learn/linear-model.js';
import { loadModelsSync } from '../learn/models.js';
import type { Models } from '../learn/models.js';
import { Perceptron, seededRandom, shuffled } from '../learn/perceptron.js';
import { NONE, RANK, SCRATCH, STANCE_LABELS } from '../learn/stances/read-stances.js';
import type { Candidate, StanceSentence, TokenSpan } from '../learn/stances/stance-sentence.js';
import { traceStances } from '../learn/stances/trace.js';
import { SCORED_POLARITIES, joinArticles } from '../eval/score-mpqa.js';
import type { MpqaOpinion, MpqaSentence, Span } from '../eval/score-mpqa.js';
import type { Trainer, TrainContext } from './trainer.js';

export const STANCE_BITS = 17;
const EPOCHS = 8;

/** One thing to learn: a word's label, or the right candidate among a target's or holder's. */
type Example = { kind: 'word'; features: string[]; label: number } | { kind: 'rank'; candidates: string[][]; gold: number };

function span(value: unknown, text: string): Span | null {
  if (value === null || typeof value !== 'object') return null;
  const { start, end } = value as { start?: unknown; end?: unknown };
  if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end > text.length || start >= end) return null;
  return { start, end, text: text.slice(start, end) };
}

/** MPQA records as the eval reads them. */
export function toMpqaSentences(records: readonly Record<string, unknown>[]): MpqaSentence[] {
  return records.map((r, i) => {
    const text = String(r.text ?? '');
    const opinions = Array.isArray(r.opinions) ? (r.opinions as Record<string, unknown>[]) : [];
    return {
      id: typeof r.id === 'string' ? r.id : `sentence ${i + 1}`,
      docId: String(r.doc_id ?? ''),
      index: Number(r.sent_index ?? i),
      text,
      opinions: opinions.map(
        (o): MpqaOpinion => ({
          holder: span(o.holder, text),
          target: span(o.target, text),
          expression: span(o.expression, text),
          polarityRaw: typeof o.polarity_raw === 'string' ? o.polarity_raw : null,
        }),
      ),
    };
  });
}

/** A stance of the gold, in article offsets. */
interface GoldOpinion {
  label: number;
  expression: { start: number; end: number };
  target: { start: number; end: number } | null;
  holder: { start: number; end: number } | null;
}

/** The tokens of a sentence that a range of article offsets covers; null when it covers none of them. */
function tokensIn(x: StanceSentence, r: { start: number; end: number }): TokenSpan | null {
  const { tokens } = x.s;
  let from = -1;
  let to = -1;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.start < r.end && r.start < tokens[k]!.end) {
      if (from < 0) from = k;
      to = k + 1;
    }
  }
  return from < 0 ? null : { from, to };
}

/** The candidate that overlaps the gold span most (by intersection over union); -1 if none overlaps. */
function bestCandidate(candidates: readonly Candidate[], gold: TokenSpan | null): number {
  let best = -1;
  let top = 0;
  candidates.forEach((c, k) => {
    if (gold === null || c.span === null) {
      if (gold === null && c.span === null) {
        best = k;
        top = Infinity;
      }
      return;
    }
    const overlap = Math.min(gold.to, c.span.to) - Math.max(gold.from, c.span.from);
    if (overlap <= 0) return;
    const iou = overlap / (Math.max(gold.to, c.span.to) - Math.min(gold.from, c.span.from));
    if (iou > top) {
      top = iou;
      best = k;
    }
  });
  return best;
}

/** The examples one traced sentence gives, against the gold stances of its article. */
export function examplesOf(x: StanceSentence, gold: readonly GoldOpinion[]): Example[] {
  const out: Example[] = [];
  const first = x.s.tokens[0]!.start;
  const last = x.s.tokens[x.size - 1]!.end;
  const here = gold.filter((g) => g.expression.start < last && first < g.expression.end);
  const labels = new Array<number>(x.size).fill(NONE);
  for (const g of here) {
    const cue = tokensIn(x, g.expression);
    if (!cue) continue;
    for (let k = cue.from; k < cue.to; k++) if (labels[k] === NONE && g.target !== null) labels[k] = g.label;
    if (g.target === null) continue;
    const target = tokensIn(x, g.target);
    if (target) {
      const candidates = x.targetCandidates(cue.from, cue.to);
      const best = bestCandidate(candidates, target);
      if (best >= 0) out.push({ kind: 'rank', candidates: candidates.map((c) => c.features), gold: best });
    }
    const holder = g.holder === null ? null : tokensIn(x, g.holder);
    if (g.holder === null || holder) {
      const candidates = x.holderCandidates(cue.from, cue.to);
      const best = bestCandidate(candidates, holder);
      if (best >= 0) out.push({ kind: 'rank', candidates: candidates.map((c) => c.features), gold: best });
    }
  }
  for (let k = 0; k < x.size; k++) if (x.eligible(k)) out.push({ kind: 'word', features: x.tokenFeatures(k), label: labels[k]! });
  return out;
}

/** Annotates every article of the split with a traced zero model and collects the examples. */
export function collectExamples(records: readonly Record<string, unknown>[], models: Models = loadModelsSync()): { examples: Example[]; articles: number; stances: number } {
  const zero = new LinearModel('stances', STANCE_LABELS, STANCE_BITS, new Int16Array((1 << STANCE_BITS) * STANCE_LABELS.length), 1);
  // The other models as shipped: the stances stage reads the mentions they make.
  const traced: Models = {
    get: (name) => (name === 'stances' ? zero : models.get(name)),
    files: models.files,
    hash: models.hash,
    share: () => {
      throw new Error('the training annotator runs in one thread: its traced model is not shared');
    },
  };
  const annotator = createAnnotator({ models: traced });
  const examples: Example[] = [];
  let stances = 0;
  const articles = joinArticles(toMpqaSentences(records));
  for (const article of articles) {
    const gold: GoldOpinion[] = [];
    for (const s of article.sentences) {
      for (const o of s.opinions) {
        const polarity = o.polarityRaw === null ? undefined : SCORED_POLARITIES[o.polarityRaw];
        if (polarity === undefined || o.expression === null) continue;
        const shift = (r: Span | null) => (r === null ? null : { start: r.start + s.start, end: r.end + s.start });
        gold.push({ label: polarity === 'support' ? 1 : 2, expression: shift(o.expression)!, target: shift(o.target), holder: shift(o.holder) });
        if (o.target !== null) stances++;
      }
    }
    const traced: StanceSentence[] = [];
    traceStances(zero, (x) => traced.push(x));
    annotator.annotate(article.text, { path: article.id });
    for (const x of traced) examples.push(...examplesOf(x, gold));
  }
  return { examples, articles: articles.length, stances };
}

/** Learns the weights from the examples: words by the multi-class rule, candidates by the ranking rule (the right
 *  candidate's features up on `rank`, the chosen one's down, each against the `scratch` label). */
export function learnStances(examples: readonly Example[], seed: number, epochs = EPOCHS): Perceptron {
  const p = new Perceptron(STANCE_LABELS, STANCE_BITS);
  const random = seededRandom(seed);
  const words = (label: number): boolean => label <= 2;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const x of shuffled(examples, random)) {
      if (x.kind === 'word') {
        p.update(x.features, x.label, p.predict(x.features, words));
        continue;
      }
      let best = 0;
      let top = -Infinity;
      x.candidates.forEach((f, k) => {
        const score = p.scores(f)[RANK]!;
        if (score > top) {
          top = score;
          best = k;
        }
      });
      if (best === x.gold) p.update([], RANK, RANK);
      else {
        p.update(x.candidates[x.gold]!, RANK, SCRATCH);
        p.update(x.candidates[best]!, SCRATCH, RANK);
      }
    }
  }
  return p;
}

export const stancesTrainer: Trainer = {
  name: 'stances',
  set: 'MPQA 2.0 train',
  file: 'mpqa-train.jsonl.gz',
  terms: 'MPQA Opinion Corpus 2.0: research use (University of Pittsburgh MPQA terms); no text of it is stored here',
  train(records, context: TrainContext): Omit<ModelFile, 'trainedOn'> {
    const { examples, articles, stances } = collectExamples(records);
    const words = examples.filter((x) => x.kind === 'word').length;
    context.log(`${articles} articles, ${stances} gold stances: ${words} words and ${examples.length - words} target and holder choices`);
    const p = learnStances(examples, context.seed);
    const file = p.toFile({
      name: 'stances',
      task: 'tags the words that express support or opposition, and ranks the spans of their sentence as target and holder',
      trainedOn: { set: '', file: '', sha256: '', documents: 0, terms: '' },
      epochs: EPOCHS,
      seed: context.seed,
      examples: examples.length,
      notes: { articles, goldStances: stances, words, choices: examples.length - words },
    });
    const { trainedOn: _trainedOn, ...rest } = file;
    return rest;
  },
};
