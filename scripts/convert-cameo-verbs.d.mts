// Types of scripts/convert-cameo-verbs.mjs, for test/convert-cameo-verbs.test.ts (tsconfig does not check JavaScript).

export const SOURCE: { url: string; commit: string; path: string; gitDir: string };
export const INFLECTED_VERBS: Record<string, string>;
export const SPEECH_VERBS: string[];
export const WATCH_WORDS: string[];
export const RULES: string[];
export const EXCLUDE_FILE: string;
export const PARTICLE_ALONE: string;
export const EXCLUDED_DEFAULT: string;
export const PARTICLE_UNLISTED: string;
export const PARTICLE_OTHER_SENSE: string;

export interface SynsetMember {
  text: string;
  words: string[];
  noPlural: boolean;
}
export interface Synset {
  name: string;
  members: SynsetMember[];
  line: number;
}

export type Element =
  | { type: 'word'; text: string }
  | { type: 'phrase'; words: string[] }
  | { type: 'prep'; prep: string; nouns: Element[] };

export interface VerbLine {
  words?: string[];
  inflected?: number;
  forms?: string[];
  fixed?: boolean;
  code?: string | null;
  error?: string;
}
export interface PatternLine {
  pre?: Element[];
  post?: Element[];
  code?: string;
  error?: string;
}

export interface Block {
  name: string;
  code: string;
  line: number;
  verbs: (VerbLine & { line: number; text: string })[];
  patterns: (PatternLine & { line: number; text: string })[];
}

export interface ParsedDictionary {
  synsets: Map<string, Synset>;
  blocks: Block[];
  problems: { line: number; text: string; reason: string }[];
  transformations: number;
}

export interface Trigger {
  code: string;
  verb: string;
  object?: string[];
}

export interface Dropped {
  line: number;
  text: string;
  block: string;
}

export interface Conflict {
  verb: string;
  noun: string;
  block: string;
  chosen: string;
  candidates: { code: string; line: number; text: string }[];
}

export interface ConvertedVerb {
  verb: string;
  block: string;
  line: number;
  code: string | null;
  why: string | null;
  forms: string[];
  infinitive: string | null;
}

export interface ConvertResult {
  triggers: Trigger[];
  resolved: Map<string, { code: string; block: string; line: number }>;
  dropped: { verbs: Map<string, Dropped[]>; patterns: Map<string, Dropped[]>; entries: Map<string, Dropped[]> };
  conflicts: Conflict[];
  badCodes: Map<string, number[]>;
  verbs: ConvertedVerb[];
  stats: { blocks: number; verbLines: number; patternLines: number; synsets: number; verbs: number };
  transformations?: number;
}

export interface ConvertOptions {
  codes: ReadonlySet<string>;
  speechVerbs?: readonly string[];
  reportingVerbs?: readonly string[];
  eventVerbDefaults?: ReadonlySet<string>;
  particles?: { plain?: ParticleRule[]; otherSense?: ParticleRule[] };
  excludedDefaults?: readonly string[];
}

/** A pattern line of a block and the verbs a particle rule applies to (scripts/cameo-verbs-exclude.yaml). */
export interface ParticleRule {
  block: string;
  pattern: string;
  verbs: string[];
}

export interface KeepOurs {
  verb: string;
  object: string;
  ours: string;
  theirs: string;
  reason: string;
}
export interface Followed {
  verb: string;
  object: string;
  was: string;
  now: string;
}

export interface Exclusions {
  particles: { plain: ParticleRule[]; otherSense: ParticleRule[] };
  bareDefaults: string[];
  keepOurs: KeepOurs[];
  followed: Followed[];
}

export type SettledRow = Comparison['disagree'][number] & { rule: 'a' | 'b' | 'c' | 'd' | 'keep_ours'; follow: boolean; why: string };
export type FollowedRow = Comparison['agree'][number] & { was: string; now: string; rule: string; why: string };

export interface EventEntry {
  code: string;
  verb?: string;
  noun?: string;
  object?: string[];
}

export interface Comparison {
  agree: { verb: string; noun: string; ours: string[]; theirs: string; line: number }[];
  disagree: { verb: string; noun: string; ours: string[]; theirs: string; line: number }[];
  objectOnly: { verb: string; theirs: string; line: number }[];
}

export interface WatchWord {
  word: string;
  block: string | null;
  default: string | null;
  objects: string[];
  formOf: string[];
  asObject: string[];
  pair: string | null;
}

export function compareText(a: string, b: string): number;
export function parseVerbDictionary(text: string): ParsedDictionary;
export function parseSynsetMember(text: string, setName: string): SynsetMember;
export function parseVerbLine(text: string): VerbLine;
export function parsePatternLine(text: string): PatternLine;
export function toSingular(noun: string): string;
export function headsOf(element: Element, synsets: Map<string, Synset>): { nouns?: string[]; error?: string };
export function expressPattern(
  pattern: PatternLine,
  synsets: Map<string, Synset>,
): { particle?: string | null; nouns?: string[]; rank?: number; reason?: string };
export function activeCode(raw: string, codes: ReadonlySet<string>): { code?: string | null; reason?: string; bad?: string };
export function convertDictionary(parsed: ParsedDictionary, options: ConvertOptions): ConvertResult;
export function compareTriggers(a: Trigger, b: Trigger): number;
export function compareWithEvents(resolved: ConvertResult['resolved'], events: readonly EventEntry[]): Comparison;
export function isAncestor(a: string, b: string): boolean;
export function nameNames(name: string, verb: string, noun: string): string | null;
export function classifyDisagreements(
  disagree: Comparison['disagree'],
  options: { names: ReadonlyMap<string, string>; keepOurs?: readonly KeepOurs[] },
): SettledRow[];
export function checkFollowed(
  followed: readonly Followed[],
  options: { comparison: Comparison; names: ReadonlyMap<string, string>; codes: ReadonlySet<string> },
): FollowedRow[];
export function renderYaml(triggers: readonly Trigger[], options: { licence: string[]; cameo: { code: string; name: string }[]; commit?: string }): string;
export function defaultsByRoot(triggers: readonly Trigger[]): { root: string; verbs: { verb: string; code: string }[] }[];
export function countByRoot(triggers: readonly Trigger[]): { root: string; defaults: number; objects: number; nouns: number }[];
export function describeWatchWords(words: readonly string[], result: ConvertResult): WatchWord[];
export function renderReport(
  result: ConvertResult,
  comparison: Comparison,
  options: {
    watch: WatchWord[];
    missedForms: { verb: string; forms: string[] }[];
    cameo: { code: string; name: string }[];
    commit?: string;
    keepOurs?: readonly KeepOurs[];
    followed?: readonly FollowedRow[];
  },
): string;
export function licenceOf(text: string): string[];
export function readExclusions(text: string): Exclusions;
