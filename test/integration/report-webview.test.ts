import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HOSTILE } from '../unit/support/report-fixtures';
import { coachNotes, workspaceUri, writeNote } from './support/api';

// The report issue's injection payloads, as client names, a folder name and a framework id. A
// quarter of its own (2025-Q3) keeps them out of the other suites' reports.
const FOLDER = `hostile ${HOSTILE.svg} ${HOSTILE.attr}`;
const CLIENTS = [`Ana ${HOSTILE.script}`, `Bo ${HOSTILE.img} ${HOSTILE.pipes}`, `Cy ${HOSTILE.mdLink} ${HOSTILE.mdLink2} ${HOSTILE.image}`, `${HOSTILE.formula} ${HOSTILE.backticks} ${HOSTILE.attr}`];
const UNKNOWN_FRAMEWORK = '<img src=x onerror="window.__pwned=5">';

function notes(): Record<string, string> {
  const files: Record<string, string> = {};
  CLIENTS.forEach((client, i) => {
    files[`${FOLDER}/n${i}.coach.md`] = `---\nclient: ${JSON.stringify(client)}\ndate: 2025-08-0${i + 1}\nduration: 45\n---\n\n## 3.1 Genuine concern\n\nAsked about the week.\n`;
  });
  // Invalid, so it is listed with its reason, which quotes the framework id.
  files[`${FOLDER}/unknown.coach.md`] = `---\nclient: Dee\ndate: 2025-08-09\nframework: ${JSON.stringify(UNKNOWN_FRAMEWORK)}\n---\n\nText.\n`;
  return files;
}

/** `directive → sources` of a Content-Security-Policy value. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Every start tag of the page: its name, and its attributes with quoted values blanked out. */
function startTags(html: string): { name: string; attributes: string }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)].map((m) => ({ name: (m[1] ?? '').toLowerCase(), attributes: (m[2] ?? '').replace(/"[^"]*"|'[^']*'/g, '""') }));
}

suite('the HTML report webview', () => {
  const written: vscode.Uri[] = [];

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of written) await Promise.resolve(vscode.workspace.fs.delete(uri, { useTrash: false })).catch(() => undefined);
    await Promise.resolve(vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true, useTrash: false })).catch(() => undefined);
    const api = await coachNotes();
    for (const uri of written) api.index.remove(uri);
  });

  test('gets a strict Content-Security-Policy, no scripts, and every injection payload as escaped text', async () => {
    const api = await coachNotes();
    for (const [rel, text] of Object.entries(notes())) {
      const uri = await writeNote(rel, text);
      written.push(uri);
      // Indexed now, not whenever the file watcher gets to it.
      await api.index.refreshFromDisk(uri);
    }
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('coachNotes.generateReport', { quarter: '2025-Q3', format: 'html', onExists: 'newName' });
    assert.ok(report, 'a report was written');
    written.push(report);
    const webview = api.reportWebview();
    assert.ok(webview, 'the report opened in a webview');
    const html = webview.html;
    const onDisk = Buffer.from(await vscode.workspace.fs.readFile(report)).toString('utf8');
    const blankLinks = (page: string) => page.replace(/ href="[^"]*"/g, ' href=""');
    assert.equal(blankLinks(html), blankLinks(onDisk), 'the webview shows the report as written, but for where its note links go');

    // The webview itself: no scripts, no local files, and the one command its note links need.
    assert.notEqual(webview.options.enableScripts, true);
    assert.deepEqual(webview.options.localResourceRoots, []);
    assert.deepEqual(webview.options.enableCommandUris, ['coachNotes.openNoteAt']);

    // One CSP, in <head> before any style or content: nothing loads, nothing runs.
    const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/gi)];
    assert.equal(policies.length, 1);
    const at = policies[0]?.index ?? Infinity;
    assert.ok(at < html.indexOf('<style') && at < html.indexOf('<body') && at > html.indexOf('<head>'));
    const csp = parseCsp(policies[0]?.[1] ?? '');
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    for (const directive of ['script-src', 'script-src-elem', 'script-src-attr', 'connect-src', 'frame-src', 'object-src', 'img-src', 'font-src', 'media-src']) {
      const sources = csp.get(directive);
      if (sources) assert.ok(sources.every((s) => s === "'none'" || (directive === 'img-src' && s === 'data:')), `${directive} ${sources.join(' ')}`);
    }
    assert.ok(!/'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'|\*/.test(policies[0]?.[1] ?? ''));

    // No live markup from the notes: only the renderer's own tags, none with an event handler or a script URL.
    const tags = startTags(html);
    assert.ok(tags.length > 50);
    for (const tag of tags) {
      assert.ok(!['script', 'img', 'iframe', 'object', 'embed', 'link', 'base', 'form'].includes(tag.name), `a <${tag.name}> tag`);
      assert.doesNotMatch(tag.attributes, /\son\w+\s*=/i, `<${tag.name}${tag.attributes}>`);
    }
    assert.doesNotMatch(html, /(href|src)\s*=\s*["']?\s*javascript:/i);
    assert.doesNotMatch(html, /(href|src)\s*=\s*["']?\s*https?:/i, 'nothing from the notes is fetched');

    // Each payload is there, as text.
    for (const raw of [HOSTILE.script, HOSTILE.img, HOSTILE.svg, HOSTILE.attr, UNKNOWN_FRAMEWORK]) assert.ok(!html.includes(raw), `raw: ${raw}`);
    assert.ok(html.includes('Ana &lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('Bo &lt;img src=x onerror=&quot;window.__pwned=2;alert(1)&quot;&gt;'));
    assert.ok(html.includes('&lt;svg onload=window.__pwned=3&gt;'), 'the folder name');
    assert.ok(html.includes('&lt;img src=x onerror=&quot;window.__pwned=5&quot;&gt;'), 'the framework id, in the reason the note is left out');
  });

  test('each dated note links to the note in the editor, through the open-note command only', async () => {
    const api = await coachNotes();
    const html = api.reportWebview()?.html ?? '';
    const unescape = (value: string) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#96;/g, '`').replace(/&amp;/g, '&');
    // Date cells of the notes table: <td class="date"><a href="…">2025-08-01</a></td>.
    const dated = [...html.matchAll(/<td class="date"><a href="([^"]*)">([^<]*)<\/a><\/td>/g)].map((m) => ({ href: unescape(m[1] ?? ''), date: m[2] ?? '' }));
    assert.equal(dated.length, CLIENTS.length, 'a link on each dated note');
    const hrefs = [...html.matchAll(/ href="([^"]*)"/g)].map((m) => unescape(m[1] ?? ''));
    for (const href of hrefs) assert.match(href, /^command:coachNotes\.openNoteAt\?/, 'every link in the page opens a note, and only that');
    for (const [i, { href, date }] of dated.entries()) {
      const uri = vscode.Uri.parse(href);
      const args = JSON.parse(decodeURIComponent(uri.query)) as unknown[];
      assert.equal(date, `2025-08-0${i + 1}`);
      assert.deepEqual(args, [workspaceUri(FOLDER, `n${i}.coach.md`).fsPath]);
      // What VS Code runs when the link is clicked: the command with these arguments.
      await vscode.commands.executeCommand(uri.path, ...args);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri(FOLDER, `n${i}.coach.md`).fsPath, `the link of ${date} opens its note`);
    }
    // Even if a link were forged, the command opens coach notes only.
    const other = await writeNote('not-a-note.txt', 'plain text');
    written.push(other);
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    await vscode.commands.executeCommand('coachNotes.openNoteAt', other.fsPath);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before, 'a file that is not a note stays closed');
  });
});
