import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IToken } from 'vscode-textmate';
import { loadSetup } from '../../src/core/engine/setup';
import { parseNote } from '../../src/core/note/parse';
import type { Note } from '../../src/core/note/types';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'grammar');
const MARKDOWN = 'text.html.markdown';

/** The coach grammars, as the manifest injects them into Markdown. */
interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[]; languages?: unknown } };
const COACH = MANIFEST.contributes.grammars;
const rawGrammar = (g: GrammarContribution) => JSON.parse(readFileSync(join(ROOT, g.path), 'utf8')) as Record<string, unknown>;

// The grammars ours build on, as VS Code's own extensions provide them. tm-grammars ships
// them as data; other embedded languages (code fences in CSS, JS…) are simply left unresolved.
const TM_GRAMMARS = join(ROOT, 'node_modules', 'tm-grammars', 'grammars');
const GRAMMAR_FILES: Record<string, string> = {
  ...Object.fromEntries(COACH.map((g) => [g.scopeName, join(ROOT, g.path)])),
  [MARKDOWN]: join(TM_GRAMMARS, 'markdown.json'),
  'source.yaml': join(TM_GRAMMARS, 'yaml.json'),
  'text.html.derivative': join(TM_GRAMMARS, 'html-derivative.json'),
  'text.html.basic': join(TM_GRAMMARS, 'html.json'),
};

// vscode-oniguruma loads its WASM once per process.
const onig = oniguruma.loadWASM(readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')));

/** Markdown as VS Code tokenizes it: with the coach injections, or (for comparison) without them. */
async function loadMarkdown(withCoach = true): Promise<IGrammar> {
  await onig;
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName: string) => (withCoach ? COACH.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName) : undefined),
  });
  const grammar = await registry.loadGrammar(MARKDOWN);
  if (!grammar) throw new Error(`could not load ${MARKDOWN}`);
  return grammar;
}

interface Line {
  text: string;
  tokens: IToken[];
}

function tokenize(grammar: IGrammar, text: string): Line[] {
  let state = INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return { text: line, tokens: result.tokens };
  });
}

/** A scope list "has" a scope when one of its scopes equals it or starts with it followed by a dot. */
const hasScope = (scopes: string[], wanted: string) => scopes.some((s) => s === wanted || s.startsWith(`${wanted}.`));

/** The scopes of every token that covers a character of [start, end) on a line. */
function scopesOver(line: Line, start: number, end: number): string[][] {
  return line.tokens.filter((t) => t.startIndex < end && t.endIndex > start).map((t) => t.scopes);
}

/** The scopes at one 0-based column of a line. */
function scopesAt(line: Line, column: number): string[] {
  return line.tokens.find((t) => t.startIndex <= column && column < t.endIndex)?.scopes ?? [];
}

function describeLine(line: Line): string {
  return line.tokens.map((t) => `  ${JSON.stringify(line.text.slice(t.startIndex, t.endIndex))} ${t.scopes.slice(1).join(' ')}`).join('\n');
}

type Expectation = [line: number, text: string, scope: string];

function readExpectations(): Map<string, Expectation[]> {
  const raw = JSON.parse(readFileSync(join(FIXTURES, 'expectations.json'), 'utf8')) as Record<string, unknown>;
  return new Map(Object.entries(raw).filter(([key]) => !key.startsWith('$')) as [string, Expectation[]][]);
}

function notesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return notesUnder(path);
    return name.endsWith('.coach.md') ? [path] : [];
  });
}

/** A coach note's first lines: the frontmatter's `client:` line is what switches the coach scopes on. */
const NOTE_HEAD = '---\nclient: Maria\n---\n';
/** Lines of a note body, tokenized as they are inside a coach note (the head's lines dropped). */
const tokenizeNote = (grammar: IGrammar, body: string) => tokenize(grammar, NOTE_HEAD + body).slice(NOTE_HEAD.split('\n').length - 1);
const COACH_SCOPE = /\.coach(?:\.|$)/;
const coachScopes = (lines: Line[]) => lines.flatMap((l) => l.tokens.flatMap((t) => t.scopes.filter((s) => COACH_SCOPE.test(s))));

describe('coach highlighting injected into Markdown', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadMarkdown();
  });

  it('the manifest injects every coach grammar into Markdown and contributes no language of its own', () => {
    assert.equal(MANIFEST.contributes.languages, undefined);
    assert.ok(COACH.length >= 5);
    for (const g of COACH) {
      assert.deepEqual(g.injectTo, [MARKDOWN], g.path);
      const raw = rawGrammar(g);
      assert.equal(raw.scopeName, g.scopeName, g.path);
      const selector = raw.injectionSelector;
      assert.ok(typeof selector === 'string', `${g.path} has an injectionSelector`);
      // Only the gate looks at all of Markdown; every other injection needs the gate's scope.
      const alternatives = selector.split(',').map((s) => s.trim());
      if (g.scopeName === 'coach-notes.injection.note') assert.deepEqual(alternatives, ['L:text.html.markdown']);
      else for (const alternative of alternatives) assert.match(alternative, /^L:meta\.note\.coach\b/, g.path);
    }
  });

  it('compiles every regular expression in the grammars', () => {
    const regexes: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') regexes.push(value);
        else visit(value);
      }
    };
    COACH.forEach((g) => visit(rawGrammar(g)));
    assert.ok(regexes.length >= 15, `found ${regexes.length}`);
    for (const source of regexes) {
      // vscode-textmate replaces an end's back-references with the begin's captured text first.
      const compiled = source.replace(/\\[1-9]/g, '-');
      assert.doesNotThrow(() => new oniguruma.OnigScanner([compiled]).dispose(), source);
    }
  });

  describe('leaves Markdown that is not a coach note exactly as it was', () => {
    let plain: IGrammar;
    before(async () => {
      plain = await loadMarkdown(false);
    });
    const samples: Record<string, string> = {
      'frontmatter without client:': '---\ntitle: Release notes\ndate: 2026-03-02\ntags: [a, b]\ndescription: |\n  two\n  lines\n---\n\n## 3.1 Install\n',
      'a nested client: key': '---\nproject:\n  client: Acme\n---\n\n## 3.1 Setup\n',
      'client: after the frontmatter': '\n---\nclient: Not frontmatter\n---\n\n## 3.2 Two\n',
      'numbered headings, task lists, Permission lines, tags and comments': [
        '# Guide',
        '',
        '## 3.1 Genuine concern',
        '',
        'Permission: asked first [#3.4].',
        '',
        '- [ ] call Sam due 2026-06-15',
        '- [x] done',
        '',
        '<!-- coach-disable-next-line judgmental-language -->',
        'Text.',
        '',
        '---',
      ].join('\n'),
    };
    for (const [name, text] of Object.entries(samples)) {
      it(name, () => {
        const lines = tokenize(grammar, text);
        assert.deepEqual(coachScopes(lines), []);
        assert.deepEqual(lines, tokenize(plain, text));
      });
    }
  });

  for (const [fixture, expectations] of readExpectations()) {
    describe(`fixture ${fixture}`, () => {
      let lines: Line[];
      before(() => {
        lines = tokenize(grammar, readFileSync(join(FIXTURES, fixture), 'utf8'));
      });

      for (const [lineNumber, text, expected] of expectations) {
        const negated = expected.startsWith('!');
        const scope = negated ? expected.slice(1) : expected;
        it(`line ${lineNumber}: ${JSON.stringify(text)} ${negated ? 'is not' : 'is'} ${scope}`, () => {
          const line = lines[lineNumber - 1];
          assert.ok(line, `the fixture has no line ${lineNumber}`);
          const start = line.text.indexOf(text);
          assert.ok(start >= 0, `line ${lineNumber} is ${JSON.stringify(line.text)}, without ${JSON.stringify(text)}`);
          const covered = scopesOver(line, start, start + text.length);
          const ok = negated ? covered.every((s) => !hasScope(s, scope)) : covered.length > 0 && covered.every((s) => hasScope(s, scope));
          assert.ok(ok, `line ${lineNumber} tokens:\n${describeLine(line)}`);
        });
      }
    });
  }

  describe('marker ids', () => {
    it('scopes 3.10 in a heading as one whole id, not 3.1 followed by 0', () => {
      const [line] = tokenizeNote(grammar, '## 3.10 Ten is not one');
      assert.ok(line);
      const ids = line.tokens.filter((t) => hasScope(t.scopes, 'constant.numeric.marker-id.coach')).map((t) => line.text.slice(t.startIndex, t.endIndex));
      assert.deepEqual(ids, ['3.10']);
    });

    it('leaves a final full stop after the id out of it', () => {
      const [line] = tokenizeNote(grammar, '#### 3.4.');
      assert.ok(line);
      const ids = line.tokens.filter((t) => hasScope(t.scopes, 'constant.numeric.marker-id.coach')).map((t) => line.text.slice(t.startIndex, t.endIndex));
      assert.deepEqual(ids, ['3.4']);
    });

    it('scopes every id of a multi-id tag whole', () => {
      const [line] = tokenizeNote(grammar, 'Named it [#3.1, #3.10 #12.3.4].');
      assert.ok(line);
      const ids = line.tokens.filter((t) => hasScope(t.scopes, 'constant.numeric.marker-id.coach')).map((t) => line.text.slice(t.startIndex, t.endIndex));
      assert.deepEqual(ids, ['3.1', '3.10', '12.3.4']);
    });

    it('does not tag [#3.4] inside inline code, even with double backticks', () => {
      const [line] = tokenizeNote(grammar, 'Write ``[#3.4]`` to tag, as in `- [ ] [#3.4]`.');
      assert.ok(line);
      assert.ok(line.tokens.every((t) => !hasScope(t.scopes, 'entity.name.tag.marker.coach')), describeLine(line));
    });
  });

  describe('ordinary Markdown still highlights inside a coach note', () => {
    const markdown = [
      '# Heading',
      '',
      'Some **bold**, *italic*, `code` and a [link](https://example.com).',
      '',
      '- a list item',
      '1. a numbered item',
      '',
      '> a quote',
      '',
      '```yaml',
      'key: value',
      'other: value',
      '```',
      '',
      '---',
    ].join('\n');
    const cases: [number, string, string][] = [
      [1, 'Heading', 'markup.heading'],
      [1, '#', 'punctuation.definition.heading.markdown'],
      [3, 'bold', 'markup.bold'],
      [3, 'italic', 'markup.italic'],
      [3, 'code', 'markup.inline.raw'],
      [3, 'link', 'meta.link.inline'],
      [3, 'https://example.com', 'markup.underline.link'],
      [5, 'a list item', 'markup.list.unnumbered'],
      [6, 'a numbered item', 'markup.list.numbered'],
      [8, 'a quote', 'markup.quote'],
      [10, '```', 'markup.fenced_code'],
      [11, 'key: value', 'markup.fenced_code'],
      [12, 'other', 'meta.embedded.block.yaml'],
      [15, '---', 'meta.separator'],
    ];
    for (const [lineNumber, text, scope] of cases) {
      it(`line ${lineNumber}: ${JSON.stringify(text)} is ${scope}`, () => {
        const line = tokenizeNote(grammar, markdown)[lineNumber - 1];
        assert.ok(line);
        const start = line.text.indexOf(text);
        const covered = scopesOver(line, start, start + text.length);
        assert.ok(covered.length > 0 && covered.every((s) => hasScope(s, scope)), describeLine(line));
      });
    }
  });

  describe('agrees with the note parser', () => {
    const setup = loadSetup();
    const notes = [
      ...notesUnder(FIXTURES),
      ...notesUnder(join(ROOT, 'test', 'fixtures', 'workspace')),
      ...notesUnder(join(ROOT, 'examples')),
    ];

    it('has notes to compare', () => {
      assert.ok(notes.length >= 3);
    });

    for (const file of notes) {
      it(relative(ROOT, file), () => {
        const text = readFileSync(file, 'utf8');
        const note = parseNote(text, file, { frameworks: setup.frameworks, defaultFramework: 'icf-trust' });
        const lines = tokenize(grammar, note.text);
        // Coach scopes start at the frontmatter's `client:` line; a note without one (which the
        // frontmatter check reports) is highlighted as plain Markdown.
        if (gateLine(note) === undefined) assert.deepEqual(coachScopes(lines), []);
        else compareWithParser(note, lines);
      });
    }
  });
});

/** The 1-based line of the frontmatter's top-level `client:` key, where coach highlighting begins. */
function gateLine(note: Note): number | undefined {
  if (!note.frontmatter.present) return undefined;
  const index = note.frontmatter.yaml.split(/\r?\n/).findIndex((l) => /^client[ \t]*:(?:[ \t]|$)/.test(l));
  return index < 0 ? undefined : index + 2;
}

/**
 * What the parser finds, the grammar scopes at the same place: marker headings, tags, agreements,
 * permission lines, directive keywords and frontmatter keys. For headings, tags, permission lines
 * and directives the reverse holds too (task boxes are scoped anywhere; agreements only count in
 * the Agreements section, which a grammar cannot know).
 */
function compareWithParser(note: Note, lines: Line[]): void {
  const at = (line: number, column: number) => scopesAt(lines[line - 1] ?? { text: '', tokens: [] }, column - 1);
  const where = (line: number) => `line ${line}: ${JSON.stringify(lines[line - 1]?.text)}\n${describeLine(lines[line - 1] ?? { text: '', tokens: [] })}`;

  const headingLines = new Set<number>();
  for (const section of note.sections) {
    if (!section.idLike) continue;
    const line = section.headingPlace.start.line;
    headingLines.add(line);
    const tokens = lines[line - 1]?.tokens ?? [];
    const ids = tokens.filter((t) => hasScope(t.scopes, 'constant.numeric.marker-id.coach') && !hasScope(t.scopes, 'entity.name.tag.marker.coach'));
    assert.ok(hasScope(at(line, section.headingPlace.start.column), 'markup.heading.marker.coach'), where(line));
    assert.deepEqual(ids.map((t) => lines[line - 1]?.text.slice(t.startIndex, t.endIndex)), [section.idLike], where(line));
  }

  const tagStarts = new Set<string>();
  for (const tag of note.tags) {
    const { line, column } = tag.place.start;
    tagStarts.add(`${line}:${column}`);
    assert.ok(hasScope(at(line, column), 'punctuation.definition.tag.begin.coach'), where(line));
  }

  for (const agreement of note.agreements) {
    const { line, column } = agreement.place.start;
    assert.ok(hasScope(at(line, column), agreement.kept ? 'markup.checkbox.kept.coach' : 'markup.checkbox.open.coach'), where(line));
  }

  const permissionLines = new Set<number>();
  for (const place of note.permissionLines) {
    permissionLines.add(place.start.line);
    assert.ok(hasScope(at(place.start.line, place.start.column), 'meta.permission.coach'), where(place.start.line));
  }

  // A directive's keyword may sit on the line after its `<!--`.
  const keywords = new Set<string>();
  for (const directive of note.directives) {
    const keyword = `coach-${directive.kind}`;
    const offset = note.text.indexOf(keyword, directive.place.start.offset);
    const { line, column } = note.lines.place(offset, offset).start;
    keywords.add(`${line}:${column}`);
    assert.ok(hasScope(at(line, column), 'keyword.control.directive.coach'), where(line));
  }

  if (note.frontmatter.closed) {
    const yamlLines = note.frontmatter.yaml.split(/\r?\n/);
    for (const key of Object.keys(note.frontmatter.data)) {
      const index = yamlLines.findIndex((l) => l.startsWith(`${key}:`));
      // Keys above `client:` come before the gate and stay plain YAML.
      if (index + 2 >= (gateLine(note) ?? Infinity)) assert.ok(hasScope(at(index + 2, 1), 'entity.name.tag.frontmatter.coach'), where(index + 2));
    }
  }

  // The reverse: nothing is scoped that the parser does not read.
  lines.forEach((line, i) => {
    const lineNumber = i + 1;
    for (const token of line.tokens) {
      const column = token.startIndex + 1;
      if (hasScope(token.scopes, 'punctuation.definition.tag.begin.coach')) assert.ok(tagStarts.has(`${lineNumber}:${column}`), `unexpected tag at ${where(lineNumber)}`);
      if (hasScope(token.scopes, 'markup.heading.marker.coach')) assert.ok(headingLines.has(lineNumber), `unexpected marker heading at ${where(lineNumber)}`);
      if (hasScope(token.scopes, 'keyword.other.permission.coach')) assert.ok(permissionLines.has(lineNumber), `unexpected permission line at ${where(lineNumber)}`);
      if (hasScope(token.scopes, 'keyword.control.directive.coach')) assert.ok(keywords.has(`${lineNumber}:${column}`), `unexpected directive at ${where(lineNumber)}`);
    }
  });
}
