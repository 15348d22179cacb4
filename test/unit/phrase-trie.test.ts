import * as assert from 'node:assert/strict';
import { buildPhraseTrie, matchPhraseAt } from '../../src/core/language/phrase-trie';

describe('phrase trie', () => {
  const trie = buildPhraseTrie(['in denial', 'in denial about', 'non-compliant', "won't listen", '  Passive   Aggressive '], true);
  const at = (text: string, start = 0) => {
    const end = matchPhraseAt(trie, text, start);
    return end < 0 ? undefined : text.slice(start, end);
  };

  it('finds the longest phrase at a position, ending at a word edge, in any case', () => {
    assert.equal(at('In denial about the move.'), 'In denial about');
    assert.equal(at('in denial, again'), 'in denial');
    assert.equal(at('in denials'), undefined, 'not inside a longer word');
    assert.equal(at('She is in denial', 7), 'in denial');
  });

  it('reads white space runs as one space, either apostrophe as one, and a hyphen as a hyphen, a space or nothing', () => {
    assert.equal(at('passive\n  aggressive'), 'passive\n  aggressive');
    assert.equal(at('won’t listen'), 'won’t listen');
    assert.equal(at('non-compliant'), 'non-compliant');
    assert.equal(at('non compliant'), 'non compliant');
    assert.equal(at('noncompliant'), 'noncompliant');
    assert.equal(at('non-compliant-ish'), undefined, 'a hyphen joining another word is no word edge');
    const strict = buildPhraseTrie(['non-compliant'], false);
    assert.equal(matchPhraseAt(strict, 'noncompliant', 0), -1, 'without flexible hyphens the hyphen is a character');
  });

  it('makes the nodes of a path only when a match walks it, with the same answers after', () => {
    const lazy = buildPhraseTrie(['her plan', 'her plans', 'her own fault'], true);
    assert.ok(lazy.root.pending && !('chars' in lazy.root), 'nothing made before the first match');
    assert.equal(matchPhraseAt(lazy, 'her plans', 0), 9);
    const afterSpace = lazy.root.chars?.get(104)?.chars?.get(101)?.chars?.get(114)?.space;
    assert.ok(afterSpace?.chars?.get(112), 'the walked path is made');
    assert.ok(afterSpace?.chars?.get(111)?.pending, '“her own …” is left for a match that reaches it');
    assert.equal(matchPhraseAt(lazy, 'her own fault', 0), 13);
    assert.equal(matchPhraseAt(lazy, 'her plan', 0), 8);
  });
});
