import assert from 'node:assert/strict';
import { LONG_RUN, sectionStarts } from '../../src/core/note/chunks';
import { SALT, SHAPES, check } from '../../bench/scaling';
import { setupWith } from './support/setup';
import { countWork } from './support/work';

// The fast half of the scaling suite (bench/scaling.ts prints the timed table at 10 KB … 4 MB).
// Work is counted, not timed (support/work.ts): the quadratic paths issue 11 found all went
// through array calls it counts (micromark's `events.splice` per line of a long paragraph,
// `headings.slice(i + 1)` per heading, each mention against every guard, each finding against
// every disable comment); a for-loop rewrite of one would still show as time in the bench.
// Linear code does 3× the work on 3× the text; quadratic, 9×.

/** Both sizes above the 32 KB from which a note is parsed section by section, so both are parsed alike. */
const SMALL = 40 * 1024;
const TIMES = 3;
/** Allowed growth of counted work per byte from SMALL to TIMES × SMALL: linear is 1, quadratic 3. */
const LIMIT = 1.6;

describe('scaling: the work of checking a note grows linearly with it', function () {
  // Completion is what counts here; the sizes are small, but the machine may be busy.
  this.timeout(300_000);
  const setup = setupWith();

  for (const shape of SHAPES) {
    it(`${shape.name}: ${shape.what}`, () => {
      // Other numbers in each run, so nothing comes from the section or tagger caches of another.
      const size = Math.max(SMALL, shape.from ?? 0);
      // Warm-up (lazily built lexicon indexes are not the note's work) at another size, so none of its sections is cached for the runs.
      check(shape.build(size / 2, SALT * 90), setup);
      const small = shape.build(size, SALT * 91);
      const large = shape.build(size * TIMES, SALT * 92);
      const bytes = (files: typeof small) => files.reduce((n, f) => n + f.text.length, 0);
      let findings = 0;
      const workSmall = countWork(() => void (findings = check(small, setup)));
      const workLarge = countWork(() => void check(large, setup));
      assert.ok(findings > 0, 'each shape gives findings: the rules really read it');
      const growth = workLarge / workSmall / (bytes(large) / bytes(small));
      assert.ok(growth <= LIMIT, `work ${workSmall.toLocaleString('en')} → ${workLarge.toLocaleString('en')}: ${(workLarge / workSmall).toFixed(1)}× for ${(bytes(large) / bytes(small)).toFixed(1)}× the text`);
    });
  }

  it('the counter sees quadratic work: a scan of every earlier element per element', () => {
    const quadratic = (n: number) => countWork(() => {
      const seen: number[] = [];
      for (let i = 0; i < n; i++) {
        seen.some((x) => x === -1);
        seen.push(i);
      }
    });
    assert.ok(quadratic(400) / quadratic(100) > 12);
  });

  it('a paragraph, block quote or list of any length is parsed in pieces of bounded size, a paragraph cut after a sentence', () => {
    const line = (i: number) => `She said "fine" and [#3.5] he is *so* lazy ${i}.`;
    for (const [prefix, first] of [['', 'She said'], ['> ', '> She said'], ['- ', '- She said'], ['1. ', /^\d+\. She said/]] as const) {
      const text = Array.from({ length: 20_000 }, (_, i) => (i % 2 && prefix === '- ' ? '  continued.' : prefix + line(i))).join('\n') + '\n';
      const starts = sectionStarts(text);
      const sizes = starts.map((s, i) => (starts[i + 1] ?? text.length) - s);
      assert.ok(starts.length > 20, `${prefix}: ${starts.length} sections`);
      assert.ok(Math.max(...sizes) <= LONG_RUN + 100, `${prefix}: largest ${Math.max(...sizes)}`);
      for (const s of starts.slice(1)) {
        if (typeof first === 'string') assert.ok(text.startsWith(first, s), JSON.stringify(text.slice(s, s + 20)));
        else assert.match(text.slice(s, s + 20), first);
        assert.match(text.slice(s - 3, s), /\.\n$/, 'after a sentence');
      }
    }
  });

  it('a long run is not cut where a line could belong to what is above it: a lazy line, code', () => {
    const lazy = `> quoted start.\n${Array.from({ length: 3_000 }, (_, i) => `Lazy line ${i} of the quote.`).join('\n')}`;
    const code = `\`\`\`\n${Array.from({ length: 3_000 }, (_, i) => `Code line ${i}.`).join('\n')}\n\`\`\``;
    const lazyItems = `- first item\n${Array.from({ length: 3_000 }, (_, i) => `lazy line ${i} of the item`).join('\n')}`;
    for (const text of [lazy, code, lazyItems]) assert.deepEqual(sectionStarts(`${text}\n`), [0], text.slice(0, 40));
  });
});
