// Event density on a raw corpus without gold: events per article and events of roots 18–20 (assault, fight, mass
// violence) per article, per folder of the corpus. In news sections such as the BBC's business, entertainment,
// politics, sport and tech, violence is rare, so a high density of fight events there points at words read as
// violence that are not ("a hit film", "the champion was beaten"): the figure to watch, with a seeded sample of the
// events to read. Pure functions, no I/O; evaluate-corpus.ts is the shell around them.
import type { Annotation } from '../model/annotation.js';
import { hashFeature } from '../learn/linear-model.js';
import { seededRandom } from '../learn/perceptron.js';

/** CAMEO roots counted as fighting. */
export const FIGHT_ROOTS: readonly string[] = ['18', '19', '20'];

/** An event as the density and the samples need it. */
export interface DensityEvent {
  code: string;
  /** The trigger's text and offsets in code points, as the annotation gives them. */
  trigger: string;
  start: number;
  end: number;
  /** Sentence index in the article (annotation's `sentence`). */
  sentence: number;
  source: string[];
  target: string[];
}

export interface ArticleEvents {
  /** POSIX path relative to the corpus directory. */
  path: string;
  events: DensityEvent[];
}

export interface FolderDensity {
  /** The first directory of the path inside the corpus, or "." for files at its top. */
  folder: string;
  articles: number;
  events: number;
  fightEvents: number;
  eventsPerArticle: number;
  fightPerArticle: number;
  /** Articles holding at least one fight event. */
  articlesWithFight: number;
}

export interface Density {
  /** Folders in name order. */
  folders: FolderDensity[];
  all: FolderDensity;
}

export interface SampledEvent {
  path: string;
  event: DensityEvent;
}

export function isFight(code: string): boolean {
  return FIGHT_ROOTS.includes(code.slice(0, 2));
}

export function folderOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

/** The annotation's events with their actors' names. */
export function readDensityEvents(annotation: Pick<Annotation, 'actors' | 'events'>): DensityEvent[] {
  const names = new Map(annotation.actors.map((a) => [a.id, a.name]));
  const name = (id: string): string => names.get(id) ?? id;
  return annotation.events.map((e) => ({
    code: e.code,
    trigger: e.trigger.text,
    start: e.trigger.start,
    end: e.trigger.end,
    sentence: e.sentence,
    source: e.source.map(name),
    target: e.target.map(name),
  }));
}

function densityOf(folder: string, articles: readonly ArticleEvents[]): FolderDensity {
  const events = articles.reduce((n, a) => n + a.events.length, 0);
  const fightEvents = articles.reduce((n, a) => n + a.events.filter((e) => isFight(e.code)).length, 0);
  const n = articles.length;
  return {
    folder,
    articles: n,
    events,
    fightEvents,
    eventsPerArticle: n === 0 ? 0 : events / n,
    fightPerArticle: n === 0 ? 0 : fightEvents / n,
    articlesWithFight: articles.filter((a) => a.events.some((e) => isFight(e.code))).length,
  };
}

function byFolder(articles: readonly ArticleEvents[]): Map<string, ArticleEvents[]> {
  const folders = new Map<string, ArticleEvents[]>();
  for (const a of articles) {
    const f = folderOf(a.path);
    const list = folders.get(f) ?? [];
    list.push(a);
    folders.set(f, list);
  }
  return new Map([...folders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function summarizeDensity(articles: readonly ArticleEvents[]): Density {
  return {
    folders: [...byFolder(articles)].map(([folder, list]) => densityOf(folder, list)),
    all: densityOf('all', articles),
  };
}

/**
 * Up to `n` fight events of each folder, drawn at random but the same for the same corpus, seed and n: each folder
 * draws from its own generator (seeded by the seed and the folder's name, so one folder's sample does not move
 * when another folder changes), and a folder's sample is listed in path order.
 */
export function sampleFightEvents(articles: readonly ArticleEvents[], n: number, seed: number): Map<string, SampledEvent[]> {
  const samples = new Map<string, SampledEvent[]>();
  for (const [folder, list] of byFolder(articles)) {
    const pool = list.flatMap((a) => a.events.filter((e) => isFight(e.code)).map((event) => ({ path: a.path, event })));
    const random = seededRandom(hashFeature(`${seed}:${folder}`));
    const indices = pool.map((_, i) => i);
    const take = Math.min(n, pool.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (indices.length - i));
      [indices[i], indices[j]] = [indices[j]!, indices[i]!];
    }
    samples.set(
      folder,
      indices
        .slice(0, take)
        .sort((a, b) => a - b)
        .map((i) => pool[i]!),
    );
  }
  return samples;
}
