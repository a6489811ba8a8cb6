/* eslint-disable no-console -- the eval's shell: stdout carries the report */
// `npm run eval -- --gold case2021-dev.jsonl`: annotates each CASE 2021 snippet alone (no date: the set gives none)
// and scores its events against the snippet's ACLED type with score-case2021.ts; prints P/R/F1 over the scored
// snippets, the table per group, which groups each gold group's events fall into, and the natural-disaster check.
import type { EvalOptions, GoldSetKind, SetReport, SummaryRow } from './gold-set.js';
import { f1Row, refuseBaseline } from './gold-set.js';
import { annotateGold, firstItems } from './annotate-items.js';
import { alignColumns, oneLine } from './format-lines.js';
import { CASE_GROUPS, GROUP_ROOTS, NO_EVENT_TYPE, readSnippetEvents, scoreCase, scoreSnippet } from './score-case2021.js';
import type { CaseGroup, CaseScore, CaseSnippet, SnippetEvent, SnippetResult } from './score-case2021.js';
import { UsageError } from './tool-args.js';

/** The issue's bar for natural-disaster snippets: at most this many of them may hold an event of a group. */
export const NO_EVENT_TARGET = 2;

export function isCase2021(record: Record<string, unknown>): boolean {
  return typeof record.text === 'string' && typeof record.event_type === 'string';
}

function toSnippets(file: string, records: Record<string, unknown>[]): CaseSnippet[] {
  return records.map((record, i) => {
    const { text, event_type: eventType } = record;
    if (typeof text !== 'string' || typeof eventType !== 'string') {
      throw new UsageError(`${file}: snippet ${i + 1}: not a CASE 2021-style record (text, event_type)`);
    }
    return { id: typeof record.id === 'string' ? record.id : `snippet ${i + 1}`, text, eventType };
  });
}

/** A group's roots as a reader writes them: "18–20", "15, 17", "01–08". */
export function rootsText(group: CaseGroup): string {
  const roots = GROUP_ROOTS[group];
  const consecutive = roots.every((r, i) => i === 0 || Number(r) === Number(roots[i - 1]) + 1);
  return consecutive && roots.length > 2 ? `${roots[0]}–${roots[roots.length - 1]}` : roots.join(', ');
}

/** An event as the error listings show it: code «trigger» source → target. */
export function describeEvent(e: SnippetEvent): string {
  const side = (names: readonly string[]): string => (names.length === 0 ? '∅' : names.join(' + '));
  return `${e.code} «${oneLine(e.trigger)}» ${side(e.source)} → ${side(e.target)}`;
}

interface CaseErrors {
  missed: Record<CaseGroup, SnippetResult[]>;
  falsePositives: SnippetResult[];
}

/** Up to `limit` missed snippets per group and `limit` snippets holding false-positive groups, in file order. */
function caseErrors(results: readonly SnippetResult[], limit: number): CaseErrors {
  const missed: Record<CaseGroup, SnippetResult[]> = { fight: [], protest: [], coerce: [], cooperate: [] };
  const falsePositives: SnippetResult[] = [];
  for (const r of results) {
    if (r.gold !== null && r.gold !== 'none' && !r.found && missed[r.gold].length < limit) missed[r.gold].push(r);
    if (r.falsePositives.length > 0 && falsePositives.length < limit) falsePositives.push(r);
  }
  return { missed, falsePositives };
}

function errorJson(r: SnippetResult): Record<string, unknown> {
  return {
    id: r.snippet.id,
    eventType: r.snippet.eventType,
    text: r.snippet.text,
    falsePositives: r.falsePositives,
    events: r.events,
  };
}

function printErrors(errors: CaseErrors, limit: number): void {
  const show = (r: SnippetResult): void => {
    console.log(`  ${r.snippet.id} ${r.snippet.eventType}: ${oneLine(r.snippet.text)}`);
    if (r.events.length === 0) console.log('    events: none');
    for (const e of r.events) {
      const flag = e.group !== null && r.falsePositives.includes(e.group) ? `   ← ${e.group}, a false positive` : '';
      console.log(`    ${describeEvent(e)}${flag}`);
    }
  };
  for (const group of CASE_GROUPS) {
    const list = errors.missed[group];
    console.log(`\nmissed ${group} snippets (up to ${limit}):${list.length === 0 ? ' none' : ''}`);
    list.forEach(show);
  }
  console.log(`\nsnippets with false-positive groups (up to ${limit}):${errors.falsePositives.length === 0 ? ' none' : ''}`);
  errors.falsePositives.forEach(show);
}

function groupTable(score: CaseScore): string {
  const rows = [['group', 'roots', 'gold', 'found', 'recall', 'FP', 'P', 'F1']];
  for (const g of CASE_GROUPS) {
    const s = score.byGroup[g];
    rows.push([g, rootsText(g), String(s.snippets), String(s.tp), s.recall.toFixed(3), String(s.fp), s.precision.toFixed(3), s.f1.toFixed(3)]);
  }
  const o = score.overall;
  rows.push(['all', '', String(o.gold), String(o.tp), o.recall.toFixed(3), String(o.fp), o.precision.toFixed(3), o.f1.toFixed(3)]);
  return alignColumns(rows, 2);
}

function confusionTable(score: CaseScore): string {
  const columns = [...CASE_GROUPS, 'nothing'] as const;
  const rows = [['gold \\ events of', ...columns]];
  for (const gold of [...CASE_GROUPS, 'none'] as const) {
    rows.push([gold === 'none' ? NO_EVENT_TYPE : gold, ...columns.map((c) => String(score.confusion[gold][c]))]);
  }
  return alignColumns(rows);
}

function printCase(file: string, score: CaseScore, seconds: number, setupSeconds: number): void {
  const notScored = Object.values(score.notScored).reduce((n, c) => n + c, 0);
  console.log(
    `${file}: ${score.snippets} snippets, ${score.scored} scored (${score.overall.gold} of a group, ` +
      `${score.noEvent.snippets} ${NO_EVENT_TYPE}), ${notScored} of other types not scored; ` +
      `${score.predictedEvents} events; annotate ${seconds.toFixed(2)} s (+${setupSeconds.toFixed(2)} s setup)`,
  );
  const o = score.overall;
  console.log(`\nP ${o.precision.toFixed(3)} R ${o.recall.toFixed(3)} F1 ${o.f1.toFixed(3)}   (TP ${o.tp} found, FN ${o.fn} missed, FP ${o.fp})`);
  console.log('');
  console.log(groupTable(score));
  const w = score.withNoEvent;
  console.log(
    '\nfound: one of the snippet\'s events has a root of its group. FP: a snippet of another group holding an event of ' +
      `the group, once per snippet and group. With the ${NO_EVENT_TYPE} snippets' groups as FPs too: ` +
      `P ${w.precision.toFixed(3)} F1 ${w.f1.toFixed(3)} (FP ${w.fp}).`,
  );
  console.log('\nsnippets holding an event of each group, by gold group:');
  console.log(confusionTable(score));
  const { snippets, withEvent } = score.noEvent;
  console.log(
    `\n${NO_EVENT_TYPE} snippets holding an event of a group: ${withEvent} of ${snippets}` +
      `   target ≤ ${NO_EVENT_TARGET}: ${withEvent <= NO_EVENT_TARGET ? 'met' : 'missed'}`,
  );
  if (notScored > 0) {
    console.log(`not scored: ${Object.entries(score.notScored).map(([type, n]) => `${type} ${n}`).join(', ')}`);
  }
}

function evaluateCase2021(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  refuseBaseline(options, 'CASE 2021', 'raw compromise codes no events');
  const snippets = firstItems(toSnippets(options.gold, records), options.limit);

  // Each snippet alone and without a date: CASE gives neither the article nor its day.
  const run = annotateGold(options, snippets, { unit: 'snippet', read: readSnippetEvents, fallback: (): SnippetEvent[] => [] });
  if (run === null) return null;
  const { setupSeconds } = run;
  const results = snippets.map((s, i) => scoreSnippet(s, run.predictions[i]!));
  const score = scoreCase(results);
  const errors = caseErrors(results, options.errors);

  const json = {
    gold: options.gold,
    set: 'case2021',
    failures: run.failures,
    annotate: { seconds: run.seconds, setupSeconds },
    groupRoots: GROUP_ROOTS,
    ...score,
    noEventTarget: NO_EVENT_TARGET,
    ...(options.errors > 0
      ? {
          errors: {
            missed: Object.fromEntries(CASE_GROUPS.map((g) => [g, errors.missed[g].map(errorJson)])),
            falsePositives: errors.falsePositives.map(errorJson),
          },
        }
      : {}),
  };
  const o = score.overall;
  const summary: SummaryRow[] = [
    f1Row(
      'case2021',
      'snippets with an event of their group',
      o,
      CASE_GROUPS.map((g) => `${g} ${score.byGroup[g].tp}/${score.byGroup[g].snippets}`).join(' · ') +
        ` · natural disasters with an event ${score.noEvent.withEvent}/${score.noEvent.snippets}`,
      {
        ...Object.fromEntries(CASE_GROUPS.flatMap((g) => [[`${g}Found`, score.byGroup[g].tp], [`${g}Gold`, score.byGroup[g].snippets]])),
        naturalDisastersWithEvent: score.noEvent.withEvent,
        naturalDisasters: score.noEvent.snippets,
      },
    ),
  ];
  const print = (): void => {
    printCase(options.gold, score, run.seconds, setupSeconds);
    if (options.errors > 0) printErrors(errors, options.errors);
  };
  return { set: 'case2021', file: options.gold, json, summary, models: run.models, print };
}

export const CASE2021: GoldSetKind = {
  set: 'case2021',
  detect: isCase2021,
  evaluate: evaluateCase2021,
  about: `CASE 2021 event types (text, event_type, e.g. ../shared/eval/case2021-dev.jsonl): each snippet annotated alone; its
  ACLED type maps to a group of CAMEO roots (fight 18–20, protest 14, coerce 15/17, cooperate 01–08) and it is found
  when one of its events has such a root; each other group its events fall into is a false positive.
  NATURAL_DISASTER snippets should hold no event of a group (counted apart); other types are not scored.`,
};
