// The judgmental rule's text helpers, called directly: what is masked as quoted words or a URL
// (masks.ts), how a block is cut into words and sentences and read around a position
// (block-view.ts), and the edit that takes a repeat marker out (repeats.ts `removalOf`). Exact
// offsets, so an off-by-one in any of them fails.
import assert from 'node:assert/strict';
import { BlockView, tokenize } from '../../../src/core/rules/judgmental/block-view';
import { maskRanges, maskText, overlaps, quotedSpans, type Range } from '../../../src/core/rules/judgmental/masks';
import { removalOf } from '../../../src/core/rules/judgmental/repeats';

const words = (text: string, from = 0, to = text.length) => tokenize(text, from, to).map((t) => `${t.w}|${t.raw}|${t.start}-${t.end}${t.comma ? ',' : ''}`);

describe('judgmental text helpers', () => {
  describe('masks', () => {
    it('pairs straight double quotes in order and leaves an odd one out', () => {
      const text = 'She said "fine" and "ok" then "open';
      assert.deepEqual(maskRanges(text), [[9, 15], [20, 24]]);
      assert.deepEqual(quotedSpans(text), [[9, 15], [20, 24]]);
      assert.equal(maskText(text, maskRanges(text)), 'She said xxxxxx and xxxx then "open');
    });

    it('masks URLs, curly quotes and guillemets; an unclosed curly quote runs to the end', () => {
      const text = 'See https://a.com/x?y "q" and www.b.org, then “curly” and «guil» and “open';
      assert.deepEqual(maskRanges(text), [[4, 21], [22, 25], [30, 40], [46, 53], [58, 64], [69, 74]]);
      assert.deepEqual(quotedSpans(text), [[22, 25], [46, 53], [58, 64], [69, 74]]);
      assert.equal(maskText(text, maskRanges(text)), 'See xxxxxxxxx.xxxxx?x xxx and xxx.x.xxxx then xxxxxxx and xxxxxx and xxxxx');
    });

    it('takes single quotes only in clear pairs, not apostrophes, and merges overlaps', () => {
      const text = "'Tis 'quoted' it's 'x' she's ('paren') \"'a'\" don't 'a b' 'unclosed";
      assert.deepEqual(maskRanges(text), [[0, 13], [19, 22], [30, 37], [39, 44], [51, 56]]);
      assert.deepEqual(quotedSpans(text), [[0, 13], [19, 22], [30, 37], [39, 44], [40, 43], [51, 56]]);
      assert.equal(maskText(text, maskRanges(text)), "xxxxxxxxxxxxx it's xxx she's (xxxxxxx) xxxxx don't xxxxx 'unclosed");
      assert.deepEqual(maskRanges('‘curly single’ and ‘another’ and ‘open'), [[0, 14], [19, 28]]);
      assert.deepEqual(maskRanges('a ‘x’s ‘y’'), [[2, 10]]);
      assert.deepEqual(maskRanges('“a “b” c”'), [[0, 6]]);
      assert.deepEqual(maskRanges("a 'b"), []);
      assert.deepEqual(maskRanges(`a '${'b'.repeat(200)}' c`), []);
    });

    it('sorts what it masks by start and merges only what overlaps', () => {
      assert.deepEqual(maskRanges('"a""b"'), [[0, 3], [3, 6]]);
      assert.deepEqual(maskRanges('A "q" then https://x.com/"y" end'), [[2, 5], [11, 25], [25, 28]]);
      assert.deepEqual(maskRanges('"a ‘b’ c"'), [[0, 9]]);
      assert.deepEqual(maskRanges('x ‘a’ "b"'), [[2, 5], [6, 9]]);
    });

    it('keeps sentence-ending punctuation inside a masked quote', () => {
      const text = 'He said "fine." Then "why?!" ok';
      assert.equal(maskText(text, maskRanges(text)), 'He said xxxxx.x Then xxxx?!x ok');
    });

    it('tells whether a span overlaps a range, with ends exclusive', () => {
      const ranges: Range[] = [[2, 4], [6, 9], [12, 13]];
      const spans: Range[] = [[0, 2], [0, 3], [4, 6], [3, 7], [9, 12], [8, 9], [13, 20], [12, 13], [1, 100], [5, 6], [10, 11]];
      assert.deepEqual(spans.map(([a, b]) => overlaps(ranges, a, b)), [false, true, false, true, false, true, false, true, true, false, false]);
      assert.equal(overlaps([], 0, 5), false);
      assert.equal(overlaps([[0, 1]], 0, 1), true);
    });
  });

  describe('block view', () => {
    it('splits contractions and keeps where each word starts and whether a comma precedes it', () => {
      assert.deepEqual(words("She's fine, wasn't she? I'm o’clock we’re can't won't y'all rock-n-roll 3.5x it’ll"), [
        "she|She|0-3", "'s|'s|3-5", 'fine|fine|6-10', 'was|was|12-15,', "not|n't|15-18", 'she|she|19-22', 'i|I|24-25', "'m|'m|25-27",
        "o'clock|o’clock|28-35", 'we|we|36-38', "'re|’re|38-41", 'ca|ca|42-44', "not|n't|44-47", 'wo|wo|48-50', "not|n't|50-53",
        "y'all|y'all|54-59", 'rock-n-roll|rock-n-roll|60-71', '3|3|72-73', '5x|5x|74-76', 'it|it|77-79', "'ll|’ll|79-82",
      ]);
      assert.deepEqual(words("n't isn't"), ["n't|n't|0-3", 'is|is|4-6', "not|n't|6-9"]);
      assert.deepEqual(words('one two three four', 4, 13), ['two|two|4-7', 'three|three|8-13']);
      assert.deepEqual(words('one two three four', 4, 12), ['two|two|4-7']);
      assert.deepEqual(words("He'd she'll they've I'd"), ['he|He|0-2', "'d|'d|2-4", 'she|she|5-8', "'ll|'ll|8-11", 'they|they|12-16', "'ve|'ve|16-19", 'i|I|20-21', "'d|'d|21-23"]);
    });

    it('finds sentences, not after abbreviations, decimals or a lower-case start', () => {
      const view = new BlockView('Dr. Smith left. She said "Fine." He is e.g. fine. Mr. X! Yes? (No.) 3.5 is ok. vs. them. Is it... ok. "Quote" starts. *Bold* start. _x_ y. > no. a.B end', undefined);
      assert.deepEqual(view.sentences(), [[0, 16], [16, 50], [50, 57], [57, 62], [62, 68], [68, 89], [89, 118], [118, 132], [132, 139], [139, 152]]);
      assert.deepEqual([0, 5, 15, 16, 40, 60, 151, 200].map((x) => view.sentence(x)), [[0, 16], [0, 16], [0, 16], [16, 50], [16, 50], [57, 62], [139, 152], [139, 152]]);
      assert.deepEqual(new BlockView('One', undefined).sentences(), [[0, 3]]);
      assert.deepEqual(new BlockView('St. Ann. Ms. B. Mrs. C. Ok.', undefined).sentences(), [[0, 9], [9, 16], [16, 24], [24, 27]]);
    });

    it('reads the words of the clause before a position, and the word after one', () => {
      const view = new BlockView('She was, frankly; very (so) lazy: yes. It is 3.5 lazy — ok', undefined);
      const frame = new Set(['.', ';', '(', ')', ':']);
      assert.deepEqual(view.before(32, frame).map((t) => t.w), ['lazy']);
      assert.deepEqual(view.before(28, frame).map((t) => t.w), []);
      assert.deepEqual(view.before(32, new Set(['.', ','])).map((t) => t.w), ['frankly', 'very', 'so', 'lazy']);
      assert.deepEqual(view.before(50, new Set(['.'])).map((t) => t.w), ['it', 'is', '3', '5']);
      assert.deepEqual([3, 7, 38, 58, 59].map((x) => view.after(x)?.raw), ['was', undefined, 'It', undefined, undefined]);
      // A clause is read back at most 320 characters.
      const long = new BlockView(`${'word '.repeat(100)}end`, undefined);
      assert.deepEqual(long.before(503, new Set(['.'])).map((t) => t.raw).slice(0, 2), ['d', 'word']);
      assert.equal(long.before(503, new Set(['.'])).length, 65);
    });

    it('tags a word in a run-on sentence from a window around it', () => {
      const text = `${'We talked about the plan and '.repeat(30)}she was lazy about it`;
      const view = new BlockView(text, undefined);
      const at = text.indexOf('lazy');
      assert.ok(view.tags(at).has('Adjective'));
      assert.ok(view.tags(text.indexOf('talked', 500)).has('Verb'));
      assert.ok(view.tags(0).has('Pronoun'));
    });

    it('allows what the workspace allows, and answers whether a pattern is mentioned', () => {
      const view = new BlockView('lazy and lazy', /lazy/giu);
      assert.deepEqual([view.allowed(0, 4), view.allowed(4, 9), view.allowed(8, 10), view.allowed(9, 13), view.allowed(8, 9)], [true, false, true, true, false]);
      assert.equal(new BlockView('lazy', undefined).allowed(0, 4), false);
      assert.equal(view.mentions(/and/), true);
      assert.equal(view.mentions(/or/), false);
      assert.equal(view.masked(0, 4), false);
      assert.equal(new BlockView('a "b" c', undefined).masked(2, 3), true);
    });
  });

  describe('removal of a repeat marker', () => {
    const removed = (text: string, marker: string) => {
      const at = text.indexOf(marker);
      const r = removalOf(new BlockView(text, undefined), at, at + marker.length);
      return text.slice(0, r.start) + r.text + text.slice(r.end);
    };

    it('takes the marker out with the punctuation around it', () => {
      assert.equal(removed('Late as usual.', 'as usual'), 'Late.');
      assert.equal(removed('The vendor, yet again, blew it.', 'yet again'), 'The vendor blew it.');
      assert.equal(removed('Late — the usual.', 'the usual'), 'Late.');
      assert.equal(removed('Late, as usual, and rude.', 'as usual'), 'Late and rude.');
      assert.equal(removed('Late - as usual - and rude.', 'as usual'), 'Late - and rude.');
      assert.equal(removed('Late — as usual — and rude.', 'as usual'), 'Late — and rude.');
      assert.equal(removed('Late again, sadly.', 'again'), 'Late, sadly.');
      assert.equal(removed('Late, again.', 'again'), 'Late.');
    });

    it('at the start of a sentence, gives the next word its capital', () => {
      assert.equal(removed('As ever, she came in.', 'As ever'), 'She came in.');
      assert.equal(removed('As ever, Tom came in.', 'As ever'), 'Tom came in.');
      assert.equal(removed('Ok. As ever — she came in.', 'As ever'), 'Ok. She came in.');
      // With no comma after the marker, the space stays and the word keeps its case.
      assert.equal(removed('Ok. Again she was late.', 'Again'), 'Ok.  she was late.');
    });
  });
});
