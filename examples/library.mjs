// Annotate articles from a program: load the annotator once, then annotate each text.
import { createAnnotator } from 'annotate';

// Loading the vocabulary and the learned models takes about a second: do it once per process and reuse it.
const annotator = createAnnotator();

const articles = [
  {
    path: 'articles/tehran-talks.txt',
    date: '2024-05-08',
    text:
      '🇵🇰🇮🇷 Pakistan’s prime minister met senior Iranian officials in Tehran on Monday. ' +
      'India condemned the visit, and analysts said the talks could reshape regional alliances.',
  },
  {
    path: 'articles/lagos.txt',
    date: '2024-05-08',
    text: 'Police in Lagos detained forty protesters on Tuesday, officials said.',
  },
];

for (const { path, date, text } of articles) {
  // path and date go into annotation.source; the date anchors "on Monday".
  const annotation = annotator.annotate(text, { path, date });

  // Offsets count Unicode code points, as Python does, not JavaScript's UTF-16 units: slice the code points.
  const codePoints = [...text];
  const words = (span) => codePoints.slice(span.start, span.end).join('');

  console.log(`${annotation.source.path} (${annotation.source.characters} characters)`);
  for (const actor of annotation.actors) {
    const code = actor.code ?? 'no code';
    console.log(`  actor ${actor.name} (${actor.type}, ${code}): ${actor.mentions.map(words).join(', ')}`);
  }
  for (const place of annotation.places) {
    const country = place.country ?? 'no country';
    console.log(`  place ${place.name} (${place.type} in ${country}): ${place.mentions.map(words).join(', ')}`);
  }
  for (const event of annotation.events) {
    const who = `${event.source.join(' and ') || 'someone'} → ${event.target.join(' and ') || 'no one named'}`;
    const where = event.place ? ` in ${event.place}` : '';
    const when = event.date ? ` on ${event.date}` : '';
    console.log(`  event ${event.code} ${event.category} "${words(event.trigger)}": ${who}${where}${when}`);
  }
  for (const stance of annotation.stances) {
    const holder = stance.holder ? words(stance.holder) : 'someone';
    console.log(`  stance ${holder} ${stance.polarity}s "${words(stance.target)}"`);
  }
  for (const claim of annotation.claims) {
    const source = claim.source ? words(claim.source) : 'no one named';
    console.log(`  claim by ${source} (${claim.certainty}): "${words(claim.content)}"`);
  }
}
