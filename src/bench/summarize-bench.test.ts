// The bench's judgement: which side each ratio compares with, and when a target counts as met, missed or unmeasured.
import { describe, expect, it } from 'vitest';
import { median, summarizeBench } from './summarize-bench.js';
import type { SideId, SideMeasure, SummarizeOptions } from './summarize-bench.js';

const WORDS = 1_000_000;

function side(id: SideId, figures: Partial<SideMeasure> = {}): SideMeasure {
  return { id, label: id, error: null, files: 100, words: WORDS, loadSeconds: 0.5, seconds: 10, processSeconds: 11, maxRssMB: 200, ...figures };
}

const whole: SummarizeOptions = { cores: 2, files: 100, totalFiles: 100, scale: null };

/** A run where every side ran, with the words/s of the throughput sides given. */
function run(wordsPerSecond: Partial<Record<SideId, number>>, extra: SideMeasure[] = []): SideMeasure[] {
  const timed = (id: SideId): SideMeasure => side(id, { seconds: WORDS / (wordsPerSecond[id] ?? 100_000) });
  return [
    timed('compromise'),
    timed('jobs1'),
    timed('jobsAuto'),
    timed('coldCache'),
    timed('warmCache'),
    side('singleArticle', { files: 1, words: 400, seconds: null, processSeconds: 0.3 }),
    ...extra,
  ];
}

const target = (summary: ReturnType<typeof summarizeBench>, id: string) => summary.targets.find((t) => t.id === id)!;

describe('summarizeBench', () => {
  it('compares 1 job with compromise, auto with 1 job, and the warm cache with the cold one', () => {
    const summary = summarizeBench(run({ compromise: 20_000, jobs1: 16_000, jobsAuto: 30_400, coldCache: 15_000, warmCache: 600_000 }), whole);
    const ratio = (id: SideId) => summary.sides.find((s) => s.id === id)!.ratio;
    expect(ratio('compromise')).toBeNull();
    expect(ratio('jobs1')).toEqual({ to: 'compromise', value: expect.closeTo(0.8, 6) });
    expect(ratio('jobsAuto')).toEqual({ to: 'jobs1', value: expect.closeTo(1.9, 6) });
    expect(ratio('warmCache')).toEqual({ to: 'coldCache', value: expect.closeTo(40, 6) });
    expect(target(summary, 'jobs1-vs-compromise')).toMatchObject({ value: expect.closeTo(0.8, 6), status: 'met', note: null });
    expect(target(summary, 'auto-vs-jobs1')).toMatchObject({ status: 'met' });
  });

  it('a throughput just under its bound is missed; exactly on a ≥ bound is met', () => {
    const under = summarizeBench(run({ compromise: 20_000, jobs1: 15_980 }), whole);
    expect(target(under, 'jobs1-vs-compromise').status).toBe('missed');
    const on = summarizeBench(run({ compromise: 20_000, jobs1: 16_000 }), whole);
    expect(target(on, 'jobs1-vs-compromise').status).toBe('met');
  });

  it('the time and memory targets are strict upper bounds on the process figures', () => {
    const measures = run({});
    measures[4] = side('warmCache', { seconds: 0.4, processSeconds: 2 });
    measures[2] = side('jobsAuto', { maxRssMB: 399.5 });
    const summary = summarizeBench(measures, whole);
    expect(target(summary, 'warm-cache')).toMatchObject({ value: 2, status: 'missed' });
    expect(target(summary, 'auto-rss')).toMatchObject({ value: 399.5, status: 'met' });
    expect(target(summary, 'single-article')).toMatchObject({ value: 0.3, status: 'met' });
  });

  it('a failed side leaves its ratios and targets unmeasured, says so, and is listed as failed', () => {
    const measures = run({});
    measures[1] = { ...side('jobs1'), error: 'exit 2: unknown option --jobs', seconds: null, processSeconds: null, maxRssMB: null };
    const summary = summarizeBench(measures, whole);
    expect(summary.failed).toEqual(['jobs1']);
    expect(summary.sides.find((s) => s.id === 'jobs1')).toMatchObject({ wordsPerSecond: null, ratio: { to: 'compromise', value: null } });
    expect(summary.sides.find((s) => s.id === 'jobsAuto')!.ratio).toEqual({ to: 'jobs1', value: null });
    expect(target(summary, 'jobs1-vs-compromise')).toMatchObject({ value: null, status: 'not measured', note: 'a side it needs failed' });
    expect(target(summary, 'auto-vs-jobs1').status).toBe('not measured');
    // The sides that ran are still judged.
    expect(target(summary, 'warm-cache')).toMatchObject({ value: 11, status: 'missed' });
  });

  it('notes a partial corpus and a core count the auto target was not set for', () => {
    const summary = summarizeBench(run({}), { cores: 4, files: 100, totalFiles: 2225, scale: null });
    expect(target(summary, 'auto-vs-jobs1')).toMatchObject({ label: 'auto / 1 job throughput (4 cores)', note: 'the target is set for 2 cores; only 100 of 2225 files' });
    expect(target(summary, 'jobs1-vs-compromise').note).toBe('only 100 of 2225 files');
    expect(target(summary, 'single-article').note).toBeNull();
  });

  it('memory is flat at k times the corpus when peak RSS grows by at most a quarter', () => {
    const at = (rss: number) =>
      target(summarizeBench(run({}, [side('scaled', { files: 1000, words: WORDS * 10, maxRssMB: rss })]), { ...whole, scale: 10 }), 'scaled-rss');
    expect(at(240)).toMatchObject({ label: 'peak RSS at 10× corpus / at 1×', value: 1.2, status: 'met' });
    expect(at(300)).toMatchObject({ value: 1.5, status: 'missed' });
  });

  it('without --scale the flat-memory target is not measured and says how to measure it', () => {
    expect(target(summarizeBench(run({}), whole), 'scaled-rss')).toMatchObject({ status: 'not measured', note: 'run with --scale 10' });
  });
});

describe('median', () => {
  it('the middle run, or the mean of the middle two; unordered input', () => {
    expect(median([0.9, 0.3, 0.4, 0.35, 0.5])).toBe(0.4);
    expect(median([0.4, 0.2])).toBeCloseTo(0.3);
    expect(median([])).toBeNull();
  });
});
