import * as vscode from 'vscode';
import { lintNote } from '../../core/engine/lint';
import type { Finding } from '../../core/model/types';
import type { Note } from '../../core/note/types';
import { decodeNote } from '../../core/workspace/files';
import { isNoteDocument } from '../documents';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { Output } from '../output';
import { readSettings } from '../settings';
import { toDiagnostic } from './to-diagnostic';

/** The last lint of a document version: code actions and the outline reuse it instead of re-parsing. */
export interface LintSnapshot {
  version: number;
  note: Note;
  findings: Finding[];
}

/**
 * Lints notes on open, on type (debounced; a result for an outdated version is dropped) and on
 * save, per `coachNotes.run`. Cross-note rules re-run when another note of the same client changes.
 */
export class LintController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('coach-notes');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly snapshots = new Map<string, LintSnapshot>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly output: Output,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.onOpen(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.onSave(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.onClose(doc)),
      // Closing the last tab of a note hides its findings at once; VS Code may keep the document
      // itself alive for minutes, so onDidCloseTextDocument alone would leave them behind.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
          const doc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (uri && doc && !doc.isDirty && !isShown(uri)) this.collection.delete(uri);
        }
      }),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri }) => this.forget(oldUri))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('coachNotes')) this.relintOpen();
      }),
      index.onDidChange((change) => {
        for (const path of change.removed ?? []) this.forget(vscode.Uri.file(path));
        this.relintOpen(change.all ? undefined : change.clients);
      }),
    );
  }

  /** Lints every open note now (e.g. after activation). */
  relintOpen(clients?: Set<string>): void {
    for (const doc of vscode.workspace.textDocuments) {
      // Only notes the user has open (a tab, or unsaved text): a closed or deleted note stays quiet.
      if (!isNoteDocument(doc) || (!doc.isDirty && !isShown(doc.uri))) continue;
      if (clients) {
        const client = this.snapshots.get(doc.uri.toString())?.note.meta.client;
        if (client === undefined || !clients.has(client)) continue;
        // Only cross-note results can change; the text is the same, so reuse the parse.
      }
      this.lintNow(doc, clients !== undefined);
    }
  }

  /** The lint of the document's current version, computing it if needed. */
  snapshot(doc: vscode.TextDocument): LintSnapshot {
    const cached = this.snapshots.get(doc.uri.toString());
    if (cached && cached.version === doc.version) return cached;
    return this.compute(doc);
  }

  private onOpen(doc: vscode.TextDocument): void {
    if (isNoteDocument(doc) && readSettings(doc.uri).run !== 'off') this.lintNow(doc);
  }

  private onChange(doc: vscode.TextDocument): void {
    if (!isNoteDocument(doc)) return;
    const settings = readSettings(doc.uri);
    if (settings.run !== 'onType') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = doc.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // A newer edit arrived after this one was scheduled: its own timer will lint it.
        if (doc.isClosed || doc.version !== version) return;
        this.lintNow(doc);
      }, settings.lintDelay),
    );
  }

  private onSave(doc: vscode.TextDocument): void {
    if (isNoteDocument(doc) && readSettings(doc.uri).run !== 'off') this.lintNow(doc);
  }

  private onClose(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.snapshots.delete(key);
    this.collection.delete(doc.uri);
    // The closed editor's unsaved text no longer counts: fall back to the file on disk.
    void this.index.refreshFromDisk(doc.uri);
  }

  private forget(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.snapshots.delete(uri.toString());
  }

  private lintNow(doc: vscode.TextDocument, reuseParse = false): void {
    this.output.guard(`Checking ${doc.uri.fsPath}`, () => {
      if (readSettings(doc.uri).run === 'off') {
        this.collection.delete(doc.uri);
        return;
      }
      const cached = this.snapshots.get(doc.uri.toString());
      const snap = reuseParse && cached?.version === doc.version ? this.relint(doc, cached) : this.compute(doc);
      if (doc.version !== snap.version) return; // stale: the text moved on while we worked
      this.collection.set(doc.uri, snap.findings.map(toDiagnostic));
    });
  }

  private compute(doc: vscode.TextDocument): LintSnapshot {
    const { note, state } = this.index.updateFromText(doc.uri, doc.getText());
    const findings = lintNote(note, state.setup, { workspace: state.index, severities: readSettings(doc.uri).severities });
    const snap = { version: doc.version, note, findings };
    this.snapshots.set(doc.uri.toString(), snap);
    return snap;
  }

  private relint(doc: vscode.TextDocument, snap: LintSnapshot): LintSnapshot {
    const state = this.index.stateFor(doc.uri);
    const findings = lintNote(snap.note, state.setup, { workspace: state.index, severities: readSettings(doc.uri).severities });
    const next = { ...snap, findings };
    this.snapshots.set(doc.uri.toString(), next);
    return next;
  }

  /** "Lint Workspace": every note's findings into the Problems panel, cancellable. */
  async lintWorkspace(token: vscode.CancellationToken, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<number> {
    await this.index.ready();
    const summaries = this.index.allSummaries();
    let done = 0;
    for (const summary of summaries) {
      if (token.isCancellationRequested) break;
      const uri = vscode.Uri.file(summary.path);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) this.lintNow(open);
      else {
        await this.output.guardAsync(`Checking ${summary.path}`, async () => {
          const state = this.index.stateFor(uri);
          const text = decodeNote(uri.fsPath, await vscode.workspace.fs.readFile(uri)).text;
          const { note } = this.index.updateFromText(uri, text);
          this.collection.set(uri, lintNote(note, state.setup, { workspace: state.index, severities: readSettings(uri).severities }).map(toDiagnostic));
        });
      }
      done++;
      progress.report({ message: `${done} of ${summaries.length}`, increment: 100 / summaries.length });
      if (done % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return done;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** Whether any editor tab shows this document. */
function isShown(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
}
