// The HTML report as a string: self-contained, safe whatever the articles say, offsets the browser can slice, and
// the same bytes for the same corpus. What the page does in a browser is test/report-browser.test.ts.
import { describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../test/make-annotation.js';
import type { Annotation } from '../model/annotation.js';
import { collectCorpus } from './collect-corpus.js';
import type { CorpusDocument } from './collect-corpus.js';
import { NETWORK_NODES, renderReport, toPageData } from './render-html.js';

const options = { title: 'Test report', pageScript: 'document.body.dataset.ready = "true";', cameoNames: new Map([['040', 'Consult']]), countries: new Map(), generator: 'annotate test' };

function withText(annotation: Annotation, text: string | null, notice: string | null = null): CorpusDocument {
  return { annotation, annotationFile: 'x.yaml', text, notice };
}

describe('renderReport', () => {
  it('needs no network: a Content-Security-Policy forbids it and nothing links out', () => {
    const html = renderReport(collectCorpus([withText(makeAnnotation({ path: 'a.txt', actors: [['egypt', 'Egypt', 'EGY', 1]] }), null)]), options);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/\s(?:src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('keeps an article that contains </script> inside the data, where it cannot end the script', () => {
    const text = 'Egypt said </script><script>alert(1)</script> and <!-- nothing -->.';
    const annotation = makeAnnotation({ path: 'a.txt', actors: [['egypt', 'Egypt', 'EGY', 1]] });
    const html = renderReport(collectCorpus([withText(annotation, text)]), options);
    // One for the data, one for the page script: the article's own closing tags are escaped.
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(json).articles[0].text).toBe(text);
  });

  it('escapes names in the drawn parts of the page', () => {
    const annotation = makeAnnotation({
      path: 'a.txt',
      actors: [['a', '<b>Bold</b> & Co', null, 2], ['b', 'Jordan "J"', 'JOR', 1]],
      events: [['a', 'b', 'verbal-cooperation', null]],
    });
    const html = renderReport(collectCorpus([withText(annotation, null)]), options);
    expect(html).not.toContain('<b>Bold</b>');
    expect(html).toContain('&#60;b&#62;Bold&#60;/b&#62; &#38; Co');
  });

  it('gives the page UTF-16 offsets: an emoji before a name shifts it by one more unit than by code points', () => {
    const text = '🤝 Egypt met Jordan.';
    // Code points: the emoji is one, so Egypt is [2, 7); in UTF-16 the emoji takes two units.
    const annotation = makeAnnotation({ path: 'a.txt', actors: [['egypt', 'Egypt', 'EGY', 1]] });
    annotation.actors[0]!.mentions = [{ text: 'Egypt', start: 2, end: 7, sentence: 0, via: 'name' }];
    const [start, end] = toPageData(collectCorpus([withText(annotation, text)]), new Map()).articles[0]!.actors[0]!.mentions[0]!;
    expect(text.slice(start, end)).toBe('Egypt');
  });

  it('carries each span’s words when the article’s text is missing', () => {
    const annotation = makeAnnotation({ path: 'a.txt', actors: [['egypt', 'Egypt', 'EGY', 1]] });
    const data = toPageData(collectCorpus([withText(annotation, null, 'not found')]), new Map());
    expect(data.articles[0]!.actors[0]!.mentions[0]).toEqual([0, 5, 'Egypt']);
    expect(data.articles[0]!.notice).toBe('not found');
  });

  it(`draws at most ${NETWORK_NODES} actors in the network, those with the most events between them`, () => {
    const actors: [string, string, string | null, number][] = Array.from({ length: 60 }, (_, i) => [`a${i}`, `Actor ${i}`, null, 1]);
    // Actor 0 meets everyone; the others meet only actor 0.
    const events = actors.slice(1).map(([id]) => ['a0', id, 'verbal-cooperation', null] as [string, string, 'verbal-cooperation', null]);
    const html = renderReport(collectCorpus([withText(makeAnnotation({ path: 'a.txt', actors, events }), null)]), options);
    expect(html.match(/<g class="node /g)).toHaveLength(NETWORK_NODES);
    expect(html).toContain('the 40 of 60 linked actors');
  });

  it('writes the same bytes for the same corpus', () => {
    const corpus = (): ReturnType<typeof collectCorpus> =>
      collectCorpus([
        withText(makeAnnotation({
          path: 'a.txt',
          date: '2024-05-01',
          actors: [['egypt', 'Egypt', 'EGY', 3], ['jordan', 'Jordan', 'JOR', 1], ['israel', 'Israel', 'ISR', 2]],
          events: [['egypt', 'jordan', 'verbal-cooperation', null], ['israel', 'egypt', 'material-conflict', '2024-04-03']],
          stances: [['egypt', 'oppose', 'Israel', 'israel']],
        }), null),
      ]);
    expect(renderReport(corpus(), options)).toBe(renderReport(corpus(), options));
  });
});
