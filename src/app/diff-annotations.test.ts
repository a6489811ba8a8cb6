// The check's diff in words: items matched by what they are, not by their positional ids.
import { describe, expect, it } from 'vitest';
import { createAnnotator } from '../annotate-text.js';
import { describeChanges, diffAnnotations, summarizeDiff } from './diff-annotations.js';

const annotator = createAnnotator();

describe('diffAnnotations', () => {
  const before = annotator.annotate('Pakistan condemned the strikes. Iran spoke.', { path: 'a.txt' });

  it('the same annotation: no causes, no changes', () => {
    const diff = diffAnnotations(JSON.parse(JSON.stringify(before)), before);
    expect(diff).toEqual({ causes: [], changes: [] });
    expect(summarizeDiff(diff)).toBe('the same content, written differently');
  });

  it('an edited article: the cause, and the items that appeared, by name and code', () => {
    const after = annotator.annotate('Egypt met Jordan. Pakistan condemned the strikes. Iran spoke.', { path: 'a.txt' });
    const diff = diffAnnotations(JSON.parse(JSON.stringify(before)), after);
    expect(diff.causes).toEqual(['the article changed']);
    const lines = describeChanges(diff);
    expect(lines).toContain('+ actor Egypt (EGY)');
    expect(lines).toContain('+ actor Jordan (JOR)');
    // Pakistan's event and Iran moved (new offsets), but they say the same: not a change.
    expect(lines.filter((l) => /Pakistan|Iran|condemned/.test(l))).toEqual([]);
    expect(summarizeDiff(diff)).toMatch(/^the article changed; \+2 actors, \+\d events?$/);
  });

  it('a changed vocabulary or version is a cause of its own; a file that is not an annotation says so', () => {
    const old = { ...JSON.parse(JSON.stringify(before)), annotator: { name: 'annotate', version: '0.0.9', lexicon: 'aaaaaaaaaaaa' } } as unknown;
    expect(diffAnnotations(old, before).causes).toEqual([`made by annotate 0.0.9, now ${before.annotator.version}`, `made with vocabulary aaaaaaaaaaaa, now ${before.annotator.lexicon}`]);
    expect(diffAnnotations('just text', before).causes).toEqual(['the file is not an annotation annotate can read']);
  });

  it('lists at most `limit` changes and says how many more', () => {
    const many = { causes: [], changes: Array.from({ length: 15 }, (_, i) => ({ kind: 'actor' as const, change: 'added' as const, label: `A${i}` })) };
    const lines = describeChanges(many, 12);
    expect(lines).toHaveLength(13);
    expect(lines[12]).toBe('… and 3 more');
  });
});
