// Writes the corpus report as one self-contained HTML file: styles, the page script and the data inline, no network
// (a Content-Security-Policy forbids it), so it opens from file:// and can be mailed or archived. What does not change
// with the reader's clicks is drawn here, once: the network (laid out by d3-force), the timeline and the stance
// matrix; the page script draws the tables, lists and article view from the embedded data. Pure: a corpus in, a
// string out, the same bytes for the same corpus.
import type { Party, QuadClass, Span } from '../model/annotation.js';
import { QUAD_CLASSES } from '../model/annotation.js';
import { toUtf16Offsets } from '../text/code-points.js';
import type { Corpus, StanceSide } from './collect-corpus.js';
import { compareText, describeLeftOut, describeSide } from './collect-corpus.js';
import { drawHull } from './draw-hull.js';
import { groupByCountry } from './group-by-country.js';
import { layoutNetwork } from './layout-network.js';
import type { Point } from './layout-network.js';
import type { PageArticle, PageData, PageParty, Range } from './page-data.js';
import { REPORT_CSS } from './report-style.js';

export interface RenderOptions {
  /** The page's title. */
  title: string;
  /** The compiled page script (dist/corpus/page/report-page.js). */
  pageScript: string;
  /** CAMEO code → name, from lexicons/cameo.yaml. */
  cameoNames: ReadonlyMap<string, string>;
  /** ISO alpha-3 → country name, from lexicons/countries.yaml: the network groups actors by the country of their codes. */
  countries: ReadonlyMap<string, string>;
  /** "annotate 0.1.0": said at the foot of the page. */
  generator: string;
}

/** Most actors the network draws: beyond this a drawing stops being readable. */
export const NETWORK_NODES = 40;
/** Most holders (rows) and targets (columns) the stance matrix shows. */
export const MATRIX_SIZE = 12;


export function renderReport(corpus: Corpus, options: RenderOptions): string {
  const data = toPageData(corpus, options.cameoNames);
  const { totals } = corpus;
  const notices = corpus.documents.filter((d) => d.notice !== null);
  const stat = (n: number, word: string): string => `<li><b>${n.toLocaleString('en-US')}</b> ${word}${n === 1 ? '' : 's'}</li>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${escapeHtml(options.generator)}">
<title>${escapeHtml(options.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
<h1>${escapeHtml(options.title)}</h1>
<ul class="stats" aria-label="Corpus totals">${stat(totals.articles, 'article')}${stat(totals.actors, 'actor')}${stat(totals.places, 'place')}${stat(totals.events, 'event')}${stat(totals.stances, 'stance')}${stat(totals.claims, 'claim')}</ul>
${renderNotices(notices)}
</header>
<main>
<section id="actors" aria-labelledby="actors-h">
<h2 id="actors-h">Actors</h2>
<p class="hint">Sort by a column; choose an actor to list its articles.</p>
<label class="search">Find an actor <input id="actor-search" type="search" autocomplete="off"></label>
<div class="scroll"><table id="actor-table" class="data">
<thead><tr>${['name:Actor', 'type:Type', 'codes:Codes', 'mentions:Mentions', 'articles:Articles'].map((c) => {
    const [key, label] = c.split(':') as [string, string];
    return `<th scope="col" data-sort="${key}"${key === 'mentions' ? ' aria-sort="descending"' : ''}><button type="button">${label}</button></th>`;
  }).join('')}</tr></thead>
<tbody></tbody>
</table></div>
<button type="button" id="actor-more" class="more" hidden></button>
</section>
<section id="network" aria-labelledby="network-h">
<h2 id="network-h">Actor network</h2>
${renderNetwork(corpus, options.countries)}
</section>
<section id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Event timeline</h2>
${renderTimeline(corpus)}
</section>
<section id="stances" aria-labelledby="stances-h">
<h2 id="stances-h">Stances</h2>
${renderStanceMatrix(corpus)}
</section>
<section id="articles" aria-labelledby="articles-h">
<h2 id="articles-h">Articles</h2>
<div class="articles">
<nav class="list" aria-label="Articles">
<p id="list-filter" class="filter" hidden><span></span> <button type="button" id="list-clear">Show all articles</button></p>
<label class="search">Find an article <input id="article-search" type="search" autocomplete="off"></label>
<p id="list-count" class="hint" aria-live="polite"></p>
<ol id="article-list"></ol>
<button type="button" id="list-more" class="more" hidden></button>
</nav>
<div class="view">
<fieldset class="legend"><legend>Highlight</legend>
${[
  ['actor', 'Actor'],
  ['place', 'Place'],
  ['event', 'Event trigger'],
  ['stance', 'Stance cue'],
  ['claim', 'Claim content'],
].map(([kind, label]) => `<label><input type="checkbox" data-kind="${kind}" checked> <span class="hl k-${kind}">${label}</span></label>`).join('\n')}
</fieldset>
<article id="article-view" aria-live="polite"><p class="hint">Choose an article to read it with its annotations.</p></article>
</div>
</div>
</section>
</main>
<footer>Made by ${escapeHtml(options.generator)}. Offsets in the annotation files count Unicode code points.</footer>
<div id="tooltip" role="tooltip" hidden></div>
<script type="application/json" id="report-data">${embedJson(data)}</script>
<script type="module">${options.pageScript}</script>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------------------------
// Data for the page script

export function toPageData(corpus: Corpus, cameoNames: ReadonlyMap<string, string>): PageData {
  const actorIndex = new Map(corpus.actors.map((a, i) => [a.id, i]));
  const articles = corpus.documents.map(({ annotation, annotationFile, text, notice }): PageArticle => {
    const toUtf16 = text === null ? null : toUtf16Offsets(text);
    const range = (span: Span): Range => (toUtf16 === null ? [span.start, span.end, span.text] : [toUtf16(span.start), toUtf16(span.end)]);
    const actorOf = (id: string | null): number | null => (id === null ? null : (actorIndex.get(id) ?? null));
    const party = (p: Party): PageParty => ({ range: range(p), actor: actorOf(p.actor) });
    const placeNames = new Map(annotation.places.map((p) => [p.id, p.name]));
    return {
      path: annotation.source.path,
      annotationFile,
      title: annotation.source.title,
      date: annotation.source.date,
      text,
      notice,
      actors: annotation.actors.map((a) => ({ actor: actorIndex.get(a.id) as number, mentions: a.mentions.map(range) })),
      places: annotation.places.map((p) => ({ name: p.name, type: p.type, country: p.country, mentions: p.mentions.map(range) })),
      events: annotation.events.map((e) => ({
        id: e.id,
        trigger: range(e.trigger),
        code: e.code,
        name: cameoNames.get(e.code) ?? e.category,
        category: e.category,
        quadClass: e.quadClass,
        goldstein: e.goldstein,
        modality: e.modality,
        date: e.date,
        source: e.source.map((id) => actorIndex.get(id) as number),
        target: e.target.map((id) => actorIndex.get(id) as number),
        place: e.place === null ? null : (placeNames.get(e.place) ?? null),
      })),
      stances: annotation.stances.map((s) => ({
        id: s.id,
        polarity: s.polarity,
        via: s.via,
        cue: range(s.cue),
        holder: s.holder === null ? null : party(s.holder),
        target: { range: range(s.target), actor: actorOf(s.target.actor) },
        targetEvent: s.target.event,
      })),
      claims: annotation.claims.map((c) => ({
        id: c.id,
        cue: range(c.cue),
        content: [c.content, ...c.continues].map(range),
        source: c.source === null ? null : party(c.source),
        certainty: c.certainty,
        hedges: c.hedges,
      })),
    };
  });
  return { actors: corpus.actors, articles };
}

/** JSON that cannot end its <script> element early, whatever the articles say. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function renderNotices(notices: Corpus['documents']): string {
  if (notices.length === 0) return '';
  const shown = notices.slice(0, 200);
  return `<details class="notices"><summary>${notices.length === 1 ? '1 article is' : `${notices.length} articles are`} shown from the annotation alone</summary>
<ul>${shown.map((d) => `<li><code>${escapeHtml(d.annotation.source.path)}</code>: ${escapeHtml(d.notice ?? '')}</li>`).join('')}${notices.length > shown.length ? `<li>and ${notices.length - shown.length} more</li>` : ''}</ul>
</details>`;
}

// ---------------------------------------------------------------------------------------------------------------
// The actor network

const QUAD_LABELS: Record<QuadClass, string> = {
  'verbal-cooperation': 'verbal cooperation',
  'material-cooperation': 'material cooperation',
  'verbal-conflict': 'verbal conflict',
  'material-conflict': 'material conflict',
};

function renderNetwork(corpus: Corpus, countries: ReadonlyMap<string, string>): string {
  // Actors ranked by the events that link them to another actor; ties by their rank in the actor table.
  const linked = new Map<number, number>();
  for (const d of corpus.dyads) {
    linked.set(d.source, (linked.get(d.source) ?? 0) + d.count);
    linked.set(d.target, (linked.get(d.target) ?? 0) + d.count);
  }
  if (linked.size === 0) return '<p class="empty">No event links two known actors, so there is no network to draw.</p>';
  const chosen = [...linked.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, NETWORK_NODES).map(([actor]) => actor).sort((a, b) => a - b);
  const position = new Map(chosen.map((actor, i) => [actor, i]));

  // One edge per pair and quad class, whichever way the events went.
  const edges = new Map<string, { a: number; b: number; quadClass: QuadClass; count: number; ab: number; ba: number; articles: Set<number> }>();
  for (const d of corpus.dyads) {
    if (!position.has(d.source) || !position.has(d.target)) continue;
    const [a, b] = d.source < d.target ? [d.source, d.target] : [d.target, d.source];
    const key = `${a} ${b} ${d.quadClass}`;
    const edge = edges.get(key) ?? { a, b, quadClass: d.quadClass, count: 0, ab: 0, ba: 0, articles: new Set<number>() };
    edge.count += d.count;
    if (d.source === a) edge.ab += d.count;
    else edge.ba += d.count;
    for (const article of d.articles) edge.articles.add(article);
    edges.set(key, edge);
  }
  const edgeList = [...edges.values()].sort((x, y) => x.a - y.a || x.b - y.b || QUAD_CLASSES.indexOf(x.quadClass) - QUAD_CLASSES.indexOf(y.quadClass));

  const maxMentions = Math.max(...chosen.map((actor) => corpus.actors[actor]?.mentions ?? 1));
  const radius = (actor: number): number => Math.round((5 + 11 * Math.sqrt((corpus.actors[actor]?.mentions ?? 1) / maxMentions)) * 10) / 10;
  const width = 760;
  const height = 520;
  const pairWeight = new Map<string, number>();
  for (const e of edgeList) pairWeight.set(`${e.a} ${e.b}`, (pairWeight.get(`${e.a} ${e.b}`) ?? 0) + e.count);
  const { groupOf, groups } = groupByCountry(chosen.map((actor) => corpus.actors[actor]?.codes ?? []), countries);
  const points = layoutNetwork(
    chosen.map((actor, i) => ({ radius: radius(actor), group: groupOf[i] ?? null })),
    [...pairWeight.entries()].map(([pair, weight]) => {
      const [a, b] = pair.split(' ').map(Number) as [number, number];
      return { source: position.get(a) as number, target: position.get(b) as number, weight };
    }),
    { width, height, margin: 60 },
  );

  const maxCount = Math.max(...edgeList.map((e) => e.count));
  const pairSeen = new Map<string, number>();
  const edgeMarkup = edgeList.map((e) => {
    const p = points[position.get(e.a) as number] as { x: number; y: number };
    const q = points[position.get(e.b) as number] as { x: number; y: number };
    // Several quad classes between one pair bow apart so that each stays visible.
    const pair = `${e.a} ${e.b}`;
    const nth = pairSeen.get(pair) ?? 0;
    pairSeen.set(pair, nth + 1);
    const bow = nth === 0 ? 0 : (nth % 2 === 1 ? 1 : -1) * Math.ceil(nth / 2) * 18;
    const mx = (p.x + q.x) / 2;
    const my = (p.y + q.y) / 2;
    const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const cx = round(mx - ((q.y - p.y) / length) * bow);
    const cy = round(my + ((q.x - p.x) / length) * bow);
    const strokeWidth = round(1.5 + 5.5 * Math.sqrt(e.count / maxCount));
    const nameA = corpus.actors[e.a]?.name ?? '';
    const nameB = corpus.actors[e.b]?.name ?? '';
    const ways = [e.ab > 0 ? `${nameA} → ${nameB}: ${e.ab}` : '', e.ba > 0 ? `${nameB} → ${nameA}: ${e.ba}` : ''].filter(Boolean).join('; ');
    const label = `${nameA} – ${nameB}: ${e.count} ${QUAD_LABELS[e.quadClass]} event${e.count === 1 ? '' : 's'} (${ways})`;
    return `<path class="edge q-${e.quadClass}" d="M${p.x} ${p.y} Q${cx} ${cy} ${q.x} ${q.y}" stroke-width="${strokeWidth}" data-articles="${[...e.articles].sort((x, y) => x - y).join(' ')}" data-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title></path>`;
  });
  // A shaded outline, named for its country, behind each country's actors when there are two or more of them.
  // Names are drawn last, over lines and nodes, so that a busy country's name stays readable.
  const hulls = groups.filter((g) => g.members.length >= 2).map((g) => ({ g, hull: drawHull(g.members.map((i) => ({ ...(points[i] as Point), r: radius(chosen[i] as number) })), 10) }));
  const hullMarkup = hulls.map(({ g, hull }) => `<path class="hull g-${g.colour}" data-country="${g.code}" d="${hull.path}"></path>`);
  const hullNames = hulls.map(({ g, hull }) => `<text class="hull-name" data-country="${g.code}" x="${hull.top.x}" y="${round(hull.top.y - 4)}">${escapeHtml(g.name)}</text>`);
  const nodeMarkup = chosen.map((actor, i) => {
    const a = corpus.actors[actor];
    const p = points[i] as { x: number; y: number };
    if (a === undefined) return '';
    const r = radius(actor);
    const g = groupOf[i];
    const group = g === null || g === undefined ? undefined : groups[g];
    const country = group === undefined || group.name === a.name ? '' : `, ${group.name}`;
    const label = `${a.name}${a.codes.length ? ` (${a.codes.join(', ')})` : ''}${country}: ${a.mentions} mention${a.mentions === 1 ? '' : 's'} in ${a.articles.length} article${a.articles.length === 1 ? '' : 's'}, ${linked.get(actor)} linking event${linked.get(actor) === 1 ? '' : 's'}`;
    return `<g class="node t-${a.type}${group === undefined ? '' : ` g-${group.colour}" data-country="${group.code}`}" data-actor="${actor}" transform="translate(${p.x} ${p.y})" tabindex="0" role="button" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title><circle r="${r}"></circle><text x="${round(r + 3)}" y="4">${escapeHtml(a.name)}</text></g>`;
  });
  const shown = chosen.length < linked.size ? `the ${chosen.length} of ${linked.size} linked actors with the most events between them` : `all ${chosen.length} actors that events link`;
  const grouped = groupOf.filter((g) => g !== null).length;
  const countryList = `${groups.length} countr${groups.length === 1 ? 'y' : 'ies'} (${groups.map((g) => `${g.name} ${g.members.length}`).join(', ')})`;
  const inCountries = grouped === 0 ? 'none with a country' : `${grouped === chosen.length ? '' : `${grouped} of them `}in ${countryList}`;
  return `<p class="hint">Nodes are actors (size: mentions), ${shown}; an actor's country (from its code) gives its colour, grey for none, and a country's actors sit together in an outline named for it. Lines are events between them (colour: quad class, width: count). Choose a node to list its articles, a line for the articles of its events.</p>
<svg id="network-svg" viewBox="0 0 ${width} ${height}" role="group" aria-label="${escapeHtml(`Actor network: ${chosen.length} actors, ${inCountries}; ${edgeList.length} links`)}">
<g class="hulls" aria-hidden="true">${hullMarkup.join('')}</g>
<g class="edges">${edgeMarkup.join('')}</g>
<g class="nodes">${nodeMarkup.join('')}</g>
<g class="hull-names" aria-hidden="true">${hullNames.join('')}</g>
</svg>
${quadLegend()}`;
}

function quadLegend(): string {
  return `<ul class="quad-legend" aria-label="Quad classes">${QUAD_CLASSES.map((q) => `<li><svg width="28" height="10" aria-hidden="true"><line class="q-${q}" x1="1" y1="5" x2="27" y2="5" stroke-width="3"></line></svg> ${QUAD_LABELS[q]}</li>`).join('')}</ul>`;
}

// ---------------------------------------------------------------------------------------------------------------
// The event timeline

type Granularity = 'day' | 'month' | 'year';

function renderTimeline(corpus: Corpus): string {
  const { dated } = corpus;
  const undated = corpus.totals.undatedEvents;
  if (dated.length === 0) {
    return `<p class="empty">No event has a date: ${corpus.totals.events === 0 ? 'the corpus has no events' : `neither the text nor the article (front matter or <code>--date</code>) dates any of the ${corpus.totals.events.toLocaleString('en-US')} events`}.</p>`;
  }
  const first = dated[0]?.date as string;
  const last = dated[dated.length - 1]?.date as string;
  const granularity: Granularity = daysBetween(first, last) <= 92 ? 'day' : monthsBetween(first, last) <= 60 ? 'month' : 'year';
  const bins = binKeys(first, last, granularity);
  const counts = new Map(bins.map((key) => [key, { total: 0, byQuad: new Map<QuadClass, number>(), articles: new Set<number>() }]));
  for (const e of dated) {
    const bin = counts.get(binOf(e.date, granularity));
    if (bin === undefined) continue;
    bin.total++;
    bin.byQuad.set(e.quadClass, (bin.byQuad.get(e.quadClass) ?? 0) + 1);
    bin.articles.add(e.article);
  }
  const max = Math.max(...[...counts.values()].map((b) => b.total));
  const width = 760;
  const height = 220;
  const left = 36;
  const bottom = 30;
  const top = 10;
  const plotHeight = height - bottom - top;
  const step = (width - left - 10) / bins.length;
  const barWidth = Math.max(1, round(step * 0.8));
  const labelEvery = Math.ceil(bins.length / 10);
  const bars = bins.map((key, i) => {
    const bin = counts.get(key) as { total: number; byQuad: Map<QuadClass, number>; articles: Set<number> };
    const x = round(left + i * step + (step - barWidth) / 2);
    let y = top + plotHeight;
    const rects = QUAD_CLASSES.map((q) => {
      const n = bin.byQuad.get(q) ?? 0;
      if (n === 0) return '';
      const h = round((n / max) * plotHeight);
      y = round(y - h);
      return `<rect class="q-${q}" x="${x}" y="${y}" width="${barWidth}" height="${h}"></rect>`;
    }).join('');
    const tick = i % labelEvery === 0 ? `<text class="tick" x="${round(x + barWidth / 2)}" y="${height - 10}">${escapeHtml(key)}</text>` : '';
    if (bin.total === 0) return tick;
    const breakdown = QUAD_CLASSES.filter((q) => bin.byQuad.has(q)).map((q) => `${bin.byQuad.get(q)} ${QUAD_LABELS[q]}`).join(', ');
    const label = `${key}: ${bin.total} event${bin.total === 1 ? '' : 's'} (${breakdown}) in ${bin.articles.size} article${bin.articles.size === 1 ? '' : 's'}`;
    return `<g class="bar" tabindex="0" role="button" aria-label="${escapeHtml(label)}" data-articles="${[...bin.articles].sort((a, b) => a - b).join(' ')}" data-label="${escapeHtml(`with events dated ${key}`)}"><title>${escapeHtml(label)}</title><rect class="hit" x="${round(left + i * step)}" y="${top}" width="${round(step)}" height="${plotHeight}"></rect>${rects}</g>${tick}`;
  });
  const fromText = dated.filter((e) => !e.fromArticle).length;
  const fromArticle = dated.length - fromText;
  const caption = [
    `${fromText.toLocaleString('en-US')} event${fromText === 1 ? '' : 's'} dated by the text`,
    `${fromArticle.toLocaleString('en-US')} by their article's date`,
    `${undated.toLocaleString('en-US')} without a date`,
  ].join(', ');
  return `<p class="hint">Events per ${granularity}, ${first} to ${last} (${caption}). Choose a bar to list its articles.</p>
<svg id="timeline-svg" viewBox="0 0 ${width} ${height}" role="group" aria-label="Events per ${granularity}">
<line class="axis" x1="${left}" y1="${top + plotHeight}" x2="${width - 10}" y2="${top + plotHeight}"></line>
<text class="tick" x="${left - 6}" y="${top + 8}" text-anchor="end">${max}</text>
<text class="tick" x="${left - 6}" y="${top + plotHeight}" text-anchor="end">0</text>
${bars.join('')}
</svg>
${quadLegend()}`;
}

function binOf(date: string, granularity: Granularity): string {
  return granularity === 'day' ? date : granularity === 'month' ? date.slice(0, 7) : date.slice(0, 4);
}

function binKeys(first: string, last: string, granularity: Granularity): string[] {
  const keys: string[] = [];
  if (granularity === 'day') {
    for (let t = Date.parse(first); t <= Date.parse(last); t += 86_400_000) keys.push(new Date(t).toISOString().slice(0, 10));
  } else if (granularity === 'month') {
    let [y, m] = first.split('-').map(Number) as [number, number];
    const end = last.slice(0, 7);
    for (;;) {
      const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
      keys.push(key);
      if (key >= end) break;
      m++;
      if (m > 12) [y, m] = [y + 1, 1];
    }
  } else {
    for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) keys.push(String(y).padStart(4, '0'));
  }
  return keys;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

// ---------------------------------------------------------------------------------------------------------------
// The stance matrix

function renderStanceMatrix(corpus: Corpus): string {
  const { stances } = corpus;
  const said = describeLeftOut(corpus.totals);
  const leftOut = said === null ? '' : ` ${said}`;
  if (stances.length === 0) return `<p class="empty">No stance has both a known holder and a target.${leftOut}</p>`;
  const key = (side: StanceSide): string => ('actor' in side ? `a${side.actor}` : `t${side.text}`);
  const rank = (pick: (s: (typeof stances)[number]) => StanceSide, among: readonly (typeof stances)[number][]): { key: string; side: StanceSide }[] => {
    const totals = new Map<string, { side: StanceSide; count: number }>();
    for (const s of among) {
      const side = pick(s);
      const entry = totals.get(key(side)) ?? { side, count: 0 };
      entry.count += s.count;
      totals.set(key(side), entry);
    }
    return [...totals.entries()]
      .sort((a, b) => b[1].count - a[1].count || compareText(describeSide(corpus, a[1].side), describeSide(corpus, b[1].side)))
      .slice(0, MATRIX_SIZE)
      .map(([k, v]) => ({ key: k, side: v.side }));
  };
  // The most discussed targets first, then the holders with the most stances on those: no row stays empty.
  const targets = rank((s) => s.target, stances);
  const shownTargets = new Set(targets.map((t) => t.key));
  const holders = rank((s) => s.holder, stances.filter((s) => shownTargets.has(key(s.target))));
  const cells = new Map<string, { support: number; oppose: number; neutral: number; articles: Set<number> }>();
  for (const s of stances) {
    const cellKey = `${key(s.holder)}\n${key(s.target)}`;
    const cell = cells.get(cellKey) ?? { support: 0, oppose: 0, neutral: 0, articles: new Set<number>() };
    cell[s.polarity] += s.count;
    for (const a of s.articles) cell.articles.add(a);
    cells.set(cellKey, cell);
  }
  const sideCell = (side: StanceSide, scope: 'row' | 'col'): string => {
    const name = describeSide(corpus, side);
    const short = name.length > 42 ? name.slice(0, 40) + '…' : name;
    const inner = 'actor' in side ? `<button type="button" class="actor-link" data-actor="${side.actor}">${escapeHtml(short)}</button>` : `<span>${escapeHtml(short)}</span>`;
    return `<th scope="${scope}"${short === name ? '' : ` title="${escapeHtml(name)}"`}>${inner}</th>`;
  };
  const rows = holders.map((h) => {
    const tds = targets.map((t) => {
      const cell = cells.get(`${h.key}\n${t.key}`);
      if (cell === undefined) return '<td></td>';
      const parts = [
        cell.support ? `<span class="p-support" title="support">▲${cell.support}</span>` : '',
        cell.oppose ? `<span class="p-oppose" title="oppose">▼${cell.oppose}</span>` : '',
        cell.neutral ? `<span class="p-neutral" title="neutral">●${cell.neutral}</span>` : '',
      ].join('');
      const holderName = describeSide(corpus, h.side);
      const targetName = describeSide(corpus, t.side);
      const said = [cell.support ? `${cell.support} support` : '', cell.oppose ? `${cell.oppose} oppose` : '', cell.neutral ? `${cell.neutral} neutral` : ''].filter(Boolean).join(', ');
      const tone = cell.support > cell.oppose ? 'support' : cell.oppose > cell.support ? 'oppose' : 'neutral';
      return `<td class="cell c-${tone}"><button type="button" data-articles="${[...cell.articles].sort((a, b) => a - b).join(' ')}" data-label="${escapeHtml(`where ${holderName} takes a stance on ${targetName}`)}" aria-label="${escapeHtml(`${holderName} on ${targetName}: ${said}`)}">${parts}</button></td>`;
    });
    return `<tr>${sideCell(h.side, 'row')}${tds.join('')}</tr>`;
  });
  const more = stances.length > 0 && (holders.length === MATRIX_SIZE || targets.length === MATRIX_SIZE) ? ` The ${MATRIX_SIZE} holders and targets with the most stances are shown.` : '';
  return `<p class="hint">Rows hold the stance, columns are what it is about: ▲ support, ▼ oppose, ● neutral.${more}${leftOut} Choose a cell to list its articles.</p>
<div class="scroll"><table id="stance-matrix" class="matrix">
<thead><tr><td></td>${targets.map((t) => sideCell(t.side, 'col')).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table></div>`;
}

// ---------------------------------------------------------------------------------------------------------------

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
