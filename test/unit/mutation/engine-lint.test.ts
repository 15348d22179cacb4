// The engine's own behaviour (src/core/engine/lint.ts), with small injected rules so every outcome
// is exact: severity overrides, `only`, the per-note budget (on a stand-in clock, never real time),
// the findings cap, fixes from `expected`, ordering, and every kind of disable comment with and
// without a rule list.
import assert from 'node:assert/strict';
import { applyDirectives, lintNote, lintText, MAX_FINDINGS_PER_RULE, severityOf, sortFindings } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Finding, RuleMessage } from '../../../src/core/model/types';
import { parseNote } from '../../../src/core/note/parse';
import type { Note } from '../../../src/core/note/types';
import { ruleDocUrl } from '../../../src/core/rules/docs';
import { noteTooLargeRule } from '../../../src/core/rules/note-too-large';
import type { Rule, RuleContext } from '../../../src/core/rules/types';
import { sharedSetup } from './support';

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';

/** A rule that reports `messages(note)` as they are. */
function fakeRule(id: string, messages: (note: Note) => RuleMessage[], defaultSeverity: Rule['defaultSeverity'] = 'warning'): Rule {
  return { id, description: id, defaultSeverity, fixable: false, examples: [], check: ({ note, report }) => messages(note).forEach(report) };
}

/** A rule that reports the place of every occurrence of `word`. */
function wordRule(id: string, word: string): Rule {
  return fakeRule(id, (note) => [...note.text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].map((m) => ({ reason: `${id}: ${word}`, place: note.lines.place(m.index, m.index + word.length) })));
}

function parse(setup: EngineSetup, body: string): Note {
  return parseNote(HEAD + body, 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust' });
}

/** `ruleId@line` for every finding, in the engine's order. */
const where = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}@${f.place.start.line}`);

describe('engine: lintNote', () => {
  let setup: EngineSetup;
  before(() => {
    setup = sharedSetup();
  });

  describe('severity', () => {
    const rule = wordRule('alpha', 'x');
    it('is the rule default without config or options', () => {
      assert.equal(severityOf(rule, setup), 'warning');
      const [f] = lintNote(parse(setup, 'x\n'), setup, { rules: [rule] });
      assert.equal(f?.severity, 'warning');
    });

    it('comes from the config rules: when set there', () => {
      const configured = { ...setup, config: { ...setup.config, rules: { alpha: 'error' as const } } };
      assert.equal(severityOf(rule, configured), 'error');
      assert.equal(lintNote(parse(setup, 'x\n'), configured, { rules: [rule] })[0]?.severity, 'error');
    });

    it('the coachNotes.severity override wins over the config, for the named rule only', () => {
      const other = wordRule('beta', 'x');
      const configured = { ...setup, config: { ...setup.config, rules: { alpha: 'error' as const, beta: 'info' as const } } };
      const findings = lintNote(parse(setup, 'x\n'), configured, { rules: [rule, other], severities: { alpha: 'hint' } });
      assert.deepEqual(findings.map((f) => `${f.ruleId}:${f.severity}`), ['alpha:hint', 'beta:info']);
      assert.equal(severityOf(rule, configured, { severities: { alpha: 'hint' } }), 'hint');
      assert.equal(severityOf(other, configured, { severities: { alpha: 'hint' } }), 'info');
    });

    it('off, from the override or the config, runs nothing of that rule', () => {
      let ran = 0;
      const counting: Rule = { ...rule, check: () => void ran++ };
      assert.deepEqual(lintNote(parse(setup, 'x\n'), setup, { rules: [counting], severities: { alpha: 'off' } }), []);
      const configured = { ...setup, config: { ...setup.config, rules: { alpha: 'off' as const } } };
      assert.deepEqual(lintNote(parse(setup, 'x\n'), configured, { rules: [counting] }), []);
      assert.equal(ran, 0);
    });
  });

  it('`only` runs just the named rules', () => {
    const findings = lintNote(parse(setup, 'x y\n'), setup, { rules: [wordRule('alpha', 'x'), wordRule('beta', 'y')], only: ['beta'] });
    assert.deepEqual(where(findings), ['beta@6']);
  });

  it('hands the rule the note, config, frameworks, lexicons and workspace', () => {
    let seen: RuleContext | undefined;
    const spy: Rule = { ...wordRule('alpha', 'x'), check: (c) => void (seen = c) };
    const note = parse(setup, 'x\n');
    const workspace = { notes: () => [] } as unknown as NonNullable<RuleContext['workspace']>;
    lintNote(note, setup, { rules: [spy], workspace });
    assert.equal(seen?.note, note);
    assert.equal(seen?.config, setup.config);
    assert.equal(seen?.frameworks, setup.frameworks);
    assert.equal(seen?.judgmental, setup.judgmental);
    assert.equal(seen?.sensitive, setup.sensitive);
    assert.equal(seen?.workspace, workspace);
    assert.equal(seen?.expired(), false);
    lintNote(note, setup, { rules: [spy] });
    assert.ok(seen && !('workspace' in seen), 'no workspace key without a workspace');
  });

  it('turns `expected` into replace fixes before the rule’s own fixes, with the documentation link', () => {
    const own = { title: 'Own', edits: [{ start: 0, end: 0, newText: 'z' }] };
    const rule = fakeRule('alpha', (note) => [{ reason: 'r', place: note.lines.place(note.bodyStart, note.bodyStart + 5), expected: ['first', 'second'], fixes: [own], category: 'c' }]);
    const [f] = lintNote(parse(setup, 'xxxxx\n'), setup, { rules: [rule] });
    const start = HEAD.length - 1; // bodyStart: the blank line after the frontmatter
    assert.deepEqual(f, {
      reason: 'r',
      place: f?.place,
      expected: ['first', 'second'],
      category: 'c',
      ruleId: 'alpha',
      severity: 'warning',
      url: ruleDocUrl('alpha'),
      fixes: [
        { title: 'Replace with “first”', edits: [{ start, end: start + 5, newText: 'first' }] },
        { title: 'Replace with “second”', edits: [{ start, end: start + 5, newText: 'second' }] },
        own,
      ],
    });
    assert.equal(ruleDocUrl('alpha'), 'https://github.com/coach-notes/coach-notes/blob/main/docs/rules.md#alpha');
  });

  it('a finding without expected or fixes has an empty fix list', () => {
    const [f] = lintNote(parse(setup, 'x\n'), setup, { rules: [wordRule('alpha', 'x')] });
    assert.deepEqual(f?.fixes, []);
  });

  it('a rule that throws is reported at the top of the note and the other rules still run', () => {
    const broken: Rule = { ...wordRule('broken', 'x'), check: () => { throw new Error('boom'); } };
    const findings = lintNote(parse(setup, 'x\n'), setup, { rules: [broken, wordRule('alpha', 'x')] });
    assert.deepEqual(where(findings), ['broken@1', 'alpha@6']);
    assert.equal(findings[0]?.reason, 'Coach Notes could not finish checking this note with broken: boom. The other checks still ran.');
    assert.equal(findings[0]?.place.start.offset, 0);
    assert.equal(findings[0]?.place.end.offset, 0);
  });

  describe('findings in reading order', () => {
    it('sorts by offset, then by rule id', () => {
      const findings = lintNote(parse(setup, 'y x\nx y\n'), setup, { rules: [wordRule('beta', 'y'), wordRule('alpha', 'x')] });
      assert.deepEqual(findings.map((f) => `${f.ruleId}@${f.place.start.offset - HEAD.length}`), ['beta@0', 'alpha@2', 'alpha@4', 'beta@6']);
    });

    it('breaks a tie of offsets by rule id', () => {
      const at = (id: string, offset: number) => ({ ruleId: id, place: { start: { line: 1, column: 1, offset }, end: { line: 1, column: 1, offset } } }) as Finding;
      assert.deepEqual(sortFindings([at('b', 3), at('a', 3), at('c', 1)]).map((f) => f.ruleId), ['c', 'a', 'b']);
      assert.deepEqual(sortFindings([at('a', 3), at('b', 3)]).map((f) => f.ruleId), ['a', 'b']);
    });
  });

  describe('the findings cap', () => {
    const many = (n: number) => fakeRule('alpha', (note) => Array.from({ length: n }, (_, i) => ({ reason: `r${n - 1 - i}`, place: note.lines.place(n - 1 - i, n - i) })));
    const note = () => parseNote('y'.repeat(1100), 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust' });

    it(`keeps exactly ${MAX_FINDINGS_PER_RULE} findings as they are`, () => {
      const findings = lintNote(note(), setup, { rules: [many(MAX_FINDINGS_PER_RULE)] });
      assert.equal(findings.length, MAX_FINDINGS_PER_RULE);
      assert.ok(findings.every((f) => /^r\d+$/.test(f.reason)));
    });

    it('beyond it, keeps the first ones in reading order and one summary at the next', () => {
      const findings = lintNote(note(), setup, { rules: [many(MAX_FINDINGS_PER_RULE + 5)] });
      assert.equal(findings.length, MAX_FINDINGS_PER_RULE + 1);
      assert.deepEqual(findings.slice(0, 3).map((f) => f.reason), ['r0', 'r1', 'r2']);
      assert.equal(findings[MAX_FINDINGS_PER_RULE - 1]?.reason, 'r999');
      const summary = findings[MAX_FINDINGS_PER_RULE];
      assert.equal(
        summary?.reason,
        '…and 5 more findings of coach:alpha in this note, from here on. Only the first 1,000 are listed, so the list stays readable; working through those, or splitting a pasted transcript into session-sized notes, brings the rest into view.',
      );
      assert.equal(summary?.place.start.offset, 1000);
      assert.deepEqual(summary?.data, { dropped: 5 });
      assert.equal(summary?.ruleId, 'alpha');
      assert.equal(summary?.severity, 'warning');
      assert.equal(summary?.url, ruleDocUrl('alpha'));
      assert.deepEqual(summary?.fixes, []);
    });

    it('counts thousands in the summary with a separator', () => {
      const findings = lintNote(parseNote('y'.repeat(2300), 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust' }), setup, { rules: [many(2200)] });
      assert.match(findings[MAX_FINDINGS_PER_RULE]?.reason ?? '', /^…and 1,200 more findings/);
    });
  });

  describe('the time budget (on a stand-in clock)', () => {
    let now = 0;
    const realNow = performance.now.bind(performance);
    beforeEach(() => {
      now = 0;
      performance.now = () => now;
    });
    afterEach(() => {
      performance.now = realNow;
    });

    /** Reports `count` findings, moving the clock to `to` after the `after`-th. */
    const ticking = (id: string, count: number, after: number, to: number): Rule => ({
      ...fakeRule(id, () => []),
      check: ({ note, report }) => {
        for (let i = 0; i < count; i++) {
          if (i === after) now = to;
          report({ reason: `${id}${i}`, place: note.lines.place(i, i + 1) });
        }
      },
    });

    it('skips the rules after the budget is spent, and the size rule names them', () => {
      const note = parse(setup, 'x\n');
      const findings = lintNote(note, setup, { budgetMs: 100, rules: [ticking('first', 2, 1, 101), wordRule('second', 'x'), wordRule('third', 'x'), noteTooLargeRule] });
      assert.deepEqual(findings.map((f) => f.ruleId), ['first', 'first', 'note-too-large', 'note-too-large']);
      // The rule during which the time ran out finished, but late: it counts as cut short.
      assert.deepEqual(note.skippedRules, ['second', 'third']);
      assert.deepEqual(note.cutShortRules, ['first']);
      assert.match(findings[2]?.reason ?? '', /so these checks were skipped: second, third\. /);
      assert.match(findings[3]?.reason ?? '', /stopped part-way and some of their findings may be missing: first\. /);
    });

    it('a budget spent before the first rule starts skips every rule, and the size rule still names them', () => {
      let reads = 0;
      performance.now = () => (reads++ === 0 ? 0 : 1000);
      const note = parse(setup, 'x\n');
      const findings = lintNote(note, setup, { budgetMs: 100, rules: [wordRule('first', 'x'), wordRule('second', 'x'), noteTooLargeRule] });
      assert.deepEqual(findings.map((f) => f.ruleId), ['note-too-large']);
      assert.deepEqual(note.skippedRules, ['first', 'second']);
      assert.match(findings[0]?.reason ?? '', /so these checks were skipped: first, second\. /);
    });

    it('a clock exactly at the deadline is not yet over it', () => {
      const findings = lintNote(parse(setup, 'x\n'), setup, { budgetMs: 100, rules: [ticking('first', 1, 0, 100), wordRule('second', 'x'), noteTooLargeRule] });
      assert.deepEqual(findings.map((f) => f.ruleId), ['first', 'second']);
    });

    it('runs the size rule last, whatever its place in the list, and never skips it', () => {
      const note = parse(setup, 'x\n');
      const findings = lintNote(note, setup, { budgetMs: 100, rules: [noteTooLargeRule, ticking('first', 1, 0, 500), wordRule('second', 'x')] });
      assert.deepEqual(findings.map((f) => f.ruleId), ['first', 'note-too-large', 'note-too-large']);
      assert.deepEqual(note.skippedRules, ['second']);
    });

    it('the size rule is not run when it is not in the list', () => {
      const findings = lintNote(parse(setup, 'x\n'), setup, { budgetMs: 100, rules: [ticking('first', 1, 0, 500), wordRule('second', 'x')] });
      assert.deepEqual(findings.map((f) => f.ruleId), ['first']);
    });

    it('stops a rule within 16 reports of the deadline, keeping what came before', () => {
      const note = parse(setup, 'x\n');
      const findings = lintNote(note, setup, { budgetMs: 100, rules: [ticking('first', 40, 3, 101), noteTooLargeRule] });
      // A report is a unit of work, and the clock is read every 16th unit (engine/deadline.ts, whose
      // count runs on across rules): the rule stops at the first look after the clock passed 101.
      const kept = findings.filter((f) => f.ruleId === 'first').map((f) => f.reason);
      assert.ok(kept.length >= 3 && kept.length < 3 + 16, `${kept.length} kept`);
      assert.deepEqual(kept, Array.from({ length: kept.length }, (_, i) => `first${i}`));
      assert.deepEqual(note.cutShortRules, ['first']);
      assert.deepEqual(note.skippedRules, []);
      assert.match(findings.find((f) => f.ruleId === 'note-too-large')?.reason ?? '', /stopped part-way and some of their findings may be missing: first\. /);
    });

    it('does not read the clock between those reports', () => {
      let reads = 0;
      performance.now = () => (reads++, now);
      lintNote(parse(setup, 'x\n'), setup, { budgetMs: 100, rules: [ticking('first', 32, 99, 0)] });
      // Start, the check before the rule, two at the 16th and 32nd reports, one after the rule.
      assert.equal(reads, 5);
    });

    it('a rule that gives up on expired() is counted as cut short; in time, it is not', () => {
      const polite = (id: string, to: number): Rule => ({
        ...fakeRule(id, () => []),
        check: ({ note, report, expired }) => {
          now = to;
          if (expired()) return;
          report({ reason: id, place: note.lines.place(0, 1) });
        },
      });
      const late = parse(setup, 'x\n');
      assert.deepEqual(lintNote(late, setup, { budgetMs: 100, rules: [polite('slow', 200), noteTooLargeRule] }).map((f) => f.ruleId), ['note-too-large']);
      assert.deepEqual(late.cutShortRules, ['slow']);
      const timely = parse(setup, 'x\n');
      assert.deepEqual(lintNote(timely, setup, { budgetMs: 100, rules: [polite('quick', 50), noteTooLargeRule] }).map((f) => f.ruleId), ['quick']);
      assert.deepEqual(timely.cutShortRules, []);
    });

    it('the size rule itself is never timed: expired() is false and its reports never stop it', () => {
      let seen: boolean | undefined;
      const sizeRule: Rule = {
        ...noteTooLargeRule,
        check: (c) => {
          seen = c.expired();
          for (let i = 0; i < 40; i++) c.report({ reason: `s${i}`, place: c.note.lines.place(0, 0) });
        },
      };
      // Pretend this stand-in is the size rule by swapping it into the built-in object's place.
      const original = noteTooLargeRule.check;
      noteTooLargeRule.check = sizeRule.check;
      try {
        const note = parse(setup, 'x\n');
        const findings = lintNote(note, setup, { budgetMs: 100, rules: [ticking('first', 1, 0, 500), noteTooLargeRule] });
        assert.equal(seen, false);
        assert.equal(findings.filter((f) => f.ruleId === 'note-too-large').length, 40);
        assert.deepEqual(note.cutShortRules, ['first'], 'only the timed rule is cut short');
      } finally {
        noteTooLargeRule.check = original;
      }
    });

    it('the default budget is five seconds', () => {
      const findings = lintNote(parse(setup, 'x\n'), setup, { rules: [ticking('first', 1, 0, 5000), wordRule('second', 'x')] });
      assert.deepEqual(findings.map((f) => f.ruleId), ['first', 'second']);
      now = 0;
      const late = lintNote(parse(setup, 'x\n'), setup, { rules: [ticking('first', 1, 0, 5001), wordRule('second', 'x')] });
      assert.deepEqual(late.map((f) => f.ruleId), ['first']);
    });
  });

  describe('lintText', () => {
    it('parses with the configured framework and size limit, then lints', () => {
      const configured = { ...setup, config: { ...setup.config, maxNoteChars: 60, framework: 'icf-pcc-2020' } };
      const text = `${HEAD}## x\n\nfirst line\nsecond line that goes past the limit\n`;
      const { note, findings } = lintText(text, 'a.coach.md', configured, { rules: [wordRule('alpha', 'line')] });
      assert.equal(note.path, 'a.coach.md');
      assert.equal(note.meta.framework, 'icf-pcc-2020');
      assert.equal(note.checkedUpTo, text.indexOf('second'));
      assert.equal(findings.length, 2);
    });
  });
});

describe('engine: disable comments', () => {
  let setup: EngineSetup;
  before(() => {
    setup = sharedSetup();
  });
  const rules = () => [wordRule('alpha', 'x'), wordRule('beta', 'y')];
  /** Lints a body of lines; returns `rule@line` for what is left (lines counted from the body's first line). */
  const left = (body: string) => where(lintNote(parse(setup, body), setup, { rules: rules() })).map((w) => w.replace(/@(\d+)$/, (_, l: string) => `@${Number(l) - 5}`));

  it('without comments every finding stays', () => {
    assert.deepEqual(left('x y\n'), ['alpha@1', 'beta@1']);
  });

  it('coach-disable-file with no list silences every rule', () => {
    assert.deepEqual(left('x y\n\n<!-- coach-disable-file -->\n\nx\n'), []);
  });

  it('coach-disable-file with a rule list silences only those rules, on every line', () => {
    assert.deepEqual(left('x y\n\n<!-- coach-disable-file alpha -->\n\nx y\n'), ['beta@1', 'beta@5']);
    assert.deepEqual(left('x y\n\n<!-- coach-disable-file coach:beta -->\n'), ['alpha@1']);
  });

  it('coach-disable-line silences its own line only, for the listed rules only', () => {
    assert.deepEqual(left('x y <!-- coach-disable-line alpha -->\nx y\n'), ['beta@1', 'alpha@2', 'beta@2']);
    assert.deepEqual(left('x y <!-- coach-disable-line -->\nx y\n'), ['alpha@2', 'beta@2']);
  });

  it('coach-disable-line spanning lines covers each line it spans, and no others', () => {
    assert.deepEqual(left('x\n\n<!-- coach-disable-line\nalpha --> x y\nx\n\nx\n'), ['alpha@1', 'beta@4', 'alpha@5', 'alpha@7']);
  });

  it('coach-disable-line covers the line it starts on', () => {
    assert.deepEqual(left('x <!-- coach-disable-line alpha\n-->\n\nx\n'), ['alpha@4']);
  });

  it('coach-disable-next-line silences the next line only, for the listed rules only', () => {
    assert.deepEqual(left('<!-- coach-disable-next-line beta -->\nx y\nx y\n'), ['alpha@2', 'alpha@3', 'beta@3']);
    assert.deepEqual(left('x y\n<!-- coach-disable-next-line -->\nx y\n\nx y\n'), ['alpha@1', 'beta@1', 'alpha@5', 'beta@5']);
  });

  it('coach-disable-next-line counts from the line where the comment ends', () => {
    assert.deepEqual(left('<!-- coach-disable-next-line\nalpha -->\nx\nx\n'), ['alpha@4']);
  });

  it('coach-disable … coach-enable silence the listed rules between them only', () => {
    assert.deepEqual(left('x y\n\n<!-- coach-disable alpha -->\n\nx y\n\n<!-- coach-enable alpha -->\n\nx y\n'), ['alpha@1', 'beta@1', 'beta@5', 'alpha@9', 'beta@9']);
  });

  it('coach-disable without a list silences every rule until coach-enable', () => {
    assert.deepEqual(left('x y\n\n<!-- coach-disable -->\n\nx y\n\n<!-- coach-enable -->\n\nx y\n'), ['alpha@1', 'beta@1', 'alpha@9', 'beta@9']);
  });

  it('coach-enable with a list re-enables only those rules', () => {
    assert.deepEqual(left('<!-- coach-disable -->\n\nx y\n\n<!-- coach-enable beta -->\n\nx y\n'), ['beta@7']);
  });

  it('coach-enable without a list, after a coach-disable with one, re-enables that rule too', () => {
    assert.deepEqual(left('<!-- coach-disable alpha -->\n\nx y\n\n<!-- coach-enable -->\n\nx y\n'), ['beta@3', 'alpha@7', 'beta@7']);
  });

  it('two line comments on one line each silence their own rules', () => {
    assert.deepEqual(left('x y <!-- coach-disable-line alpha --> <!-- coach-disable-line beta -->\nx y\n'), ['alpha@2', 'beta@2']);
    assert.deepEqual(left('<!-- coach-disable-next-line alpha -->\n<!-- coach-disable-line beta --> x y\nx y\n'), ['alpha@3', 'beta@3']);
  });

  it('coach-enable before any coach-disable changes nothing, and a later coach-disable still holds', () => {
    assert.deepEqual(left('<!-- coach-enable -->\n\nx y\n\n<!-- coach-disable beta -->\n\nx y\n'), ['alpha@3', 'beta@3', 'alpha@7']);
  });

  it('a finding at the very offset of coach-disable or coach-enable is on the comment’s side', () => {
    const at = (offset: number, ruleId = 'alpha') => ({ ruleId, place: { start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: offset + 1, offset } } }) as Finding;
    const directive = (kind: 'disable' | 'enable', offset: number, rules: string[] = []) => ({ kind, rules, place: { start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: offset + 2, offset: offset + 1 } } });
    assert.deepEqual(applyDirectives([directive('disable', 5)], [at(4), at(5), at(6)]).map((f) => f.place.start.offset), [4]);
    assert.deepEqual(applyDirectives([directive('disable', 1), directive('enable', 5)], [at(4), at(5)]).map((f) => f.place.start.offset), [5]);
    // Comments are read in the order they appear, whatever order they are listed in.
    assert.deepEqual(applyDirectives([directive('enable', 5), directive('disable', 1)], [at(4), at(6)]).map((f) => f.place.start.offset), [6]);
  });

  it('a rule list names rules, not every rule: other rules are untouched by each kind', () => {
    for (const kind of ['disable-file', 'disable-line', 'disable-next-line', 'disable'] as const) {
      const body = kind === 'disable-line' ? `x y <!-- coach-${kind} gamma -->\n` : `<!-- coach-${kind} gamma -->\nx y\n`;
      assert.deepEqual(left(body).map((w) => w.replace(/@\d+/, '')), ['alpha', 'beta'], kind);
    }
  });
});
