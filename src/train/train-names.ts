// Trains models/names.json: the names tagger (src/learn/names/) on CoNLL-2003 train. Every document goes through the
// annotator's own rules first (parse, find-names, classify-names without a model), so the tagger learns when to trust
// their verdict; then the averaged perceptron reads its sentences in a seeded order, decoding greedily with its own
// previous predictions. The records are read at run time; nothing of their text is written.
import { loadLexiconsSync } from '../lexicon/load-lexicons.js';
import { indexLexicon } from '../lexicon/index-lexicon.js';
import type { LexiconIndex } from '../lexicon/index-lexicon.js';
import { createParser } from '../nlp/create-nlp.js';
import type { ParsedText } from '../nlp/create-nlp.js';
import { findNames } from '../extract/find-names.js';
import { classifyNames, isSportsReport } from '../extract/classify-names.js';
import { Perceptron, seededRandom, shuffled } from '../learn/perceptron.js';
import { NAME_LABELS, goldLabels, tagSentence } from '../learn/names/name-tagger.js';
import type { ArticleEvidence, Scorer, TagInput } from '../learn/names/name-tagger.js';
import { evidenceOf, tagInputs, toRuleSpans } from '../learn/names/tag-names.js';
import type { Trainer } from './trainer.js';

/** Passes over the training sentences. */
const EPOCHS = 6;
/** log2 of the hashed buckets: 2^18 × 9 labels × 2 bytes = 4.7 MB in memory. */
const BITS = 18;

interface Example {
  input: TagInput;
  gold: number[];
  article: ArticleEvidence;
}

interface GoldEntity {
  start: number;
  end: number;
  type: string;
}

/** What the rules make of an article, as the tagger reads it; the same steps the annotator takes before the model. */
export function rulesOf(text: string, parse: (body: string, offset: number) => ParsedText, index: LexiconIndex): { parsed: ParsedText; inputs: TagInput[]; article: ArticleEvidence } {
  const parsed = parse(text, 0);
  const sports = isSportsReport(parsed.sentences.flatMap((s) => s.map((t) => t.normal)));
  const findings = classifyNames(findNames(parsed, text, index), { index, sports, date: null });
  return { parsed, inputs: tagInputs(parsed, toRuleSpans(findings)), article: evidenceOf(parsed, sports) };
}

export const namesTrainer: Trainer = {
  name: 'names',
  set: 'CoNLL-2003 train',
  file: 'conll2003-train.jsonl.gz',
  terms: 'CoNLL-2003 English: Reuters RCV1 text, for research use under the Reuters Corpus agreement (NIST); the weights hold no text',
  train(records, { seed, log }) {
    const lexicon = loadLexiconsSync();
    const index = indexLexicon(lexicon);
    const parse = createParser(lexicon);
    const examples: Example[] = [];
    let aligned = 0;
    let misaligned = 0;
    for (const record of records) {
      const text = String(record.text ?? '');
      const entities = (record.entities ?? []) as GoldEntity[];
      const { inputs, article } = rulesOf(text, parse, index);
      for (const input of inputs) {
        const from = input.tokens[0]!.start;
        const to = input.tokens[input.tokens.length - 1]!.end;
        const inside = entities.filter((e) => e.start >= from && e.start < to);
        const gold = goldLabels(input.tokens, inside);
        aligned += gold.aligned;
        misaligned += gold.misaligned;
        examples.push({ input, gold: gold.labels, article });
      }
    }
    log(`${examples.length} sentences; ${aligned} gold names on token edges, ${misaligned} not`);
    const perceptron = new Perceptron(NAME_LABELS, BITS);
    const scorer: Scorer = { best: (features, allowed) => ({ label: perceptron.predict(features, allowed), margin: 0 }) };
    const random = seededRandom(seed);
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      let decided = 0;
      let wrong = 0;
      const learn = (gold: readonly number[]) => ({
        gold,
        update(features: string[], g: number, p: number): void {
          decided++;
          if (g !== p) wrong++;
          perceptron.update(features, g, p);
        },
      });
      for (const x of shuffled(examples, random)) tagSentence(x.input, scorer, index, x.article, learn(x.gold));
      log(`epoch ${epoch}: ${wrong} of ${decided} decided tokens wrong while learning`);
    }
    return perceptron.toFile({
      name: 'names',
      task: 'entity spans and types (BIO over PER, ORG, LOC, MISC) on compromise tokens, greedy left to right',
      trainedOn: { set: '', file: '', sha256: '', documents: 0, terms: '' },
      epochs: EPOCHS,
      seed,
      examples: examples.length,
      notes: { goldNamesOnTokenEdges: aligned, goldNamesNotOnTokenEdges: misaligned },
    });
  },
};
