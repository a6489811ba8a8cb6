/* eslint-disable no-console -- the eval's shell: stdout carries the report */
// `npm run eval -- --gold wikievents-dev.jsonl`: annotates each WikiEvents document (no date: the set gives none)
// and scores its events with score-wikievents.ts: trigger recall and precision, per CAMEO group, and the accuracy of
// the arguments of the events found.
import type { EvalOptions, GoldSetKind, SetReport, SummaryRow } from './gold-set.js';
import { f1Row, refuseBaseline } from './gold-set.js';
import { annotateGold, firstItems } from './annotate-items.js';
import { alignColumns, inContext, oneLine, ratioText } from './format-lines.js';
import { toRange } from './read-gold.js';
import { ARGUMENT_SIDES, WIKI_GROUPS, WIKI_GROUP_ROOTS, readEvents, scoreWikiDoc, scoreWikiEvents, TYPE_GROUPS } from './score-wikievents.js';
import type { ArgumentResult, GoldEventResult, PredictedEvent, PredictedResult, WikiArgument, WikiDoc, WikiDocResult, WikiEntity, WikiEvent, WikiScore } from './score-wikievents.js';
import { UsageError } from './tool-args.js';

export function isWikiEvents(record: Record<string, unknown>): boolean {
  return typeof record.text === 'string' && Array.isArray(record.entities) && Array.isArray(record.events);
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function toWikiDocs(file: string, records: Record<string, unknown>[]): WikiDoc[] {
  return records.map((record, i) => {
    const where = `${file}: document ${i + 1}`;
    const { text, entities, events } = record;
    if (typeof text !== 'string' || !Array.isArray(entities) || !Array.isArray(events)) {
      throw new UsageError(`${where}: not a WikiEvents-style record (text, entities[], events[])`);
    }
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `document ${i + 1}`;
    const goldEntities = entities.map((e: unknown, j): WikiEntity => {
      const f = (e ?? {}) as Record<string, unknown>;
      return { id: str(f.id) ?? `entity ${j + 1}`, cluster: str(f.coref_cluster), ...toRange(f, text, `${where}, entity ${j + 1}`) };
    });
    const goldEvents = events.map((e: unknown, j): WikiEvent => {
      const f = (e ?? {}) as Record<string, unknown>;
      const at = `${where}, event ${j + 1}`;
      const type = str(f.type);
      if (type === null || !Array.isArray(f.arguments)) throw new UsageError(`${at}: an event without a type or arguments[]`);
      const trigger = toRange(f.trigger, text, `${at}: trigger`);
      const args = f.arguments.map((a: unknown, k): WikiArgument => {
        const g = (a ?? {}) as Record<string, unknown>;
        const range = toRange(g, text, `${at}, argument ${k + 1}`);
        return { role: str(g.role) ?? '(none)', entityId: str(g.entity_id), ...range, text: text.slice(range.start, range.end) };
      });
      return { id: str(f.id) ?? `event ${j + 1}`, type, trigger: { ...trigger, text: text.slice(trigger.start, trigger.end) }, arguments: args };
    });
    return { id, text, entities: goldEntities, events: goldEvents };
  });
}

const names = (parties: readonly { name: string }[]): string => (parties.length === 0 ? '∅' : parties.map((p) => p.name).join(' + '));

function describeEvent(e: PredictedEvent): string {
  return `${e.code} «${oneLine(e.trigger.text)}» ${names(e.source)} → ${names(e.target)}${e.place ? ` @ ${e.place.name}` : ''}`;
}

interface WikiErrors {
  missed: { doc: string; gold: GoldEventResult }[];
  wrong: { doc: string; predicted: PredictedResult }[];
  arguments: { doc: string; gold: GoldEventResult; argument: ArgumentResult }[];
}

function wikiErrors(results: readonly WikiDocResult[], limit: number): WikiErrors {
  const errors: WikiErrors = { missed: [], wrong: [], arguments: [] };
  for (const { doc, gold, predicted } of results) {
    for (const g of gold) {
      if (g.group !== null && g.matchedBy === null && errors.missed.length < limit) errors.missed.push({ doc: doc.id, gold: g });
      for (const a of g.arguments) if (!a.right && errors.arguments.length < limit) errors.arguments.push({ doc: doc.id, gold: g, argument: a });
    }
    for (const p of predicted) if (p.verdict === 'wrong' && errors.wrong.length < limit) errors.wrong.push({ doc: doc.id, predicted: p });
  }
  return errors;
}

function printErrors(errors: WikiErrors, docs: ReadonlyMap<string, WikiDoc>, limit: number): void {
  const text = (id: string): string => docs.get(id)?.text ?? '';
  console.log(`\nmissed gold events (up to ${limit}):${errors.missed.length === 0 ? ' none' : ''}`);
  for (const { doc, gold } of errors.missed) {
    console.log(`  ${doc} ${gold.event.type} (${gold.group}): …${inContext(text(doc), gold.event.trigger, 60)}…`);
    console.log(`    overlapping annotate events: ${gold.overlapping.length === 0 ? 'none' : gold.overlapping.map(describeEvent).join('; ')}`);
  }
  console.log(`\nwrong annotate events (up to ${limit}):${errors.wrong.length === 0 ? ' none' : ''}`);
  for (const { doc, predicted } of errors.wrong) {
    console.log(`  ${doc} ${describeEvent(predicted.event)}: …${inContext(text(doc), predicted.event.trigger, 60)}…`);
    const gold = predicted.overlapping.map((g) => `${g.type} «${oneLine(g.trigger.text)}»`);
    console.log(`    overlapping gold events: ${gold.length === 0 ? 'none' : gold.join('; ')}`);
  }
  console.log(`\nwrong arguments of found events (up to ${limit}):${errors.arguments.length === 0 ? ' none' : ''}`);
  for (const { doc, gold, argument: a } of errors.arguments) {
    console.log(
      `  ${doc} ${gold.event.type} «${oneLine(gold.event.trigger.text)}»: ${a.argument.role} «${oneLine(a.argument.text)}» ` +
        `→ ${a.side} ${names(a.predicted)}   (annotate: ${describeEvent(gold.matchedBy!)})`,
    );
  }
}

function groupTable(score: WikiScore): string {
  const rows = [['group', 'roots', 'gold', 'found', 'recall', 'arguments right']];
  for (const g of WIKI_GROUPS) {
    const s = score.byGroup[g];
    if (s.gold === 0) continue;
    rows.push([g, WIKI_GROUP_ROOTS[g].join(', '), String(s.gold), String(s.found), s.recall.toFixed(3), `${s.arguments.right}/${s.arguments.gold}`]);
  }
  const t = score.triggers;
  rows.push(['all', '', String(score.mappedEvents), String(t.found), t.recall.toFixed(3), `${score.arguments.all.right}/${score.arguments.all.gold}`]);
  return alignColumns(rows, 2);
}

function printWikiEvents(file: string, score: WikiScore, seconds: number, setupSeconds: number): void {
  const t = score.triggers;
  console.log(
    `${file}: ${score.documents} documents, ${score.goldEvents} gold events, ${score.mappedEvents} of a type mapped to CAMEO; ` +
      `${score.predictedEvents} annotate events; annotate ${seconds.toFixed(2)} s (+${setupSeconds.toFixed(2)} s setup)`,
  );
  console.log(
    `\ntriggers: P ${t.precision.toFixed(3)} R ${t.recall.toFixed(3)} F1 ${t.f1.toFixed(3)}   ` +
      `(recall ${t.found}/${score.mappedEvents} gold events; precision ${t.right}/${t.judged} annotate events judged, ` +
      `${score.notJudged} not judged)`,
  );
  const g = score.onGoldTriggers;
  console.log(
    `diagnostic, not the score: on gold triggers alone, ${ratioText(g.right, g.events)} of the annotate events there ` +
      'have a root of the gold type\'s group (WikiEvents leaves some mentions of an event unannotated, which the ' +
      'precision above counts as wrong)',
  );
  const a = score.arguments;
  console.log(
    `arguments of the events found: ${ratioText(a.all.right, a.all.gold)} right   (` +
      ARGUMENT_SIDES.filter((s) => a[s].gold > 0)
        .map((s) => `${s} ${a[s].right}/${a[s].gold}, ${a[s].emptySide} with that side empty`)
        .join('; ') +
      ')',
  );
  console.log('');
  console.log(groupTable(score));
  console.log(
    '\nfound: an annotate event whose trigger overlaps the gold trigger has a root of the group. Judged: annotate events ' +
      'overlapping a gold trigger of a mapped type, or of root 14, 15 or 17–20 anywhere; right when they find a gold event.',
  );
  const notScored = Object.entries(score.notScored);
  if (notScored.length > 0) console.log(`not scored: ${notScored.map(([type, n]) => `${type} ${n}`).join(', ')}`);
}

function evaluateWikiEvents(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null {
  refuseBaseline(options, 'WikiEvents', 'raw compromise codes no events');
  const docs = firstItems(toWikiDocs(options.gold, records), options.limit);

  const run = annotateGold(options, docs, { unit: 'document', read: (annotation, d) => readEvents(annotation, d.text), fallback: (): PredictedEvent[] => [] });
  if (run === null) return null;
  const { setupSeconds } = run;
  const results = docs.map((d, i) => scoreWikiDoc(d, run.predictions[i]!));
  const score = scoreWikiEvents(results);
  const errors = wikiErrors(results, options.errors);

  const json = {
    gold: options.gold,
    set: 'wikievents',
    failures: run.failures,
    annotate: { seconds: run.seconds, setupSeconds },
    mapping: { groups: WIKI_GROUP_ROOTS, types: Object.fromEntries(TYPE_GROUPS) },
    ...score,
    ...(options.errors > 0 ? { errors } : {}),
  };
  const t = score.triggers;
  const a = score.arguments.all;
  const fight = score.byGroup.fight;
  const summary: SummaryRow[] = [
    f1Row(
      'wikievents',
      'event triggers of a CAMEO group',
      { ...t, gold: score.mappedEvents, predicted: t.judged },
      `fight ${fight.found}/${fight.gold} · other groups ${t.found - fight.found}/${score.mappedEvents - fight.gold} · ` +
        `P on gold triggers ${score.onGoldTriggers.precision.toFixed(3)} · ${score.predictedEvents} events in all`,
      {
        ...Object.fromEntries(WIKI_GROUPS.flatMap((g) => [[`${g}Found`, score.byGroup[g].found], [`${g}Gold`, score.byGroup[g].gold]])),
        events: score.predictedEvents,
        onGoldTriggersPrecision: score.onGoldTriggers.precision,
      },
    ),
    {
      set: 'wikievents',
      measure: 'arguments of the events found',
      gold: a.gold,
      predicted: null,
      precision: null,
      recall: null,
      score: a.accuracy,
      scoreName: 'accuracy',
      note: ARGUMENT_SIDES.filter((s) => score.arguments[s].gold > 0)
        .map((s) => `${s} ${score.arguments[s].right}/${score.arguments[s].gold}`)
        .join(' · '),
      figures: Object.fromEntries(ARGUMENT_SIDES.flatMap((s) => [[`${s}Right`, score.arguments[s].right], [`${s}Gold`, score.arguments[s].gold]])),
    },
  ];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const print = (): void => {
    printWikiEvents(options.gold, score, run.seconds, setupSeconds);
    if (options.errors > 0) printErrors(errors, byId, options.errors);
  };
  return { set: 'wikievents', file: options.gold, json, summary, models: run.models, print };
}

export const WIKIEVENTS: GoldSetKind = {
  set: 'wikievents',
  detect: isWikiEvents,
  evaluate: evaluateWikiEvents,
  about: `WikiEvents (entities, events with triggers and arguments, e.g. ../shared/eval/wikievents-dev.jsonl): KAIROS types
  map to CAMEO root groups (Conflict.Attack, Life.Die/Injure → 18–20; Conflict.Demonstrate → 14; Justice.Arrest…
  → 17; …; see src/eval/score-wikievents.ts); a gold event is found by an event whose trigger overlaps its trigger
  with a root of the group. Precision over the events judged: those overlapping a mapped gold trigger, or of root
  14, 15, 17–20 anywhere. Arguments of found events: the gold role's side (Attacker → source, Victim → target …)
  must hold an actor with a mention overlapping the argument or its coreference cluster.`,
};
