// The actor network shows countries: actors whose codes share a country (PAK, PAKMIL, PAKGOV) are drawn together,
// in one colour, inside an outline named for the country; actors without a country (an IGO) stay outside every one.
import { describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../test/make-annotation.js';
import { loadCountriesSync } from '../lexicon/load-lexicons.js';
import { collectCorpus } from './collect-corpus.js';
import { countryOf, groupByCountry } from './group-by-country.js';
import { renderReport } from './render-html.js';

const countries = new Map(loadCountriesSync().map((c) => [c.code, c.name]));
const options = { title: 'Groups', pageScript: '', cameoNames: new Map<string, string>(), countries, generator: 'annotate test' };

type Event = [string, string, 'verbal-cooperation' | 'verbal-conflict' | 'material-conflict', null];
const repeat = (n: number, event: Event): Event[] => Array.from({ length: n }, () => event);

// Every link crosses a border (Pakistan's army fights India's, its officials talk to the United States): left to the
// links alone, a country's actors would each sit by their foreign counterpart; the grouping keeps them together.
const html = renderReport(
  collectCorpus([
    {
      annotation: makeAnnotation({
        path: 'a.txt',
        actors: [
          ['pakistan', 'Pakistan', 'PAK', 6],
          ['pakistani-army', 'Pakistani Army', 'PAKMIL', 3],
          ['pakistani-officials', 'Pakistani officials', 'PAKGOV', 2],
          ['india', 'India', 'IND', 5],
          ['indian-army', 'Indian Army', 'INDMIL', 2],
          ['united-states', 'United States', 'USA', 4],
          ['united-nations', 'United Nations', 'IGOUNO', 3],
        ],
        events: [
          ...repeat(4, ['pakistani-army', 'indian-army', 'material-conflict', null]),
          ...repeat(4, ['pakistani-officials', 'united-states', 'verbal-cooperation', null]),
          ...repeat(4, ['pakistan', 'united-nations', 'verbal-cooperation', null]),
          ...repeat(4, ['india', 'united-states', 'verbal-cooperation', null]),
          ['india', 'pakistani-officials', 'verbal-conflict', null],
          ['united-nations', 'indian-army', 'verbal-cooperation', null],
        ],
      }),
      annotationFile: 'a.yaml',
      text: null,
      notice: null,
    },
  ]),
  options,
);

interface DrawnNode {
  name: string;
  title: string;
  country: string | null;
  colour: string | null;
  x: number;
  y: number;
}

const nodes: DrawnNode[] = [...html.matchAll(/<g class="node t-\w+(?: g-(\d)" data-country="([A-Z]{3}))?" [^>]*transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*><title>([^<]*)<\/title><circle[^>]*><\/circle><text[^>]*>([^<]*)<\/text>/g)].map(
  ([, colour, country, x, y, title, name]) => ({ name: name as string, title: title as string, country: country ?? null, colour: colour ?? null, x: Number(x), y: Number(y) }),
);
const hulls = [...html.matchAll(/<path class="hull g-(\d)" data-country="([A-Z]{3})" d="M([^"]*)Z"><\/path>/g)].map(([, colour, country, d]) => ({
  colour: colour as string,
  country: country as string,
  polygon: (d as string).split('L').map((pair) => pair.split(' ').map(Number) as [number, number]),
}));
const names = [...html.matchAll(/<text class="hull-name" data-country="([A-Z]{3})"[^>]*>([^<]*)<\/text>/g)].map(([, country, name]) => `${country} ${name}`);
const node = (name: string): DrawnNode => nodes.find((n) => n.name === name) as DrawnNode;
const hullOf = (country: string): [number, number][] => hulls.find((h) => h.country === country)?.polygon ?? [];

/** Ray casting: is the point inside the polygon? */
function inside({ x, y }: DrawnNode, polygon: readonly [number, number][]): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as [number, number];
    const [xj, yj] = polygon[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

describe('the actor network grouped by country', () => {
  it('draws one named outline per country with two or more actors: Pakistan and India, not the United States alone', () => {
    expect(nodes).toHaveLength(7);
    expect(hulls).toHaveLength(2);
    expect(names).toEqual(['PAK Pakistan', 'IND India']);
    expect(hulls.map((h) => h.country)).toEqual(['PAK', 'IND']);
  });

  it('puts PAKMIL and PAKGOV in Pakistan’s group, INDMIL in India’s, and the IGO in none', () => {
    const pakistan = hullOf('PAK');
    for (const name of ['Pakistan', 'Pakistani Army', 'Pakistani officials']) {
      expect(node(name).country, name).toBe('PAK');
      expect(node(name).colour, name).toBe(node('Pakistan').colour);
      expect(inside(node(name), pakistan), `${name} inside Pakistan's outline`).toBe(true);
    }
    for (const name of ['India', 'Indian Army']) {
      expect(node(name).country, name).toBe('IND');
      expect(node(name).colour, name).toBe(node('India').colour);
      expect(inside(node(name), pakistan), `${name} outside Pakistan's outline`).toBe(false);
      expect(inside(node(name), hullOf('IND')), `${name} inside India's outline`).toBe(true);
    }
    expect(node('India').colour).not.toBe(node('Pakistan').colour);
    expect(node('United Nations').country).toBeNull();
    expect(node('United Nations').colour).toBeNull();
    for (const hull of hulls) expect(inside(node('United Nations'), hull.polygon)).toBe(false);
  });

  it('places a country’s actors closer to each other than to other countries’ actors, on average', () => {
    const grouped = nodes.filter((n) => n.country === 'PAK' || n.country === 'IND');
    let within = 0;
    let withinPairs = 0;
    let across = 0;
    let acrossPairs = 0;
    for (const [i, a] of grouped.entries()) {
      for (const b of grouped.slice(i + 1)) {
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        if (a.country === b.country) [within, withinPairs] = [within + distance, withinPairs + 1];
        else [across, acrossPairs] = [across + distance, acrossPairs + 1];
      }
    }
    expect(within / withinPairs).toBeLessThan(across / acrossPairs);
  });

  it('gives every actor of a country a compatriot as its nearest neighbour, though all its events are with foreigners', () => {
    for (const a of nodes.filter((n) => n.country === 'PAK' || n.country === 'IND')) {
      const [nearest] = nodes.filter((b) => b !== a).sort((p, q) => Math.hypot(p.x - a.x, p.y - a.y) - Math.hypot(q.x - a.x, q.y - a.y));
      expect(nearest?.country, `${a.name}'s nearest neighbour, ${nearest?.name}`).toBe(a.country);
    }
  });

  it('names an actor’s country in its tooltip and counts the countries for screen readers', () => {
    expect(node('Pakistani Army').title).toMatch(/^Pakistani Army \(PAKMIL\), Pakistan: 3 mentions/);
    expect(node('United Nations').title).toMatch(/^United Nations \(IGOUNO\): 3 mentions/);
    expect(/<svg id="network-svg"[^>]* aria-label="([^"]*)"/.exec(html)?.[1]).toBe('Actor network: 7 actors, 6 of them in 3 countries (Pakistan 3, India 2, United States 1); 6 links');
  });
});

describe('countryOf', () => {
  it('finds the country a code is rooted in, and none for international or ambiguous codes', () => {
    expect(countryOf(['PAKMIL'], countries)).toBe('PAK');
    expect(countryOf(['PAK', 'PAKGOV'], countries)).toBe('PAK');
    expect(countryOf(['IGOUNO'], countries)).toBeNull();
    expect(countryOf(['MNCCHN'], countries)).toBeNull();
    expect(countryOf(['INDREB', 'PAKREB'], countries)).toBeNull();
    expect(countryOf([], countries)).toBeNull();
  });

  it('ranks groups by size, so the largest countries get distinct colours', () => {
    const { groups, groupOf } = groupByCountry([['USA'], ['IND'], ['INDMIL'], ['NGO'], ['USAGOV'], ['INDGOV']], countries);
    expect(groups.map((g) => [g.name, g.members, g.colour])).toEqual([['India', [1, 2, 5], 0], ['United States', [0, 4], 1]]);
    expect(groupOf).toEqual([1, 0, 0, null, 1, 0]);
  });
});
