// Shared test helpers: one annotator per test process, captured streams, and the schema validator.
import { PassThrough, Readable } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createAnnotator } from '../src/annotate-text.js';
import type { Annotator } from '../src/annotate-text.js';
import { annotationSchema } from '../src/model/annotation.js';
import type { Annotation } from '../src/model/annotation.js';
import { main } from '../src/cli/main.js';

let annotator: Annotator | undefined;
export function sharedAnnotator(): Annotator {
  annotator ??= createAnnotator();
  return annotator;
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(annotationSchema);

/** Throws with the validator's messages when a document breaks the schema; also checks every span's text. */
export function assertValidAnnotation(doc: unknown, text?: string): asserts doc is Annotation {
  if (!validate(doc)) throw new Error(`schema violation: ${ajv.errorsText(validate.errors)}`);
  if (text === undefined) return;
  const codePoints = [...text];
  for (const entity of [...doc.actors, ...doc.places]) {
    for (const m of entity.mentions) {
      const sliced = codePoints.slice(m.start, m.end).join('');
      if (sliced !== m.text) throw new Error(`span ${m.start}-${m.end} is "${sliced}", mention says "${m.text}"`);
    }
  }
  const annotation = doc as Annotation;
  const actorIds = new Set(annotation.actors.map((a) => a.id));
  const placeIds = new Set(annotation.places.map((p) => p.id));
  for (const e of annotation.events) {
    const sliced = codePoints.slice(e.trigger.start, e.trigger.end).join('');
    if (sliced !== e.trigger.text) throw new Error(`trigger ${e.trigger.start}-${e.trigger.end} is "${sliced}", event says "${e.trigger.text}"`);
    for (const id of [...e.source, ...e.target]) if (!actorIds.has(id)) throw new Error(`event ${e.id} names actor "${id}", which is not in actors`);
    if (e.place !== null && !placeIds.has(e.place)) throw new Error(`event ${e.id} names place "${e.place}", which is not in places`);
  }
  const checkSpan = (what: string, span: { text: string; start: number; end: number }): void => {
    const sliced = codePoints.slice(span.start, span.end).join('');
    if (sliced !== span.text) throw new Error(`${what} ${span.start}-${span.end} is "${sliced}", the file says "${span.text}"`);
    // No whitespace, quotation mark or comma leaks into a span (a cue may end in the colon that opens a quotation).
    if (span.text !== span.text.trim() || /^[“”"',]|[“”",]$/.test(span.text)) throw new Error(`${what} "${span.text}" carries surrounding punctuation`);
  };
  const checkActor = (what: string, id: string | null): void => {
    if (id !== null && !actorIds.has(id)) throw new Error(`${what} names actor "${id}", which is not in actors`);
  };
  const eventIds = new Set(annotation.events.map((e) => e.id));
  for (const st of annotation.stances) {
    checkSpan(`stance ${st.id} cue`, st.cue);
    checkSpan(`stance ${st.id} target`, st.target);
    if (st.holder) checkSpan(`stance ${st.id} holder`, st.holder);
    checkActor(`stance ${st.id} holder`, st.holder?.actor ?? null);
    checkActor(`stance ${st.id} target`, st.target.actor);
    for (const e of [st.event, st.target.event]) if (e !== null && !eventIds.has(e)) throw new Error(`stance ${st.id} names event "${e}", which is not in events`);
  }
  for (const c of annotation.claims) {
    for (const [what, span] of [['cue', c.cue], ['content', c.content], ...c.continues.map((r) => ['continues', r] as const)] as const) checkSpan(`claim ${c.id} ${what}`, span);
    if (c.source) checkSpan(`claim ${c.id} source`, c.source);
    checkActor(`claim ${c.id} source`, c.source?.actor ?? null);
  }
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(
  argv: string[],
  options: { cwd: string; stdin?: string | Buffer; env?: Record<string, string>; /** build the annotator from the run's config */ fresh?: boolean },
): Promise<RunResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exitCode = await main(argv, {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd,
    ...(options.fresh ? {} : { annotator: sharedAnnotator() }),
  });
  return { exitCode, stdout: out, stderr: err };
}
