import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { coachNotes, EXTENSION_ID, open, workspaceUri, writeNote } from './support/api';
import { canQueryPage, queryPage } from './support/page-query';

/**
 * The coach highlighting as the real VS Code applies it: the injected grammars of package.json,
 * loaded by VS Code's own TextMate service on top of its own Markdown grammar. The expectations
 * are the unit grammar test's (test/fixtures/grammar/expectations.json), which runs the same
 * grammars on a copy of Markdown's grammar outside VS Code.
 *
 * VS Code gives extensions no API for TextMate scopes, so each host is asked its own way:
 * the desktop workbench (@vscode/test-electron) has the command behind VS Code's colorizer
 * tests; the browser workbench of the offline runner has not, and there the test opens
 * Developer: Inspect Editor Tokens and Scopes and reads the scopes it shows at each place.
 */

const CAPTURE = '_workbench.captureSyntaxTokens';
const INSPECT = 'editor.action.inspectTMScopes';
type Expectation = [line: number, text: string, scope: string];

/** Ours: every coach scope, and the frontmatter the coach grammar opens. */
const OURS = /\.coach\b|frontmatter/;
const COACH_SCOPE = /\.coach(?:\.|$)/;
const hasScope = (scopes: string[], wanted: string) => scopes.some((s) => s === wanted || s.startsWith(`${wanted}.`));

interface Inspected {
  /** The token's text, whitespace shown as marks, shortened to "first…last" when long. */
  token: string;
  scopes: string[];
  /** All the widget shows, for messages. */
  text: string;
}

/** Reads the scopes at a place, however this host allows it. */
interface ScopeReader {
  /** The scopes at 0-based `column` of 1-based `line`. */
  at(line: number, column: number): Promise<string[]>;
  /** Every scope the note's tokens carry. */
  all(): Promise<string[]>;
}

/** Desktop: one call gives every token of the file, in order, lines concatenated. */
async function capturedReader(uri: vscode.Uri, text: string): Promise<ScopeReader> {
  const tokens = await vscode.commands.executeCommand<{ c: string; t: string }[]>(CAPTURE, uri);
  const lines = text.split(/\r?\n/).map((line) => ({ line, tokens: [] as { start: number; end: number; scopes: string[] }[] }));
  let next = 0;
  for (const entry of lines) {
    let column = 0;
    while (column < entry.line.length) {
      const token = tokens[next++];
      assert.ok(token, `the captured tokens end before line ${JSON.stringify(entry.line)}`);
      entry.tokens.push({ start: column, end: column + token.c.length, scopes: token.t.split(' ') });
      column += token.c.length;
    }
  }
  return {
    at: async (line, column) => lines[line - 1]?.tokens.find((t) => t.start <= column && column < t.end)?.scopes ?? [],
    all: async () => tokens.flatMap((t) => t.t.split(' ')),
  };
}

/** Browser: Inspect Editor Tokens follows the cursor; the runner reads what it shows. */
async function inspectorReader(editor: vscode.TextEditor): Promise<ScopeReader> {
  const inspected = () => queryPage<Inspected | null>('tokenInspector');
  if ((await inspected()) === null) await vscode.commands.executeCommand(INSPECT);
  const at = async (line: number, column: number): Promise<string[]> => {
    const position = new vscode.Position(line - 1, column);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const lineText = editor.document.lineAt(line - 1).text;
    // The widget redraws after the cursor moves: wait until it shows a token that covers the place.
    let last: Inspected | null = null;
    for (let attempt = 0; attempt < 40; attempt++) {
      last = await inspected();
      // Between two drawings the widget can be empty for a moment.
      if (last && last.scopes.length > 0 && coversColumn(lineText, last.token, column)) return last.scopes;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Inspect Editor Tokens showed ${JSON.stringify(last)} for line ${line}, column ${column} of ${JSON.stringify(lineText)}`);
  };
  return {
    at,
    all: async () => {
      const scopes: string[] = [];
      for (let line = 1; line <= editor.document.lineCount; line++) {
        const text = editor.document.lineAt(line - 1).text;
        // One place per word is enough to see any coach scope the line could carry.
        for (const word of text.matchAll(/\S+/g)) scopes.push(...(await at(line, word.index)));
      }
      return scopes;
    },
  };
}

/** Whether the token the inspector shows (shortened to "first…last" when long) can be the one at `column`. */
function coversColumn(lineText: string, token: string, column: number): boolean {
  const [head = '', tail = ''] = token.replace(/[\u00b7\u2192]/g, (mark) => (mark === '\u2192' ? '\t' : ' ')).split('\u2026');
  if (head.length === 0) return false;
  for (let start = lineText.indexOf(head); start >= 0 && start <= column; start = lineText.indexOf(head, start + 1)) {
    const end = tail ? lineText.indexOf(tail, start + head.length) + tail.length : start + head.length;
    if (end > column && end >= start + head.length) return true;
  }
  return false;
}

async function readerFor(uri: vscode.Uri, text: string): Promise<ScopeReader> {
  const editor = await open(uri);
  if ((await vscode.commands.getCommands(true)).includes(CAPTURE)) return capturedReader(uri, text);
  if (canQueryPage()) return inspectorReader(editor);
  throw new Error(`This host has neither ${CAPTURE} nor the offline runner's page queries: no way to read TextMate scopes.`);
}

suite('coach highlighting in a real VS Code', () => {
  let fixtures: string;
  let expectations: [string, Expectation[]][];

  suiteSetup(async () => {
    await coachNotes();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    fixtures = join(extension.extensionPath, 'test', 'fixtures', 'grammar');
    const raw = JSON.parse(readFileSync(join(fixtures, 'expectations.json'), 'utf8')) as Record<string, unknown>;
    expectations = Object.entries(raw).filter(([key]) => !key.startsWith('$')) as [string, Expectation[]][];
    assert.ok(expectations.length >= 3);
  });

  teardown(async () => {
    if (canQueryPage()) await vscode.commands.executeCommand(INSPECT).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(workspaceUri('md-highlight'), { recursive: true, useTrash: false });
  });

  test('a coach note carries the coach scopes where the grammar test expects them, and nowhere it forbids them', async function () {
    this.timeout(240_000);
    let checked = 0;
    for (const [fixture, list] of expectations) {
      const text = readFileSync(join(fixtures, fixture), 'utf8');
      const uri = await writeNote(`md-highlight/${fixture}`, text);
      const reader = await readerFor(uri, text);
      const lines = text.split(/\r?\n/);
      for (const [line, piece, expected] of list) {
        const negated = expected.startsWith('!');
        const scope = negated ? expected.slice(1) : expected;
        if (!OURS.test(scope)) continue; // Markdown's own scopes are the unit test's business.
        const column = lines[line - 1]?.indexOf(piece) ?? -1;
        assert.ok(column >= 0, `${fixture}:${line} has no ${JSON.stringify(piece)}`);
        const scopes = await reader.at(line, column);
        assert.equal(hasScope(scopes, scope), !negated, `${fixture}:${line} ${JSON.stringify(piece)} ${negated ? 'must not be' : 'must be'} ${scope}; VS Code gives ${scopes.join(' ')}`);
        checked++;
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.ok(checked >= 60, `only ${checked} places checked`);
  });

  // A grammar cannot see the file's name: the coach scopes start at the frontmatter's `client:`
  // line (README, Highlighting). Markdown without one stays plain, whatever else it holds.
  test('Markdown that is not a coach note gets no coach scope, even with marker headings, tags and Permission lines', async function () {
    this.timeout(240_000);
    const text = readFileSync(join(fixtures, 'session.coach.md'), 'utf8').replace(/^client: .*$/m, 'title: Release notes');
    assert.match(text, /\[#3\.1\]/);
    const uri = await writeNote('md-highlight/session.md', text);
    const reader = await readerFor(uri, text);
    const scopes = await reader.all();
    assert.ok(scopes.some((s) => s.startsWith('markup.heading')), 'Markdown highlighting is there');
    assert.deepEqual(scopes.filter((s) => COACH_SCOPE.test(s)), []);
  });
});
