import * as vscode from 'vscode';
import { recentClients, type KnownClient } from '../../core/editing/clients';
import { freeFileName, planNewSession } from '../../core/editing/new-session';
import { sessionNoteDraft } from '../../core/note/template';
import type { WorkspaceIndex } from '../index/workspace-index';

export { clientSlug } from '../../core/editing/new-session';

/** Arguments of `coachNotes.newNote` from code (tests, keybindings): skip the client pick, or write an untitled note. */
export interface NewNoteArgs {
  client?: string;
  /** The folder a new client's folder goes in; default: the first workspace folder. */
  folder?: vscode.Uri;
  /** Open an unsaved note instead of a file, as when the window has no folder. */
  untitled?: boolean;
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * "New Session Note": picks the client (existing ones first, most recent first), then files a
 * numbered note where that client's notes live, with their open agreements carried forward, and
 * leaves the cursor in the first section. An existing file is never overwritten: a free name is
 * taken instead. Without a workspace folder the note opens unsaved.
 * Returns the new note's URI, or undefined when nothing was created.
 */
export async function newSessionNote(index: WorkspaceIndex, arg?: string | NewNoteArgs, folderArg?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const args: NewNoteArgs = typeof arg === 'string' ? { client: arg } : typeof arg === 'object' && arg !== null ? arg : {};
  const root = (args.folder instanceof vscode.Uri ? args.folder : undefined) ?? folderArg ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  await index.ready();
  const named = typeof args.client === 'string' ? args.client : await pickClient(recentClients(index.allSummaries()));
  const client = named?.trim();
  if (!client) return undefined;
  const date = today();
  if (!root || args.untitled === true) return untitledNote(index, client, date, root);

  const plan = planNewSession({ client, date, root: root.fsPath, summaries: index.allSummaries() });
  const folder = vscode.Uri.file(plan.folder);
  // A folder not made yet holds no names (stat first: a failed read is logged as an error).
  const exists = await vscode.workspace.fs.stat(folder).then(() => true, () => false);
  const taken = exists ? (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name) : [];
  const uri = vscode.Uri.joinPath(folder, freeFileName(plan.fileName, taken));
  const framework = frameworkFor(index, uri);
  if (!framework) return undefined;
  const draft = sessionNoteDraft(framework, { client, date, session: plan.session, carried: plan.carried });
  const edit = new vscode.WorkspaceEdit();
  // Never overwrite, even if the file appeared since the folder was read: then the edit fails.
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: Buffer.from(draft.text, 'utf8') });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(`Coach Notes could not create ${vscode.workspace.asRelativePath(uri)}: it may exist already. Nothing was overwritten.`);
    return undefined;
  }
  // Known at once, not when the file watcher gets to it: a second note right after is numbered on.
  await index.refreshFromDisk(uri);
  placeCursor(await vscode.window.showTextDocument(uri), draft.cursor);
  return uri;
}

/** No folder to file it in: an unsaved note named like a saved one, so it is linted as a note. */
async function untitledNote(index: WorkspaceIndex, client: string, date: string, root: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const plan = planNewSession({ client, date, root: root?.fsPath ?? '/', summaries: index.allSummaries() });
  const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').map((d) => d.uri.path.split('/').pop() ?? '');
  const name = freeFileName(plan.fileName, open);
  // Under a folder, the untitled path is where Save offers to put it.
  const uri = root ? vscode.Uri.joinPath(vscode.Uri.file(plan.folder), name).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
  const framework = frameworkFor(index, uri);
  if (!framework) return undefined;
  const draft = sessionNoteDraft(framework, { client, date, session: plan.session, carried: plan.carried });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  if (!(await editor.edit((e) => e.insert(new vscode.Position(0, 0), draft.text)))) return undefined;
  placeCursor(editor, draft.cursor);
  return uri;
}

function frameworkFor(index: WorkspaceIndex, uri: vscode.Uri) {
  const setup = index.stateFor(uri).setup;
  return setup.frameworks.get(setup.config.framework);
}

function placeCursor(editor: vscode.TextEditor, offset: number): void {
  const at = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

interface ClientItem extends vscode.QuickPickItem {
  client?: string;
}

const NEW_CLIENT = '$(add) New client…';

/** The workspace's clients, most recent first, then "New client…" (which takes what is typed as the name). */
function pickClient(clients: KnownClient[]): Promise<string | undefined> {
  if (clients.length === 0) return askNewClient();
  const pick = vscode.window.createQuickPick<ClientItem>();
  pick.title = 'New Session Note';
  pick.placeholder = 'Choose a client, or type a new name';
  const known: ClientItem[] = clients.map((c) => ({
    label: c.name,
    description: [c.lastDate ? `last session ${c.lastDate}` : undefined, `${c.notes} ${c.notes === 1 ? 'note' : 'notes'}`].filter(Boolean).join(' · '),
    client: c.name,
  }));
  const separator: ClientItem = { label: 'new', kind: vscode.QuickPickItemKind.Separator };
  const fresh = (typed: string): ClientItem => ({ label: typed ? `$(add) New client: ${typed}` : NEW_CLIENT, alwaysShow: true });
  pick.items = [...known, separator, fresh('')];
  return new Promise((resolve) => {
    let done = false;
    pick.onDidChangeValue((value) => {
      pick.items = [...known, separator, fresh(value.trim())];
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      if (!chosen || done) return;
      const typed = pick.value.trim();
      // Closed before asking for a name, so the input box does not read as the pick being dismissed.
      done = true;
      pick.dispose();
      resolve(chosen.client ?? (typed || askNewClient()));
    });
    pick.onDidHide(() => {
      if (done) return;
      done = true;
      pick.dispose();
      resolve(undefined);
    });
    pick.show();
  });
}

function askNewClient(): Promise<string | undefined> {
  return Promise.resolve(
    vscode.window.showInputBox({
      title: 'New Session Note',
      prompt: 'Client name or code',
      placeHolder: 'e.g. Maria or C-014',
      validateInput: (v) => (v.trim() ? undefined : 'Enter a name or a code for the client.'),
    }),
  );
}
