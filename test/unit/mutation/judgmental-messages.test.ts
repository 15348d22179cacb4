// coach:judgmental-language's messages (src/core/rules/judgmental-language.ts): who the note is
// about (its client and `pronouns:`), the reason's wording for each kind of entry, the data a
// finding carries, which blocks are read, and the fallbacks when markup lies inside a span.
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { SentenceModel } from '../../../src/core/language/sentence-model';
import type { JudgmentalCategory } from '../../../src/core/lexicons/judgmental';
import type { Finding, TextEdit } from '../../../src/core/model/types';
import { setupWith, wordListsOnly } from '../support/setup';

const apply = (text: string, edits: readonly TextEdit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
const head = (client: string, more = '') => `---\nclient: ${client}\ndate: 2026-03-02\n${more}---\n\n`;

interface Seen {
  span: string;
  reason: string;
  data: Finding['data'];
  fixes: string[];
}

function lint(setup: EngineSetup, body: string, top = head('Maria Lopez')): Seen[] {
  const text = `${top}${body}\n`;
  return lintText(text, 'n.coach.md', setup, { only: ['judgmental-language'] }).findings.map((f) => ({
    span: text.slice(f.place.start.offset, f.place.end.offset),
    reason: f.reason,
    data: f.data,
    fixes: (f.fixes ?? []).map((x) => `${x.title} → ${apply(text, x.edits).slice(top.length, -1)}`),
  }));
}
const spans = (setup: EngineSetup, body: string, top?: string) => lint(setup, body, top).map((f) => f.span);
/** The reason up to its explanation. */
const says = (setup: EngineSetup, body: string, top?: string) => lint(setup, body, top).map((f) => f.reason.slice(0, f.reason.indexOf(': ')));

const DOUBT = 'it quietly suggests that';
let lists: EngineSetup | undefined;
/** The word lists alone, as a lexicon object of its own: the rule keeps each block's reading per lexicon object. */
function fresh(): EngineSetup {
  lists ??= wordListsOnly();
  return { ...lists, judgmental: { ...lists.judgmental } };
}

describe('coach:judgmental-language messages', () => {
  let setup: EngineSetup;
  before(() => {
    setup = fresh();
  });

  it('names the client from the frontmatter, and uses `pronouns:` for the client in rewrites', () => {
    const top = head('Maria Lopez', 'pronouns: He / him\n');
    const [f] = lint(setup, 'Lopez supposedly sent it.', top);
    assert.deepEqual(f, {
      span: 'supposedly',
      reason: `‘supposedly’ is a doubt marker: ${DOUBT} Maria Lopez may not be telling the truth. Record what Maria Lopez said in neutral words such as “said” or “reported”.`,
      data: { phrase: 'supposedly', person: 'client', source: 'lexicon' },
      fixes: ['Replace with “said he” → Lopez said he sent it.', 'Replace with “told me he” → Lopez told me he sent it.'],
    });
    assert.deepEqual(lint(setup, 'The client supposedly sent it.', top)[0]?.fixes, ['Replace with “said he” → The client said he sent it.', 'Replace with “told me he” → The client told me he sent it.']);
    // Someone else is “they”, whatever the client's pronouns; the message names them.
    const [boss] = lint(setup, 'Her boss supposedly sent it.', top);
    assert.equal(boss?.reason, `‘supposedly’, about her boss, is a doubt marker: ${DOUBT} her boss may not be telling the truth. Record what her boss said in neutral words such as “said” or “reported”.`);
    assert.deepEqual(boss?.data, { phrase: 'supposedly', person: 'other', source: 'lexicon' });
    assert.deepEqual(boss?.fixes, ['Replace with “said they” → Her boss said they sent it.', 'Replace with “told me they” → Her boss told me they sent it.']);
    // A subject pronoun in the sentence wins over the field.
    assert.deepEqual(lint(setup, 'She supposedly sent it.', top)[0]?.fixes, ['Replace with “said she” → She said she sent it.', 'Replace with “told me she” → She told me she sent it.']);
  });

  it('reads a block again for another client', () => {
    assert.match(lint(setup, 'She supposedly sent it again.', head('Ana Ruiz'))[0]?.reason ?? '', /that Ana Ruiz may not/);
    assert.match(lint(setup, 'She supposedly sent it again.', head('Maria Lopez'))[0]?.reason ?? '', /that Maria Lopez may not/);
  });

  it('reads the pronoun out of free text, and a sentence-opening span keeps its capital', () => {
    const top = head('Maria Lopez', 'pronouns: uses they/them\n');
    assert.deepEqual(lint(setup, 'Supposedly sent it.', top)[0]?.fixes, ['Replace with “Said they” → Said they sent it.', 'Replace with “Told me they” → Told me they sent it.']);
    const he = head('Maria Lopez', 'pronouns: HE\n');
    assert.deepEqual(lint(setup, 'Supposedly sent it.', he)[0]?.fixes, ['Replace with “Said he” → Said he sent it.', 'Replace with “Told me he” → Told me he sent it.']);
    // Not a pronoun, or not a text: “they”.
    for (const more of ['pronouns: ze/zir\n', 'pronouns: 3\n', 'pronouns: [he]\n', 'pronouns: shea\n']) {
      assert.deepEqual(lint(setup, 'Maria supposedly sent it.', head('Maria Lopez', more))[0]?.fixes?.[0], 'Replace with “said they” → Maria said they sent it.', more);
    }
  });

  it('without a client name, says “the client”, and a name in the text is someone else', () => {
    const top = head('" "');
    assert.deepEqual(says(setup, 'She supposedly sent it. Maria supposedly sent it.', top), ['‘supposedly’ is a doubt marker', '‘supposedly’, about Maria, is a doubt marker']);
    assert.match(lint(setup, 'She supposedly sent it.', top)[0]?.reason ?? '', /suggests that the client may not/);
    // One-letter parts of a name are not names: “J” is no one here.
    assert.deepEqual(says(setup, 'Ng supposedly sent it. J supposedly sent it.', head('J Ng')), ['‘supposedly’ is a doubt marker']);
    // Hyphens and apostrophes stay inside a name.
    assert.deepEqual(says(setup, "Anne-Marie supposedly sent it. O'Neil supposedly sent it.", head("Anne-Marie O'Neil")), ['‘supposedly’ is a doubt marker', '‘supposedly’ is a doubt marker']);
  });

  it('reads paragraphs, list items, headings and action items, but not blockquotes', () => {
    assert.deepEqual(spans(setup, '> She was lazy.\n\nShe was lazy.'), ['lazy']);
    assert.deepEqual(spans(setup, '## She was lazy\n\n- [ ] She was lazy\n- She was lazy'), ['lazy', 'lazy', 'lazy']);
  });

  it('reads nothing when the lexicon has neither phrases nor scare quotes', () => {
    const none: EngineSetup = { ...setup, judgmental: { ...setup.judgmental, scan: undefined, scareQuotes: undefined } };
    assert.deepEqual(spans(none, 'Late as usual. Her "migraine" again.'), []);
    const quotesOnly: EngineSetup = { ...setup, judgmental: { ...setup.judgmental, scan: undefined } };
    assert.deepEqual(spans(quotesOnly, 'Late as usual. Her "migraine" flared up again.'), ['as usual', '"migraine"']);
    const phrasesOnly: EngineSetup = { ...setup, judgmental: { ...setup.judgmental, scareQuotes: undefined } };
    assert.deepEqual(spans(phrasesOnly, 'Late as usual. Her "migraine" flared up again. She is lazy.'), ['as usual', 'lazy']);
  });

  it('offers taking a marker out first, and no removal when markup lies inside it', () => {
    assert.deepEqual(lint(setup, 'Late as usual.')[0], {
      span: 'as usual',
      reason: '‘as usual’ is a sweeping generalization: “always”, “never” and “constantly” turn a few moments into a fixed trait. Note the specific occasions you saw.',
      data: { phrase: 'habit', person: 'client', source: 'lexicon' },
      fixes: ['Remove “as usual” → Late.', 'Name the occasions instead (template) → Late ${1:on which occasions}.'],
    });
    assert.deepEqual(lint(setup, 'Late *as usual*.')[0]?.fixes, ['Name the occasions instead (template) → Late *${1:on which occasions}*.']);
    assert.deepEqual(lint(setup, 'Late *as* usual.')[0]?.fixes, []);
  });

  it('falls back to the bare phrase when markup lies inside the span, and to no fix for an attributive one', () => {
    const [so] = lint(setup, 'She was *so* defensive about it.');
    assert.equal(so?.span, 'defensive');
    assert.deepEqual(so?.fixes, ['Describe what you observed instead (template) → She was *so* ${1:what you saw or heard} about it.']);
    assert.deepEqual(lint(setup, 'She was so defensive about it.')[0]?.span, 'so defensive');
    const [client] = lint(setup, 'She is a *really* difficult client.');
    assert.equal(client?.span, 'difficult');
    assert.deepEqual(client?.fixes, []);
    assert.deepEqual(lint(setup, 'She is a really difficult client.')[0]?.fixes, ['Replace with “a client guarded in the session” → She is a client guarded in the session.', 'Replace with “a client hard for me to connect with today” → She is a client hard for me to connect with today.']);
    // Markup inside the phrase itself: flagged, with nothing to replace.
    const [split] = lint(setup, 'She was la**zy**.');
    assert.deepEqual(split?.fixes ?? [], []);
  });
});

describe('coach:judgmental-language messages for workspace phrases', () => {
  let setup: EngineSetup;
  before(() => {
    setup = setupWith('judgmental:\n  model: false\n  extra:\n    - quite the handful\n    - phrase: drama llama\n      category: pet peeve\n      suggestions: [upset]\n    - phrase: attitude problem\n      category: character-label\n');
  });

  it('says which list a phrase is on, and whom it is about', () => {
    assert.deepEqual(says(setup, 'Maria is quite the handful. Her boss is quite the handful.'), [
      "‘quite the handful’ is on this workspace's list of judgmental phrases",
      "‘quite the handful’, about her boss, is on this workspace's list of judgmental phrases",
    ]);
    assert.deepEqual(says(setup, 'She is a drama llama.'), ["‘drama llama’ is on this workspace's list of pet peeve"]);
    assert.deepEqual(says(setup, 'She has an attitude problem.'), ['‘attitude problem’ is a character label']);
    const [f] = lint(setup, 'She is a drama llama.');
    assert.deepEqual(f?.data, { phrase: 'drama llama', person: 'client', source: 'lexicon' });
  });
});

// A made-up sentence model whose only judgmental word is “wibbles”, with a category whose title
// starts with a vowel (no built-in one does).
const ODD: JudgmentalCategory = { id: 'odd', title: 'odd remark', explanation: 'about {person}, for {client}.', builtin: true };
const TOY: SentenceModel = {
  threshold: 0.5,
  bias: -3,
  weights: new Map([['wibbles', 30]]),
  categories: [
    { id: 'odd', bias: 0, weights: new Map([['wibbles', 1]]) },
    { id: 'blame', bias: 0, weights: new Map([['fault', 3]]) },
  ],
};

describe('coach:judgmental-language messages for the sentence model', () => {
  let setup: EngineSetup;
  before(() => {
    const base = fresh();
    const categories = new Map(base.judgmental.categories);
    categories.set('odd', ODD);
    setup = { ...base, judgmental: { ...base.judgmental, model: TOY, categories } };
  });

  it('quotes the clause, shortened past eight words, with the category and whom it is about', () => {
    assert.deepEqual(lint(setup, 'Maria wibbles the plan every week.'), [
      {
        span: 'Maria wibbles the plan every week',
        reason: '‘Maria wibbles the plan every week’ reads as an odd remark: about Maria Lopez, for Maria Lopez.',
        data: { phrase: 'Maria wibbles the plan every week', person: 'client', source: 'model' },
        fixes: ['Describe what you observed instead (template) → ${1:What you saw or heard}.'],
      },
    ]);
    assert.deepEqual(says(setup, 'Her boss wibbles the plan every single week of the quarter.'), ['‘Her boss wibbles the plan every single week …’, about her boss, reads as an odd remark']);
    assert.deepEqual(says(setup, 'Her boss wibbles the plan every week now.'), ['‘Her boss wibbles the plan every week now’, about her boss, reads as an odd remark']);
  });

  it('does not read headings or action items with the model, but reads list items', () => {
    assert.deepEqual(spans(setup, '## Maria wibbles the plan every week\n\n- [X] Maria wibbles the plan every week\n- [ ] Maria wibbles the plan every week\n- Maria wibbles the plan every week'), ['Maria wibbles the plan every week']);
    assert.deepEqual(spans(setup, '- Maria wibbles the plan every week [x]'), ['Maria wibbles the plan every week [x']);
  });
});
