// The report page's script, inlined into report.html as a module: the actor table (sortable, searchable), the
// article list and its filters (an actor, a timeline bar, a network line, a stance cell), and the article view with
// every span highlighted, a tooltip for the mouse and for the keyboard. The drawings themselves come ready from
// render-html.ts; this script only reads the embedded data and answers clicks.
import type { PageArticle, PageData, PageParty, Range } from '../page-data.js';

type Kind = 'actor' | 'place' | 'event' | 'stance' | 'claim';
type SortKey = 'name' | 'type' | 'codes' | 'mentions' | 'articles';

// Rows drawn at first and added per "show more": a table of all 11,000 actors of a large corpus took the browser
// seconds to lay out, and searching reaches every row anyway.
const ACTOR_ROWS = 100;
const LIST_ROWS = 200;
const MORE_ROWS = 400;
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const data = JSON.parse(byId('report-data').textContent ?? '{}') as PageData;
const tooltip = byId('tooltip');

const state = {
  sort: { key: 'mentions' as SortKey, descending: true },
  actorQuery: '',
  actorRows: ACTOR_ROWS,
  selectedActor: null as number | null,
  filter: null as { label: string; articles: Set<number> } | null,
  articleQuery: '',
  listRows: LIST_ROWS,
  article: null as number | null,
  kinds: new Set<Kind>(['actor', 'place', 'event', 'stance', 'claim']),
};

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`report page: #${id} is missing`);
  return element as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const actorName = (i: number | null): string => (i === null ? '' : (data.actors[i]?.name ?? '?'));

// ---------------------------------------------------------------------------------------------------------------
// Actor table

function renderActorTable(): void {
  const query = state.actorQuery.trim().toLowerCase();
  const rows = data.actors
    .map((actor, index) => ({ actor, index }))
    .filter(({ actor }) => query === '' || actor.name.toLowerCase().includes(query) || actor.codes.some((c) => c.toLowerCase().includes(query)));
  const { key, descending } = state.sort;
  const value = (i: { actor: PageData['actors'][number] }): string | number =>
    key === 'mentions' ? i.actor.mentions : key === 'articles' ? i.actor.articles.length : key === 'codes' ? i.actor.codes.join(' ') : i.actor[key];
  rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    // Ties keep the report's own order (by mentions), whatever the direction.
    return (descending ? -order : order) || a.index - b.index;
  });
  const body = byId('actor-table').querySelector('tbody') as HTMLTableSectionElement;
  body.replaceChildren(
    ...rows.slice(0, state.actorRows).map(({ actor, index }) => {
      const tr = el(
        'tr',
        { 'data-row': String(index) },
        el('td', {}, el('button', { type: 'button', class: 'actor-link', 'data-actor': String(index) }, actor.name)),
        el('td', {}, actor.type),
        el('td', {}, actor.codes.join(', ') || '–'),
        el('td', { class: 'n' }, actor.mentions.toLocaleString('en-US')),
        el('td', { class: 'n' }, actor.articles.length.toLocaleString('en-US')),
      );
      if (index === state.selectedActor) tr.classList.add('selected');
      return tr;
    }),
  );
  for (const th of byId('actor-table').querySelectorAll<HTMLElement>('th[data-sort]')) {
    if (th.dataset.sort === key) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    else th.removeAttribute('aria-sort');
  }
  showMore('actor-more', rows.length, state.actorRows, 'actor');
}

// ---------------------------------------------------------------------------------------------------------------
// Article list and its filter

/** The front matter's title, else the text's first line (news files often start with the headline), else the name. */
function articleTitle(article: PageArticle): string {
  const firstLine = article.text?.trimStart().split('\n', 1)[0]?.trim() ?? '';
  const heading = firstLine.length > 0 && firstLine.length <= 120 && !firstLine.startsWith('---') ? firstLine : null;
  return article.title ?? heading ?? article.path.split('/').pop() ?? article.path;
}

function renderArticleList(): void {
  const query = state.articleQuery.trim().toLowerCase();
  const { filter } = state;
  const shown: number[] = [];
  data.articles.forEach((article, index) => {
    if (filter !== null && !filter.articles.has(index)) return;
    if (query !== '' && !`${article.title ?? ''}\n${article.path}`.toLowerCase().includes(query)) return;
    shown.push(index);
  });
  const filterLine = byId('list-filter');
  filterLine.hidden = filter === null;
  (filterLine.querySelector('span') as HTMLElement).textContent = filter === null ? '' : `${plural(filter.articles.size, 'article')} ${filter.label}`;
  byId('list-count').textContent = `${plural(shown.length, 'article')} listed`;
  byId('article-list').replaceChildren(
    ...shown.slice(0, state.listRows).map((index) => {
      const a = data.articles[index] as PageArticle;
      const counts = `${plural(a.actors.length, 'actor')} · ${plural(a.events.length, 'event')} · ${plural(a.stances.length, 'stance')} · ${plural(a.claims.length, 'claim')}`;
      const button = el(
        'button',
        { type: 'button', 'data-article': String(index) },
        el('b', {}, articleTitle(a)),
        el('span', { class: 'path' }, [a.path, a.date].filter(Boolean).join(' · ')),
        el('span', { class: 'counts' }, a.notice === null ? counts : `${counts} · no text`),
      );
      if (index === state.article) button.setAttribute('aria-current', 'true');
      return el('li', {}, button);
    }),
  );
  showMore('list-more', shown.length, state.listRows, 'article');
}

function showMore(id: string, total: number, shown: number, noun: string): void {
  const more = byId<HTMLButtonElement>(id);
  more.hidden = total <= shown;
  more.textContent = `Show ${Math.min(MORE_ROWS, total - shown).toLocaleString('en-US')} more (${shown.toLocaleString('en-US')} of ${plural(total, noun)} shown)`;
}

function setFilter(label: string, articles: Iterable<number>): void {
  state.filter = { label, articles: new Set(articles) };
  state.listRows = LIST_ROWS;
  renderArticleList();
  byId('articles').scrollIntoView({ block: 'start' });
}

function selectActor(index: number): void {
  const actor = data.actors[index];
  if (actor === undefined) return;
  state.selectedActor = index;
  for (const row of document.querySelectorAll('#actor-table tr.selected')) row.classList.remove('selected');
  document.querySelector(`#actor-table tr[data-row="${index}"]`)?.classList.add('selected');
  for (const node of document.querySelectorAll<SVGGElement>('#network-svg .node')) {
    node.classList.toggle('selected', node.dataset.actor === String(index));
    node.setAttribute('aria-pressed', String(node.dataset.actor === String(index)));
  }
  setFilter(`mentioning ${actor.name}`, actor.articles);
}

function clearFilter(): void {
  state.filter = null;
  state.selectedActor = null;
  for (const selected of document.querySelectorAll('.selected')) selected.classList.remove('selected');
  for (const node of document.querySelectorAll('#network-svg .node')) node.setAttribute('aria-pressed', 'false');
  renderArticleList();
}

// ---------------------------------------------------------------------------------------------------------------
// Article view

interface Highlight {
  start: number;
  end: number;
  kind: Kind;
  describe: () => HTMLElement;
}

/** Spans that cover exactly the same words share one element and one tooltip. */
interface Mark {
  start: number;
  end: number;
  kinds: Kind[];
  parts: Highlight[];
}

function openArticle(index: number): void {
  const article = data.articles[index];
  if (article === undefined) return;
  state.article = index;
  for (const b of document.querySelectorAll('#article-list button[aria-current]')) b.removeAttribute('aria-current');
  document.querySelector(`#article-list button[data-article="${index}"]`)?.setAttribute('aria-current', 'true');
  renderArticle();
}

function renderArticle(): void {
  const article = state.article === null ? undefined : data.articles[state.article];
  if (article === undefined) return;
  const view = byId('article-view');
  const meta = [article.path, article.date, `annotations: ${article.annotationFile}`].filter(Boolean).join(' · ');
  const actors = el('p', { class: 'meta' }, 'Actors: ');
  article.actors.forEach(({ actor }, i) => {
    if (i > 0) actors.append(', ');
    actors.append(el('button', { type: 'button', class: 'actor-link', 'data-actor': String(actor) }, actorName(actor)));
  });
  const parts: Node[] = [el('h3', {}, articleTitle(article)), el('p', { class: 'meta' }, meta)];
  if (article.actors.length > 0) parts.push(actors);
  if (article.notice !== null) parts.push(el('p', { class: 'notice', role: 'note' }, article.notice));
  parts.push(article.text === null ? renderItems(article) : renderText(article.text, highlightsOf(article)));
  view.replaceChildren(...parts);
}

function textOf(article: PageArticle, range: Range): string {
  return range[2] ?? article.text?.slice(range[0], range[1]) ?? '';
}

function partyText(article: PageArticle, party: PageParty | null): string {
  if (party === null) return 'not said';
  const words = textOf(article, party.range);
  return party.actor === null ? `“${words}”` : `${actorName(party.actor)} (“${words}”)`;
}

function highlightsOf(article: PageArticle): Highlight[] {
  const out: Highlight[] = [];
  const add = (kind: Kind, range: Range, rows: () => [string, string][], title: string): void => {
    if (!state.kinds.has(kind)) return;
    out.push({ start: range[0], end: range[1], kind, describe: () => describe(kind, title, rows()) });
  };
  for (const { actor, mentions } of article.actors) {
    const a = data.actors[actor];
    if (a === undefined) continue;
    for (const m of mentions) {
      add('actor', m, () => [
        ['type', a.type],
        ['code', a.codes.join(', ') || 'none'],
        ['here', plural(mentions.length, 'mention')],
        ['corpus', `${plural(a.mentions, 'mention')} in ${plural(a.articles.length, 'article')}`],
      ], a.name);
    }
  }
  for (const p of article.places) {
    for (const m of p.mentions) add('place', m, () => [['type', p.type], ['country', p.country ?? 'none or disputed']], p.name);
  }
  for (const e of article.events) {
    add('event', e.trigger, () => [
      ['CAMEO', `${e.code} ${e.name}`],
      ['category', `${e.category} (${e.quadClass.replace('-', ' ')})`],
      ['source', e.source.map(actorName).join(', ') || 'not known'],
      ['target', e.target.map(actorName).join(', ') || 'not known'],
      ['Goldstein', e.goldstein.toFixed(1)],
      ['modality', e.modality],
      ...(e.place === null ? [] : [['place', e.place] as [string, string]]),
      ...(e.date === null ? [] : [['date', e.date] as [string, string]]),
    ], `${e.id}: ${e.category}`);
  }
  for (const s of article.stances) {
    add('stance', s.cue, () => [
      ['polarity', s.polarity],
      ['holder', partyText(article, s.holder)],
      ['target', partyText(article, s.target) + (s.targetEvent === null ? '' : ` (event ${s.targetEvent})`)],
      ['via', s.via],
    ], `${s.id}: ${s.polarity}`);
  }
  for (const c of article.claims) {
    const rows = (): [string, string][] => [
      ['source', partyText(article, c.source)],
      ['cue', textOf(article, c.cue)],
      ['certainty', c.certainty + (c.hedges.length > 0 ? ` (${c.hedges.join(', ')})` : '')],
    ];
    for (const part of c.content) add('claim', part, rows, `${c.id}: claim`);
  }
  return out;
}

function describe(kind: Kind, title: string, rows: [string, string][]): HTMLElement {
  const list = el('dl');
  for (const [term, value] of rows) list.append(el('dt', {}, term), el('dd', {}, value));
  return el('div', {}, el('div', { class: 'kind' }, kind), el('b', {}, title), list);
}

/** The text with properly nested marks: where two spans cross, the later one is split, and its pieces share one
 *  tooltip; only the first piece is a tab stop. */
function renderText(text: string, highlights: Highlight[]): HTMLElement {
  const marks = new Map<string, Mark>();
  for (const h of highlights) {
    if (h.end <= h.start) continue;
    const key = `${h.start}:${h.end}`;
    const mark = marks.get(key) ?? { start: h.start, end: h.end, kinds: [], parts: [] };
    if (!mark.kinds.includes(h.kind)) mark.kinds.push(h.kind);
    mark.parts.push(h);
    marks.set(key, mark);
  }
  // Outer marks first: earlier start, then longer.
  const ordered = [...marks.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const bounds = [...new Set([0, text.length, ...ordered.flatMap((m) => [m.start, m.end])])].filter((b) => b <= text.length).sort((a, b) => a - b);
  const root = el('div', { class: 'text' });
  const open: { mark: Mark; element: HTMLElement }[] = [];
  const started = new Set<Mark>();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i] as number;
    const to = bounds[i + 1] as number;
    const active = ordered.filter((m) => m.start <= from && m.end >= to);
    let keep = 0;
    while (keep < open.length && keep < active.length && open[keep]?.mark === active[keep]) keep++;
    open.length = keep;
    for (const mark of active.slice(keep)) {
      const element = el('span', { class: ['hl', ...mark.kinds.map((k) => `k-${k}`)].join(' '), 'data-kinds': mark.kinds.join(' ') });
      if (!started.has(mark)) {
        started.add(mark);
        element.tabIndex = 0;
      }
      tooltipContent.set(element, mark);
      (open[open.length - 1]?.element ?? root).append(element);
      open.push({ mark, element });
    }
    (open[open.length - 1]?.element ?? root).append(text.slice(from, to));
  }
  return root;
}

function renderItems(article: PageArticle): HTMLElement {
  const section = (title: string, lines: string[]): Node[] => (lines.length === 0 ? [] : [el('h4', {}, title), el('ul', {}, ...lines.map((l) => el('li', {}, l)))]);
  return el(
    'div',
    { class: 'items' },
    ...section('Actors', article.actors.map(({ actor, mentions }) => `${actorName(actor)}: ${mentions.map((m) => `“${textOf(article, m)}”`).join(', ')}`)),
    ...section('Places', article.places.map((p) => `${p.name} (${p.type})`)),
    ...section('Events', article.events.map((e) => `${e.id} “${textOf(article, e.trigger)}”: ${e.code} ${e.name}; ${e.source.map(actorName).join(', ') || '?'} → ${e.target.map(actorName).join(', ') || '?'}`)),
    ...section('Stances', article.stances.map((s) => `${s.id} ${partyText(article, s.holder)} ${s.polarity}: ${partyText(article, s.target)}`)),
    ...section('Claims', article.claims.map((c) => `${c.id} ${partyText(article, c.source)}: “${c.content.map((r) => textOf(article, r)).join(' … ')}” (${c.certainty})`)),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Tooltip

const tooltipContent = new WeakMap<Element, Mark>();

function showTooltip(target: HTMLElement): void {
  const mark = tooltipContent.get(target);
  if (mark === undefined) return;
  tooltip.replaceChildren(...mark.parts.map((p) => p.describe()));
  tooltip.hidden = false;
  target.setAttribute('aria-describedby', 'tooltip');
  const box = target.getBoundingClientRect();
  const width = tooltip.offsetWidth;
  const left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - width - 8);
  const below = box.bottom + tooltip.offsetHeight + 8 < window.innerHeight;
  tooltip.style.left = `${Math.max(window.scrollX + 4, left)}px`;
  tooltip.style.top = `${window.scrollY + (below ? box.bottom + 6 : box.top - tooltip.offsetHeight - 6)}px`;
}

function hideTooltip(): void {
  tooltip.hidden = true;
  for (const described of document.querySelectorAll('[aria-describedby="tooltip"]')) described.removeAttribute('aria-describedby');
}

function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest('.text .hl') as HTMLElement | null) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Wiring: one listener per kind of event, on the document.

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (target === null) return;
  const sort = target.closest<HTMLElement>('th[data-sort]');
  if (sort !== null) {
    const key = sort.dataset.sort as SortKey;
    state.sort = { key, descending: state.sort.key === key ? !state.sort.descending : key === 'mentions' || key === 'articles' };
    renderActorTable();
    return;
  }
  const actor = target.closest<HTMLElement | SVGElement>('[data-actor]');
  if (actor !== null) return selectActor(Number(actor.dataset.actor));
  const group = target.closest<HTMLElement | SVGElement>('[data-articles]');
  if (group !== null) {
    const list = (group.dataset.articles ?? '').split(' ').filter(Boolean).map(Number);
    return setFilter(group.dataset.label ?? '', list);
  }
  const article = target.closest<HTMLElement>('[data-article]');
  if (article !== null) return openArticle(Number(article.dataset.article));
  if (target.id === 'list-clear') return clearFilter();
  if (target.id === 'actor-more') {
    state.actorRows += MORE_ROWS;
    return renderActorTable();
  }
  if (target.id === 'list-more') {
    state.listRows += MORE_ROWS;
    return renderArticleList();
  }
});

// SVG groups with role=button answer Enter and Space as buttons do.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') return hideTooltip();
  const target = event.target;
  if (!(target instanceof SVGElement) || target.getAttribute('role') !== 'button') return;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }
});

document.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.dataset.kind === undefined) return;
  const kind = box.dataset.kind as Kind;
  if (box.checked) state.kinds.add(kind);
  else state.kinds.delete(kind);
  hideTooltip();
  renderArticle();
});

document.addEventListener('input', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement)) return;
  if (input.id === 'actor-search') {
    state.actorQuery = input.value;
    renderActorTable();
  } else if (input.id === 'article-search') {
    state.articleQuery = input.value;
    renderArticleList();
  }
});

for (const [show, hide] of [['mouseover', 'mouseout'], ['focusin', 'focusout']] as const) {
  document.addEventListener(show, (event) => {
    const mark = markOf(event.target);
    if (mark !== null) showTooltip(mark);
  });
  document.addEventListener(hide, (event) => {
    if (markOf(event.target) !== null) hideTooltip();
  });
}

renderActorTable();
renderArticleList();
if (data.articles.length > 0) openArticle(0);
document.body.dataset.ready = 'true';
