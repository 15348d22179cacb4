// First, so its module-load mark is taken before the rest of the bundle runs.
import { markActivate, timing, type ActivationTiming } from './timing';
import * as vscode from 'vscode';
import type { CoverageNode } from '../core/coverage/tree-model';
import { ADD_ALLOWED_WORD, APPLY_FIX, applyFix, QuickFixProvider } from './actions/quick-fixes';
import { addAllowedWordCommand } from './commands/allow-word';
import { openNoteAt, pickQuarter, revealCurrent } from './commands/coverage-commands';
import { newSessionNote, type NewNoteArgs } from './commands/new-note';
import { generateReport, openReportWebview, type ReportArgs } from './commands/report';
import { LintController } from './diagnostics/lint-controller';
import { extendMarkdownIt } from './editing/preview';
import { registerEditingHelp } from './editing/register';
import { WorkspaceIndex } from './index/workspace-index';
import { offerAssociationMigration } from './language/association-migration';
import { OutlineProviders } from './language/outline-providers';
import { SnippetCompletionProvider } from './language/snippet-completion';
import { Output } from './output';
import { NOTE_SELECTOR } from './selector';
import { CoverageTreeProvider, OPEN_NOTE_AT } from './tree/coverage-tree';
import { registerCredentialView, type CredentialViewProvider } from './credential/credential-view';
import { registerAgreementsView, type AgreementsViewProvider } from './agreements/agreements-view';

/** What the extension exposes to other extensions and to its integration tests. */
export interface CoachNotesApi {
  index: WorkspaceIndex;
  lint: LintController;
  tree: CoverageTreeProvider;
  /** The Credential Progress view. */
  credential: CredentialViewProvider;
  /** The Agreements view. */
  agreements: AgreementsViewProvider;
  /** Resolves after the first workspace scan. */
  ready: Promise<void>;
  /** The open HTML report's webview, if any (its HTML and options, for the integration tests). */
  reportWebview(): vscode.Webview | undefined;
  /** Called by VS Code's Markdown preview (`markdown.markdownItPlugins`). */
  extendMarkdownIt<T>(md: T): T;
  /** Start-up marks (module load, activate(), first diagnostics per open note), for the activation bench. */
  timing: ActivationTiming;
}

export function activate(context: vscode.ExtensionContext): CoachNotesApi {
  markActivate('entered');
  const output = new Output();
  // The index cache lives in the extension's own storage, never in the notes folder.
  const index = new WorkspaceIndex(output, (context.storageUri ?? context.globalStorageUri).fsPath);
  const lint = new LintController(index, output);
  const tree = new CoverageTreeProvider(index);
  const view = vscode.window.createTreeView('coachNotes.coverage', { treeDataProvider: tree, showCollapseAll: true });
  tree.view = view;
  const credential = registerCredentialView(index);
  const outlines = new OutlineProviders(lint);
  // Every command reports failures to the output channel and tells the user; nothing fails silently.
  const register = (id: string, fn: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (error) {
        output.error(`Command ${id}`, error);
        void vscode.window.showErrorMessage('Coach Notes could not finish that command. The “Coach Notes” output panel has the details.');
        return undefined;
      }
    });
  const agreements = registerAgreementsView(index, register);

  context.subscriptions.push(
    output,
    index,
    lint,
    tree,
    view,
    vscode.languages.registerCodeActionsProvider(NOTE_SELECTOR, new QuickFixProvider(lint), { providedCodeActionKinds: QuickFixProvider.kinds }),
    vscode.languages.registerFoldingRangeProvider(NOTE_SELECTOR, outlines),
    vscode.languages.registerCompletionItemProvider(
      NOTE_SELECTOR,
      new SnippetCompletionProvider(vscode.Uri.joinPath(context.extensionUri, 'snippets', 'coach-notes.code-snippets'), (error) => output.error('Reading the snippets', error)),
    ),
    index.onDidChange(() => tree.refresh()),
    ...credential.disposables,
    ...agreements.disposables,
    ...registerEditingHelp(index, lint),
    register('coachNotes.newNote', (client?: NewNoteArgs | string, folder?: vscode.Uri) => newSessionNote(index, client, folder)),
    register('coachNotes.lintWorkspace', () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Coach Notes: checking every note', cancellable: true },
        (progress, token) => lint.lintWorkspace(token, progress),
      ),
    ),
    register('coachNotes.openPreview', (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      return target ? vscode.commands.executeCommand('markdown.showPreviewToSide', target) : undefined;
    }),
    register('coachNotes.generateReport', (args?: ReportArgs) => generateReport(index, output, args)),
    register(APPLY_FIX, (uri: vscode.Uri, version: number, edit: vscode.WorkspaceEdit) => applyFix(uri, version, edit)),
    register(ADD_ALLOWED_WORD, (uri: vscode.Uri, word: string) => addAllowedWordCommand(uri, word)),
    register(OPEN_NOTE_AT, (path: string, line?: number) => openNoteAt(path, line)),
    register('coachNotes.coverage.pickQuarter', () => pickQuarter(tree)),
    register('coachNotes.coverage.groupByMarker', () => setGrouping(tree, 'marker')),
    register('coachNotes.coverage.groupByClient', () => setGrouping(tree, 'client')),
    register('coachNotes.coverage.refresh', () => index.rescan()),
    register('coachNotes.coverage.revealCurrent', () => revealCurrent(tree)),
  );

  void offerAssociationMigration(context.globalState, output).catch((error: unknown) => output.error('Offering to switch files.associations', error));
  // VS Code waits for activate() to return: everything else happens just after. Notes already open
  // (the one whose opening activated the extension) are checked first, from their own text, which
  // loads the folder's setup once; the first scan then reuses it and reads the folder in workers.
  const afterActivation = setTimeout(() => {
    output.guard('Checking the open notes', () => lint.relintOpen());
    output.guard('Showing the coverage tree', () => tree.refresh());
    index.start();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(afterActivation) });
  const ready = index.ready().then(
    () => {
      tree.refresh();
      lint.relintOpen();
    },
    (error: unknown) => output.error('Reading the workspace notes', error),
  );
  const api = { index, lint, tree, credential: credential.provider, agreements: agreements.provider, ready, reportWebview: openReportWebview, extendMarkdownIt: extendMarkdownIt(index), timing };
  markActivate('returned');
  return api;
}

function setGrouping(tree: CoverageTreeProvider, grouping: 'marker' | 'client'): void {
  tree.grouping = grouping;
  tree.refresh();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

export type { CoverageNode };
