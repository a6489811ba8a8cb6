// The data the HTML report embeds for its page script: a contract between render-html.ts (Node, which writes it) and
// page/report-page.ts (the browser, which reads it). Types only, so the page's compiler can read this file too.
// Offsets here are UTF-16 code units, what the browser's strings count; the annotation files count code points, and
// render-html.ts converts once, while it writes the page.

import type { ActorType, Polarity, QuadClass } from '../model/annotation.js';

/** [start, end) in UTF-16 units of the article text; with a third element, the span's words, given when the page has
 *  no article text to slice them from. */
export type Range = [number, number] | [number, number, string];

/** An actor of the whole corpus: the actors of every file that share an id. */
export interface PageActor {
  id: string;
  name: string;
  type: ActorType;
  /** Every CAMEO actor code the files give it, sorted. */
  codes: string[];
  mentions: number;
  /** Indexes into PageData.articles, ascending. */
  articles: number[];
}

/** Who holds a stance or makes a claim: the words, and the corpus actor (an index into PageData.actors) if known. */
export interface PageParty {
  range: Range;
  actor: number | null;
}

export interface PageEvent {
  id: string;
  trigger: Range;
  code: string;
  /** The CAMEO name of the code itself ("Criticize or denounce"), and of its root ("DISAPPROVE"). */
  name: string;
  category: string;
  quadClass: QuadClass;
  goldstein: number;
  modality: string;
  date: string | null;
  /** Corpus actor indexes. */
  source: number[];
  target: number[];
  /** The place's name, or null. */
  place: string | null;
}

export interface PageStance {
  id: string;
  polarity: Polarity;
  via: string;
  cue: Range;
  holder: PageParty | null;
  target: PageParty;
  /** The id of the event the stance is about (its target), or null. */
  targetEvent: string | null;
}

export interface PageClaim {
  id: string;
  cue: Range;
  /** The content, then the further parts of a split quotation. */
  content: Range[];
  source: PageParty | null;
  certainty: 'asserted' | 'hedged';
  hedges: string[];
}

export interface PagePlace {
  name: string;
  type: string;
  country: string | null;
  mentions: Range[];
}

export interface PageArticle {
  /** source.path of the annotation. */
  path: string;
  /** The annotation file the article came from, relative to the working directory. */
  annotationFile: string;
  title: string | null;
  date: string | null;
  /** The article as annotated, or null when it could not be found or has changed since (see notice). */
  text: string | null;
  notice: string | null;
  /** Per actor of the file: its corpus actor and its mentions. */
  actors: { actor: number; mentions: Range[] }[];
  places: PagePlace[];
  events: PageEvent[];
  stances: PageStance[];
  claims: PageClaim[];
}

export interface PageData {
  actors: PageActor[];
  articles: PageArticle[];
}
