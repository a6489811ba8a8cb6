// The claims model's trainer: reads PolNeAR train, lays each gold attribution over compromise's tokens (its cue as
// cue-begin / cue-inside tags, its source and content as the parts around that cue), and learns with the averaged
// perceptron both decisions the model makes: the cue tags left to right, as tagCues reads them at inference, and the
// part of every other token of the sentence given the gold cue.
import type { Trainer, TrainContext } from './trainer.js';
import type { ModelFile } from '../learn/linear-model.js';
import { Perceptron, seededRandom, shuffled } from '../learn/perceptron.js';
import { loadLexiconsSync } from '../lexicon/load-lexicons.js';
import { nounForms, verbForms } from '../nlp/create-nlp.js';
import { compileClaimVocabulary } from '../extract/cue-vocabulary.js';
import { claimSentences } from '../extract/find-claims.js';
import type { ClaimsContext } from '../extract/find-claims.js';
import { createClaimReader } from '../learn/claims/claim-articles.js';
import type { ClaimArticle, Span } from '../learn/claims/claim-articles.js';
import { CLAIM_LABELS, CONTENT, CUE_BEGIN, CUE_INSIDE, OTHER, SOURCE, tagCues } from '../learn/claims/claim-features.js';
import type { ClaimSentence, TokenSpan } from '../learn/claims/claim-features.js';

/** 2^17 buckets × 5 labels × 2 bytes: 1.3 MB in memory. */
const BITS = 17;
const EPOCHS = 4;

/** A sentence with its gold: a cue tag per token, and the part of every token for each gold cue in it. */
interface GoldSentence {
  sentence: ClaimSentence;
  cueTags: Int8Array;
  claims: { cue: TokenSpan; parts: Int8Array }[];
}

const overlaps = (t: Span, f: Span): boolean => t.start < f.end && t.end > f.start;

/** Lays an article's gold attributions over its sentences. */
export function goldSentences(article: ClaimArticle, ctx: ClaimsContext): GoldSentence[] {
  const out = claimSentences(article.parsed, article.findings, ctx).map((sentence) => ({ sentence, cueTags: new Int8Array(sentence.n), claims: [] as GoldSentence['claims'] }));
  for (const g of article.gold) {
    for (const gs of out) {
      const { tokens } = gs.sentence.view;
      const covered = tokens.map((t, k) => (overlaps(t, g.cue) ? k : -1)).filter((k) => k >= 0);
      if (covered.length === 0) continue;
      const cue = { from: covered[0]!, to: covered[covered.length - 1]! + 1 };
      gs.cueTags[cue.from] = CUE_BEGIN;
      for (let k = cue.from + 1; k < cue.to; k++) gs.cueTags[k] = CUE_INSIDE;
      const parts = new Int8Array(tokens.length);
      tokens.forEach((t, k) => {
        if (k >= cue.from && k < cue.to) return;
        if (g.source.some((f) => overlaps(t, f))) parts[k] = SOURCE;
        else if (g.content.some((f) => overlaps(t, f))) parts[k] = CONTENT;
      });
      gs.claims.push({ cue, parts });
      break;
    }
  }
  return out;
}

const PART_LABELS = (label: number): boolean => label === OTHER || label === SOURCE || label === CONTENT;

/** Learns the model from gold sentences: `epochs` passes in a seeded order. */
export function learnClaims(sentences: readonly GoldSentence[], options: { seed: number; epochs: number; bits?: number }): { perceptron: Perceptron; examples: number } {
  const perceptron = new Perceptron(CLAIM_LABELS, options.bits ?? BITS);
  const random = seededRandom(options.seed);
  let examples = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const gs of shuffled(sentences, random)) {
      // The tagger chooses among the labels its previous choice allows (cue-inside only inside a cue): a cue's further
      // token after a missed begin is, from there, where the cue begins.
      let previous = OTHER;
      tagCues(gs.sentence, (f) => perceptron.scores(f), (i, features, label) => {
        const gold = gs.cueTags[i]!;
        perceptron.update(features, gold === CUE_INSIDE && previous === OTHER ? CUE_BEGIN : gold, label);
        previous = label;
      });
      for (const { cue, parts } of gs.claims) {
        for (let j = 0; j < gs.sentence.n; j++) {
          if (j >= cue.from && j < cue.to) continue;
          const features = gs.sentence.partFeatures(j, cue);
          perceptron.update(features, parts[j]!, perceptron.predict(features, PART_LABELS));
        }
      }
      if (epoch === 0) examples += gs.sentence.n;
    }
  }
  return { perceptron, examples };
}

export const claimsTrainer: Trainer = {
  name: 'claims',
  set: 'PolNeAR train',
  file: 'polnear-train.jsonl.gz',
  terms: 'PolNeAR (Newell, Margolin and Ruths 2018): research use',
  train(records: Record<string, unknown>[], context: TrainContext): Omit<ModelFile, 'trainedOn'> {
    const lexicon = loadLexiconsSync();
    const read = createClaimReader(lexicon);
    const ctx: ClaimsContext = { vocabulary: compileClaimVocabulary(lexicon, { verbForms, nounForms }), groups: new Set(lexicon.claims.groups) };
    const sentences: GoldSentence[] = [];
    let attributions = 0;
    for (const [n, record] of records.entries()) {
      const article = read(record);
      if (!article) continue;
      attributions += article.gold.length;
      sentences.push(...goldSentences(article, ctx));
      if ((n + 1) % 100 === 0) context.log(`${n + 1} articles read`);
    }
    const aligned = sentences.reduce((k, s) => k + s.claims.length, 0);
    context.log(`${sentences.length} sentences, ${aligned} of ${attributions} cues on tokens; ${EPOCHS} epochs`);
    const { perceptron, examples } = learnClaims(sentences, { seed: context.seed, epochs: EPOCHS });
    const { trainedOn: _unused, ...file } = perceptron.toFile({
      name: 'claims',
      task: 'claims: which tokens are a reporting cue (cue-begin, cue-inside), and around a cue, which are its source and its content',
      trainedOn: { set: '', file: '', sha256: '', documents: 0, terms: '' },
      epochs: EPOCHS,
      seed: context.seed,
      examples,
      notes: { sentences: sentences.length, attributions, cuesOnTokens: aligned },
    });
    return file;
  },
};
