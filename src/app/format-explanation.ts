// Formats an explanation (annotator.explain): for people, one block per kind, each item with its id and label, then
// aligned lines `"text"  start–end  reason  ← entry`; for machines, JSON. Pure: (explanation) → string.
import type {
  ClaimExplanation,
  EntityExplanation,
  EntrySource,
  EventExplanation,
  Explanation,
  ParticipantExplanation,
  StanceExplanation,
} from '../annotate-text.js';
import type { Actor, Place, Span } from '../model/annotation.js';

export const EXPLAIN_FORMATS = ['text', 'json'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

export function formatExplanation(explanation: Explanation, format: ExplainFormat): string {
  return format === 'json' ? formatExplanationJson(explanation) : formatExplanationText(explanation);
}

/** The explanation without the annotation's own lists (`annotate` prints those): its source, annotator and the
 *  explanation of every item, keyed by the items' ids. */
export function formatExplanationJson(explanation: Explanation): string {
  const { annotation, ...items } = explanation;
  return JSON.stringify({ source: annotation.source, annotator: annotation.annotator, ...items }, null, 2) + '\n';
}

/** One line of an item: a role (trigger, source …; empty for a mention), the words, their offsets, the rule, and
 *  what it points to (entries, or the id the words name), each on its own line. */
interface Row {
  role: string;
  text: string;
  offsets: string;
  reason: string;
  points: string[];
}

interface Item {
  head: string;
  rows: Row[];
}

export function formatExplanationText(explanation: Explanation): string {
  const { annotation } = explanation;
  const out = [`${annotation.source.path}  (annotate ${annotation.annotator.version}, lexicon ${annotation.annotator.lexicon})`];
  const actors = new Map(annotation.actors.map((a) => [a.id, a]));
  const places = new Map(annotation.places.map((p) => [p.id, p]));
  const section = (title: string, items: Item[]): void => {
    out.push('', items.length === 0 ? `${title}: none` : title, ...formatItems(items));
  };
  section('actors', explanation.actors.map((e) => entityItem(e, describeActor(actors.get(e.id)))));
  section('places', explanation.places.map((e) => entityItem(e, describePlace(places.get(e.id)))));
  section('events', explanation.events.map(eventItem));
  section('stances', explanation.stances.map(stanceItem));
  section('claims', explanation.claims.map(claimItem));
  return out.join('\n') + '\n';
}

function describeActor(actor: Actor | undefined): string {
  return actor ? [actor.type, actor.code].filter((s) => s !== null).join(' ') : '';
}

function describePlace(place: Place | undefined): string {
  return place ? [place.type, place.country].filter((s) => s !== null).join(' ') : '';
}

function entityItem(e: EntityExplanation, kind: string): Item {
  return {
    head: `${e.id}  ${e.name}  ${kind}`,
    rows: e.mentions.map((m) => ({ role: '', text: quote(m.text), offsets: offsets(m), reason: `${m.reason} (via ${m.via})`, points: m.entries.map(entry) })),
  };
}

function eventItem(e: EventExplanation): Item {
  return {
    head: `${e.id}  ${e.code} ${e.category} (${e.codeName})  ${e.modality}`,
    rows: [
      { role: 'trigger', text: quote(e.trigger.text), offsets: offsets(e.trigger), reason: e.reason, points: [entry(e.word.source)] },
      ...e.source.map((p) => participantRow('source', p)),
      ...e.target.map((p) => participantRow('target', p)),
      ...(e.place ? [participantRow('place', e.place)] : []),
    ],
  };
}

function stanceItem(s: StanceExplanation): Item {
  const who = (p: ParticipantExplanation | null): string => (p === null ? '(no holder)' : (p.id ?? quote(p.text)));
  return {
    head: `${s.id}  ${who(s.holder)} ${s.polarity} ${who(s.target)}  via ${s.via}${s.event === null ? '' : `, event ${s.event}`}`,
    rows: [
      { role: 'cue', text: quote(s.cue.text), offsets: offsets(s.cue), reason: s.reason, points: s.entries.map(entry) },
      ...(s.holder ? [participantRow('holder', s.holder)] : []),
      participantRow('target', s.target),
    ],
  };
}

function claimItem(c: ClaimExplanation): Item {
  const source = c.source === null ? 'no source' : `source ${c.source.id ?? quote(c.source.text)}`;
  return {
    head: `${c.id}  ${c.certainty}  ${source}`,
    rows: [
      { role: 'cue', text: quote(c.cue.text), offsets: offsets(c.cue), reason: c.reason, points: c.entries.map(entry) },
      ...(c.source ? [participantRow('source', c.source)] : []),
      ...c.hedges.map((h) => ({ role: 'hedge', text: quote(h.text), offsets: '', reason: '', points: h.entry ? [entry(h.entry)] : [] })),
    ],
  };
}

function participantRow(role: string, p: ParticipantExplanation): Row {
  return { role, text: quote(p.text), offsets: offsets(p), reason: p.reason ?? '', points: p.id === null ? [] : [`→ ${p.id}`] };
}

function entry(e: EntrySource): string {
  return `← ${e.file} ${e.key}  ${e.entry}`;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function offsets(span: Span): string {
  return `${span.start}–${span.end}`;
}

/** Aligns the columns of every row of a section; a long text widens the column up to a limit, then only its row. */
function formatItems(items: Item[]): string[] {
  const rows = items.flatMap((item) => item.rows);
  const width = (column: (r: Row) => string, limit: number): number => Math.min(limit, Math.max(0, ...rows.map((r) => column(r).length)));
  const role = width((r) => r.role, 12);
  const text = width((r) => r.text, 36);
  const at = width((r) => r.offsets, 12);
  const reason = width((r) => r.reason, 44);
  const out: string[] = [];
  for (const item of items) {
    out.push(`  ${item.head}`);
    for (const r of item.rows) {
      const lead = `    ${role > 0 ? r.role.padEnd(role) + '  ' : ''}${r.text.padEnd(text)}  ${r.offsets.padEnd(at)}  ${r.reason.padEnd(reason)}`;
      const [first = '', ...more] = r.points;
      out.push(`${lead}  ${first}`.trimEnd());
      for (const point of more) out.push(`${' '.repeat(lead.length)}  ${point}`);
    }
  }
  return out;
}
