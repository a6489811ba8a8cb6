// Builds small annotation documents by hand for the corpus and report tests: a few actors, events and stances, with
// made-up offsets (these tests never slice an article with them).
import type { Annotation, EventAnnotation, StanceAnnotation } from '../src/model/annotation.js';

/** A small annotation: actors as [id, name, code, mentions], events as [source, target, quad class, date]. */
export function makeAnnotation(options: {
  path: string;
  date?: string | null;
  actors: [id: string, name: string, code: string | null, mentions: number][];
  events?: [source: string, target: string, quadClass: EventAnnotation['quadClass'], date: string | null][];
  stances?: [holder: string | null, polarity: StanceAnnotation['polarity'], target: string, targetActor: string | null][];
}): Annotation {
  return {
    schemaVersion: 1,
    source: { path: options.path, sha256: '0'.repeat(64), characters: 100, title: null, date: options.date ?? null },
    annotator: { name: 'annotate', version: '0.0.0', lexicon: 'test' },
    actors: options.actors.map(([id, name, code, mentions]) => ({
      id,
      name,
      type: 'country',
      code,
      mentions: Array.from({ length: mentions }, (_, i) => ({ text: name, start: i * 10, end: i * 10 + name.length, sentence: 0, via: 'name' as const })),
    })),
    places: [],
    events: (options.events ?? []).map(([source, target, quadClass, date], i) => ({
      id: `e${i + 1}`,
      trigger: { text: 'met', start: 0, end: 3 },
      sentence: 0,
      code: quadClass.endsWith('conflict') ? '190' : '040',
      category: quadClass.endsWith('conflict') ? 'FIGHT' : 'CONSULT',
      quadClass,
      goldstein: 0,
      source: [source],
      target: [target],
      place: null,
      date,
      modality: 'asserted',
    })),
    stances: (options.stances ?? []).map(([holder, polarity, target, targetActor], i) => ({
      id: `s${i + 1}`,
      holder: holder === null ? null : { actor: holder, text: holder, start: 0, end: holder.length },
      target: { actor: targetActor, event: null, text: target, start: 20, end: 20 + target.length },
      polarity,
      cue: { text: 'backed', start: 10, end: 16 },
      via: 'verb',
      event: null,
      sentence: 0,
    })),
    claims: [],
  };
}

