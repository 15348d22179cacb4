import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { loadSetup, type EngineSetup } from '../../core/engine/setup';
import type { Note } from '../../core/note/types';
import { parseWith } from '../../core/workspace/batch';
import type { CacheEntry } from '../../core/indexer/cache';
import { indexWorkspace, updateNote } from '../../core/indexer/index';
import { NOTE_GLOB } from '../../core/workspace/files';
import { NoteIndex } from '../../core/workspace/index';
import { summarize, type NoteSummary } from '../../core/workspace/summary';
import { isNoteUri } from '../documents';
import type { Output } from '../output';

/** Engine setup and note index of one workspace folder (cross-note rules stay within a folder). */
export interface FolderState {
  key: string;
  root?: string;
  setup: EngineSetup;
  index: NoteIndex;
  /** Persisted-cache entries of the folder's notes (size, mtime, hash, summary). */
  entries: Map<string, CacheEntry>;
  /** Notes changed since the cache was last saved: only their shards are rewritten. */
  dirty: Set<string>;
  save?: (changed?: Iterable<string>) => Promise<void>;
}

export interface IndexChange {
  /** Clients whose notes changed (their open notes need cross-note rules re-run). */
  clients: Set<string>;
  /** Set when everything may have changed (config reload, first scan). */
  all: boolean;
  /** Notes that no longer exist. */
  removed?: string[];
}

const LOOSE = '(no folder)';
/** Above this many notes the first scan shows a cancellable notification, not just the status bar. */
const LARGE = 300;
/**
 * Worker threads for a cold scan: one per spare core and at least two, so 2 cores are both used;
 * the host thread only receives summaries meanwhile. A warm start (all cached) uses none.
 */
const WORKERS = Math.min(4, Math.max(2, availableParallelism() - 1));
/** The cache is saved this long after the last change, and when the extension stops. */
const SAVE_DELAY = 5000;

/**
 * The live workspace index: a summary per note, kept current from a file watcher, from unsaved
 * editor text, and from `.coach/` changes. Only the changed note is re-parsed.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly changed = new vscode.EventEmitter<IndexChange>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;
  private scanning: Promise<void> | undefined;

  private saveTimer: NodeJS.Timeout | undefined;

  /** `storageDir`: the extension's own storage, where the index cache lives (never the notes folder). */
  constructor(
    private readonly output: Output,
    private readonly storageDir?: string,
  ) {
    const notes = vscode.workspace.createFileSystemWatcher(`**/${NOTE_GLOB.replace('**/', '')}`);
    const config = vscode.workspace.createFileSystemWatcher('**/.coach/**/*.{yaml,yml}');
    this.disposables.push(
      notes,
      config,
      notes.onDidCreate((uri) => void this.refreshFromDisk(uri)),
      notes.onDidChange((uri) => void this.refreshFromDisk(uri)),
      notes.onDidDelete((uri) => this.remove(uri)),
      config.onDidCreate((uri) => void this.reloadFolderOf(uri)),
      config.onDidChange((uri) => void this.reloadFolderOf(uri)),
      config.onDidDelete((uri) => void this.reloadFolderOf(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
  }

  /** Resolves once the first scan has finished. */
  ready(): Promise<void> {
    this.scanning ??= this.scan(true);
    return this.scanning;
  }

  rescan(): Promise<void> {
    this.folders.clear();
    this.scanning = this.scan(false);
    return this.scanning;
  }

  stateFor(uri: vscode.Uri): FolderState {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? LOOSE;
    let state = this.folders.get(key);
    if (!state) {
      const root = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
      state = { key, ...(root ? { root } : {}), setup: this.loadSetup(root), index: new NoteIndex(), entries: new Map(), dirty: new Set() };
      this.folders.set(key, state);
    }
    return state;
  }

  allSummaries(): NoteSummary[] {
    return [...this.folders.values()].flatMap((f) => f.index.all());
  }

  summary(uri: vscode.Uri): NoteSummary | undefined {
    return this.stateFor(uri).index.get(uri.fsPath);
  }

  /** Any folder's setup problems, for the output channel. */
  setups(): FolderState[] {
    return [...this.folders.values()];
  }

  /** Parses text for a note (an open editor's, possibly unsaved) and records its summary. */
  updateFromText(uri: vscode.Uri, text: string): { note: Note; state: FolderState } {
    const state = this.stateFor(uri);
    // Live: the next version differs by a keystroke, so the parse of unchanged sections is reused.
    const note = parseWith(state.setup, { path: uri.fsPath, text }, true);
    // Untitled editors are linted but are not notes of the workspace until they are saved.
    if (uri.scheme === 'file') this.record(state, summarize(note, state.setup));
    return { note, state };
  }

  private record(state: FolderState, summary: NoteSummary): void {
    const old = state.index.get(summary.path);
    state.index.set(summary);
    this.afterRecord(old, summary);
  }

  private afterRecord(old: NoteSummary | undefined, summary: NoteSummary): void {
    if (old && sameForOthers(old, summary)) return;
    const clients = new Set<string>();
    if (old?.client) clients.add(old.client);
    if (summary.client) clients.add(summary.client);
    this.changed.fire({ clients, all: false });
  }

  async refreshFromDisk(uri: vscode.Uri): Promise<void> {
    if (!isNoteUri(uri)) return;
    // An open editor's unsaved text wins over what is on disk.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return;
    const state = this.stateFor(uri);
    if (uri.scheme !== 'file') return;
    const before = state.index.get(uri.fsPath);
    const { summary } = await updateNote(state.index, state.setup, uri.fsPath, state.entries);
    if (!summary) {
      // Deleted or renamed while we read it: the watcher's delete event follows.
      if (before) this.changed.fire({ clients: new Set(before.client ? [before.client] : []), all: false, removed: [before.path] });
      return;
    }
    this.afterRecord(before, summary);
    state.dirty.add(uri.fsPath);
    this.scheduleSave(state);
  }

  remove(uri: vscode.Uri): void {
    const state = this.stateFor(uri);
    const old = state.index.delete(uri.fsPath);
    if (state.entries.delete(uri.fsPath)) {
      state.dirty.add(uri.fsPath);
      this.scheduleSave(state);
    }
    if (old) this.changed.fire({ clients: new Set(old.client ? [old.client] : []), all: false, removed: [old.path] });
  }

  /** A `.coach/` file changed: settings, frameworks or lexicon extras may differ, so every summary is redone. */
  private async reloadFolderOf(uri: vscode.Uri): Promise<void> {
    this.output.info(`Settings changed (${vscode.workspace.asRelativePath(uri)}); reading the notes again.`);
    await this.rescan();
  }

  private loadSetup(root: string | undefined): EngineSetup {
    const setup = loadSetup(root ? { root } : {});
    for (const p of setup.problems) this.output.warn(`${p.file}:${p.line}:${p.column}: ${p.message}`);
    return setup;
  }

  /**
   * Indexes every workspace folder with the core indexer: unchanged notes come from the cache in
   * the extension's storage, the rest are parsed in worker threads, so the host never stalls.
   */
  private async scan(first: boolean): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const expected = first ? (await vscode.workspace.findFiles(NOTE_GLOB, '{**/node_modules/**,**/.git/**}', LARGE)).length : 0;
    const run = async (progress: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken) => {
      const controller = new AbortController();
      token?.onCancellationRequested(() => controller.abort(new Error('The first scan was cancelled.')));
      let total = 0;
      for (const folder of folders) {
        const state = this.stateFor(folder.uri);
        const root = folder.uri.fsPath;
        let reported = 0;
        const result = await indexWorkspace([root], {
          root,
          setup: state.setup,
          workers: WORKERS,
          ...(this.storageDir ? { cacheDir: this.storageDir } : {}),
          signal: controller.signal,
          onProgress: (done, count) => {
            progress.report({ message: `${done} of ${count} notes`, increment: ((done - reported) / Math.max(count, 1)) * 100 });
            reported = done;
          },
        });
        state.index = result.index;
        state.entries = result.entries;
        state.save = result.save;
        state.dirty.clear();
        for (const p of result.problems) this.output.warn(`Could not read ${p.path}: ${p.message}`);
        this.output.info(`Indexed ${result.stats.files} notes in ${root}: ${result.stats.parsed} read, ${result.stats.fromCache} from the cache, in ${Math.round(result.stats.ms)} ms.`);
        total += result.stats.files;
        void this.output.guardAsync('Saving the index cache', () => result.save());
      }
      // Open editors may hold unsaved text that differs from disk.
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && isNoteUri(doc.uri)) this.updateFromText(doc.uri, doc.getText());
      return total;
    };
    try {
      if (expected >= LARGE) {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Coach Notes: reading notes', cancellable: true }, run);
      } else {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Coach Notes: reading notes' }, (p) => run(p));
      }
    } catch (error) {
      if (error instanceof Error && /cancelled/.test(error.message)) this.output.info('The first scan was cancelled; notes are indexed as they are opened. Run "Refresh Coverage" to scan again.');
      else throw error;
    }
    this.changed.fire({ clients: new Set(), all: true });
  }

  private scheduleSave(state: FolderState): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(state), SAVE_DELAY);
  }

  private saveNow(state: FolderState): void {
    if (state.dirty.size === 0) return;
    const changed = [...state.dirty];
    state.dirty.clear();
    void this.output.guardAsync('Saving the index cache', async () => state.save?.(changed));
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    for (const state of this.folders.values()) this.saveNow(state);
    for (const d of this.disposables) d.dispose();
  }
}

/** Whether other notes could see a difference (cross-note rules, tree): skip events for pure prose edits. */
function sameForOthers(a: NoteSummary, b: NoteSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
