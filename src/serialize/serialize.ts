// Turns annotation objects into bytes: YAML (block style, fixed key order, no anchors, no folded lines), JSON, NDJSON.
// The same object always gives the same string.
import { Document, isSeq } from 'yaml';
import type { Annotation } from '../model/annotation.js';

export type OutputFormat = 'yaml' | 'json' | 'ndjson';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['yaml', 'json', 'ndjson'];

export function toYaml(annotation: Annotation): string {
  const doc = new Document(annotation, { aliasDuplicateObjects: false });
  // Mentions and the small header maps read best on one line each, as in DESIGN.md.
  flowSmallMaps(doc.contents);
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: true });
}

/** One JSON document (pretty) for --format json of a single file. */
export function toJson(annotation: Annotation): string {
  return JSON.stringify(annotation, null, 2) + '\n';
}

/** One line: --format ndjson. */
export function toNdjsonLine(annotation: Annotation): string {
  return JSON.stringify(annotation) + '\n';
}

export function serialize(annotation: Annotation, format: OutputFormat): string {
  if (format === 'yaml') return toYaml(annotation);
  if (format === 'json') return toJson(annotation);
  return toNdjsonLine(annotation);
}

/** An event's source and target lists (not the document's `source` map). */
const LIST_KEYS = new Set(['source', 'target']);

/** Puts every mention map on one line in flow style: `- { text: Pakistan, start: 57, … }`. */
function flowSmallMaps(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { items?: unknown[]; flow?: boolean; value?: unknown; key?: unknown };
  if (Array.isArray(n.items)) {
    for (const item of n.items) {
      const pair = item as { key?: { value?: unknown }; value?: { items?: unknown[]; flow?: boolean } };
      const key = pair?.key?.value;
      if (typeof key === 'string' && pair.value?.items) {
        // A mention per line; the annotator, a trigger and an event's actor lists on one line each.
        if (key === 'mentions') for (const m of pair.value.items) (m as { flow?: boolean }).flow = true;
        else if (key === 'annotator' || key === 'trigger' || (LIST_KEYS.has(key) && isSeq(pair.value))) pair.value.flow = true;
      }
      flowSmallMaps(item);
    }
  }
  if (n.value && typeof n.value === 'object') flowSmallMaps(n.value);
}
