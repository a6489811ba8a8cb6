// The library: annotateText turns one article's text into its annotation object. The CLI is a thin shell around it.
export type { Annotation, Actor, Place, Mention, Span } from './model/annotation.js';
export { SCHEMA_VERSION, annotationSchema } from './model/annotation.js';
export { annotateText, createAnnotator } from './annotate-text.js';
export type { AnnotateOptions, Annotator, AnnotatorOptions } from './annotate-text.js';
export type { Explanation, EntityExplanation, EventExplanation, StanceExplanation, ClaimExplanation, EntrySource } from './annotate-text.js';
