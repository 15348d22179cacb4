// The sentence model's reading (src/core/rules/judgmental/evaluative.ts) with a made-up model whose
// only judgmental words are “wibbles” (a character label) and “fault” (blame), and one that weighs
// against: the words counted toward the six a sentence needs (quoted words, names and numbers as
// placeholders), the clause the finding is placed on, the coach's own actions and opinions,
// sentences about things, the person named first in the clause, and the sentences other readings
// or declined phrases hold. Each line: the client, the block, and each finding's span, message up
// to its explanation, and person.
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { SentenceModel } from '../../../src/core/language/sentence-model';
import { wordListsOnly } from '../support/setup';

const TOY: SentenceModel = {
  threshold: 0.5,
  bias: -3,
  weights: new Map([
    ['wibbles', 30],
    ['wibble', 30],
    ['gently', -60],
    ['fault', 30],
  ]),
  categories: [
    { id: 'character-label', bias: 0, weights: new Map([['wibbles', 1]]) },
    { id: 'blame', bias: 0, weights: new Map([['fault', 3]]) },
  ],
};

function read(setup: EngineSetup, client: string, body: string): [span: string, says: string, person: string][] {
  const head = `---\nclient: ${client}\ndate: 2026-03-02\n---\n\n`;
  const text = `${head}${body}\n`;
  return lintText(text, 'n.coach.md', setup, { only: ['judgmental-language'] }).findings.map((f) => [
    text.slice(f.place.start.offset, f.place.end.offset),
    f.reason.slice(0, f.reason.indexOf(': ')),
    String(f.data?.['person']),
  ]);
}

const CASES: [client: string, block: string, findings: [span: string, says: string, person: string][]][] = [
  ["Maria Lopez", "Maria wibbles the plan every week.", [["Maria wibbles the plan every week", "‘Maria wibbles the plan every week’ reads as a character label", "client"]]],
  ["Maria Lopez", "Maria wibbles the plan at 9 every week.", [["Maria wibbles the plan at 9 every week", "‘Maria wibbles the plan at 9 every week’ reads as a character label", "client"]]],
  ["Maria Lopez", "She wibbles \"the plan\" every week.", []],
  ["Maria Lopez", "She wibbles \"the plan\" \"again\" today.", []],
  ["Maria Lopez", "\"The plan\" she wibbles every week, clearly.", []],
  ["Maria Lopez", "She wibbles, and then \"the whole plan is off\".", []],
  ["Maria Lopez", "Her boss Tom wibbles the plan every week.", [["Her boss Tom wibbles the plan every week", "‘Her boss Tom wibbles the plan every week’, about her boss, reads as a character label", "other"]]],
  ["Maria Lopez", "Every week Tom wibbles the whole plan again.", [["Every week Tom wibbles the whole plan again", "‘Every week Tom wibbles the whole plan again’, about Tom, reads as a character label", "other"]]],
  ["Maria Lopez", "I think Tom wibbles the whole plan again.", [["I think Tom wibbles the whole plan again", "‘I think Tom wibbles the whole plan again’, about Tom, reads as a character label", "other"]]],
  ["Maria Lopez", "I wibble the plan with her every week.", []],
  ["Maria Lopez", "I think she wibbles the plan every week.", [["I think she wibbles the plan every week", "‘I think she wibbles the plan every week’ reads as a character label", "client"]]],
  ["Maria Lopez", "I know she wibbles the plan every week.", []],
  ["Maria Lopez", "We think she wibbles the plan every week.", [["We think she wibbles the plan every week", "‘We think she wibbles the plan every week’ reads as a character label", "client"]]],
  ["Maria Lopez", "Wibbled the plan with her every single week.", []],
  ["Maria Lopez", "Wibble the plan with her every single week.", [["Wibble the plan with her every single week", "‘Wibble the plan with her every single week’ reads as a character label", "client"]]],
  ["Maria Lopez", "Wibbles the plan with her every single week.", [["Wibbles the plan with her every single week", "‘Wibbles the plan with her every single week’ reads as a character label", "client"]]],
  ["Maria Lopez", "The meeting ran long; she wibbles the whole plan.", [["she wibbles the whole plan", "‘she wibbles the whole plan’ reads as a character label", "client"]]],
  ["Maria Lopez", "The meeting ran long (she wibbles the whole plan) today.", [["she wibbles the whole plan", "‘she wibbles the whole plan’ reads as a character label", "client"]]],
  ["Maria Lopez", "The meeting ran long — she wibbles the whole plan.", [["she wibbles the whole plan", "‘she wibbles the whole plan’ reads as a character label", "client"]]],
  ["Maria Lopez", "The meeting ran long: I asked, she wibbles the plan.", [["she wibbles the plan", "‘she wibbles the plan’ reads as a character label", "client"]]],
  ["Maria Lopez", "The meeting ran long, so I reviewed it, she wibbles the plan.", [["she wibbles the plan", "‘she wibbles the plan’ reads as a character label", "client"]]],
  ["Maria Lopez", "She is at fault for the whole mess this week.", [["at fault", "‘at fault’ is a blaming verdict", "client"]]],
  ["Maria Lopez", "It is the fault of the whole plan this week.", []],
  ["Maria Lopez", "There is a fault in the whole plan this week.", []],
  ["Maria Lopez", "The budget wibbles the plan every single week.", [["The budget wibbles the plan every single week", "‘The budget wibbles the plan every single week’ reads as a character label", "client"]]],
  ["Maria Lopez", "Her team wibbles the plan every single week.", [["Her team wibbles the plan every single week", "‘Her team wibbles the plan every single week’, about her team, reads as a character label", "other"]]],
  ["Maria Lopez", "Her leadership wibbles the plan every single week.", [["Her leadership wibbles the plan every single week", "‘Her leadership wibbles the plan every single week’, about her leadership, reads as a character label", "other"]]],
  ["Maria Lopez", "Her attitude wibbles the plan every single week.", [["Her attitude wibbles the plan every single week", "‘Her attitude wibbles the plan every single week’ reads as a character label", "client"]]],
  ["Maria Lopez", "Most of the session went on wibbles for the plan.", []],
  ["Maria Lopez", "Then it wibbles the plan every single week.", [["Then it wibbles the plan every single week", "‘Then it wibbles the plan every single week’ reads as a character label", "client"]]],
  ["Maria Lopez", "Sadly wibbles the plan every single week again.", [["Sadly wibbles the plan every single week again", "‘Sadly wibbles the plan every single week again’ reads as a character label", "client"]]],
  ["Maria Lopez", "The plan, sadly, is what she wibbles every week.", []],
  ["Maria Lopez", "She said she wibbles the plan every week.", []],
  ["Maria Lopez", "She wibbles the plan every week, she said.", []],
  ["Maria Lopez", "Maria wibbles the plan every week. Maria wibbles it all again today.", [["Maria wibbles the plan every week", "‘Maria wibbles the plan every week’ reads as a character label", "client"], ["Maria wibbles it all again today", "‘Maria wibbles it all again today’ reads as a character label", "client"]]],
  ["Maria Lopez", "Maria is lazy and wibbles the plan. Maria wibbles the plan every week.", [["lazy", "‘lazy’ is a character label", "client"], ["Maria wibbles the plan every week", "‘Maria wibbles the plan every week’ reads as a character label", "client"]]],
  ["Maria Lopez", "Maria is not a difficult client and wibbles. Maria wibbles the plan every week.", [["Maria wibbles the plan every week", "‘Maria wibbles the plan every week’ reads as a character label", "client"]]],
  ["Maria Lopez", "Honestly she wibbles the plan every single week, lazy.", [["wibbles", "‘wibbles’ is a sweeping generalization", "client"]]],
  ["Maria Lopez", "She wibbles the plan every week and I said so at https://x.com/a.", [["She wibbles the plan every week and I said so at", "‘She wibbles the plan every week and I …’ reads as a character label", "client"]]],
  ["Maria Lopez", "Dr Ng wibbles the plan every single week now.", [["Dr Ng wibbles the plan every single week now", "‘Dr Ng wibbles the plan every single week …’, about Dr Ng, reads as a character label", "other"]]],
  ["Maria Lopez", "In March she wibbles the plan every single week.", [["wibbles", "‘wibbles’ is a sweeping generalization", "client"]]],
  ["Maria Lopez", "Tom and Ana both wibble the whole plan every week.", [["Tom and Ana both wibble the whole plan every week", "‘Tom and Ana both wibble the whole plan …’, about Tom, reads as a character label", "other"]]],
  ["Maria Lopez", "She wibbles the plan every week and her boss wibbles it too.", [["She wibbles the plan every week and her boss wibbles it too", "‘She wibbles the plan every week and her …’ reads as a character label", "client"]]],
];

let lists: EngineSetup | undefined;

describe('coach:judgmental-language: the sentence model’s reading, sentence by sentence', () => {
  let setup: EngineSetup;
  before(() => {
    // A lexicon object of its own for each run: the rule keeps each block's reading per lexicon object.
    lists ??= wordListsOnly();
    setup = { ...lists, judgmental: { ...lists.judgmental, model: TOY } };
  });

  for (const [client, block, findings] of CASES) {
    it(block, () => {
      assert.deepEqual(read(setup, client, block), findings);
    });
  }

  it('does not read a sentence over 1,000 characters, nor a sentence the workspace allows', () => {
    const long = `Maria wibbles the plan ${'and the next step '.repeat(60)}every week.`;
    assert.deepEqual(read(setup, 'Maria Lopez', long), []);
    const short = `Maria wibbles the plan ${'and the next step '.repeat(50)}every week.`;
    assert.equal(read(setup, 'Maria Lopez', short).length, 1);
    const allowing: EngineSetup = { ...setup, judgmental: { ...setup.judgmental, allow: /\bwibbles the plan\b/giu } };
    assert.deepEqual(read(allowing, 'Maria Lopez', 'Maria wibbles the plan every week. Maria wibbles it all again today.'), [['Maria wibbles it all again today', '‘Maria wibbles it all again today’ reads as a character label', 'client']]);
  });
});
