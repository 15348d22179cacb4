import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import { loadEnglish } from '../../../src/core/language/english';
import { baseCandidates, valenceOf } from '../../../src/core/language/valence';
import { builtinDataRoot } from '../../../src/core/data/paths';
import { alternatives, parseJudgmentalLexicon } from '../../../src/core/lexicons/judgmental';
import { wordListsOnly } from '../support/setup';

// The mechanisms that let coach:judgmental-language reach wording its lexicon does not spell out:
// groups of alternatives, clause cues with the words they need around them, sweeping words
// judged by the valence of what follows, and the valence list's labels. Each pairs a sentence
// that must be flagged with its near miss, so removing a mechanism or its guard fails a test.
const HEAD = (client: string) => `---\nclient: ${client}\ndate: 2026-03-02\n---\n\n`;
let setup: EngineSetup;

function flagged(body: string, client = 'Maria'): string[] {
  const text = HEAD(client) + body + '\n';
  const { findings } = lintText(text, 'note.coach.md', setup, { only: ['judgmental-language'] });
  return findings.map((f) => text.slice(f.place.start.offset, f.place.end.offset));
}

function categories(body: string, client = 'Maria'): string[] {
  const text = HEAD(client) + body + '\n';
  return lintText(text, 'note.coach.md', setup, { only: ['judgmental-language'] }).findings.map((f) => String(f.category));
}

describe('coach:judgmental-language reach', () => {
  before(() => {
    setup = wordListsOnly(); // these readings are the word lists'; the sentence model has its own tests
  });

  describe('groups of alternatives in the lexicon', () => {
    it('multiply a phrase, and an empty alternative drops its group', () => {
      assert.deepEqual(alternatives('(caused|created) (this|the whole) mess'), ['caused this mess', 'caused the whole mess', 'created this mess', 'created the whole mess']);
      assert.deepEqual(alternatives('(really |)just wants'), ['really just wants', 'just wants']);
      assert.deepEqual(alternatives('no groups (here)'), ['no groups (here)']);
    });

    it('refuse a group that would stand for too many phrases', () => {
      const huge = Array.from({ length: 6 }, () => `(${Array.from({ length: 5 }, (_, i) => `w${i}`).join('|')})`).join(' ');
      assert.throws(() => alternatives(huge), /more than/);
    });

    it('report nested or unclosed groups as problems of the file, with the line', () => {
      const yaml = (phrase: string) =>
        `schema_version: 1\ncategories:\n  - { id: blame, title: blame, explanation: it blames. }\nentries:\n  - { phrase: "${phrase}", category: blame, context: anywhere, suggestions: [] }\n`;
      const nested = parseJudgmentalLexicon(yaml('(all (her|his)) fault'), 'x.yaml', loadEnglish(builtinDataRoot()).english);
      assert.match(nested.problems[0]?.message ?? '', /inside another/);
      assert.equal(nested.problems[0]?.line, 5);
      const open = parseJudgmentalLexicon(yaml('(her|his fault'), 'x.yaml', loadEnglish(builtinDataRoot()).english);
      assert.match(open.problems[0]?.message ?? '', /never closes/);
      const twice = `schema_version: 1\ncategories:\n  - { id: blame, title: blame, explanation: it blames. }\nentries:\n  - { phrase: her own fault, forms: [her own doing], category: blame, context: anywhere, suggestions: [] }\n  - { phrase: "her own (fault|doing)", category: blame, context: clause, suggestions: [] }\n`;
      assert.match(parseJudgmentalLexicon(twice, 'x.yaml', loadEnglish(builtinDataRoot()).english).problems[0]?.message ?? '', /adds no phrase/);
      const fine = parseJudgmentalLexicon(yaml('(her|his) own fault'), 'x.yaml', loadEnglish(builtinDataRoot()).english);
      assert.deepEqual(fine.problems, []);
      assert.ok(fine.table.entry('herownfault') && fine.table.entry('hisownfault'));
    });
  });

  describe('clause cues', () => {
    it('judge whoever does the clause’s action, with words between', () => {
      assert.deepEqual(flagged('Her husband is keeping her small on purpose.'), ['on purpose']);
      assert.deepEqual(flagged('Chloe agreed with everything just to get the session over with.', 'Chloe'), ['just to get']);
    });

    it('not in a negated clause, nor in the coach’s own', () => {
      assert.deepEqual(flagged('She did not do it on purpose.'), []);
      assert.deepEqual(flagged('I paused on purpose to give her room.'), []);
    });

    it('read past the coach’s opinion to the person judged', () => {
      assert.deepEqual(flagged('I think Jonas just wants me to tell him he is right.', 'Jonas'), ['just wants']);
      assert.deepEqual(flagged('I think Jonas wants to practise the pitch.', 'Jonas'), []);
    });

    it('read the valence list’s words only in a label’s form, before the tagger is asked', () => {
      assert.deepEqual(flagged('I found her heartless.'), ['heartless']);
      assert.deepEqual(flagged('The heartless restructuring hit her team hard.'), []);
    });

    it('with_earlier: a cue counts only after the word that makes it a judgment', () => {
      assert.deepEqual(flagged('Tom brought the demotion on himself.', 'Tom'), ['on himself']);
      assert.deepEqual(flagged('Tom is too hard on himself.', 'Tom'), []);
    });

    it('with_later: a cue counts only with what follows in its sentence', () => {
      assert.deepEqual(flagged('If Fatima had prepared, none of this would have happened.', 'Fatima'), ['none of this would have happened']);
      assert.deepEqual(flagged('None of this would have happened without the merger.', 'Fatima'), []);
    });
  });

  describe('sweeping words', () => {
    it('“always” with a negative predicate, “never” with a positive one', () => {
      assert.deepEqual(flagged('Maria always complains about the workload.'), ['always complains']);
      assert.deepEqual(flagged('He is constantly distracted in our calls.'), ['constantly distracted']);
      assert.deepEqual(flagged('Her team lead never shares anything with the team.'), ['never shares']);
      assert.deepEqual(categories('Maria always complains about the workload.'), ['generalization']);
    });

    it('leave routines and praise alone', () => {
      assert.deepEqual(flagged('Elena always brings a notebook.', 'Elena'), []);
      assert.deepEqual(flagged('She never misses a session.'), []);
      assert.deepEqual(flagged('She always helps new hires settle in.'), []);
    });

    it('a past fact or a weak experience in the perfect is not a trait; a strong one is', () => {
      assert.deepEqual(flagged('Her father never finished school.'), []);
      assert.deepEqual(flagged('Her father had never finished school.'), []);
      assert.deepEqual(flagged('Her father has never had a kind word for anyone.'), ['never had a kind']);
    });

    it('a universal after “never” sweeps whatever the verb, except as an experience', () => {
      assert.deepEqual(flagged('Her boss never asks anyone for input.'), ['never asks anyone']);
      assert.deepEqual(flagged('She has never told anyone about the offer.'), []);
    });

    it('not when negated, reported, or said by the coach of themself', () => {
      assert.deepEqual(flagged('She is not always late.'), []);
      assert.deepEqual(flagged('She said her manager always complains.'), []);
      assert.deepEqual(flagged('I always complain about my inbox.'), []);
    });

    it('rewrites keep the verb and ask for the occasions', () => {
      const text = HEAD('Maria') + 'Maria always complains about the workload.\n';
      const finding = lintText(text, 'note.coach.md', setup, { only: ['judgmental-language'] }).findings[0];
      assert.match(finding?.fixes?.[0]?.edits[0]?.newText ?? '', /^has complained \$\{1:on which occasions\}/);
    });
  });

  describe('valence', () => {
    it('looks a word up by its likely base forms, with the English data’s corrections first', () => {
      const english = loadEnglish(builtinDataRoot()).english;
      assert.ok(baseCandidates('excuses', english).includes('excuse'));
      assert.ok(baseCandidates('making', english).includes('make'));
      assert.ok(baseCandidates('took', english).includes('take'));
      assert.equal(valenceOf('complains', english), -2);
      assert.equal(valenceOf('apologises', english), 1); // AFINN rates “apologise” −1; a coach notes it as a duty
      assert.equal(valenceOf('notebook', english), undefined);
    });
  });

  describe('labels from the valence list', () => {
    it('a strongly negative word said of a person is a label, adjective or noun', () => {
      assert.deepEqual(categories('Sven is heartless with his reports.', 'Sven'), ['character-label']);
      assert.deepEqual(flagged('Her boss is a menace.'), ['a menace']);
    });

    it('not feelings, circumstances, past participles, or a word about a thing', () => {
      assert.deepEqual(flagged('She was frustrated and anxious after the review.'), []);
      assert.deepEqual(flagged('She is homeless since the fire.'), []);
      assert.deepEqual(flagged('He was rejected for the role.'), []);
      assert.deepEqual(flagged('It was a brutal quarter for the team.'), []);
    });
  });

  describe('whose words', () => {
    it('a reporting word used as a noun reports nothing', () => {
      assert.deepEqual(flagged('Her money worries are down to her own poor choices.'), ['are down to her']);
      assert.deepEqual(flagged('Her manager thinks she is difficult.'), []);
    });

    it('“says yes” answers rather than reports', () => {
      assert.deepEqual(flagged('Esther says yes to everything because she is desperate to be liked.', 'Esther'), ['desperate to be liked']);
      assert.deepEqual(flagged('Esther says she is desperate to be liked.', 'Esther'), []);
    });

    it('“whatever she says” sets her words aside rather than reporting them', () => {
      assert.deepEqual(flagged('Leilani is obviously depressed, whatever she says.', 'Leilani'), ['obviously depressed']);
      assert.deepEqual(flagged('Leilani is obviously depressed, she says.', 'Leilani'), []);
    });
  });

  describe('questions and denied traits', () => {
    it('a question that takes the judgment for granted is the coach’s judgment', () => {
      assert.deepEqual(flagged('Why is Sione so lazy about follow-up?', 'Sione'), ['so lazy']);
      assert.deepEqual(flagged('Why is she so tired today?'), []);
    });

    it('a denied virtue judges as much as its opposite; a denied feeling does not', () => {
      assert.deepEqual(flagged('Ravi is not very reliable.', 'Ravi'), ['not very reliable']);
      assert.deepEqual(flagged('Her boss is not a team player.'), ['not a team player']);
      assert.deepEqual(flagged('She is not happy with the plan.'), []);
      assert.deepEqual(flagged('She is not very confident yet.'), []);
    });
  });

  describe('diagnoses', () => {
    it('a condition the coach is sure of is a diagnosis; a plain fact is not', () => {
      assert.deepEqual(flagged('Ravi probably has ADHD.', 'Ravi'), ['probably has ADHD']);
      assert.deepEqual(flagged('C. has ADHD, no question.'), ['has ADHD']);
      assert.deepEqual(flagged('She has ADHD and asked for written summaries.'), []);
      assert.deepEqual(flagged('She told me she was diagnosed with ADHD last year.'), []);
    });
  });
});
