// `npm run screenshot`: the README's picture of the report, made from the two seeds the way a user makes it
// (annotate, then annotate report --html) and taken in headless Chromium with one tooltip open. Needs Debian's
// chromium (or CHROMIUM_PATH) and a build.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'docs', 'report-seeds.png');
const work = mkdtempSync(path.join(tmpdir(), 'annotate-screenshot-'));
try {
  cpSync(path.join(repo, 'seeds'), path.join(work, 'seeds'), { recursive: true });
  const bin = path.join(repo, 'bin', 'annotate.js');
  execFileSync(process.execPath, [bin, 'seeds', '-q', '--no-cache'], { cwd: work, stdio: 'inherit' });
  execFileSync(process.execPath, [bin, 'report', 'annotations', '--html', 'report.html', '-q'], { cwd: work, stdio: 'inherit' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(path.join(work, 'report.html')).href);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#article-view .hl.k-event', { hasText: 'condemnation' }).hover();
  await page.screenshot({ path: out, fullPage: true });
  await browser.close();
  console.log(`wrote ${path.relative(repo, out)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
