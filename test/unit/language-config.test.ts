import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of VS Code's language configuration this file uses. */
type RegexSetting = string | { pattern: string; flags?: string };
interface OnEnterRule {
  beforeText: RegexSetting;
  afterText?: RegexSetting;
  previousLineText?: RegexSetting;
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string; removeText?: number };
}
interface LanguageConfiguration {
  comments: { lineComment?: string; blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  folding: { offSide?: boolean; markers: { start: RegexSetting; end: RegexSetting } };
  wordPattern: RegexSetting;
  onEnterRules: OnEnterRule[];
}

const FILE = join(__dirname, '..', '..', 'language-configuration.json');
const text = readFileSync(FILE, 'utf8');

/** As VS Code reads a regex setting: a string, or a pattern with flags. */
function compile(setting: RegexSetting): RegExp {
  return typeof setting === 'string' ? new RegExp(setting) : new RegExp(setting.pattern, setting.flags ?? '');
}

describe('language-configuration.json', () => {
  // Plain JSON on purpose: comments would make this (and any other plain JSON reader) fail.
  const config = JSON.parse(text) as LanguageConfiguration;

  /** VS Code applies the first rule whose texts all match; undefined when none does. */
  function onEnter(before: string, after = ''): OnEnterRule['action'] | undefined {
    return config.onEnterRules.find(
      (rule) => compile(rule.beforeText).test(before) && (rule.afterText === undefined || compile(rule.afterText).test(after)),
    )?.action;
  }

  it('toggles HTML comments', () => {
    assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
    assert.equal(config.comments.lineComment, undefined);
  });

  it('compiles every regular expression', () => {
    const settings: RegexSetting[] = [config.wordPattern, config.folding.markers.start, config.folding.markers.end];
    for (const rule of config.onEnterRules) {
      settings.push(rule.beforeText);
      if (rule.afterText !== undefined) settings.push(rule.afterText);
      if (rule.previousLineText !== undefined) settings.push(rule.previousLineText);
    }
    assert.ok(settings.length >= 10);
    for (const setting of settings) assert.doesNotThrow(() => compile(setting), JSON.stringify(setting));
  });

  it('pairs brackets and quotes consistently', () => {
    for (const [open, close] of config.brackets) {
      assert.ok(config.autoClosingPairs.some((p) => p.open === open && p.close === close), `${open} auto-closes`);
      assert.ok(config.surroundingPairs.some(([o, c]) => o === open && c === close), `${open} surrounds`);
    }
    const closes = new Map(config.autoClosingPairs.map((p) => [p.open, p.close]));
    assert.equal(closes.get('"'), '"');
    assert.equal(closes.get('“'), '”');
    // An apostrophe is far more often "client's" than an opening quote: it must not auto-close.
    assert.equal(closes.has("'"), false);
    assert.equal(closes.has('’'), false);
    assert.ok(config.surroundingPairs.some(([o, c]) => o === '`' && c === '`'));
  });

  describe('onEnterRules continue lists', () => {
    const continued: [string, string][] = [
      ['- [ ] call Sam', '- [ ] '],
      ['- [x] called Sam', '- [ ] '],
      ['  * [X] nested and kept', '* [ ] '],
      ['+ [ ] plus task', '+ [ ] '],
      ['1. [ ] numbered task', '1. [ ] '],
      ['12) [x] numbered with a parenthesis', '1) [ ] '],
      ['- a plain item', '- '],
      ['    - a nested item', '- '],
      ['* a star item', '* '],
      ['+ a plus item', '+ '],
      ['3. a numbered item', '1. '],
      ['2) a numbered item', '1) '],
      ['- **Permission:** asked first', '- '],
    ];
    for (const [line, appended] of continued) {
      it(`${JSON.stringify(line)} continues with ${JSON.stringify(appended)}`, () => {
        const action = onEnter(line);
        assert.equal(action?.appendText, appended);
        assert.equal(action?.indent, 'none');
      });
    }

    const ended = ['- ', '-', '* ', '1. ', '- [ ] ', '  - [x]', '10) '];
    for (const line of ended) {
      it(`an empty item ${JSON.stringify(line)} ends the list`, () => {
        const action = onEnter(line);
        assert.ok(action, 'a rule claims the empty item so that no continuation rule does');
        assert.equal(action.appendText, undefined);
      });
    }

    const untouched = ['Plain prose.', '**Permission:** asked first', '---', '- - -', '* * *', '## 3.4 Respect', '> a quote'];
    for (const line of untouched) {
      it(`${JSON.stringify(line)} is not a list item`, () => {
        assert.equal(onEnter(line)?.appendText, undefined);
      });
    }
  });

  describe('wordPattern', () => {
    const words = (s: string) => s.match(new RegExp(compile(config.wordPattern).source, `${compile(config.wordPattern).flags}g`)) ?? [];

    it('reads marker ids and words with apostrophes as single words', () => {
      assert.deepEqual(words("The client's goal [#3.4], and 3.10 too — café’s menu"), ['The', "client's", 'goal', '3.4', 'and', '3.10', 'too', 'café’s', 'menu']);
    });

    it('matches 3.4 and client\'s whole', () => {
      assert.deepEqual(words('3.4'), ['3.4']);
      assert.deepEqual(words("client's"), ["client's"]);
    });

    it('never matches an empty string (VS Code would loop)', () => {
      const regex = compile(config.wordPattern);
      for (const s of ['', ' ', "'", '.', '—', '#', '[]']) assert.equal(regex.exec(s)?.[0] ?? null, null, JSON.stringify(s));
    });
  });

  describe('folding markers', () => {
    it('fold <!-- #region --> … <!-- #endregion -->', () => {
      const start = compile(config.folding.markers.start);
      const end = compile(config.folding.markers.end);
      assert.ok(start.test('<!-- #region Early sessions -->'));
      assert.ok(start.test('  <!--#region-->'));
      assert.ok(end.test('<!-- #endregion -->'));
      assert.ok(!start.test('<!-- #endregion -->'));
      assert.ok(!end.test('<!-- #region -->'));
      assert.ok(!start.test('<!-- regional notes -->'));
    });
  });
});
