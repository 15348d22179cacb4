import * as vscode from 'vscode';
import { lintNote } from '../../core/engine/lint';
import type { EngineSetup } from '../../core/engine/setup';
import { parseWith } from '../../core/workspace/batch';
import { bundledWorker } from '../../core/workers/pool';
import { decodeNote, NOTE_GLOB } from '../../core/workspace/files';
import { isNoteDocument } from '../documents';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { Output } from '../output';
import { markDiagnostics, markOpened } from '../timing';
import { readLintSettings } from '../settings';
import { createNodeWorker, LintWorkerClient } from './lint-worker-client';
import { LintScheduler, type LintDoc, type LintSnapshot, type SchedulerPort } from './lint-scheduler';
import { toDiagnostic } from './to-diagnostic';

export type { LintSnapshot };

/** Lint Workspace keeps this many notes queued for the worker, so it never waits on a round trip. */
const WORKSPACE_WINDOW = 4;
/** Edits that change a note's summary come in bursts while typing; closed notes of that client are checked again once it settles. */
const CLIENT_SETTLE = 1000;

/** The bundled lint worker beside the extension bundle (dist/lint-worker.js); absent under the TypeScript sources. */
export function lintWorkerScript(): string | undefined {
  return bundledWorker('lint-worker.js');
}

/**
 * Lints notes on open, on type (debounced; a result for an outdated version is dropped) and on
 * save, per `coachNotes.run`. Cross-note rules re-run when another note of the same client changes.
 * Notes of 256 KB and more, and Lint Workspace, are checked in a worker thread (LintScheduler,
 * LintWorkerClient): this class only adapts VS Code's events and documents to them.
 */
export class LintController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('coach-notes');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly docs = new WeakMap<vscode.TextDocument, LintDoc>();
  private readonly setupIds = new WeakMap<EngineSetup, number>();
  private nextSetupId = 1;
  readonly worker: LintWorkerClient | undefined;
  readonly scheduler: LintScheduler;
  /**
   * Notes whose Problems entries come from their saved file (the start-up check or Lint Workspace)
   * while no editor shows them. An editor's findings replace them; closing it brings them back.
   */
  private readonly fromDisk = new Set<string>();
  /** Bumped when an editor takes a note over or lets it go: a file check begun before then is stale. */
  private readonly handovers = new Map<string, number>();
  /** Bumped when the start-up check is turned off: file checks still in flight then are not shown. */
  private fileEpoch = 0;
  private background: Promise<void> | undefined;
  private backgroundAgain = false;
  private started = false;
  private settleTimer: NodeJS.Timeout | undefined;
  private readonly settling = new Set<string>();
  /** Closed notes checked from their files, per thread (for tests: the start-up check must not use the host's). */
  readonly fileChecks = { worker: 0, host: 0 };

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly output: Output,
    workerScript: string | undefined = lintWorkerScript(),
  ) {
    this.worker = workerScript ? new LintWorkerClient({ create: createNodeWorker(workerScript), error: (context, error) => output.error(context, error) }) : undefined;
    this.scheduler = new LintScheduler(this.port(), this.worker);
    const saved = vscode.workspace.createFileSystemWatcher(NOTE_GLOB, true, false, true);
    this.disposables.push(
      saved,
      // A closed note changed on disk (another editor, a sync, git): its file findings are redone.
      saved.onDidChange((uri) => {
        if (this.fromDisk.has(uri.toString()) && !isLive(uri)) void this.checkSavedFile(uri);
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (!isNoteDocument(doc)) return;
        markOpened(doc.uri.toString());
        this.handOver(doc.uri);
        this.scheduler.opened(this.lintDoc(doc));
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isNoteDocument(e.document)) this.scheduler.changed(this.lintDoc(e.document));
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (isNoteDocument(doc)) this.scheduler.saved(this.lintDoc(doc));
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.onClose(doc)),
      // Closing the last tab of a note hides its findings at once; VS Code may keep the document
      // itself alive for minutes, so onDidCloseTextDocument alone would leave them behind.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
          const doc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (uri && doc && !doc.isDirty && !isShown(uri)) this.leftEditor(uri);
        }
      }),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri }) => this.forget(oldUri))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('coachNotes')) return;
        this.relintOpen();
        // Only settings that change findings redo the closed notes; a reports setting does not.
        const findings = ['coachNotes.lint.workspaceOnStartup', 'coachNotes.run', 'coachNotes.severity'].some((name) => e.affectsConfiguration(name));
        if (!this.started || !findings) return;
        if (readLintSettings().workspaceOnStartup) this.requestBackground();
        else this.dropFileFindings();
      }),
      index.onDidChange((change) => {
        for (const path of change.removed ?? []) this.forget(vscode.Uri.file(path));
        this.relintOpen(change.all ? undefined : change.clients);
        // Cross-note rules: closed notes of the same client may read differently now.
        if (!this.started) return;
        if (change.all) this.requestBackground();
        else this.settleClients(change.clients);
      }),
    );
    // After the first scan, the whole workspace's findings reach the Problems panel without opening each note.
    void index.ready().then(
      () => {
        this.started = true;
        this.requestBackground();
      },
      () => undefined,
    );
  }

  /**
   * The start-up check (`coachNotes.lint.workspaceOnStartup`): every note no editor shows, read
   * from its file and checked in the lint worker at batch priority, so the extension host thread
   * never parses them. Resolves when the pass (and any pass asked for meanwhile) is done.
   */
  async checkClosedNotes(): Promise<void> {
    this.requestBackground();
    // A pass asked for while one runs starts when that one ends: wait for the last.
    while (this.background) await this.background;
  }

  private requestBackground(): void {
    if (!readLintSettings().workspaceOnStartup) return;
    if (this.background) {
      this.backgroundAgain = true;
      return;
    }
    this.background = this.backgroundPass().finally(() => {
      this.background = undefined;
      if (this.backgroundAgain) {
        this.backgroundAgain = false;
        this.requestBackground();
      }
    });
  }

  private async backgroundPass(): Promise<void> {
    const worker = this.worker;
    if (!worker || !this.scheduler.offHostAvailable) {
      this.output.info('The start-up check of closed notes needs the lint worker, which is not available; open a note or run Lint Workspace to check it.');
      return;
    }
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    let checked = 0;
    for (const summary of this.index.allSummaries()) {
      if (!readLintSettings().workspaceOnStartup) break;
      const uri = vscode.Uri.file(summary.path);
      if (isLive(uri)) continue;
      inFlight.push(this.lintClosedInWorker(worker, uri));
      checked++;
      if (inFlight.length >= WORKSPACE_WINDOW) await inFlight.shift();
    }
    await Promise.all(inFlight);
    this.output.info(`Checked ${checked} closed notes in the background in ${Date.now() - started} ms.`);
  }

  private settleClients(clients: Set<string>): void {
    for (const c of clients) this.settling.add(c);
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      const due = new Set(this.settling);
      this.settling.clear();
      for (const key of this.fromDisk) {
        const uri = vscode.Uri.parse(key);
        const client = this.index.summary(uri)?.client;
        if (client !== undefined && due.has(client) && !isLive(uri)) void this.checkSavedFile(uri);
      }
    }, CLIENT_SETTLE);
  }

  /** Checks a closed note's saved file again (in the worker when there is one). */
  private checkSavedFile(uri: vscode.Uri): Promise<void> {
    if (!readLintSettings(uri).workspaceOnStartup) return Promise.resolve();
    return this.worker && this.scheduler.offHostAvailable ? this.lintClosedInWorker(this.worker, uri) : this.lintClosedHere(uri);
  }

  /** The setting was turned off: closed notes' file findings leave the Problems panel. */
  private dropFileFindings(): void {
    this.worker?.cancelBatch();
    this.fileEpoch++;
    for (const key of this.fromDisk) {
      const uri = vscode.Uri.parse(key);
      if (!isLive(uri)) this.collection.delete(uri);
    }
    this.fromDisk.clear();
  }

  private handOver(uri: vscode.Uri): void {
    const key = uri.toString();
    this.handovers.set(key, (this.handovers.get(key) ?? 0) + 1);
  }

  /** No editor shows the note any more: its saved file's findings, if the file check owns it, else none. */
  private leftEditor(uri: vscode.Uri): void {
    this.handOver(uri);
    if (this.fromDisk.has(uri.toString()) && readLintSettings(uri).workspaceOnStartup) void this.checkSavedFile(uri);
    else this.collection.delete(uri);
  }

  /** Lints every open note now (e.g. after activation). */
  relintOpen(clients?: Set<string>): void {
    for (const doc of vscode.workspace.textDocuments) {
      // Only notes the user has open (a tab, or unsaved text): a closed or deleted note stays quiet.
      if (!isNoteDocument(doc) || (!doc.isDirty && !isShown(doc.uri))) continue;
      if (clients) {
        const client = this.scheduler.clientOf(doc.uri.toString());
        if (client === undefined || !clients.has(client)) continue;
        // Only cross-note results can change; the text is the same, so reuse the parse.
      }
      void this.scheduler.check(this.lintDoc(doc), clients !== undefined);
    }
  }

  /** The lint of the document's current version (computed here for a small note; see LintScheduler.snapshot). */
  snapshot(doc: vscode.TextDocument): LintSnapshot {
    return this.scheduler.snapshot(this.lintDoc(doc));
  }

  /** Checks one open document now; resolves when its findings are in the Problems panel (or were dropped as stale). */
  lintNow(doc: vscode.TextDocument): Promise<void> {
    return this.scheduler.check(this.lintDoc(doc));
  }

  private onClose(doc: vscode.TextDocument): void {
    this.scheduler.closed(doc.uri.toString());
    this.leftEditor(doc.uri);
    // The closed editor's unsaved text no longer counts: fall back to the file on disk.
    void this.index.refreshFromDisk(doc.uri);
  }

  private forget(uri: vscode.Uri): void {
    this.fromDisk.delete(uri.toString());
    this.handovers.delete(uri.toString());
    this.collection.delete(uri);
    this.scheduler.forget(uri.toString());
  }

  /** The scheduler's view of a VS Code document: version and closed state read live. */
  private lintDoc(doc: vscode.TextDocument): LintDoc {
    let wrapped = this.docs.get(doc);
    if (!wrapped) {
      wrapped = {
        key: doc.uri.toString(),
        path: doc.uri.fsPath,
        get version() {
          return doc.version;
        },
        get isClosed() {
          return doc.isClosed;
        },
        // VS Code keeps each line's offset (a prefix sum per version), so neither builds the whole text.
        get length() {
          return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
        },
        getText: () => doc.getText(),
        getSlice: (start, end) => doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(end))),
      };
      this.docs.set(doc, wrapped);
    }
    return wrapped;
  }

  private setupRef(setup: EngineSetup, root: string | undefined): { id: number; root?: string } {
    let id = this.setupIds.get(setup);
    if (id === undefined) {
      id = this.nextSetupId++;
      this.setupIds.set(setup, id);
    }
    return { id, ...(root !== undefined ? { root } : {}) };
  }

  private port(): SchedulerPort {
    const uriOf = (doc: LintDoc) => vscode.Uri.parse(doc.key);
    return {
      settings: (doc) => readLintSettings(uriOf(doc)),
      lintHere: (doc, text, severities) => {
        const uri = uriOf(doc);
        const { note, state } = this.index.updateFromText(uri, text);
        return { note, findings: lintNote(note, state.setup, { workspace: state.index, severities }) };
      },
      relintHere: (doc, note, severities) => {
        const state = this.index.stateFor(uriOf(doc));
        return lintNote(note, state.setup, { workspace: state.index, severities });
      },
      offHost: (doc) => {
        // The note's summary is not recorded for unsaved text checked in the worker; the index
        // takes it from the file when it is saved (its watcher), so coverage follows on save.
        const state = this.index.stateFor(uriOf(doc));
        return { setup: this.setupRef(state.setup, state.root), view: state.index };
      },
      emptyNote: (doc) => parseWith(this.index.stateFor(uriOf(doc)).setup, { path: doc.path, text: '' }),
      publish: (doc, findings) => {
        this.collection.set(uriOf(doc), findings.map(toDiagnostic));
        markDiagnostics(doc.key);
      },
      clear: (doc) => this.collection.delete(uriOf(doc)),
      error: (context, error) => this.output.error(context, error),
      warn: (message) => this.output.warn(message),
    };
  }

  /** "Lint Workspace": every note's findings into the Problems panel, cancellable; closed notes are checked in the worker. */
  async lintWorkspace(token: vscode.CancellationToken, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<number> {
    await this.index.ready();
    const summaries = this.index.allSummaries();
    const cancel = token.onCancellationRequested(() => this.worker?.cancelBatch());
    let done = 0;
    const step = () => {
      done++;
      progress.report({ message: `${done} of ${summaries.length}`, increment: 100 / summaries.length });
    };
    const inFlight: Promise<void>[] = [];
    try {
      for (const summary of summaries) {
        if (token.isCancellationRequested) break;
        const uri = vscode.Uri.file(summary.path);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          // Routed by size like any open note: small ones here, large ones in the worker.
          inFlight.push(this.lintNow(open).then(step));
        } else if (this.scheduler.offHostAvailable && this.worker) {
          inFlight.push(this.lintClosedInWorker(this.worker, uri).then(step));
        } else {
          await this.lintClosedHere(uri);
          step();
          if (done % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        if (inFlight.length >= WORKSPACE_WINDOW) await inFlight.shift();
      }
      await Promise.all(inFlight);
    } finally {
      cancel.dispose();
    }
    return done;
  }

  private async lintClosedInWorker(worker: LintWorkerClient, uri: vscode.Uri): Promise<void> {
    const state = this.index.stateFor(uri);
    const settings = readLintSettings(uri);
    if (settings.run === 'off') {
      if (this.fromDisk.delete(uri.toString()) && !isLive(uri)) this.collection.delete(uri);
      return;
    }
    const handover = this.handovers.get(uri.toString());
    const epoch = this.fileEpoch;
    try {
      const outcome = await worker.check({
        key: uri.toString(),
        priority: 'batch',
        request: { setup: this.setupRef(state.setup, state.root), path: uri.fsPath, severities: settings.severities, live: false, skeleton: false },
        view: state.index,
      });
      this.fileChecks.worker++;
      // An editor took the note over meanwhile: its live findings stand (no flicker, no duplicates).
      const current = handover === this.handovers.get(uri.toString()) && epoch === this.fileEpoch;
      if (outcome.status === 'done' && current && !isLive(uri)) this.publishFromDisk(uri, outcome.findings.map(toDiagnostic));
    } catch (error) {
      this.output.error(`Checking ${uri.fsPath}`, error);
      // The worker gave up for good (it has said so): the rest of the workspace is checked here.
      if (worker.broken) await this.lintClosedHere(uri);
    }
  }

  /** Without the worker (its bundle missing, or given up): the note is read and checked on this thread. */
  private async lintClosedHere(uri: vscode.Uri): Promise<void> {
    await this.output.guardAsync(`Checking ${uri.fsPath}`, async () => {
      const state = this.index.stateFor(uri);
      const text = decodeNote(uri.fsPath, await vscode.workspace.fs.readFile(uri)).text;
      const { note } = this.index.updateFromText(uri, text);
      const diagnostics = lintNote(note, state.setup, { workspace: state.index, severities: readLintSettings(uri).severities }).map(toDiagnostic);
      this.fileChecks.host++;
      if (!isLive(uri)) this.publishFromDisk(uri, diagnostics);
    });
  }

  private publishFromDisk(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void {
    this.fromDisk.add(uri.toString());
    this.collection.set(uri, diagnostics);
  }

  dispose(): void {
    clearTimeout(this.settleTimer);
    this.scheduler.dispose();
    this.worker?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Whether an editor owns the note's findings: a tab shows it, or it has unsaved text. */
function isLive(uri: vscode.Uri): boolean {
  const key = uri.toString();
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  return doc !== undefined && (doc.isDirty || isShown(uri));
}

/** Whether any editor tab shows this document. */
function isShown(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
}
