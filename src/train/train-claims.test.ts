// The claims trainer on a slice we wrote in PolNeAR's shape: the same slice gives the same bytes, and what the model
// learned from it shows in annotate's claims and in explain.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotator } from '../annotate-text.js';
import { LinearModel } from '../learn/linear-model.js';
import { NO_MODELS } from '../learn/models.js';
import type { Models } from '../learn/models.js';
import { modelBytes, trainModel } from './run-train.js';
import { claimsTrainer } from './train-claims.js';

/** A PolNeAR-shaped attribution: each part given by its words, found in the text. */
function attribution(text: string, source: string, cue: string, content: string): Record<string, unknown> {
  const at = (words: string): { start: number; end: number; text: string }[] => {
    if (!words) return [];
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`"${words}" is not in "${text}"`);
    return [{ start, end: start + words.length, text: words }];
  };
  return { source: at(source), cue: at(cue), content: at(content) };
}

/** Articles whose reporting verb ("quipped", "grumbled") the claims lexicon does not know. */
const SLICE = [
  ['The mayor quipped that the new bridge would outlast the council.', 'The mayor', 'quipped', 'that the new bridge would outlast the council'],
  ['Farmers grumbled that the rain had come too late for the wheat.', 'Farmers', 'grumbled', 'that the rain had come too late for the wheat'],
  ['The coach quipped that his players needed more sleep.', 'The coach', 'quipped', 'that his players needed more sleep'],
  ['Residents grumbled that the buses never ran on time.', 'Residents', 'grumbled', 'that the buses never ran on time'],
  ['The harbour opened on Monday after a long winter.', '', '', ''],
  ['The minister said that taxes would fall next year.', 'The minister', 'said', 'that taxes would fall next year'],
].map(([text, source, cue, content], n) => ({ id: `ours-${n}`, text, attributions: source || cue ? [attribution(text!, source!, cue!, content!)] : [] }));

function sliceFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'annotate-claims-'));
  const file = join(dir, 'slice.jsonl');
  writeFileSync(file, SLICE.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

describe('claims trainer', () => {
  const file = sliceFile();

  it('gives the same bytes twice from the same slice', async () => {
    const first = modelBytes(await trainModel(claimsTrainer, file, { seed: 1 }));
    const second = modelBytes(await trainModel(claimsTrainer, file, { seed: 1 }));
    expect(second).toBe(first);
    const model = JSON.parse(first) as { name: string; labels: string[]; trainedOn: { documents: number; terms: string } };
    expect(model.name).toBe('claims');
    expect(model.labels).toEqual(['other', 'cue-begin', 'cue-inside', 'source', 'content']);
    expect(model.trainedOn.documents).toBe(SLICE.length);
    expect(model.trainedOn.terms).toMatch(/PolNeAR/);
  }, 60_000);

  it('finds a cue the lexicon lacks once it has learned it, and explain shows the decision', async () => {
    const model = LinearModel.fromFile(await trainModel(claimsTrainer, file, { seed: 1 }));
    const models: Models = { ...NO_MODELS, get: (name) => (name === 'claims' ? model : undefined), hash: 'test' };
    const text = 'The driver quipped that the road was a river.';
    const withModel = createAnnotator({ models });
    const claims = withModel.annotate(text).claims;
    expect(claims.map((c) => `${c.source?.text ?? '∅'} | ${c.cue.text} | ${c.content.text}`)).toEqual(['The driver | quipped | that the road was a river']);
    const explained = withModel.explain(text).claims[0]!;
    expect(explained.entries.some((e) => e.file === 'models/claims.json' && e.key.startsWith('cue-begin by'))).toBe(true);
  }, 60_000);
});
