// What a bench run's measurements mean: each side's throughput, its ratio to the side it is compared with, and the
// targets of the issue "Speed and scale", each met, missed or not measured. Pure: the runner measures, this judges.

export type SideId = 'compromise' | 'jobs1' | 'jobsAuto' | 'coldCache' | 'warmCache' | 'singleArticle' | 'setup' | 'scaled';

/** One side as measured, in its own process. A failed side carries its error and no figures. */
export interface SideMeasure {
  id: SideId;
  label: string;
  /** Why the side has no figures (a non-zero exit, a crash); null when it ran. */
  error: string | null;
  files: number;
  words: number;
  /** Loading the code (compromise, or the CLI and everything it imports) before the timed part; null if not measured. */
  loadSeconds: number | null;
  /** The timed part: the whole `main` call for annotate, reading and parsing every file for compromise. */
  seconds: number | null;
  /** The child process from spawn to exit, as a user waits for it (the median of the runs when there are several). */
  processSeconds: number | null;
  maxRssMB: number | null;
  /** Every run's process seconds, when the side is run more than once. */
  runs?: number[];
}

export interface SideSummary extends SideMeasure {
  wordsPerSecond: number | null;
  /** Throughput relative to another side's (`to`); null value when either has no throughput. */
  ratio: { to: SideId; value: number | null } | null;
}

export type TargetStatus = 'met' | 'missed' | 'not measured';

export interface TargetCheck {
  id: string;
  label: string;
  value: number | null;
  unit: 'ratio' | 's' | 'MB';
  /** The figure must be `comparison` the bound to be met. */
  comparison: '≥' | '<' | '≤';
  bound: number;
  status: TargetStatus;
  /** Why a target was not measured, or a caveat on the figure. */
  note: string | null;
}

export interface BenchSummary {
  sides: SideSummary[];
  targets: TargetCheck[];
  failed: SideId[];
}

/** Which side each side's throughput is compared with. */
export const RATIO_TO: Partial<Record<SideId, SideId>> = {
  jobs1: 'compromise',
  jobsAuto: 'jobs1',
  coldCache: 'jobs1',
  warmCache: 'coldCache',
  scaled: 'jobsAuto',
};

/** The done-means figures of "Speed and scale", as the events issue (the Phoenix and CAMEO 2.0 knowledge) restated
 *  them: one job at 0.80× bare compromise, an annotator set up in under a second, one article in under 0.7 s, auto
 *  jobs under 450 MB. */
export const TARGETS = {
  oneJobOverCompromise: 0.8,
  autoOverOneJob: 1.7,
  warmCacheSeconds: 2,
  singleArticleSeconds: 0.7,
  setupSeconds: 1,
  autoRssMB: 450,
  /** "Flat" at k times the corpus: peak RSS grows by at most this factor. The issue gives no figure; a quarter
   *  leaves room for noise and GC timing, while memory that grows with the corpus shows as k times. */
  scaledRssGrowth: 1.25,
} as const;

export function throughput(side: SideMeasure): number | null {
  return side.error === null && side.seconds !== null && side.seconds > 0 && side.words > 0 ? side.words / side.seconds : null;
}

/** The median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface SummarizeOptions {
  /** Logical processors, which the --jobs auto target assumes to be 2. */
  cores: number;
  /** The files used and the corpus's count, which differ under --limit: the targets are set for the whole corpus. */
  files: number;
  totalFiles: number;
  /** The k of --scale, null when the scale side was not asked for. */
  scale: number | null;
}

export function summarizeBench(measures: readonly SideMeasure[], options: SummarizeOptions): BenchSummary {
  const byId = new Map(measures.map((m) => [m.id, m]));
  const sides = measures.map((m): SideSummary => {
    const to = RATIO_TO[m.id];
    const base = to === undefined ? undefined : byId.get(to);
    const own = throughput(m);
    const theirs = base === undefined ? null : throughput(base);
    return {
      ...m,
      wordsPerSecond: own,
      ratio: to === undefined || base === undefined ? null : { to, value: own !== null && theirs !== null ? own / theirs : null },
    };
  });
  const ratioOf = (id: SideId): number | null => sides.find((s) => s.id === id)?.ratio?.value ?? null;
  const ok = (id: SideId): SideMeasure | null => {
    const m = byId.get(id);
    return m !== undefined && m.error === null ? m : null;
  };
  const partial = options.files < options.totalFiles ? `only ${options.files} of ${options.totalFiles} files` : null;
  const autoRss = ok('jobsAuto')?.maxRssMB ?? null;
  const scaledRss = ok('scaled')?.maxRssMB ?? null;

  const targets: TargetCheck[] = [
    check('jobs1-vs-compromise', '1 job / compromise throughput', ratioOf('jobs1'), 'ratio', '≥', TARGETS.oneJobOverCompromise, partial),
    check(
      'auto-vs-jobs1',
      `auto / 1 job throughput (${options.cores} core${options.cores === 1 ? '' : 's'})`,
      ratioOf('jobsAuto'),
      'ratio',
      '≥',
      TARGETS.autoOverOneJob,
      [options.cores === 2 ? null : 'the target is set for 2 cores', partial].filter((n) => n !== null).join('; ') || null,
    ),
    check('warm-cache', 'warm-cache re-run, process wall', ok('warmCache')?.processSeconds ?? null, 's', '<', TARGETS.warmCacheSeconds, partial),
    check('single-article', 'single article, median process wall', ok('singleArticle')?.processSeconds ?? null, 's', '<', TARGETS.singleArticleSeconds, null),
    check('setup', 'annotator set-up (createAnnotator)', ok('setup')?.seconds ?? null, 's', '<', TARGETS.setupSeconds, null),
    check('auto-rss', 'peak RSS with auto jobs', autoRss, 'MB', '<', TARGETS.autoRssMB, partial),
    options.scale === null
      ? { ...check('scaled-rss', 'peak RSS at k× corpus / at 1×', null, 'ratio', '≤', TARGETS.scaledRssGrowth, null), note: 'run with --scale 10' }
      : check(
          'scaled-rss',
          `peak RSS at ${options.scale}× corpus / at 1×`,
          scaledRss !== null && autoRss !== null && autoRss > 0 ? scaledRss / autoRss : null,
          'ratio',
          '≤',
          TARGETS.scaledRssGrowth,
          partial,
        ),
  ];
  return { sides, targets, failed: measures.filter((m) => m.error !== null).map((m) => m.id) };
}

const PASSES: Record<TargetCheck['comparison'], (value: number, bound: number) => boolean> = {
  '≥': (v, b) => v >= b,
  '<': (v, b) => v < b,
  '≤': (v, b) => v <= b,
};

function check(
  id: string,
  label: string,
  value: number | null,
  unit: TargetCheck['unit'],
  comparison: TargetCheck['comparison'],
  bound: number,
  note: string | null,
): TargetCheck {
  const status: TargetStatus = value === null ? 'not measured' : PASSES[comparison](value, bound) ? 'met' : 'missed';
  return { id, label, value, unit, comparison, bound, status, note: value === null ? 'a side it needs failed' : note };
}
