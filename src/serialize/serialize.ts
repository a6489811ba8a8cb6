// Turns annotation objects into bytes: YAML (block style, fixed key order, no anchors, no folded lines), JSON, NDJSON.
// The same object always gives the same string.
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Annotation } from '../model/annotation.js';
import { fastYaml } from './fast-yaml.js';

export type OutputFormat = 'yaml' | 'json' | 'ndjson';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['yaml', 'json', 'ndjson'];

export function toYaml(annotation: Annotation): string {
  return fastYaml(annotation) ?? libraryYaml(annotation);
}

/** The `yaml` library's rendering: the reference fast-yaml.ts follows, and the writer of what it leaves. */
export function libraryYaml(annotation: object): string {
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

/** Every span (a map with text, start and end: mentions, triggers, cues, claim sources, stance targets) and every
 *  list of plain strings (an event's actor ids, a claim's hedges) on one line in flow style, and the annotator map:
 *  `- { text: Pakistan, start: 57, … }`. */
function flowSmallMaps(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (isMap(node) && isSpan(node)) node.flow = true;
  if (isSeq(node) && node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
  const n = node as { items?: unknown[]; value?: unknown };
  if (Array.isArray(n.items)) {
    for (const item of n.items) {
      const pair = item as { key?: { value?: unknown }; value?: { flow?: boolean } };
      if (pair?.key?.value === 'annotator' && isMap(pair.value)) pair.value.flow = true;
      flowSmallMaps(item);
    }
  }
  if (n.value && typeof n.value === 'object') flowSmallMaps(n.value);
}

function isSpan(map: YAMLMap): boolean {
  const keys = new Set(map.items.map((pair) => (isScalar(pair.key) ? pair.key.value : undefined)));
  return keys.has('text') && keys.has('start') && keys.has('end');
}
