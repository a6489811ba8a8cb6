// scripts/convert-cameo-verbs.mjs: its reading of PETRARCH2's verb-dictionary format on small dictionaries written
// here (not lines of the real file), its conversion rules, and the generated lexicons/cameo-verbs.yaml, which must
// load through our loader's trigger check with codes of lexicons/cameo.yaml.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadEventCodesSync, toTrigger } from '../src/lexicon/load-lexicons.js';
import {
  EXCLUDED_DEFAULT,
  PARTICLE_ALONE,
  PARTICLE_OTHER_SENSE,
  PARTICLE_UNLISTED,
  SOURCE,
  activeCode,
  checkFollowed,
  classifyDisagreements,
  compareWithEvents,
  convertDictionary,
  expressPattern,
  isAncestor,
  nameNames,
  parsePatternLine,
  parseVerbDictionary,
  parseVerbLine,
  readExclusions,
  renderYaml,
  toSingular,
} from '../scripts/convert-cameo-verbs.mjs';
import type { ConvertOptions, Trigger } from '../scripts/convert-cameo-verbs.mjs';

const repo = path.resolve(import.meta.dirname, '..');
const codes = loadEventCodesSync(path.join(repo, 'lexicons'));

/** A dictionary in PETRARCH2's format, written for these tests. */
const DICTIONARY = `# a test dictionary
# The MIT License (MIT)
# Copyright (c) 2099 Nobody
# THE SOFTWARE IS PROVIDED "AS IS" ... IN THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

####### SYNONYM SETS #######

&ARMOUR
+TANK
+BATTLE_WAGON
+KIT_

&GATHERING
+MEETING
+SESSION

####### VERB PATTERNS #######

---  HELP   [070]  ---
ASSIST
SUCCOUR [073]   # its own code
FORSAKE {FORSAKES FORSOOK FORSAKEN FORSAKING} [---]
+HAND_OVER {+HANDS_OVER +HANDED_OVER +HANDING_OVER}
TEAR_+GAS
+HELPED_AND {}
- * LOAN                                   [0331]   # ASSIST
- * {MEDICAL SUPPLIES}                     [073]
- * (FOR SHELTER)                          [075]
- * (WITH {HEAVY &ARMOUR})                 [0332]
- OFFICIALS * LOAN                         [071]
- * (AGAINST)                              [113]
- * CONDITIONS (BEFORE TALKS)              [100]
- * GIFT                                   [999]
- * VOTE                                   [:173]
- * SUNSHINE                               [---]
- * OUT                                    [0874]
- * ROCKET (AT +)                          [194]
- * AID                                    [070]

---  PONDER   [---]  ---
MULL
WEIGH [014]
- * (FOR &GATHERING)                       [036]
- * &GATHERING                             [026]
- * GATHERING_                             [040]
- * {FORMAL MEETING}                       [028]
- * MEETING                                [040]

---  VISITING   [042:043]  ---
CALL_IN_+ON
TOUR
ASSIST [040]

---  SPEAK   [010]  ---
SAY {SAYS SAID SAYING}
EXPOUND
CONCUR
- * ATTACK                                 [190]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
`;

/** Hand-kept exceptions for DICTIONARY, in the shape of scripts/cameo-verbs-exclude.yaml. */
const EXCLUDE = `# for the test dictionary
particles:
  plain: []
bare_defaults:
  pondering: [weigh]
`;

const options: ConvertOptions = { codes, speechVerbs: ['say'], reportingVerbs: ['say', 'expound', 'concur'], eventVerbDefaults: new Set(['concur']) };
const convert = () => convertDictionary(parseVerbDictionary(DICTIONARY), options);
const entriesOf = (triggers: Trigger[], verb: string) => triggers.filter((t) => t.verb === verb);
const reasons = (map: Map<string, { text: string }[]>) => Object.fromEntries([...map].map(([reason, items]) => [reason, items.map((i) => i.text)]));

describe('reading the dictionary', () => {
  it('reads synonym sets, marking members that take no plural, and counts transformations', () => {
    const parsed = parseVerbDictionary(DICTIONARY);
    expect(parsed.synsets.get('&ARMOUR')?.members).toEqual([
      { text: 'TANK', words: ['tank'], noPlural: false },
      { text: 'BATTLE_WAGON', words: ['battle', 'wagon'], noPlural: false },
      { text: 'KIT_', words: ['kit'], noPlural: true },
    ]);
    expect(parsed.blocks.map((b) => [b.name, b.code])).toEqual([['HELP', '070'], ['PONDER', '---'], ['VISITING', '042:043'], ['SPEAK', '010']]);
    expect(parsed.transformations).toBe(1);
    expect(parsed.problems).toEqual([]);
  });

  it('reads verb lines: own codes, irregular forms, multi-word verbs and which word inflects', () => {
    expect(parseVerbLine('SUCCOUR [073]   ')).toMatchObject({ words: ['succour'], inflected: 0, code: '073', fixed: false });
    expect(parseVerbLine('FORSAKE {FORSAKES FORSOOK FORSAKEN FORSAKING} [---]')).toMatchObject({
      words: ['forsake'],
      forms: ['forsakes', 'forsook', 'forsaken', 'forsaking'],
      code: '---',
    });
    expect(parseVerbLine('+HAND_OVER {+HANDS_OVER +HANDED_OVER}')).toMatchObject({ words: ['hand', 'over'], inflected: 0, forms: ['hands', 'handed'], code: null });
    expect(parseVerbLine('CALL_IN_+ON')).toMatchObject({ words: ['call', 'in', 'on'], inflected: 2 });
    expect(parseVerbLine('+HELPED_AND {}')).toMatchObject({ fixed: true });
    expect(parseVerbLine('PLAIN_WORDS')).toMatchObject({ error: expect.stringMatching(/without one \+/) });
    // A code written against the verb is still its code, not part of its name.
    expect(parseVerbLine('REGROUP[---]')).toMatchObject({ words: ['regroup'], code: '---' });
    expect(parseVerbLine('REGROUP{REGROUPS}[040]')).toMatchObject({ words: ['regroup'], forms: ['regroups'], code: '040' });
  });

  it('reads pattern lines into elements: words, braced phrases, prepositional phrases; actor markers left out', () => {
    expect(parsePatternLine(' * (WITH {HEAVY &ARMOUR})   [0332]')).toEqual({
      pre: [],
      post: [{ type: 'prep', prep: 'with', nouns: [{ type: 'phrase', words: ['HEAVY', '&ARMOUR'] }] }],
      code: '0332',
    });
    expect(parsePatternLine(' OFFICIALS * LOAN [071]')).toMatchObject({ pre: [{ type: 'word', text: 'OFFICIALS' }], code: '071' });
    expect(parsePatternLine(' $ * ROCKET (AT +) [194]')).toEqual({
      pre: [],
      post: [{ type: 'word', text: 'ROCKET' }, { type: 'prep', prep: 'at', nouns: [] }],
      code: '194',
    });
    expect(parsePatternLine(' * LOAN (FOR [0331]')).toMatchObject({ error: 'unclosed (' });
    expect(parsePatternLine(' LOAN [0331]')).toMatchObject({ error: expect.stringMatching(/one \*/) });
  });
});

describe('converting', () => {
  it('gives each verb its own code, else its block\'s; [---] gives no default', () => {
    const { triggers } = convert();
    expect(entriesOf(triggers, 'assist')).toContainEqual({ code: '070', verb: 'assist' });
    expect(entriesOf(triggers, 'succour')).toContainEqual({ code: '073', verb: 'succour' });
    expect(entriesOf(triggers, 'forsake').filter((t) => !t.object)).toEqual([]);
    expect(entriesOf(triggers, 'mull').filter((t) => !t.object)).toEqual([]);
    expect(entriesOf(triggers, 'weigh')).toContainEqual({ code: '014', verb: 'weigh' });
    // "A:B" keeps the active code A.
    expect(entriesOf(triggers, 'tour')).toContainEqual({ code: '042', verb: 'tour' });
  });

  it('keeps multi-word verbs whose first word inflects; drops the others, fixed phrases, and later listings', () => {
    const { triggers, dropped } = convert();
    expect(entriesOf(triggers, 'hand over')).toContainEqual({ code: '070', verb: 'hand over' });
    expect(reasons(dropped.verbs)).toEqual({
      'inflected word not first (WIRE_+TAP)': ['TEAR_+GAS', 'CALL_IN_+ON'],
      'fixed phrase ({}): PETRARCH matches it only as written': ['+HELPED_AND {}'],
      'listed again in a later block (PETRARCH keeps the first)': ['ASSIST [040] (first under HELP)'],
    });
  });

  it('turns post-verb nouns, braced phrases and prepositional phrases into objects of every verb of the block', () => {
    const { triggers } = convert();
    for (const verb of ['assist', 'succour', 'forsake', 'hand over']) {
      const entries = entriesOf(triggers, verb);
      expect(entries).toContainEqual({ code: '0331', verb, object: ['loan'] });
      expect(entries).toContainEqual({ code: '075', verb, object: ['shelter'] });
      // The head of a braced phrase is its last word, in the singular; a set stands for its members' heads.
      expect(entries).toContainEqual({ code: '0332', verb, object: ['kit', 'tank', 'wagon'] });
      expect(entries).toContainEqual({ code: '194', verb, object: ['rocket'] });
    }
    expect(entriesOf(triggers, 'succour')).toContainEqual({ code: '070', verb: 'succour', object: ['aid'] });
    // For verbs whose default is 073 or 070, the object with that code adds nothing and is left out.
    expect(entriesOf(triggers, 'succour').some((t) => t.code === '073' && t.object)).toBe(false);
    expect(entriesOf(triggers, 'assist').some((t) => t.code === '070' && t.object)).toBe(false);
    expect(entriesOf(triggers, 'forsake')).toContainEqual({ code: '070', verb: 'forsake', object: ['aid'] });
  });

  describe('particles', () => {
    /** Three verbs that take particles; the phrasal verbs the dictionary lists are put up, set up and put down. */
    const PARTICLES = `####### VERB PATTERNS #######

---  PLACE   [---]  ---
PUT
SET
STATION
+PUT_DOWN
- * UP BARRICADE                           [144]
- * DOWN &UNREST                           [175]
- * OFF                                    [042]
- * BACK (FROM)                            [0874]

---  ERECT   [---]  ---
+PUT_UP
+SET_UP {+SETS_UP}
`;
    const synsets = '####### SYNONYM SETS #######\n\n&UNREST\n+RIOT\n+UPRISING\n\n';
    const particleDictionary = parseVerbDictionary(synsets + PARTICLES);
    const run = (particles: ConvertOptions['particles'] = {}) => convertDictionary(particleDictionary, { codes, particles });

    it('joins a particle before the noun to the verb only where that phrasal verb is listed as a verb line', () => {
      const { triggers, dropped } = run();
      expect(triggers).toEqual([
        { code: '144', verb: 'put up', object: ['barricade'] },
        { code: '144', verb: 'set up', object: ['barricade'] },
        { code: '175', verb: 'put down', object: ['riot', 'uprising'] },
      ]);
      expect(reasons(dropped.entries)[PARTICLE_UNLISTED]).toEqual([
        'station up + barricade (- * UP BARRICADE [144])',
        // A listed phrasal verb takes no second particle.
        'put down up + barricade (- * UP BARRICADE [144])',
        'set down + riot/uprising (- * DOWN &UNREST [175])',
        'station down + riot/uprising (- * DOWN &UNREST [175])',
      ]);
    });

    it('drops a particle alone: no "put off", no "station back"', () => {
      const { triggers, dropped } = run();
      expect(triggers.filter((t) => !t.object)).toEqual([]);
      expect(reasons(dropped.patterns)).toEqual({ [PARTICLE_ALONE]: ['- * OFF [042]', '- * BACK (FROM) [0874]'] });
    });

    it('applies a pattern to a plain verb that reads right, and not to a listed phrasal verb of another sense', () => {
      const { triggers, dropped } = run({
        plain: [{ block: 'PLACE', pattern: '- * UP   BARRICADE [144]', verbs: ['station'] }],
        otherSense: [{ block: 'PLACE', pattern: '- * UP BARRICADE [144]', verbs: ['set up'] }],
      });
      expect(triggers.filter((t) => t.code === '144')).toEqual([
        { code: '144', verb: 'put up', object: ['barricade'] },
        { code: '144', verb: 'station', object: ['barricade'] },
      ]);
      expect(reasons(dropped.entries)[PARTICLE_OTHER_SENSE]).toEqual(['set up + barricade (- * UP BARRICADE [144])']);
    });

    it('refuses an exception that applies to nothing', () => {
      expect(() => run({ plain: [{ block: 'PLACE', pattern: '- * UP BARRICADE [144]', verbs: ['put'] }] })).toThrow(/does not apply to put/);
      expect(() => run({ otherSense: [{ block: 'ERECT', pattern: '- * UP BARRICADE [144]', verbs: ['set up'] }] })).toThrow(/does not apply to set up/);
    });
  });

  describe('bare defaults left out', () => {
    it('writes no default for a listed verb, and writes its objects, those coded as the default too', () => {
      const { triggers, dropped } = convertDictionary(parseVerbDictionary(DICTIONARY), { ...options, excludedDefaults: ['assist', 'weigh'] });
      expect(entriesOf(triggers, 'assist').filter((t) => !t.object)).toEqual([]);
      // "- * AID [070]" is assist's default code: redundant while the default was written, needed now.
      expect(entriesOf(triggers, 'assist')).toContainEqual({ code: '070', verb: 'assist', object: ['aid'] });
      expect(entriesOf(triggers, 'assist')).toContainEqual({ code: '0331', verb: 'assist', object: ['loan'] });
      expect(entriesOf(triggers, 'succour')).toContainEqual({ code: '073', verb: 'succour' });
      expect(reasons(dropped.entries)[EXCLUDED_DEFAULT]).toEqual(['assist [070]', 'weigh [014]']);
    });

    it('refuses a verb that has no default to leave out', () => {
      const run = (excludedDefaults: string[]) => convertDictionary(parseVerbDictionary(DICTIONARY), { ...options, excludedDefaults });
      // mull's block is [---]; say's default is left out already, as a speech verb; nobody lists "wander".
      expect(() => run(['mull', 'say', 'wander', 'tour'])).toThrow('bare_defaults: no bare default to leave out for mull, say, wander');
    });

    it('reads the exclude file: groups of verbs, particle rules; a verb twice or an unknown key is an error', () => {
      expect(readExclusions(EXCLUDE)).toEqual({ particles: { plain: [], otherSense: [] }, bareDefaults: ['weigh'], keepOurs: [], followed: [] });
      const text = `particles:
  other_sense:
    - {block: ARRANGE, pattern: "- * UP RESISTANCE [110]", verbs: [set up]}
bare_defaults:
  contest: [beat, best]
  "05": [back]
`;
      expect(readExclusions(text)).toEqual({
        particles: { plain: [], otherSense: [{ block: 'ARRANGE', pattern: '- * UP RESISTANCE [110]', verbs: ['set up'] }] },
        bareDefaults: ['beat', 'best', 'back'],
        keepOurs: [],
        followed: [],
      });
      expect(() => readExclusions('bare_defaults:\n  a: [beat]\n  b: [beat]\n')).toThrow('beat listed twice');
      expect(() => readExclusions('bare_default:\n  a: [beat]\n')).toThrow('unknown section bare_default');
      expect(() => readExclusions('particles:\n  plane: []\n')).toThrow('unknown particles.plane');
    });
  });

  it('drops what the shape cannot say, each pattern under one reason', () => {
    const { dropped, badCodes } = convert();
    expect(reasons(dropped.patterns)).toEqual({
      'pre-verb nouns': ['- OFFICIALS * LOAN [071]'],
      'preposition only': ['- * (AGAINST) [113]'],
      'several post-verb elements': ['- * CONDITIONS (BEFORE TALKS) [100]'],
      'code not in lexicons/cameo.yaml': ['- * GIFT [999]'],
      'passive-only code': ['- * VOTE [:173]'],
      'null code [---]: the verb is no event with this object': ['- * SUNSHINE [---]'],
      [PARTICLE_ALONE]: ['- * OUT [0874]'],
    });
    const giftLine = DICTIONARY.split('\n').findIndex((line) => line.includes('GIFT')) + 1;
    expect([...badCodes]).toEqual([['999', [giftLine]]]);
  });

  it('checks codes against lexicons/cameo.yaml', () => {
    expect(activeCode('0332', codes)).toEqual({ code: '0332' });
    expect(activeCode('042:043', codes)).toEqual({ code: '042' });
    expect(activeCode('---', codes)).toEqual({ code: null });
    expect(activeCode(':173', codes)).toEqual({ reason: 'passive-only code' });
    expect(activeCode('080!', codes)).toMatchObject({ reason: 'code not in lexicons/cameo.yaml', bad: '080!' });
    expect(activeCode('176', codes)).toMatchObject({ bad: '176' });
  });

  it('resolves a (verb, noun) reached with several codes: bare noun first, then braced, then prepositional; then file order', () => {
    const { triggers, conflicts } = convert();
    // (FOR &GATHERING) 036 comes first in the file, &GATHERING 026 is a bare noun: 026 wins for meeting and session.
    expect(entriesOf(triggers, 'mull')).toContainEqual({ code: '026', verb: 'mull', object: ['meeting', 'session'] });
    const meeting = conflicts.find((c) => c.verb === 'mull' && c.noun === 'meeting');
    expect(meeting).toMatchObject({ chosen: '026', block: 'PONDER' });
    expect(meeting?.candidates.map((c) => c.code)).toEqual(['026', '040', '028', '036']);
    // GATHERING_ is a bare noun marked as taking no plural: kept as written.
    expect(entriesOf(triggers, 'mull')).toContainEqual({ code: '040', verb: 'mull', object: ['gathering'] });
  });

  it('leaves out bare speech verbs and the objects of the ones events.yaml names, but not a verb events.yaml has bare', () => {
    const { triggers, dropped } = convert();
    expect(entriesOf(triggers, 'say')).toEqual([]);
    expect(entriesOf(triggers, 'expound')).toEqual([{ code: '190', verb: 'expound', object: ['attack'] }]);
    expect(entriesOf(triggers, 'concur')).toContainEqual({ code: '010', verb: 'concur' });
    expect(reasons(dropped.entries)).toMatchObject({
      'bare speech verb named in lexicons/events.yaml’s header': ['say [010]'],
      'bare 010 “make statement”: a speech verb (lexicons/events.yaml codes no 010)': ['expound [010]'],
      'object of a speech verb named in lexicons/events.yaml’s header': ['say + attack [190]'],
    });
  });

  it('writes nouns in the singular, except plural-only nouns and plurals that only look so', () => {
    expect(['supplies', 'clashes', 'bases', 'losses', 'lives', 'servicemen', 'sanctions', 'talks', 'news', 'crisis', 'status', 'gas', 'teargas', 'cease-fires', 'peace talks'].map(toSingular)).toEqual(
      ['supply', 'clash', 'base', 'loss', 'life', 'serviceman', 'sanctions', 'talks', 'news', 'crisis', 'status', 'gas', 'teargas', 'cease-fire', 'peace talks'],
    );
  });

  it('refuses what is not a noun: a function word, an undefined set', () => {
    const synsets = parseVerbDictionary(DICTIONARY).synsets;
    expect(expressPattern(parsePatternLine(' * IDEA_OF [014]'), synsets)).toEqual({ reason: 'no noun (a function word heads it)' });
    expect(expressPattern(parsePatternLine(' * &NOWHERE [014]'), synsets)).toEqual({ reason: 'undefined synset' });
    expect(expressPattern(parsePatternLine(' * BOMBING/BLAST [183]'), synsets)).toEqual({ particle: null, nouns: ['bombing', 'blast'], rank: 1 });
  });

  it('compares with events.yaml entries: same and different codes, defaults and objects, verbs we leave without a default', () => {
    const { resolved } = convert();
    const comparison = compareWithEvents(resolved, [
      { code: '071', verb: 'assist', object: ['loans'] },
      { code: '070', verb: 'assist' },
      { code: '040', verb: 'tour' },
      { code: '040', verb: 'weigh', object: ['meeting'] },
    ]);
    expect(comparison.agree.map((r) => [r.verb, r.noun])).toEqual([['assist', '']]);
    expect(comparison.disagree).toMatchObject([
      { verb: 'assist', noun: 'loan', ours: ['071'], theirs: '0331' },
      { verb: 'tour', noun: '', ours: ['040'], theirs: '042' },
      { verb: 'weigh', noun: 'meeting', ours: ['040'], theirs: '026' },
    ]);
    expect(comparison.objectOnly).toMatchObject([{ verb: 'weigh', theirs: '014' }]);
  });

  it('renders the same bytes twice, entries that read back as written', () => {
    const cameo = [{ code: '07', name: 'PROVIDE AID' }];
    const first = renderYaml(convert().triggers, { licence: ['MIT'], cameo });
    expect(renderYaml(convert().triggers, { licence: ['MIT'], cameo })).toBe(first);
    expect(parse(first).triggers).toEqual(convert().triggers);
    expect(first).toContain('  # --- 07 PROVIDE AID ---\n  - {code: "070", verb: assist}\n');
  });
});

describe('settling disagreements with lexicons/events.yaml', () => {
  const names = new Map([
    ['033', 'Express intent to provide material aid, not specified below'],
    ['0331', 'Express intent to provide economic aid'],
    ['045', 'Mediate'],
    ['046', 'Engage in negotiation'],
    ['080', 'Yield, not specified below'],
    ['141', 'Demonstrate or rally, not specified below'],
    ['150', 'Demonstrate military or police power, not specified below'],
    ['1823', 'Kill by physical assault'],
    ['190', 'Use conventional military force, not specified below'],
    ['195', 'Employ aerial weapons'],
    ['043', 'Host a visit'],
    ['050', 'Engage in diplomatic cooperation, not specified below'],
    ['040', 'Consult, not specified below'],
    ['014', 'Consider policy option'],
  ]);
  const row = (verb: string, noun: string, ours: string, theirs: string) => ({ verb, noun, ours: [ours], theirs, line: 1 });

  it('knows the codebook tree: a prefix, or the root\'s "not specified below" code, is above', () => {
    expect([isAncestor('190', '195'), isAncestor('033', '0331'), isAncestor('170', '1712'), isAncestor('19', '190')]).toEqual([true, true, true, true]);
    // 190 and 1823 are in different roots; a code is not above itself, nor a sibling above a sibling.
    expect([isAncestor('190', '1823'), isAncestor('195', '190'), isAncestor('033', '033'), isAncestor('0331', '033'), isAncestor('193', '194')]).toEqual([false, false, false, false, false]);
  });

  it('finds the word of a codebook name that names the verb or its noun', () => {
    expect(nameNames('Engage in negotiation', 'negotiate', '')).toBe('negotiation');
    expect(nameNames('Demonstrate or rally, not specified below', 'rally', '')).toBe('rally');
    expect(nameNames('Provide aid, not specified below', 'allow', 'aid')).toBe('aid');
    expect(nameNames('Express intent to cooperate', 'expel', '')).toBeNull();
    expect(nameNames('Reduce relations, not specified below', 'cut', 'ties')).toBeNull();
  });

  it('settles each disagreement by rule (a) to (d), in that order, with keep_ours for (d)', () => {
    const settled = classifyDisagreements(
      [
        row('bomb', '', '195', '190'),
        row('offer', 'aid', '033', '0331'),
        row('negotiate', '', '046', '080'),
        row('rally', '', '141', '150'),
        row('murder', '', '1823', '190'),
        row('welcome', 'delegation', '043', '050'),
        row('mull', '', '014', '040'),
      ],
      { names, keepOurs: [{ verb: 'welcome', object: 'delegation', ours: '043', theirs: '050', reason: 'hosts' }] },
    );
    expect(settled.map((r) => [r.verb, r.rule, r.follow])).toEqual([
      ['bomb', 'a', false],
      ['offer', 'b', true],
      ['negotiate', 'c', false],
      ['rally', 'c', false],
      ['murder', 'd', true],
      ['welcome', 'keep_ours', false],
      ['mull', 'd', true],
    ]);
    expect(settled[2]?.why).toBe('046 "Engage in negotiation" names negotiation');
    expect(settled[5]?.why).toBe('hosts');
  });

  it('refuses a keep_ours entry that settles nothing, or names a code the codebook lacks', () => {
    const keep = (ours: string, theirs: string) => () => classifyDisagreements([row('bomb', '', '195', '190')], { names, keepOurs: [{ verb: 'bomb', object: '', ours, theirs, reason: 'r' }] });
    // bomb is settled by (a) already.
    expect(keep('195', '190')).toThrow('keep_ours: no such (d) disagreement: bomb 195/190');
    expect(keep('1959', '190')).toThrow('1959 is not a code of lexicons/cameo.yaml');
  });

  it('checks each change made to events.yaml against both tables and the rules', () => {
    const comparison = {
      agree: [{ verb: 'offer', noun: 'aid', ours: ['0331'], theirs: '0331', line: 7 }, { verb: 'bomb', noun: '', ours: ['190'], theirs: '190', line: 8 }],
      disagree: [],
      objectOnly: [],
    };
    const check = (was: string, now: string, verb = 'offer', object = 'aid') => checkFollowed([{ verb, object, was, now }], { comparison, names, codes: new Set(names.keys()) });
    expect(check('033', '0331')).toMatchObject([{ verb: 'offer', noun: 'aid', was: '033', now: '0331', rule: 'b', line: 7 }]);
    expect(() => check('033', '195')).toThrow('events.yaml and CAMEO 2.0 do not both code it 195');
    expect(() => check('033', '0332')).toThrow('0332 is not a code of lexicons/cameo.yaml');
    expect(() => check('0331', '0331')).toThrow('events.yaml still codes it 0331');
    // bomb 195 → 190 would be rule (a): the rules keep ours there, so no change may be recorded.
    expect(() => check('195', '190', 'bomb', '')).toThrow('rule (a) keeps ours there');
  });

  it('reads keep_ours and followed lines naming several verbs or objects as one case each', () => {
    const text = `keep_ours:
  - {verb: [behead, murder], ours: "1823", theirs: "190", reason: killing}
  - {verb: ratify, object: [pact, treaty], ours: "057", theirs: "031", reason: ratifying}
followed:
  - {verb: end, object: [war], was: "087", now: "0871"}
`;
    const { keepOurs, followed } = readExclusions(text);
    expect(keepOurs.map((k) => `${k.verb}+${k.object} ${k.ours}`)).toEqual(['behead+ 1823', 'murder+ 1823', 'ratify+pact 057', 'ratify+treaty 057']);
    expect(followed).toEqual([{ verb: 'end', object: 'war', was: '087', now: '0871' }]);
    expect(() => readExclusions('keep_ours:\n  - {verb: x, ours: "010"}\n')).toThrow('theirs, reason missing');
  });
});

describe('the script', () => {
  const script = path.join(repo, 'scripts', 'convert-cameo-verbs.mjs');
  const run = (args: string[]) => execFileSync('node', [script, ...args], { encoding: 'utf8' });

  it('converts a commit of a git repository to the same bytes on every run, and says what it dropped', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cameo-verbs-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-C', path.join(dir, 'src'), ...args], { encoding: 'utf8' });
      mkdirSync(path.join(dir, 'src', path.dirname(SOURCE.path)), { recursive: true });
      writeFileSync(path.join(dir, 'src', SOURCE.path), DICTIONARY);
      writeFileSync(path.join(dir, 'exclude.yaml'), EXCLUDE);
      git('init', '-q');
      git('add', '.');
      git('-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'dictionary');
      const commit = git('rev-parse', 'HEAD').trim();
      const outputs = ['a', 'b'].map((name) => {
        const out = path.join(dir, name);
        mkdirSync(out);
        const stdout = run(['--git-dir', path.join(dir, 'src', '.git'), '--commit', 'HEAD', '--out-dir', out, '--exclude', path.join(dir, 'exclude.yaml')]);
        return { stdout, yaml: readFileSync(path.join(out, 'cameo-verbs.yaml')), md: readFileSync(path.join(out, 'cameo-verbs.md')) };
      });
      expect(outputs[1]).toEqual(outputs[0]);
      expect(outputs[0]?.stdout).toMatch(/^dropped pattern: pre-verb nouns: 1$/m);
      expect(outputs[0]?.stdout).toMatch(/^codes not in cameo\.yaml: 999$/m);
      // The exclude file given leaves out weigh's default: the defaults of 01 are concur's alone.
      expect(outputs[0]?.stdout).toMatch(/^ {2}01 \(1\): concur$/m);
      expect(outputs[0]?.yaml.toString()).toContain(`commit ${commit}, file ${SOURCE.path}`);
      expect(outputs[0]?.yaml.toString()).toContain('Copyright (c) 2099 Nobody');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(SOURCE.gitDir))('reproduces the committed lexicons/cameo-verbs.yaml and docs/cameo-verbs.md', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cameo-verbs-'));
    try {
      run(['--out-dir', out]);
      expect(readFileSync(path.join(out, 'cameo-verbs.yaml'), 'utf8')).toBe(readFileSync(path.join(repo, 'lexicons', 'cameo-verbs.yaml'), 'utf8'));
      expect(readFileSync(path.join(out, 'cameo-verbs.md'), 'utf8')).toBe(readFileSync(path.join(repo, 'docs', 'cameo-verbs.md'), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('lexicons/cameo-verbs.yaml', () => {
  const file = parse(readFileSync(path.join(repo, 'lexicons', 'cameo-verbs.yaml'), 'utf8')) as { triggers: unknown[] };

  it('holds only triggers, each of which our loader accepts, with a code of lexicons/cameo.yaml', () => {
    expect(Object.keys(file)).toEqual(['triggers']);
    expect(file.triggers.length).toBeGreaterThan(1000);
    const entries = file.triggers.map((value) => toTrigger(value));
    expect(entries.filter((entry) => entry.kind !== 'verb')).toEqual([]);
    expect(entries.filter((entry) => !codes.has(entry.code)).map((entry) => `${entry.words}: ${entry.code}`)).toEqual([]);
  });

  it('has one entry per (verb, code), at most one default per verb, and each (verb, noun) once', () => {
    const twice: string[] = [];
    const seen = new Set<string>();
    const once = (key: string): void => {
      if (seen.has(key)) twice.push(key);
      seen.add(key);
    };
    for (const t of file.triggers as Trigger[]) {
      once(`${t.verb} [${t.code}]`);
      for (const noun of t.object ?? ['(default)']) once(`${t.verb} + ${noun}`);
    }
    expect(twice).toEqual([]);
  });

  it('writes no default that scripts/cameo-verbs-exclude.yaml leaves out, and none made of a particle alone', () => {
    const { bareDefaults } = readExclusions(readFileSync(path.join(repo, 'scripts', 'cameo-verbs-exclude.yaml'), 'utf8'));
    const defaults = (file.triggers as Trigger[]).filter((t) => !t.object).map((t) => t.verb);
    expect(defaults.filter((verb) => bareDefaults.includes(verb))).toEqual([]);
    expect(defaults).toEqual(expect.arrayContaining(['detain', 'deport', 'invade', 'protest', 'veto', 'condemn', 'broker']));
    for (const junk of ['attack off', 'assail off', 'battle back', 'cut down', 'phone off', 'advertise down', 'look for down']) {
      expect((file.triggers as Trigger[]).filter((t) => t.verb === junk)).toEqual([]);
    }
    expect((file.triggers as Trigger[]).filter((t) => /[[\]{}]/.test(t.verb))).toEqual([]);
  });

  it('leaves no disagreement with lexicons/events.yaml that the rules settle for CAMEO 2.0 unfollowed', () => {
    const report = readFileSync(path.join(repo, 'docs', 'cameo-verbs.md'), 'utf8');
    expect(report).toContain('### Still to follow\n\nNone: every disagreement left is settled for ours.\n');
    expect(report).toMatch(/^### Changed in lexicons\/events\.yaml to follow CAMEO 2\.0 \((\d+)\)$/m);
  });

  it('names its source, commit and licence in its header', () => {
    const text = readFileSync(path.join(repo, 'lexicons', 'cameo-verbs.yaml'), 'utf8');
    expect(text).toContain(`# Source: PETRARCH2's CAMEO 2.0 verb dictionary, ${SOURCE.url}`);
    expect(text).toContain(`commit ${SOURCE.commit}, file ${SOURCE.path}`);
    expect(text).toContain('#   Copyright (c) 2015 Open Event Data Alliance');
    expect(text).toContain('#   Permission is hereby granted, free of charge');
  });
});
