// findJudgments (src/core/rules/judgmental/judge.ts) under the note's time budget: the word scan
// asks the clock every 64 hits and stops when it is spent, and each later reading (habits,
// sweeping words, repeat markers, name leads, scare quotes, the sentence model) runs only while
// time is left. Exact lists, so a reading run out of turn, or a clock asked at another rate, fails.
import assert from 'node:assert/strict';
import type { SentenceModel } from '../../../src/core/language/sentence-model';
import type { JudgmentalLexicon } from '../../../src/core/lexicons/judgmental';
import { BlockView } from '../../../src/core/rules/judgmental/block-view';
import { findJudgments } from '../../../src/core/rules/judgmental/judge';
import { wordListsOnly } from '../support/setup';

const people = { names: new Set(['maria']), client: 'Maria' };
const BLOCK = 'She is lazy. She never listens. Late as usual. Classic Maria. Her "migraine" flared.';
const TOY: SentenceModel = { threshold: 0.5, bias: -3, weights: new Map([['wibbles', 30]]), categories: [{ id: 'character-label', bias: 0, weights: new Map() }] };

describe('coach:judgmental-language readings under the time budget', () => {
  let lexicon: JudgmentalLexicon;
  before(() => {
    lexicon = wordListsOnly().judgmental;
  });
  const found = (text: string, expired?: () => boolean, sentences = true, lex = lexicon) =>
    findJudgments(new BlockView(text, lex.allow), lex, people, expired, sentences).map((j) => `${text.slice(j.start, j.end)}@${j.start}`);
  /** A clock that is spent from its `k`th question on. */
  const spentAt = (k: number) => {
    let n = 0;
    return () => ++n >= k;
  };

  it('reads everything with time left, or with no clock', () => {
    const all = ['lazy@7', 'never listens@17', 'as usual@37', 'Classic Maria@47', '"migraine"@66'];
    assert.deepEqual(found(BLOCK), all);
    assert.deepEqual(found(BLOCK, () => false), all);
  });

  it('stops after the reading during which the time ran out', () => {
    assert.deepEqual(found(BLOCK, () => true), ['lazy@7', 'never listens@17']);
    assert.deepEqual(found(BLOCK, spentAt(3)), ['lazy@7', 'never listens@17']);
    assert.deepEqual(found(BLOCK, spentAt(4)), ['lazy@7', 'never listens@17', 'as usual@37']);
    assert.deepEqual(found(BLOCK, spentAt(5)), ['lazy@7', 'never listens@17', 'as usual@37', 'Classic Maria@47']);
    assert.deepEqual(found(BLOCK, spentAt(6)), ['lazy@7', 'never listens@17', 'as usual@37', 'Classic Maria@47', '"migraine"@66']);
  });

  it('asks the clock every 64 word hits during the scan', () => {
    const many = 'She is lazy. '.repeat(100).trim();
    assert.equal(found(many).length, 100);
    assert.equal(found(many, () => true).length, 21);
    assert.equal(found(many, spentAt(2)).length, 42);
    let asked = 0;
    found(many, () => {
      asked++;
      return false;
    });
    assert.equal(asked, 9);
  });

  it('steps back over linking verbs, adverbs and intensifiers to the span and its subject', () => {
    // Word classes of their own: the sets built from them are kept per word-class object for the process's life.
    const english = { ...lexicon.english, classes: { ...lexicon.english.classes } };
    const text = 'Her boss has supposedly left. She is always making excuses. She was kind of lazy. She has been really rather lazy. She got a bit OCD about it.';
    assert.deepEqual(found(text, undefined, true, { ...lexicon, english }), ['supposedly@13', 'always making excuses@37', 'kind of lazy@68', 'really rather lazy@95', 'a bit OCD about@123']);
  });

  it('reads sentences with the model only when asked to and while time is left', () => {
    const withModel = { ...lexicon, model: TOY };
    const text = 'Maria wibbles the plan every week.';
    assert.deepEqual(found(text, undefined, true, withModel), ['Maria wibbles the plan every week@0']);
    assert.deepEqual(found(text, undefined, false, withModel), []);
    assert.deepEqual(found(text, spentAt(6), true, withModel), []);
    assert.deepEqual(found(text, spentAt(7), true, withModel), ['Maria wibbles the plan every week@0']);
  });
});
