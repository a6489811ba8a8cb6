// Option values shared by the commands: parsed once, with the message commander shows for a bad one.
import { InvalidArgumentError } from 'commander';
import { ISO_DATE } from '../config/config-schema.js';

const isoDate = new RegExp(ISO_DATE);

/** YYYY-MM-DD of a day that exists (2024-02-30 is refused, as in the config file). */
export function parseDate(value: string): string {
  if (!isoDate.test(value)) throw new InvalidArgumentError('expected an ISO date such as 2024-05-02');
  return value;
}
