import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoachNotesApi } from '../../src/extension/main';
import { coachNotes, EXTENSION_ID, open, writeNote } from './support/api';
import { ruleOf, waitFor, waitForDiagnostics } from './support/wait';

// A client of its own, so notes other suites write never change the counts asserted here.
const FIRST = `---
client: Robin Ellis
date: 2026-01-12
session: 1
---

## 3.1 Genuine concern

Asked how the new role was landing.

## Agreements

- [ ] Draft the team charter, due 2026-01-26
`;

const SECOND = `---
client: Robin Ellis
date: 2026-02-09
session: 2
duration: 60
---

## 3.1 Genuine concern

Checked in on the move first.

## 3.5 Championing new behaviours

Robin ran the retro alone [#3.5] and kept to her pace [#3.1 #3.4].

**Permission:** Asked whether to look at the conflict with her manager. She said yes.

She was lazy about the charter.

## Agreements

- [x] Draft the team charter
- [ ] Share the charter with the team, due 2026-02-20
`;

/** Labels of the items of one kind (VS Code adds word-based suggestions of its own). */
const labels = (list: vscode.CompletionList, kind?: vscode.CompletionItemKind) =>
  list.items.filter((i) => kind === undefined || i.kind === kind).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');

suite('help while writing', () => {
  let api: CoachNotesApi;
  let first: vscode.Uri;
  let second: vscode.Uri;

  suiteSetup(async () => {
    api = await coachNotes();
    first = await writeNote('robin-ellis/robin-ellis-2026-01-12.coach.md', FIRST);
    second = await writeNote('robin-ellis/robin-ellis-2026-02-09.coach.md', SECOND);
    await waitFor(api.index.onDidChange, () => api.index.allSummaries().filter((s) => s.client === 'Robin Ellis').length === 2, 'both of Robin\'s notes in the index', 45_000);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('completion: marker ids and titles in a heading and after [#, frontmatter keys and values', async () => {
    const draft = await writeNote('robin-ellis/draft.coach.md', '---\nclient: Robin Ellis\nsession: \nframework: \n\n---\n\n## \n\nShe tried it [#\n');
    const doc = (await open(draft)).document;
    const at = (line: number, character: number) => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character));

    const heading = await at(7, 3);
    assert.ok(labels(heading).includes('3.1 Genuine concern'), labels(heading).join(', '));
    const concern = heading.items.find((i) => i.label === '3.6 Permission in sensitive areas');
    assert.ok(concern?.documentation instanceof vscode.MarkdownString && /Asks permission to coach the client/.test(concern.documentation.value.replace(/\\(.)/g, '$1')));

    const tag = await at(9, 15);
    assert.ok(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6'].every((id) => labels(tag).includes(id)), labels(tag).join(', '));
    assert.equal(tag.items.find((i) => i.label === '3.5')?.insertText, '3.5]');

    const keys = labels(await at(4, 0), vscode.CompletionItemKind.Property);
    assert.ok(keys.includes('date') && keys.includes('duration') && !keys.includes('client') && !keys.includes('session'), keys.join(', '));

    // Other suites add notes too: the expected order is read from the index, latest session first.
    const latest = new Map<string, string>();
    for (const s of api.index.allSummaries()) if (s.client) latest.set(s.client, [s.date ?? '', latest.get(s.client) ?? ''].sort()[1] ?? '');
    const expected = [...latest].sort((a, b) => b[1].localeCompare(a[1]) || a[0].localeCompare(b[0])).map(([name]) => name);
    const clients = labels(await at(1, 8), vscode.CompletionItemKind.Value);
    assert.deepEqual(clients, expected);
    assert.ok(clients.includes('Robin Ellis') && clients.includes('Alex Morgan'), clients.join(', '));

    assert.deepEqual(labels(await at(2, 9), vscode.CompletionItemKind.Value), ['3'], 'the next session number for Robin');
    assert.ok(labels(await at(3, 11), vscode.CompletionItemKind.Value).includes('icf-pcc-2020'));

    const dated = await writeNote('robin-ellis/dated.coach.md', '---\nclient: Robin Ellis\ndate: \n---\n');
    await open(dated);
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const dates = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', dated, new vscode.Position(2, 6));
    assert.deepEqual(labels(dates, vscode.CompletionItemKind.Value).slice(0, 1), [today], 'date: offers today first');
    await vscode.workspace.fs.delete(dated);

    const plain = await writeNote('robin-ellis/plain.md', '## \n');
    await open(plain);
    const other = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', plain, new vscode.Position(0, 3));
    assert.ok(!labels(other).includes('3.1 Genuine concern'), 'plain Markdown gets no marker completion');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(draft);
    await vscode.workspace.fs.delete(plain);
  });

  test('hover: a marker heading or tag shows the marker, its framework and how often it is evidenced for the client; a finding shows its rule', async () => {
    const doc = (await open(second)).document;
    const pos = (text: string, plus = 0) => doc.positionAt(doc.getText().indexOf(text) + plus);
    const hover = async (p: vscode.Position) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, p));

    const heading = await hover(pos('## 3.5', 5));
    assert.match(heading, /3\.5 Championing new behaviours/);
    assert.match(heading, /Provides ongoing support for and champions new behaviours/);
    assert.match(heading, /Framework: ICF 3: Establishing Trust and Intimacy with the Client \(`icf-trust`\)/);
    assert.match(heading, /Evidenced for Robin Ellis in 1 of 2 notes, this one included\./);

    const genuine = await hover(pos('#3.1', 2));
    assert.match(genuine, /3\.1 Genuine concern/);
    assert.match(genuine, /in 2 of 2 notes, this one included; in an earlier note last on 2026-01-12\./);

    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'coach:judgmental-language'), 'the judgmental-language finding');
    const finding = await hover(pos('lazy', 1));
    assert.match(finding, /coach:judgmental-language/);
    assert.match(finding, /docs\/rules\.md#judgmental-language/);
    assert.equal(await hover(pos('Checked in')), '', 'plain prose has no hover');
  });

  test('a CodeLens at the top sums the note up and opens the client\'s adjacent notes', async () => {
    await open(second);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', second, 10);
    assert.ok(lenses.every((l) => l.range.start.line === 0));
    assert.deepEqual(lenses.map((l) => l.command?.title), ['4/6 markers evidenced · 1 open agreement', '← previous session', 'latest session']);
    const previous = lenses[1]?.command;
    assert.ok(previous);
    await vscode.commands.executeCommand(previous.command, ...(previous.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.toString());

    const back = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', first, 10);
    assert.deepEqual(back.map((l) => l.command?.title), ['1/6 markers evidenced · 1 open agreement', 'first session', 'next session →']);
    assert.equal((back[2]?.command?.arguments?.[0] as vscode.Uri | undefined)?.toString(), second.toString());
  });

  test('the Markdown preview renders chips, the permission callout, agreements and the session header, scripts-free', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: Record<string, unknown> };
    assert.equal(pkg.contributes['markdown.markdownItPlugins'], true);
    assert.deepEqual(pkg.contributes['markdown.previewStyles'], ['./media/preview.css']);

    const doc = await vscode.workspace.openTextDocument(second);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
    assert.match(html, /<header class="coach-header" aria-label="Session"><span class="coach-header-client">Robin Ellis<\/span>.*Session 2.*60 min<\/span><\/header>/);
    assert.match(html, /<span class="coach-tag" title="3\.5 Championing new behaviours">3\.5<\/span>/);
    assert.match(html, /<span class="coach-tag" title="3\.1 Genuine concern">3\.1<\/span><span class="coach-tag" title="3\.4 Respect for the client">3\.4<\/span>/);
    assert.match(html, /<p [^>]*class="[^"]*coach-callout coach-permission"[^>]*role="note"[^>]*><strong>Permission:<\/strong>/);
    assert.match(html, /<span class="coach-due coach-overdue">due 2026-02-20 <strong class="coach-overdue-label">⚠ overdue<\/strong><\/span>/);
    assert.match(html, /aria-label="kept">☑<\/span> Draft the team charter/);
    // Strict preview security: the plugin adds no script, event handler or inline style.
    assert.doesNotMatch(html, /<script|\son\w+=|\sstyle=/i);

    const plainUri = await writeNote('robin-ellis/notes.md', SECOND);
    const plain = await vscode.commands.executeCommand<string>('markdown.api.render', await vscode.workspace.openTextDocument(plainUri));
    assert.doesNotMatch(plain, /coach-/, 'plain Markdown renders as before');
    assert.match(plain, /\[#3\.5\]/);
    await vscode.workspace.fs.delete(plainUri);
  });
});
