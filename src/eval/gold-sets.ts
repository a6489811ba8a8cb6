// The gold sets the eval knows, one module evaluate-<set>.ts each, in the order of the --all summary. A file is
// recognised by its first record.
import { CASE2021 } from './evaluate-case2021.js';
import { CONLL } from './evaluate-conll.js';
import { MPQA } from './evaluate-mpqa.js';
import { NEWSMTSC } from './evaluate-newsmtsc.js';
import { PETRARCH } from './evaluate-petrarch.js';
import { POLNEAR } from './evaluate-polnear.js';
import { WIKIEVENTS } from './evaluate-wikievents.js';
import type { GoldSetKind } from './gold-set.js';

export const GOLD_SETS: readonly GoldSetKind[] = [CONLL, PETRARCH, CASE2021, WIKIEVENTS, POLNEAR, MPQA, NEWSMTSC];

/** Says why a file that is none of the gold sets scored is not scored. */
export function unsupportedSet(record: Record<string, unknown>): string {
  const fields = Object.keys(record).slice(0, 8).join(', ');
  return (
    `unsupported gold set (fields: ${fields}): scored are CoNLL-style entities typed PER/ORG/LOC/MISC, PETRARCH ` +
    `expected_events, CASE 2021 event_type, WikiEvents events with arguments, PolNeAR attributions, MPQA opinions ` +
    `and NewsMTSC targets with a polarity`
  );
}
