// Tables of sentences and the claims and stances a reader expects annotate to find in them — and not to find.
// Sentences are ours.
import { describe, expect, it } from 'vitest';
import { assertValidAnnotation, sharedAnnotator } from './helpers.js';
import type { Annotation } from '../src/model/annotation.js';

function annotate(text: string): Annotation {
  const doc = sharedAnnotator().annotate(text);
  assertValidAnnotation(doc, text);
  return doc;
}

/** Each claim as `source | cue | content [+ continues] | certainty hedges`. */
function claims(text: string): string[] {
  return annotate(text).claims.map((c) => {
    const content = [c.content, ...c.continues].map((r) => r.text).join(' + ');
    return `${c.source?.text ?? '∅'} | ${c.cue.text} | ${content} | ${c.certainty}${c.hedges.length ? ' ' + c.hedges.join(',') : ''}`;
  });
}

/** Each stance as `holder polarity target (via)`, actors by id where known. */
function stances(text: string): string[] {
  return annotate(text).stances.map((s) => `${s.holder?.actor ?? s.holder?.text ?? '∅'} ${s.polarity} ${s.target.actor ?? s.target.text} (${s.via})`);
}

describe('claims: who says what', () => {
  it.each([
    ['direct quote, attribution after', '“We will not back down,” the minister said.', 'the minister | said | We will not back down | asserted'],
    ['direct quote, inverted attribution', '"The plan is dead," said Maria Lopez, a spokeswoman for the port.', 'Maria Lopez | said | The plan is dead | asserted'],
    ['indirect speech with that', 'The ministry said on Monday that the border would reopen.', 'The ministry | said | that the border would reopen | asserted'],
    ['indirect speech without that', 'Farmers said the new tariffs had cut their income.', 'Farmers | said | the new tariffs had cut their income | asserted'],
    ['addressee before the content', 'The mayor told reporters that the bridge was safe.', 'The mayor | told | that the bridge was safe | asserted'],
    ['according to, first', 'According to the coastguard, the ferry sank within minutes.', 'the coastguard | According to | the ferry sank within minutes | asserted'],
    ['according to, last', 'The ferry sank within minutes, according to the coastguard.', 'the coastguard | according to | The ferry sank within minutes | asserted'],
    ['nominal cue with a possessor', 'The company rejected the union’s claim that wages had fallen.', 'the union | claim | that wages had fallen | asserted'],
    ['sourceless impersonal passive', 'It is believed that the vessel carried grain.', '∅ | is believed | that the vessel carried grain | hedged'],
    ['hedging cue', 'Economists suggest that prices will stabilise next year.', 'Economists | suggest | that prices will stabilise next year | hedged'],
    ['hedge words in the content', 'The agency said the storm could potentially flood the valley.', 'The agency | said | the storm could potentially flood the valley | hedged could,potentially'],
    ['auxiliaries belong to the cue', 'The governor has said that she will not resign.', 'The governor | has said | that she will not resign | asserted'],
    ['a parenthetical before the verb', 'The senator, speaking in Ohio on Friday, said the bill would pass.', 'The senator | said | the bill would pass | asserted'],
  ])('%s', (_name, text, expected) => {
    expect(claims(text)).toContain(expected);
  });

  it('keeps both parts of a quotation split by its attribution', () => {
    const doc = annotate('“The talks are over,” the envoy said, “and nobody won.”');
    expect(doc.claims).toHaveLength(1);
    expect(doc.claims[0]!.content.text).toBe('The talks are over');
    expect(doc.claims[0]!.continues.map((c) => c.text)).toEqual(['and nobody won']);
  });

  it('takes a quotation of several sentences back to where it opened', () => {
    const doc = annotate('“We are ready. The trucks are loaded,” said the aid worker.');
    expect(doc.claims[0]!.content.text).toBe('We are ready. The trucks are loaded');
  });

  it('makes a group actor of a plural source noun and resolves named sources to their actor', () => {
    const doc = annotate('Analysts say the merger will fail. Angela Merkel said Germany would help.');
    const analysts = doc.actors.find((a) => a.name === 'Analysts');
    expect(analysts?.type).toBe('group');
    expect(doc.claims[0]!.source?.actor).toBe(analysts?.id);
    expect(doc.claims[1]!.source?.actor).toBe(doc.actors.find((a) => a.name === 'Angela Merkel')?.id);
  });

  it('does not take the month May for a hedge', () => {
    expect(claims('The board said in May that profits rose.')).toContain('The board | said | that profits rose | asserted');
  });

  it('does not make a separate claim of what a quoted speaker attributes in turn', () => {
    const doc = annotate('The minister said that the generals believe the war is lost.');
    expect(doc.claims.map((c) => c.cue.text)).toEqual(['said']);
  });

  describe('no claim where nothing is reported', () => {
    it.each([
      ['a said that reports nothing', 'That is what he said.'],
      ['the said agreement', 'The said agreement expires in June.'],
      ['a plural noun read as a verb', 'The new rules took effect in March.'],
      ['an object, not a proposition', 'The two countries maintained a complex relationship.'],
      ['a participle with its agent', 'It was a year characterized by drought.'],
      ['what an actor does, not says', 'Pakistan seeks to engage Iran on trade.'],
      ['a relative clause after a cue noun', 'The claim that was filed last year is still open.'],
    ])('%s: %s', (_name, text) => {
      expect(annotate(text).claims).toEqual([]);
    });
  });
});

describe('stances: who stands where', () => {
  it.each([
    ['a stance verb', 'France condemned the coup.', 'france oppose the coup (verb)'],
    ['a stance verb toward an actor', 'Senior Iranian officials welcomed the Pakistani delegation.', 'iranian-officials support pakistani-delegation (verb)'],
    ['a passive with its agent', 'The plan was criticised by Germany.', 'germany oppose The plan (verb)'],
    ['a stance noun under a receive verb', 'Pakistan’s airstrikes, which drew condemnation from India, ended on Friday.', 'india oppose pakistan (noun)'],
    ['a stance noun with a possessor', 'India’s support for the treaty surprised many.', 'india support the treaty (noun)'],
    ['an explicit position', 'Iran has maintained a nuanced stance on the Kashmir conflict.', 'iran neutral the Kashmir conflict (position)'],
    ['a predicative position', 'Japan is opposed to the whaling ban.', 'japan oppose the whaling ban (position)'],
    ['a participle sharing the clause subject', 'Norway stayed out of the talks while advocating for a peaceful settlement.', 'norway support a peaceful settlement (verb)'],
  ])('%s', (_name, text, expected) => {
    expect(stances(text)).toContain(expected);
  });

  it('links a stance to the event it is about and the event that reports it', () => {
    const doc = annotate('Pakistan’s airstrikes, which drew condemnation from India, ended on Friday.');
    const stance = doc.stances.find((s) => s.cue.text === 'condemnation')!;
    const airstrikes = doc.events.find((e) => e.trigger.text === 'airstrikes')!;
    const condemnation = doc.events.find((e) => e.trigger.text === 'condemnation')!;
    expect(stance.target.event).toBe(airstrikes.id);
    expect(stance.event).toBe(condemnation.id);
  });

  it('reads a stance from a coded event and says so', () => {
    const doc = annotate('Russia threatened Ukraine with sanctions.');
    const stance = doc.stances.find((s) => s.via === 'event');
    expect(stance).toMatchObject({ holder: { actor: 'russia' }, target: { actor: 'ukraine' }, polarity: 'oppose' });
    expect(doc.events.map((e) => e.id)).toContain(stance!.event);
  });

  describe('no stance where nobody takes a position', () => {
    it.each([
      ['support as a structure', 'Engineers replaced the support beams of the bridge.'],
      ['support as a service', 'The company offers technical support to its customers.'],
      ['a position sought, not held', 'Pakistan aims to garner support from Iran.'],
      ['a stance denied', 'Germany did not condemn the vote.'],
      ['a position as a place', 'The troops took up a position on the hill.'],
      ['backing as a noun for a layer', 'The tape has a paper backing.'],
    ])('%s: %s', (_name, text) => {
      expect(annotate(text).stances).toEqual([]);
    });
  });
});
