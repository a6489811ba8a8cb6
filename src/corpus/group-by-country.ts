// Groups the actor network's nodes by the country their CAMEO codes are rooted in (PAK, PAKMIL and PAKGOV are all
// Pakistan), so that the drawing can show countries rather than a scatter of codes. A code is country-rooted when
// its first three letters are an ISO alpha-3 code of lexicons/countries.yaml; IGO…, NGO…, MNC… and the like are not,
// and their actors stay ungrouped. Pure.
import { compareText } from './collect-corpus.js';

/** Actors of one country among the network's nodes. */
export interface CountryGroup {
  /** ISO 3166-1 alpha-3. */
  code: string;
  name: string;
  /** Node indexes, ascending. */
  members: number[];
  /** Index into the palette: groups are ranked by size, then name, and the largest get distinct colours. */
  colour: number;
}

export interface CountryGrouping {
  /** Per node, the index of its group in `groups`, or null for an actor without a country. */
  groupOf: (number | null)[];
  groups: CountryGroup[];
}

/** Colours a group can have (Paul Tol's "bright" scheme without its grey, which ungrouped actors keep); the
 *  style sheet defines one class per index. */
export const GROUP_COLOURS = 6;

/** The country an actor's codes agree on: null when none is country-rooted, or when they name different countries
 *  (a rebel group coded INDREB in one article and PAKREB in another belongs to neither). */
export function countryOf(codes: readonly string[], countries: ReadonlyMap<string, string>): string | null {
  const found = new Set(codes.map((code) => code.slice(0, 3)).filter((prefix) => countries.has(prefix)));
  return found.size === 1 ? ([...found][0] as string) : null;
}

/** Groups nodes, given as each node's actor codes, by country; `countries` maps ISO alpha-3 to the country's name. */
export function groupByCountry(nodeCodes: readonly (readonly string[])[], countries: ReadonlyMap<string, string>): CountryGrouping {
  const byCode = new Map<string, number[]>();
  const codeOf = nodeCodes.map((codes) => countryOf(codes, countries));
  codeOf.forEach((code, node) => {
    if (code !== null) byCode.set(code, [...(byCode.get(code) ?? []), node]);
  });
  const groups = [...byCode.entries()]
    .map(([code, members]) => ({ code, name: countries.get(code) as string, members }))
    .sort((a, b) => b.members.length - a.members.length || compareText(a.name, b.name))
    .map((group, rank) => ({ ...group, colour: rank % GROUP_COLOURS }));
  const groupIndex = new Map(groups.map((group, i) => [group.code, i]));
  return { groupOf: codeOf.map((code) => (code === null ? null : (groupIndex.get(code) as number))), groups };
}
