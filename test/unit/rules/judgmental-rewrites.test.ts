import assert from 'node:assert/strict';
import { appliedRewrites, readSet, run, type AppliedRewrite } from '../../../eval/judgmental/evaluate';
import { tagSentence, type TaggedWord } from '../../../src/core/language/tagger';
import { setupWith } from '../support/setup';

/**
 * Every suggestion the rule offers on the whole development set, applied to its sentence and read
 * again with the tagger: the replacement must keep the part of speech, tense and person of the
 * words it replaces, and must not double a complement. Independent of the rule's own fit checks.
 */
describe('coach:judgmental-language rewrites read right in their sentence', function () {
  this.timeout(120_000);
  let applied: AppliedRewrite[];

  before(() => {
    applied = appliedRewrites(run(readSet('dev'), setupWith()));
  });

  it('offers rewrites and templates on the development set', () => {
    assert.ok(applied.filter((a) => !a.template).length > 100, 'rewrites');
    assert.ok(applied.filter((a) => a.template).length > 50, 'templates');
  });

  it('every rewrite is grammatical in its sentence', () => {
    const problems = applied.flatMap((a) => grammarProblems(a).map((p) => `${a.id}: ${p}\n    ${a.before}\n  → ${a.after}`));
    assert.deepEqual(problems, []);
  });

  describe('the checker', () => {
    const at = (before: string, flagged: string, replacement: string): AppliedRewrite => ({
      id: 't',
      before,
      after: before.replace(flagged, replacement),
      flagged,
      replacement,
      template: false,
    });
    it('catches a changed tense, a doubled complement, a wrong article and a lost agreement', () => {
      assert.notDeepEqual(grammarProblems(at('She always makes excuses.', 'makes excuses', 'made excuses')), []);
      assert.notDeepEqual(grammarProblems(at('She was being lazy about the budget.', 'lazy', 'behind on the agreed tasks')), []);
      assert.notDeepEqual(grammarProblems(at('She is a liar.', 'a liar', 'a honest person')), []);
      assert.notDeepEqual(grammarProblems(at('She claims she sent it.', 'claims', 'say')), []);
    });
    it('accepts a fitting rewrite', () => {
      assert.deepEqual(grammarProblems(at('She claims she sent it.', 'claims', 'says')), []);
      assert.deepEqual(grammarProblems(at('She was lazy this week.', 'lazy', 'behind on the agreed tasks')), []);
    });
  });
});

const PREPOSITIONS = new Set(['about', 'with', 'toward', 'towards', 'to', 'at', 'on', 'over', 'for', 'in', 'by', 'of', 'around', 'from', 'into']);
const MODALS = new Set(['can', 'could', 'will', 'would', 'may', 'might', 'must', 'should', 'shall', 'has', 'have', 'had', 'is', 'was', 'does', 'did']);

function grammarProblems(a: AppliedRewrite): string[] {
  const problems: string[] = [];
  const original = wordsOf(a.before, a.flagged);
  const replaced = wordsOf(a.after, a.replacement);
  if (!original || !replaced) return [`could not find the words in the sentence`];
  const o = original.words[0];
  const r = replaced.words[0];
  if (!o || !r) return problems;
  // Tense and person of a finite verb.
  const tense = (w: TaggedWord) => (w.tags.has('PastTense') ? 'past' : w.tags.has('Gerund') ? 'gerund' : w.tags.has('PresentTense') ? 'present' : undefined);
  // A participle used as an adjective (“came across as entitled”, “Unmotivated as usual”) is not a tense.
  const adjectival = original.before.length === 0 || /^(?:is|was|are|were|as|be|been|being|seemed|seems|looked|looks|got|gets)$/i.test(original.before.at(-1)?.text ?? '');
  if (o.tags.has('Verb') && !o.tags.has('Copula') && !adjectival && tense(o) && !MODALS.has(r.text.toLowerCase())) {
    if (r.tags.has('Verb') && tense(r) !== tense(o)) problems.push(`tense: ${tense(o)} “${o.text}” became ${tense(r)} “${r.text}”`);
  }
  const subject = replaced.before.at(-1)?.text.toLowerCase();
  if ((subject === 'she' || subject === 'he') && r.tags.has('Verb') && !r.tags.has('Copula') && !/s$/i.test(r.text) && !MODALS.has(r.text.toLowerCase()) && !r.tags.has('PastTense')) {
    problems.push(`agreement: “${subject} ${r.text}”`);
  }
  // A replacement that brings its own object, followed by the original's complement (a template's placeholder is the coach's to write).
  const next = /^\s/.test(a.after.slice(a.after.indexOf(a.replacement) + a.replacement.length)) ? replaced.after[0]?.text.toLowerCase() : undefined;
  const last = replaced.words.at(-1);
  if (!a.template && next && PREPOSITIONS.has(next) && replaced.words.length > 1 && (last?.tags.has('Noun') || replaced.words.slice(1).some((w) => PREPOSITIONS.has(w.text.toLowerCase())))) {
    problems.push(`doubled complement: “${a.replacement} ${next} …”`);
  }
  if (replaced.before.at(-1)?.text.toLowerCase() === 'being' && PREPOSITIONS.has(r.text.toLowerCase())) problems.push(`“being ${r.text}”`);
  // Articles inside or right before the replacement.
  const around = `${replaced.before.at(-1)?.text ?? ''} ${a.replacement}`;
  const article = /\b(a|an)\s+([\p{L}]+)/giu;
  for (const m of around.matchAll(article)) {
    const vowel = /^[aeiou]/i.test(m[2] ?? '') && !/^(?:uni|use|one|eu)/i.test(m[2] ?? '');
    if ((m[1]?.toLowerCase() === 'a') === vowel && !/^(?:hour|honest)/i.test(m[2] ?? '')) problems.push(`article: “${m[0]}”`);
    if (m[1]?.toLowerCase() === 'a' && /^(?:hour|honest)/i.test(m[2] ?? '')) problems.push(`article: “${m[0]}”`);
  }
  return problems;
}

/** The tagged words of `part` within `sentence`, and the words around it. */
function wordsOf(sentence: string, part: string): { before: TaggedWord[]; words: TaggedWord[]; after: TaggedWord[] } | undefined {
  const at = sentence.indexOf(part);
  if (at === -1) return undefined;
  const tagged = tagSentence(sentence);
  const end = at + part.length;
  return {
    before: tagged.filter((w) => w.end <= at),
    words: tagged.filter((w) => w.start >= at && w.end <= end),
    after: tagged.filter((w) => w.start >= end),
  };
}
