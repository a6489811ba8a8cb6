// How training sees what inference sees: `npm run train -- --only stances` annotates the train split with a model of
// zero weights registered here, and find-stances hands every sentence it reads with that model to the tracer, so
// the trainer learns from the very features the annotator computes (same parse, mentions, events and rules).
import type { LinearModel } from '../linear-model.js';
import type { StanceSentence } from './stance-sentence.js';

export type StanceTracer = (sentence: StanceSentence) => void;

const tracers = new WeakMap<LinearModel, StanceTracer>();

/** Calls `tracer` with each sentence that the stances stage reads with `model`. */
export function traceStances(model: LinearModel, tracer: StanceTracer): void {
  tracers.set(model, tracer);
}

export function tracerOf(model: LinearModel): StanceTracer | undefined {
  return tracers.get(model);
}
