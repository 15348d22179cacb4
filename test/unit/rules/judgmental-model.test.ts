import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import { contributions, featuresOf, packSentenceModel, parseSentenceModel, probability, serializeSentenceModel, unpackSentenceModel, type SentenceModel } from '../../../src/core/language/sentence-model';
import { setupWith } from '../support/setup';

// The sentence model's reading of coach:judgmental-language, with a made-up model whose only
// judgmental word is “wibbles”: every guard and placement below is the reading's, not the
// training's (the trained model is measured by `npm run eval` and test/unit/rules/judgmental-eval).
const HEAD = '---\nclient: Maria Lopez\ndate: 2026-03-02\n---\n\n';
const TOY: SentenceModel = {
  threshold: 0.5,
  bias: -3,
  weights: new Map([
    ['wibbles', 30],
    ['wibble', 30],
    ['gently', -60],
  ]),
  categories: [
    { id: 'character-label', bias: 0, weights: new Map([['wibbles', 1]]) },
    { id: 'blame', bias: 0, weights: new Map([['fault', 3]]) },
  ],
};
let setup: EngineSetup;
let off: EngineSetup;

function lint(body: string, s: EngineSetup = setup) {
  const text = HEAD + body + '\n';
  const found = lintText(text, 'note.coach.md', s, { only: ['judgmental-language'] }).findings;
  return found.map((f) => ({ span: text.slice(f.place.start.offset, f.place.end.offset), reason: f.reason, fixes: f.fixes ?? [], expected: f.expected }));
}
const spans = (body: string, s: EngineSetup = setup) => lint(body, s).map((f) => f.span);

describe('coach:judgmental-language: sentences read by the sentence model', () => {
  before(() => {
    const base = setupWith();
    setup = { ...base, judgmental: { ...base.judgmental, model: TOY } };
    const without = setupWith('judgmental:\n  model: false\n');
    off = { ...without };
  });

  it('flags a sentence no listed phrase matches, on its clause, with the kind and the person in the message', () => {
    const [f] = lint('Maria wibbles the plan every week.');
    assert.ok(f);
    assert.equal(f.span, 'Maria wibbles the plan every week');
    assert.match(f.reason, /^‘Maria wibbles the plan every week’ reads as a character label: /);
    // No word-level rewrite is known: the fix is the observation template, as a snippet.
    assert.equal(f.expected, undefined);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0]?.edits[0]?.snippet, true);
  });

  it('places the finding on the clause that weighs most, and names someone else as the person judged', () => {
    assert.deepEqual(spans('The meeting ran late, and her boss wibbles the whole agenda.'), ['and her boss wibbles the whole agenda']);
    assert.match(lint('Her boss wibbles the agenda every week.')[0]?.reason ?? '', /, about her boss, reads as/);
  });

  it('leaves a sentence about a thing alone, unless the flagged clause has its own person', () => {
    assert.deepEqual(spans('Most of the session went on wibbles for the plan.'), []);
    assert.deepEqual(spans("It's a wibble of a plan for March."), []);
    assert.deepEqual(spans('Her attitude wibbles the whole plan for March.'), ['Her attitude wibbles the whole plan for March']);
  });

  it('leaves sentences below the threshold alone, and reads each sentence on its own', () => {
    assert.deepEqual(spans('Maria gently wibbles the plan today.'), []);
    assert.deepEqual(spans('Maria shared the plan. She wibbles it most weeks now.'), ['She wibbles it most weeks now']);
  });

  it('needs six words: a short sentence carries too little to read', () => {
    assert.deepEqual(spans('She wibbles it, mostly.'), []);
    assert.deepEqual(spans("It's not what she wibbles."), []);
    assert.deepEqual(spans('Maria wibbles the plan again today.'), ['Maria wibbles the plan again today']);
  });

  it("does not read the coach's own actions, action fragments, headings or action items", () => {
    assert.deepEqual(spans('I wibble the plan with her today.'), []);
    assert.deepEqual(spans('We wibble the plan together every week.'), []);
    assert.deepEqual(spans('Reviewed the wibble plan with her today.'), []);
    assert.deepEqual(spans('## Maria wibbles the plan every week'), []);
    assert.deepEqual(spans('## Agreements\n\n- [ ] Maria wibbles the plan by Friday next week'), []);
    // The coach's opinion is still the coach's judgment.
    assert.deepEqual(spans('I think Maria wibbles the plan.'), ['I think Maria wibbles the plan']);
  });

  it("leaves the client's own words and reported speech alone", () => {
    assert.deepEqual(spans('> I always wibble the plan every week.'), []);
    assert.deepEqual(spans('She said she wibbles the plan every week.'), []);
    assert.deepEqual(spans('She called it "wibbles the plan wibble" and laughed about it.'), []);
  });

  it('skips sentences a listed phrase already flagged, and a workspace can turn the model off', () => {
    assert.deepEqual(spans('Maria is lazy and wibbles the plan.'), ['lazy']);
    // A listed phrase its guards declined (negated here) is not overruled.
    assert.deepEqual(spans('Maria is not a difficult client and wibbles the plan.'), []);
    assert.deepEqual(spans('Maria wibbles the plan every week.', off), []);
  });

  it('scores words and word pairs, and says which word weighs most', () => {
    assert.deepEqual(featuresOf(['she', 'wibbles', 'she']), ['she', '<s> she', 'wibbles', 'she wibbles', 'wibbles she']);
    const pairModel: SentenceModel = { ...TOY, weights: new Map([['<s> she', 2], ['she wibbles', 4], ['wibbles', 1]]) };
    assert.deepEqual(contributions(pairModel, ['she', 'wibbles']), [1 + 2, 1 + 2]);
    assert.ok(probability(TOY, ['wibbles']) > 0.95);
    assert.ok(probability(TOY, ['plan']) < 0.05);
  });

  it('packs a model for the build and reads it back with the same weights, none for other features', () => {
    const packed = packSentenceModel(TOY);
    const model = unpackSentenceModel(JSON.parse(JSON.stringify(packed)) as typeof packed);
    assert.ok(model);
    for (const [feature, weight] of TOY.weights.entries()) assert.equal(model.weights.get(feature), weight, feature);
    for (const absent of ['', 'a', 'gentle', 'wibblez', 'zzz', 'constructor']) assert.equal(model.weights.get(absent), undefined, absent);
    assert.deepEqual(model.categories.map((c) => [c.id, c.bias, [...c.weights.entries()]]), TOY.categories.map((c) => [c.id, c.bias, [...c.weights.entries()].sort(([a], [b]) => (a < b ? -1 : 1))]));
    assert.equal(probability(model, ['wibbles']), probability(TOY, ['wibbles']));
    assert.equal(unpackSentenceModel({ ...packed, weights: { ...packed.weights, values: [1] } }), undefined, 'features and weights must pair up');
  });

  it('reads a model file back as it was written, and reports a malformed one instead of using it', () => {
    const text = serializeSentenceModel(TOY, { $comment: 'test' });
    const { model, problems } = parseSentenceModel(text, 'm.json');
    assert.deepEqual(problems, []);
    const plain = (m: SentenceModel) => ({ ...m, weights: new Map(m.weights.entries()), categories: m.categories.map((c) => ({ ...c, weights: new Map(c.weights.entries()) })) });
    assert.ok(model);
    assert.deepEqual(plain(model), plain(TOY));
    assert.equal(model.weights.get('wibble'), TOY.weights.get('wibble'));
    assert.equal(model.weights.get('constructor'), undefined, 'a feature named like an Object property has no weight unless the file gives one');
    assert.match(parseSentenceModel('{', 'm.json').problems[0]?.message ?? '', /not valid JSON/);
    assert.equal(parseSentenceModel(text.replace('"threshold": 0.5', '"threshold": 2'), 'm.json').problems[0]?.field, 'threshold');
    assert.equal(parseSentenceModel(text.replace('"wibble":30', '"wibble":"x"'), 'm.json').problems[0]?.field, 'weights');
    assert.equal(parseSentenceModel(text.replace('"id":"blame"', '"id":7'), 'm.json').problems[0]?.field, 'categories');
  });
});
