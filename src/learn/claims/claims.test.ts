// The claims model at inference scores its features by hashes made from their parts (cueHashes, partHashes), while
// the trainer and explain build their strings (cueFeatures, cueContext, partFeatures): both must give the same hashes,
// in the same order, or the shipped weights would be read wrongly. Every text here is written for these tests.
import { describe, expect, it } from 'vitest';
import { hashFeature } from '../linear-model.js';
import { loadModelsSync } from '../models.js';
import { loadLexiconsSync } from '../../lexicon/load-lexicons.js';
import { nounForms, verbForms } from '../../nlp/create-nlp.js';
import { compileClaimVocabulary } from '../../extract/cue-vocabulary.js';
import { claimSentences } from '../../extract/find-claims.js';
import { createClaimReader } from './claim-articles.js';
import { CLAIM_LABELS, cueContext, readParts, tagCues, walkCues } from './claim-features.js';
import type { ClaimSentence } from './claim-features.js';

const TEXT = [
  '“We will not back down,” the harbour minister, Ana Velez, said on Monday.',
  'According to the coastguard (which sent two boats), the ferry sank within minutes — and nobody was hurt.',
  'Analysts warned that prices could rise; officials in Lisbon have repeatedly said they do not expect it.',
  '"It is believed that the vessel carried grain", a spokesman told reporters: the port is closed.',
  'Said the mayor: bridges are safe.',
].join(' ');

function sentences(): ClaimSentence[] {
  const lexicon = loadLexiconsSync();
  const article = createClaimReader(lexicon)({ text: TEXT, attributions: [] })!;
  const ctx = { vocabulary: compileClaimVocabulary(lexicon, { verbForms, nounForms }), groups: new Set(lexicon.claims.groups) };
  return claimSentences(article.parsed, article.findings, ctx);
}

describe('claims features by hash', () => {
  const all = sentences();

  it('reads several sentences, some with cues the rules made', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.some((s) => s.rule.some((r) => r.startsWith('B:')))).toBe(true);
  });

  it('hashes the cue features of every token after every label as hashFeature hashes their strings', () => {
    const out = new Uint32Array(32);
    for (const s of all) {
      for (let i = 0; i < s.n; i++) {
        for (let previous = 0; previous < CLAIM_LABELS.length; previous++) {
          const strings = [...s.cueFeatures(i), ...cueContext(s, i, previous)];
          const count = s.cueHashes(i, previous, out);
          expect([...out.subarray(0, count)]).toEqual(strings.map(hashFeature));
        }
      }
    }
  });

  it('hashes the part features of every token around every cue as hashFeature hashes their strings', () => {
    const out = new Uint32Array(32);
    for (const s of all) {
      for (let from = 0; from < s.n; from++) {
        for (let to = from + 1; to <= Math.min(s.n, from + 3); to++) {
          for (let j = 0; j < s.n; j++) {
            if (j >= from && j < to) continue;
            const count = s.partHashes(j, { from, to }, out);
            expect([...out.subarray(0, count)]).toEqual(s.partFeatures(j, { from, to }).map(hashFeature));
          }
        }
      }
    }
  });

  it('finds the same cues and parts with the shipped model by hash as by strings', () => {
    const model = loadModelsSync().get('claims');
    if (!model) return;
    const out = new Uint32Array(32);
    let cues = 0;
    for (const s of all) {
      const byStrings = tagCues(s, (f) => model.scores(f));
      const byHashes = walkCues(s, (i, previous) => model.scoresOfHashes(out, s.cueHashes(i, previous, out)));
      expect(byHashes).toEqual(byStrings);
      for (const cue of byStrings) {
        cues++;
        const strings = readParts(s, cue, (j) => Float64Array.from(model.scores(s.partFeatures(j, cue))));
        expect(readParts(s, cue, (j) => model.scoresOfHashes(out, s.partHashes(j, cue, out)))).toEqual(strings);
      }
    }
    expect(cues).toBeGreaterThan(3);
  });
});
