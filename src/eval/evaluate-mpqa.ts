/* eslint-disable no-console -- the eval's shell: stdout carries the report */
// `npm run eval -- --gold mpqa-dev.jsonl`: rebuilds each MPQA article from its sentences, annotates it (no date: the
// set gives none) and scores its stances with score-mpqa.ts: P/R/F1 of the stances found, with and without the
// holder, per polarity.
import type { EvalOptions, GoldSetKind, SetReport, SummaryRow } from './gold-set.js';
import { f1Row, refuseBaseline } from './gold-set.js';
import { annotateGold, firstItems } from './annotate-items.js';
import { alignColumns, oneLine } from './format-lines.js';
import { toRange } from './read-gold.js';
import { joinArticles, readStances, scoreMpqa, scoreMpqaArticle } from './score-mpqa.js';
import type { FoundScore, MpqaArticle, MpqaArticleResult, MpqaOpinion, MpqaScore, MpqaSentence, PredictedStance, Span } from './score-mpqa.js';
import { UsageError } from './tool-args.js';

export function isMpqa(record: Record<string, unknown>): boolean {
  return typeof record.text === 'string' && typeof record.doc_id === 'string' && Array.isArray(record.opinions);
}

function toSentences(file: string, records: Record<string, unknown>[]): MpqaSentence[] {
  return records.map((record, i) => {
    const where = `${file}: sentence ${i + 1}`;
    const { text, doc_id: docId, sent_index: index, opinions } = record;
    if (typeof text !== 'string' || typeof docId !== 'string' || !Number.isInteger(index) || !Array.isArray(opinions)) {
      throw new UsageError(`${where}: not an MPQA-style record (doc_id, sent_index, text, opinions[])`);
    }
    const span = (value: unknown, at: string): Span | null => {
      if (value === null || value === undefined) return null;
      const range = toRange(value, text, at);
      return { ...range, text: text.slice(range.start, range.end) };
    };
    return {
      id: typeof record.id === 'string' ? record.id : `sentence ${i + 1}`,
      docId,
      index: index as number,
      text,
      opinions: opinions.map((o: unknown, j): MpqaOpinion => {
        const f = (o ?? {}) as Record<string, unknown>;
        const at = `${where}, opinion ${j + 1}`;
        return {
          holder: span(f.holder, `${at}: holder`),
          target: span(f.target, `${at}: target`),
          expression: span(f.expression, `${at}: expression`),
          polarityRaw: typeof f.polarity_raw === 'string' ? f.polarity_raw : null,
        };
      }),
    };
  });
}

/** The sentence of the article that holds `offset`, with the span in brackets. */
function sentenceWith(article: MpqaArticle, span: { start: number; end: number }): string {
  const s = article.sentences.find((x) => x.start <= span.start && span.start <= x.end) ?? article.sentences[0];
  if (s === undefined) return '';
  const { text } = article;
  const start = Math.max(s.start, span.start);
  const end = Math.min(s.end, span.end);
  return oneLine(`${text.slice(s.start, start)}[${text.slice(start, end)}]${text.slice(end, s.end)}`);
}

function describeStance(p: PredictedStance): string {
  return `${p.polarity} «${oneLine(p.target.text)}» by ${p.holder === null ? '(no holder)' : `«${oneLine(p.holder.text)}»`} via «${oneLine(p.cue.text)}»`;
}

interface MpqaErrors {
  missed: { article: string; polarity: string; raw: string; target: string; holder: string | null; expression: string | null; sentence: string; stances: string[] }[];
  falsePositives: { article: string; stance: string; sentence: string; gold: string[] }[];
}

function mpqaErrors(results: readonly MpqaArticleResult[], limit: number): MpqaErrors {
  const errors: MpqaErrors = { missed: [], falsePositives: [] };
  for (const { article, gold, predicted } of results) {
    const sentenceOf = (start: number) => article.sentences.find((x) => x.start <= start && start <= x.end);
    for (const g of gold) {
      if (g.foundBy !== null || errors.missed.length >= limit) continue;
      const s = article.sentences[g.stance.sentence];
      const inSentence = predicted.filter((p) => s !== undefined && p.stance.target.start >= s.start && p.stance.target.start <= s.end);
      errors.missed.push({
        article: article.id,
        polarity: g.stance.polarity,
        raw: g.stance.polarityRaw,
        target: g.stance.target.text,
        holder: g.stance.holder?.text ?? null,
        expression: g.stance.expression?.text ?? null,
        sentence: sentenceWith(article, g.stance.target),
        stances: inSentence.map((p) => describeStance(p.stance)),
      });
    }
    for (const p of predicted) {
      if (p.right || errors.falsePositives.length >= limit) continue;
      const s = sentenceOf(p.stance.target.start);
      const opinions = s?.opinions ?? [];
      errors.falsePositives.push({
        article: article.id,
        stance: describeStance(p.stance),
        sentence: sentenceWith(article, p.stance.target),
        gold: opinions.map((o) => `${o.polarityRaw ?? '?'} «${oneLine(o.target?.text ?? '(no target)')}» by ${o.holder === null ? '(writer or outside)' : `«${oneLine(o.holder.text)}»`}`),
      });
    }
  }
  return errors;
}

function printErrors(errors: MpqaErrors, limit: number): void {
  console.log(`\nmissed gold stances (up to ${limit}):${errors.missed.length === 0 ? ' none' : ''}`);
  for (const e of errors.missed) {
    const holder = e.holder === null ? '(writer or outside)' : `«${oneLine(e.holder)}»`;
    console.log(`  ${e.article} ${e.polarity} (${e.raw}) «${oneLine(e.target)}» by ${holder} via «${oneLine(e.expression ?? '')}»`);
    console.log(`    ${e.sentence}`);
    console.log(`    annotate stances in the sentence: ${e.stances.length === 0 ? 'none' : e.stances.join('; ')}`);
  }
  console.log(`\nannotate stances that find no gold stance (up to ${limit}):${errors.falsePositives.length === 0 ? ' none' : ''}`);
  for (const e of errors.falsePositives) {
    console.log(`  ${e.article} ${e.stance}`);
    console.log(`    ${e.sentence}`);
    console.log(`    gold opinions in the sentence: ${e.gold.length === 0 ? 'none' : e.gold.join('; ')}`);
  }
}

function scoreTable(score: MpqaScore): string {
  const row = (name: string, s: FoundScore): string[] => [
    name,
    String(s.gold),
    String(s.found),
    String(s.predicted),
    String(s.right),
    s.precision.toFixed(3),
    s.recall.toFixed(3),
    s.f1.toFixed(3),
  ];
  return alignColumns([
    ['', 'gold', 'found', 'predicted', 'right', 'P', 'R', 'F1'],
    row('stances', score.stances),
    row('with holder', score.withHolder),
    row('support', score.byPolarity.support),
    row('oppose', score.byPolarity.oppose),
  ]);
}

function printMpqa(file: string, score: MpqaScore, seconds: number, setupSeconds: number): void {
  const raw = Object.entries(score.goldByRaw).map(([k, n]) => `${n} ${k}`).join(', ');
  console.log(
    `${file}: ${score.articles} articles (${score.sentences} sentences), ${score.opinions} opinions, ` +
      `${score.stances.gold} gold stances (${raw}; ${score.goldWithHolder} with a holder span); ` +
      `${score.stances.predicted} annotate stances (${score.predictedNeutral} neutral); ` +
      `annotate ${seconds.toFixed(2)} s (+${setupSeconds.toFixed(2)} s setup)`,
  );
  console.log('');
  console.log(scoreTable(score));
  console.log(
    '\nfound: an annotate stance of the same polarity whose target overlaps the gold target; with holder: and whose ' +
      'holder overlaps the gold holder where the gold has one. P: annotate stances that find a gold stance / all of them.',
  );
  console.log(
    `not scored: ${score.opinions - score.stances.gold - score.withoutTarget} opinions of other kinds (arguing, ` +
      `intention, speculation …), ${score.withoutTarget} sentiment/agreement opinions without a target`,
  );
}

function evaluateMpqa(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  refuseBaseline(options, 'MPQA', 'raw compromise reads no stances');
  // The train split's sentences are joined into articles exactly as dev's: --limit counts articles.
  const articles = firstItems(joinArticles(toSentences(options.gold, records)), options.limit);

  const run = annotateGold(options, articles, { unit: 'article', read: (annotation, a) => readStances(annotation, a.text), fallback: (): PredictedStance[] => [] });
  if (run === null) return null;
  const { setupSeconds } = run;
  const results = articles.map((a, i) => scoreMpqaArticle(a, run.predictions[i]!));
  const score = scoreMpqa(results);
  const errors = mpqaErrors(results, options.errors);

  const json = {
    gold: options.gold,
    set: 'mpqa',
    failures: run.failures,
    annotate: { seconds: run.seconds, setupSeconds },
    ...score,
    ...(options.errors > 0 ? { errors } : {}),
  };
  const s = score.stances;
  const h = score.withHolder;
  const summary: SummaryRow[] = [
    f1Row(
      'mpqa',
      'stances: polarity + target',
      s,
      `support ${score.byPolarity.support.found}/${score.byPolarity.support.gold} · oppose ${score.byPolarity.oppose.found}/${score.byPolarity.oppose.gold}`,
      {
        supportFound: score.byPolarity.support.found,
        supportGold: score.byPolarity.support.gold,
        opposeFound: score.byPolarity.oppose.found,
        opposeGold: score.byPolarity.oppose.gold,
      },
    ),
    f1Row(
      'mpqa',
      'stances: polarity + target + holder',
      h,
      `${score.goldWithHolder} of the gold stances name a holder`,
      { goldWithHolder: score.goldWithHolder },
    ),
  ];
  const print = (): void => {
    printMpqa(options.gold, score, run.seconds, setupSeconds);
    if (options.errors > 0) printErrors(errors, options.errors);
  };
  return { set: 'mpqa', file: options.gold, json, summary, models: run.models, print };
}

export const MPQA: GoldSetKind = {
  set: 'mpqa',
  detect: isMpqa,
  evaluate: evaluateMpqa,
  about: `MPQA stances (doc_id, sent_index, opinions, e.g. ../shared/eval/mpqa-dev.jsonl): each article rebuilt from its
  sentences joined with "\\n" and annotated whole; gold stances are the sentiment-pos/neg and agree-pos/neg opinions
  with a target (pos → support, neg → oppose). Found by a stance of the same polarity whose target overlaps; "with
  holder" also needs the holder to overlap where the gold names one. P over every annotate stance.`,
};
