// The library: createAnnotator loads the vocabulary and models once, annotate() turns one article's text into its
// annotation object (the YAML file's content). The CLI is a thin shell around it. README: "Use it as a library".

// Annotating.
export { annotateText, createAnnotator, ArticleError, VERSION } from './annotate-text.js';
export type { AnnotateOptions, Annotator, AnnotatorOptions } from './annotate-text.js';
export type { UserVocabulary, UserActor, TriggerEntry, Role } from './lexicon/lexicon.js';

// The annotation: one document per article (schema version 1), its parts, and its JSON Schema.
export { SCHEMA_VERSION, QUAD_CLASSES, annotationSchema } from './model/annotation.js';
export type {
  Annotation,
  SourceInfo,
  AnnotatorInfo,
  Span,
  Mention,
  MentionVia,
  Actor,
  ActorType,
  Place,
  PlaceType,
  EventAnnotation,
  QuadClass,
  Modality,
  Party,
  StanceAnnotation,
  StanceTarget,
  StanceBasis,
  Polarity,
  ClaimAnnotation,
  Certainty,
} from './model/annotation.js';

// Explaining: the same annotation with the rule, vocabulary entry or model decision behind every item.
export type {
  Explanation,
  EntityExplanation,
  MentionExplanation,
  ParticipantExplanation,
  EventExplanation,
  StanceExplanation,
  ClaimExplanation,
  EntrySource,
} from './annotate-text.js';
