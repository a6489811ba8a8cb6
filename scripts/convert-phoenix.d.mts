// Types of scripts/convert-phoenix.mjs, for test/convert-phoenix.test.ts (the script itself is plain JavaScript).

export const REPOSITORY: string;
export const DEFAULT_GIT_DIR: string;
export const DEFAULT_COMMIT: string;
export const ACTOR_FILES: { from: 'countries' | 'international' | 'milnonstate'; path: string }[];
export const AGENT_FILE: string;

export interface Note {
  reason: string;
  line: number;
  text: string;
}

export interface Restriction {
  code: string;
  /** ISO date or null (open start). */
  from: string | null;
  /** ISO date or null (open end). */
  to: string | null;
}

export interface ActorRecord {
  line: number;
  /** Raw phrases, primary first. */
  forms: string[];
  restrictions: (Restriction & { line: number })[];
}

export type Role = [code: string, from: string | null, to: string | null];

export interface ActorEntry {
  name: string;
  type: 'person' | 'organization' | 'group';
  aliases: string[];
  code: string | null;
  roles: Role[];
  from: 'countries' | 'international' | 'milnonstate';
}

export interface AgentRecord {
  line: number;
  phrase: string;
  forms: string[];
  written: string[];
  code: string;
  kind: 'sector' | 'prefix';
}

export type AgentEntry = { agent: string; sector: string } | { agent: string; prefix: string };

export interface Context {
  titleWords: Set<string>;
  isCommonWord: (word: string) => boolean;
  groupWords: Set<string>;
  sectorCodes: Set<string>;
  countryCodes: Set<string>;
}

export function stripComment(line: string): string;
export function parseDate(digits: string): string | null;
export function parseRestriction(inner: string): Restriction | { error: string; code?: string };
export function parseActorDictionary(text: string): { records: ActorRecord[]; notes: Note[] };
export function phraseWords(phrase: string): { words: string[]; acronyms: string[]; dropped: string[] };
export function displayName(words: string[], options?: { isAcronym?: (word: string) => boolean; lowerAfterHyphen?: boolean }): string;
export function isKoreanName(words: string[]): boolean;
export function makeCommonWordTest(): (word: string) => boolean;
export function cleanCode(raw: string): { code: string | null; reason?: string; odd?: string | boolean };
export function pluralOf(phrase: string): string | null;
export function parseAgentDictionary(text: string): { records: AgentRecord[]; notes: Note[] };
export function makeContext(options: {
  titles: { title: string; sector: string }[];
  countries: { code: string; demonyms?: string[] }[];
  agentRecords: { records: AgentRecord[]; notes: Note[] };
  isCommonWord?: (word: string) => boolean;
}): Context;
export function convertActors(
  files: { from: ActorEntry['from']; records: ActorRecord[]; notes: Note[] }[],
  context: Context,
): { entries: ActorEntry[]; counts: Map<string, number>; examples: Map<string, string[]>; odd: string[]; typeRules: string[] };
export function convertAgents(
  parsed: { records: AgentRecord[]; notes: Note[] },
  options: { isCommonWord: (word: string) => boolean },
): { entries: AgentEntry[]; counts: Map<string, number>; examples: Map<string, string[]> };
export function toYaml(header: string[], list: unknown[]): string;
export function licenceFrom(text: string): string | null;
export function run(argv: string[]): string[];
