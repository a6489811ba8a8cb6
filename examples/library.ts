// The same from TypeScript, with options: the package carries the types of the annotation and of every option.
import { createAnnotator } from 'annotate';
import type { Annotation, AnnotatorOptions, EventAnnotation } from 'annotate';

// Rules alone (the command's --no-model), with an actor of our own on top of the bundled vocabulary.
const options: AnnotatorOptions = {
  model: false,
  vocabulary: { actors: [{ name: 'Ruritania', aliases: ['Ruritanian government'], code: 'RUR', type: 'country' }], events: [] },
};
const annotator = createAnnotator(options);

/** The events an actor took part in, as their source or their target. */
function eventsOf(annotation: Annotation, actorId: string): EventAnnotation[] {
  return annotation.events.filter((event) => event.source.includes(actorId) || event.target.includes(actorId));
}

const annotation = annotator.annotate('Ruritania expelled two Pakistani diplomats on Friday.', { date: '2024-05-12' });
for (const event of eventsOf(annotation, 'ruritania')) {
  console.log(`${event.code} ${event.category} "${event.trigger.text}" → ${event.target.join(', ')} on ${event.date}`);
}
console.log(annotation.annotator.lexicon);
