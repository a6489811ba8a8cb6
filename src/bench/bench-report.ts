/* eslint-disable no-console -- a command-line tool: stdout carries its results, stderr its progress and errors */
// `npm run bench:report`: the figures of the HTML report on a whole corpus. It annotates the corpus (not timed), then
// times `annotate report --html` as a user runs it (its own process, wall time and peak RSS), and opens the page in
// headless Chromium a few times: time until the page is ready, then a click on the top actor and on an article.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError, parseToolArgs, positiveInteger, runTool } from '../eval/tool-args.js';
import { spawnTimed } from './spawn-timed.js';
import { median } from './summarize-bench.js';

const BIN = fileURLToPath(new URL('../../bin/annotate.js', import.meta.url));
const RSS_ON_EXIT = new URL('./report-rss-on-exit.js', import.meta.url).href;
const TARGETS = { generateSeconds: 10, openSeconds: 5 };

const USAGE = `usage: npm run bench:report -- [options]

Annotates the corpus into a temporary directory, times \`annotate report --html\` on it (wall time and peak RSS of its
process) and opens the report in headless Chromium: the time until the page is ready, then a click on the top actor
and on an article. Prints the figures and the targets (report < ${TARGETS.generateSeconds} s, open < ${TARGETS.openSeconds} s).

  --corpus <dir>     directory of articles (default ../shared/corpus/bbc)
  --runs <n>         times the page is opened, in a fresh browser context each (default 3)
  --chromium <path>  the browser (default /usr/bin/chromium, or CHROMIUM_PATH)
  --json             print the figures as JSON on stdout
  -h, --help         show this help`;

interface ReportBench {
  corpus: string;
  articles: number;
  htmlBytes: number;
  generate: { seconds: number; peakRssMb: number | null };
  open: { runs: number[]; medianSeconds: number; actorClickSeconds: number; articleClickSeconds: number };
}

runTool('bench:report', USAGE, (argv) => {
  const values = parseToolArgs(argv, { corpus: { type: 'string' }, runs: { type: 'string' }, chromium: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const corpus = resolve(values.corpus ?? '../shared/corpus/bbc');
  if (!existsSync(corpus)) throw new UsageError(`--corpus ${corpus}: no such directory`);
  const chromium = values.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new UsageError(`no Chromium at ${chromium} (install Debian's chromium, or pass --chromium <path>)`);
  const runs = positiveInteger('runs', values.runs) ?? 3;
  void benchReport(corpus, chromium, runs).then(
    (result) => console.log(values.json ? JSON.stringify(result, null, 2) : formatReportBench(result)),
    (error: Error) => {
      console.error(`bench:report: ${error.message}`);
      process.exitCode = 2;
    },
  );
});

async function benchReport(corpus: string, chromiumPath: string, runs: number): Promise<ReportBench> {
  const work = mkdtempSync(join(tmpdir(), 'annotate-bench-report-'));
  try {
    // source.path is relative to where annotate runs: the corpus's parent, as a user in that repository would.
    const cwd = dirname(corpus);
    const annotations = join(work, 'annotations');
    console.error(`annotating ${corpus} (not timed) …`);
    const annotate = await spawnTimed([BIN, basename(corpus), '-o', annotations, '-q', '--no-cache'], { cwd });
    if (annotate.exitCode !== 0) throw new Error(`annotate failed (exit ${annotate.exitCode}): ${annotate.stderr}`);

    console.error('timing annotate report --html …');
    const html = join(work, 'report.html');
    const rssFile = join(work, 'rss');
    const report = await spawnTimed(['--import', RSS_ON_EXIT, BIN, 'report', annotations, '--html', html, '-q'], {
      cwd,
      env: { ...process.env, ANNOTATE_BENCH_RSS_FILE: rssFile },
    });
    if (report.exitCode !== 0) throw new Error(`annotate report failed (exit ${report.exitCode}): ${report.stderr}`);
    const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : null;
    const page = readFileSync(html, 'utf8');
    const articles = (JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(page)?.[1] ?? '{"articles":[]}') as { articles: unknown[] }).articles.length;

    console.error(`opening the report in Chromium ${runs} times …`);
    const open = await openInBrowser(chromiumPath, pathToFileURL(html).href, runs);
    return { corpus, articles, htmlBytes: statSync(html).size, generate: { seconds: report.seconds, peakRssMb }, open };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function openInBrowser(executablePath: string, url: string, runs: number): Promise<ReportBench['open']> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox'] });
  try {
    const seconds: number[] = [];
    let actorClickSeconds = 0;
    let articleClickSeconds = 0;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      seconds.push((performance.now() - start) / 1000);
      if (i === runs - 1) {
        let t = performance.now();
        await page.locator('#actor-table button.actor-link').first().click();
        await page.waitForSelector('#list-filter:not([hidden])');
        actorClickSeconds = (performance.now() - t) / 1000;
        t = performance.now();
        await page.locator('#article-list button').last().click();
        await page.waitForSelector('#article-view h3');
        articleClickSeconds = (performance.now() - t) / 1000;
      }
      await context.close();
    }
    return { runs: seconds, medianSeconds: median(seconds) ?? 0, actorClickSeconds, articleClickSeconds };
  } finally {
    await browser.close();
  }
}

function formatReportBench(r: ReportBench): string {
  const met = (value: number, target: number): string => (value < target ? 'met' : 'missed');
  const s = (v: number): string => `${v.toFixed(2)} s`;
  return [
    `corpus ${r.corpus}: ${r.articles.toLocaleString('en-US')} articles, report ${(r.htmlBytes / 1024 / 1024).toFixed(1)} MB`,
    `  annotate report --html (process wall)   ${s(r.generate.seconds)}   peak RSS ${r.generate.peakRssMb === null ? '?' : `${Math.round(r.generate.peakRssMb)} MB`}`,
    `  open in Chromium until ready (median)   ${s(r.open.medianSeconds)}   runs: ${r.open.runs.map((v) => v.toFixed(2)).join(', ')}`,
    `  click the top actor → filtered list     ${s(r.open.actorClickSeconds)}`,
    `  click an article → highlighted text     ${s(r.open.articleClickSeconds)}`,
    `  report generated < ${TARGETS.generateSeconds} s   ${s(r.generate.seconds)}   ${met(r.generate.seconds, TARGETS.generateSeconds)}`,
    `  report opens < ${TARGETS.openSeconds} s       ${s(r.open.medianSeconds)}   ${met(r.open.medianSeconds, TARGETS.openSeconds)}`,
  ].join('\n');
}
