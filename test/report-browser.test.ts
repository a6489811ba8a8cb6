// The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core. It opens the report of
// the two seeds from file:// and checks what a reader sees and does: highlighted spans and their tooltips, the kind
// filters, the network, the tables, a click on an actor filtering the article list, and that nothing is fetched.
// A screenshot goes to test-output/. Without Chromium the tests are skipped with a message; CI (.ci/run) installs
// Chromium and sets ANNOTATE_REQUIRE_BROWSER=1, so there a missing browser fails instead.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../src/model/annotation.js';
import { runCli } from './helpers.js';
import { makeAnnotation } from './make-annotation.js';
import { collectCorpus } from '../src/corpus/collect-corpus.js';
import { renderReport } from '../src/corpus/render-html.js';

const repo = path.resolve(import.meta.dirname, '..');
const outputDir = path.join(repo, 'test-output');
const executable = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => p !== undefined && p !== '' && existsSync(p));
const required = process.env.ANNOTATE_REQUIRE_BROWSER === '1';

if (executable === undefined && !required) {
  // eslint-disable-next-line no-console -- a skip must be seen: vitest alone would show it as one more "skipped"
  console.warn('report-browser.test.ts: no Chromium at /usr/bin/chromium (or CHROMIUM_PATH): the browser tests are SKIPPED. Install it with: apt-get install chromium');
}

describe('Chromium is there when CI requires it', () => {
  it.runIf(required)('finds Chromium (ANNOTATE_REQUIRE_BROWSER=1)', () => {
    expect(executable, 'ANNOTATE_REQUIRE_BROWSER=1 but no Chromium: .ci/run installs the Debian package chromium').toBeDefined();
  });
});

describe.skipIf(executable === undefined)('the HTML report in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  const annotations: Annotation[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'annotate-browser-'));
    cpSync(path.join(repo, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    cpSync(path.join(repo, 'fixtures/report'), path.join(dir, 'dated'), { recursive: true });
    for (const input of ['seeds', 'dated']) {
      expect((await runCli([input, '-o', `annotations/${input}`, '--no-cache', '-q'], { cwd: dir })).exitCode).toBe(0);
    }
    expect((await runCli(['report', 'annotations/seeds', '--html', 'seeds.html'], { cwd: dir })).exitCode).toBe(0);
    expect((await runCli(['report', 'annotations/dated', '--html', 'dated.html'], { cwd: dir })).exitCode).toBe(0);
    // Articles looked for where they are not: every one is shown from its annotation alone.
    expect((await runCli(['report', 'annotations/seeds', '--html', 'alone.html', '--root', 'annotations'], { cwd: dir })).exitCode).toBe(0);
    for (const file of ['000_2cd020d2d7a82209.yaml', '001_4c00a9e13c3a665f.yaml']) annotations.push(parse(readFileSync(path.join(dir, 'annotations/seeds', file), 'utf8')));

    browser = await chromium.launch({ executablePath: executable, args: ['--headless', '--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('request', (request) => void requests.push(request.url()));
    page.on('pageerror', (error) => void errors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    await page.goto(pathToFileURL(path.join(dir, 'seeds.html')).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads from file:// with no other request and no script error', () => {
    expect(requests).toEqual([pathToFileURL(path.join(dir, 'seeds.html')).href]);
    expect(errors).toEqual([]);
  });

  it('highlights every actor mention and event trigger of the first article, by kind', async () => {
    const [first] = annotations as [Annotation];
    const marked = (kind: string): Promise<string[]> => page.$$eval(`#article-view .text .hl.k-${kind}[tabindex]`, (els) => els.map((e) => e.textContent ?? '').sort());
    // Spans over the same words share one element ("Pakistani" is a mention of Pakistan and of Pakistani officials).
    const distinct = (spans: { text: string; start: number; end: number }[]): string[] =>
      [...new Map(spans.map((s) => [`${s.start}:${s.end}`, s.text])).values()].sort();
    expect(await marked('actor')).toEqual(distinct(first.actors.flatMap((a) => a.mentions)));
    expect(await marked('place')).toEqual(distinct(first.places.flatMap((p) => p.mentions)));
    expect(await marked('event')).toEqual(distinct(first.events.map((e) => e.trigger)));
    expect(await marked('stance')).toEqual(distinct(first.stances.map((s) => s.cue)));
    // The page shows the article's own text, every character of it, in order.
    expect(await page.$eval('#article-view .text', (e) => e.textContent)).toBe(readFileSync(path.join(dir, 'seeds/000_2cd020d2d7a82209.txt'), 'utf8'));
  });

  it('shows an event’s code, category, source and target when its trigger gets keyboard focus, and hides it on Escape', async () => {
    const [first] = annotations as [Annotation];
    const condemnation = first.events.find((e) => e.code.startsWith('11'));
    expect(condemnation).toBeDefined();
    await page.locator('#article-view .hl.k-event[tabindex]', { hasText: condemnation!.trigger.text }).focus();
    const tooltip = page.locator('#tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = await tooltip.innerText();
    expect(text).toContain(`${condemnation!.code} `);
    expect(text).toContain('DISAPPROVE');
    expect(text).toMatch(/source\s+India/);
    expect(text).toMatch(/target\s+Pakistan/);
    // The same words are also a stance cue: one tooltip tells both.
    expect(text).toMatch(/stance[\s\S]*oppose/i);
    await page.keyboard.press('Escape');
    expect(await tooltip.isVisible()).toBe(false);
  });

  it('shows an actor’s type, code and counts when the mouse is over a mention', async () => {
    await page.mouse.move(0, 0);
    await page.locator('#article-view .hl.k-actor', { hasText: /^India$/ }).first().hover();
    const text = await page.locator('#tooltip').innerText();
    expect(text).toMatch(/^ACTOR\s+India\s+type\s+country\s+code\s+IND\s+here\s+\d+ mentions?\s+corpus\s+4 mentions in 1 article$/i);
    await page.mouse.move(0, 0);
    expect(await page.locator('#tooltip').isVisible()).toBe(false);
  });

  it('turns a kind of highlight off and on with its legend checkbox', async () => {
    const count = (): Promise<number> => page.locator('#article-view .text .k-actor').count();
    expect(await count()).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Actor' }).uncheck();
    expect(await count()).toBe(0);
    expect(await page.locator('#article-view .text .k-place').count()).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Actor' }).check();
    expect(await count()).toBeGreaterThan(0);
  });

  it('highlights claim contents in the article that has claims', async () => {
    const second = annotations[1] as Annotation;
    await page.locator('#article-list button', { hasText: '001_4c00a9e13c3a665f' }).click();
    const contents = await page.$$eval('#article-view .text .hl.k-claim[tabindex]', (els) => els.length);
    expect(contents).toBe(second.claims.reduce((n, c) => n + 1 + c.continues.length, 0));
    await page.locator('#article-list button', { hasText: '000_2cd020d2d7a82209' }).click();
  });

  it('draws the network: a node per linked actor, edges coloured by quad class', async () => {
    const nodes = await page.$$eval('#network-svg .node text', (els) => els.map((e) => e.textContent));
    expect(nodes).toEqual(expect.arrayContaining(['India', 'Pakistan', 'Iran']));
    const quads = await page.$$eval('#network-svg .edge', (els) => [...new Set(els.map((e) => e.getAttribute('class')?.replace('edge ', '')))].sort());
    expect(quads).toEqual(expect.arrayContaining(['q-material-conflict', 'q-verbal-cooperation']));
  });

  it('shows Pakistan’s actors in one colour, inside a shaded outline named Pakistan', async () => {
    const circle = (name: string): ReturnType<Page['locator']> => page.locator('#network-svg .node', { has: page.locator('text', { hasText: new RegExp(`^${name}$`) }) }).locator('circle');
    const fill = (name: string): Promise<string> => circle(name).evaluate((e) => e.ownerDocument.defaultView?.getComputedStyle(e).fill ?? '');
    const pakistan = await fill('Pakistan');
    expect(await fill('Pakistani Army Chief')).toBe(pakistan);
    expect(await fill('Pakistani officials')).toBe(pakistan);
    expect(await fill('Iran')).not.toBe(pakistan);
    expect(await fill('community')).toBe('rgb(140, 149, 159)');
    const name = page.locator('#network-svg .hull-name[data-country="PAK"]');
    expect(await name.textContent()).toBe('Pakistan');
    expect(await name.isVisible()).toBe(true);
    const hull = page.locator('#network-svg path.hull[data-country="PAK"]');
    expect(await hull.isVisible()).toBe(true);
    expect(await hull.evaluate((e) => Number(e.ownerDocument.defaultView?.getComputedStyle(e).fillOpacity))).toBeGreaterThan(0);
    // The outline encloses every one of its actors' circles as the reader sees them.
    const box = await hull.boundingBox();
    for (const actor of ['Pakistan', 'Pakistani Army Chief', 'Pakistani officials']) {
      const c = await circle(actor).boundingBox();
      expect(box !== null && c !== null && c.x >= box.x && c.y >= box.y && c.x + c.width <= box.x + box.width && c.y + c.height <= box.y + box.height, actor).toBe(true);
    }
  });

  it('fills the actor table and sorts it by a column', async () => {
    const names = (): Promise<string[]> => page.$$eval('#actor-table tbody tr td:first-child', (els) => els.map((e) => e.textContent ?? ''));
    // One row per actor id of the two annotations (the report merges an actor's files by id).
    expect(await names()).toHaveLength(new Set(annotations.flatMap((a) => a.actors.map((actor) => actor.id))).size);
    expect((await names())[0]).toBe('Pakistan');
    await page.locator('#actor-table th[data-sort="name"] button').click();
    expect((await names())[0]).toBe('Afghanistan');
    expect(await page.getAttribute('#actor-table th[data-sort="name"]', 'aria-sort')).toBe('ascending');
    await page.locator('#actor-table th[data-sort="mentions"] button').click();
    expect((await names())[0]).toBe('Pakistan');
  });

  it('draws the stance matrix: holders by targets', async () => {
    const holders = await page.$$eval('#stance-matrix tbody th', (els) => els.map((e) => e.textContent));
    expect(holders).toEqual(expect.arrayContaining(['India', 'Iran', 'Israel']));
    expect(await page.locator('#stance-matrix td.c-oppose').count()).toBeGreaterThan(0);
  });

  it('lists an actor’s articles when the actor is chosen in the table or the network', async () => {
    const listed = (): Promise<string[]> => page.$$eval('#article-list li', (els) => els.map((e) => e.querySelector('.path')?.textContent ?? ''));
    expect(await listed()).toHaveLength(2);
    await page.locator('#actor-table button.actor-link', { hasText: /^India$/ }).click();
    expect(await listed()).toEqual(['seeds/000_2cd020d2d7a82209.txt']);
    expect(await page.locator('#list-filter').innerText()).toContain('1 article mentioning India');
    await page.screenshot({ path: screenshotPath('report-seeds-filtered.png'), fullPage: true });
    const chief = annotations.flatMap((a) => (a.actors.some((x) => x.name === 'Pakistani Army Chief') ? [a.source.path] : []));
    expect(chief).toHaveLength(1);
    await page.locator('#network-svg .node', { has: page.locator('text', { hasText: /^Pakistani Army Chief$/ }) }).click();
    expect(await listed()).toEqual(chief);
    await page.locator('#list-clear').click();
    expect(await listed()).toHaveLength(2);
  });

  it('saves a screenshot of the whole report', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    const file = screenshotPath('report-seeds.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows an article it cannot find from its annotation alone, saying why', async () => {
    const alone = await browser.newPage();
    await alone.goto(pathToFileURL(path.join(dir, 'alone.html')).href);
    await alone.waitForSelector('body[data-ready="true"]');
    expect(await alone.locator('.notices summary').innerText()).toBe('2 articles are shown from the annotation alone');
    expect(await alone.locator('#article-view .notice').innerText()).toContain('its article seeds/000_2cd020d2d7a82209.txt: no such file or directory');
    expect(await alone.locator('#article-view .text').count()).toBe(0);
    const items = await alone.locator('#article-view .items').innerText();
    expect(items).toContain('India: “India”');
    expect(items).toMatch(/e\d+ “condemnation”: 111 /);
    await alone.close();
  });

  it('draws a long actor table a page at a time, and searches all of it', async () => {
    const actors: [string, string, string | null, number][] = Array.from({ length: 650 }, (_, i) => [`a${i}`, `Actor ${i}`, null, 1000 - i]);
    const html = renderReport(collectCorpus([{ annotation: makeAnnotation({ path: 'a.txt', actors }), annotationFile: 'a.yaml', text: null, notice: null }]), {
      title: 'many actors',
      pageScript: readFileSync(path.join(repo, 'dist/page-script/corpus/page/report-page.js'), 'utf8'),
      cameoNames: new Map(),
      countries: new Map(),
      generator: 'test',
    });
    writeFileSync(path.join(dir, 'many.html'), html);
    const many = await browser.newPage();
    await many.goto(pathToFileURL(path.join(dir, 'many.html')).href);
    await many.waitForSelector('body[data-ready="true"]');
    const rows = (): Promise<number> => many.locator('#actor-table tbody tr').count();
    const more = many.locator('#actor-more');
    expect(await rows()).toBe(100);
    expect(await more.innerText()).toBe('Show 400 more (100 of 650 actors shown)');
    await more.click();
    expect(await rows()).toBe(500);
    await more.click();
    expect(await rows()).toBe(650);
    expect(await more.isVisible()).toBe(false);
    await many.locator('#actor-search').fill('Actor 64');
    expect(await many.$$eval('#actor-table tbody tr td:first-child', (els) => els.map((e) => e.textContent))).toEqual(['Actor 64', ...Array.from({ length: 10 }, (_, i) => `Actor ${640 + i}`)]);
    await many.close();
  });

  it('draws the timeline where events have dates, and a bar lists its articles', async () => {
    const dated = await browser.newPage();
    await dated.goto(pathToFileURL(path.join(dir, 'dated.html')).href);
    await dated.waitForSelector('body[data-ready="true"]');
    const bars = dated.locator('#timeline-svg .bar');
    expect(await bars.count()).toBeGreaterThan(0);
    const first = bars.first();
    const articles = ((await first.getAttribute('data-articles')) ?? '').split(' ');
    await first.focus();
    await dated.keyboard.press('Enter');
    expect(await dated.locator('#article-list li').count()).toBe(articles.length);
    await dated.screenshot({ path: screenshotPath('report-dated.png'), fullPage: true });
    await dated.close();
  });
});

function screenshotPath(name: string): string {
  mkdirSync(outputDir, { recursive: true });
  return path.join(outputDir, name);
}
