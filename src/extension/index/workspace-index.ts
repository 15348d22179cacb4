import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
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
/** New folders are gathered this long before they are read, so a tree created at once is read once. */
const FOLDER_BATCH_DELAY = 300;
/** A new folder is read again this long after it appears, for files still being written into it. */
const FOLDER_REREAD_DELAY = 2000;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** The first scan's progress is reported at most this often (milliseconds). */
const PROGRESS_EVERY = 250;

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
  /** Bumped by each scan: only the latest one's result is kept. */
  private generation = 0;
  /** Notes read from disk while a scan runs: read again once its result replaces the index. */
  private touchedDuringScan: Set<string> | undefined;
  /** Folders created or moved in, waiting to be read for notes (`readNewFolders`). */
  private readonly newFolders = new Set<string>();
  /** Paths deleted, waiting to take the notes that were inside them along (`folderDeleted`). */
  private readonly deletedPaths = new Set<string>();
  private readonly folderTimers = new Set<NodeJS.Timeout>();

  private saveTimer: NodeJS.Timeout | undefined;
  /** Opened by `start()`: the first scan waits for it, so activation never pays for reading the folder. */
  private readonly startGate: Promise<void>;
  private openStartGate: () => void = () => undefined;
  private started = false;

  /** `storageDir`: the extension's own storage, where the index cache lives (never the notes folder). */
  constructor(
    private readonly output: Output,
    private readonly storageDir?: string,
  ) {
    this.startGate = new Promise((resolve) => (this.openStartGate = resolve));
  }

  /** Lets the first scan begin: main.ts calls it after activate() has returned and the open notes are checked. */
  start(): void {
    if (this.started) return;
    this.started = true;
    // Watching starts with the scan, which reads every note and setting as they are from then on.
    this.watch();
    this.openStartGate();
  }

  private watch(): void {
    const notes = vscode.workspace.createFileSystemWatcher(NOTE_GLOB);
    const config = vscode.workspace.createFileSystemWatcher('**/.coach/**/*.{yaml,yml}');
    // Any path, for folders created, moved in or deleted as a whole (changes are not wanted).
    const paths = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      notes,
      config,
      paths,
      paths.onDidCreate((uri) => this.folderCreated(uri)),
      paths.onDidDelete((uri) => this.folderDeleted(uri)),
      { dispose: () => this.folderTimers.forEach((timer) => clearTimeout(timer)) },
      notes.onDidCreate((uri) => void this.refreshFromDisk(uri)),
      notes.onDidChange((uri) => void this.refreshFromDisk(uri)),
      notes.onDidDelete((uri) => this.remove(uri)),
      config.onDidCreate((uri) => void this.reloadFolderOf(uri)),
      config.onDidChange((uri) => void this.reloadFolderOf(uri)),
      config.onDidDelete((uri) => void this.reloadFolderOf(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
  }

  /** Resolves once the first scan has finished (it begins when `start()` is called). */
  ready(): Promise<void> {
    this.scanning ??= this.startGate.then(() => this.scan(true));
    return this.scanning;
  }

  /**
   * Reads every folder again (settings changed, folders added). Until it is done the current index
   * keeps answering, so a note checked meanwhile still sees the client's other notes.
   */
  rescan(): Promise<void> {
    this.scanning = this.scan(false);
    return this.scanning;
  }

  stateFor(uri: vscode.Uri): FolderState {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? LOOSE;
    let state = this.folders.get(key);
    if (!state) {
      state = this.newState(key, folder);
      this.folders.set(key, state);
    }
    return state;
  }

  /** `setup`: one already loaded for this folder and still current, so it is not loaded (about a second) again. */
  private newState(key: string, folder: vscode.WorkspaceFolder | undefined, setup?: EngineSetup): FolderState {
    const root = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    return { key, ...(root ? { root } : {}), setup: setup ?? this.loadSetup(root), index: new NoteIndex(), entries: new Map(), dirty: new Set() };
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
    this.touchedDuringScan?.add(uri.fsPath);
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

  /**
   * On Linux a recursive watcher learns of a new folder before it watches inside it, so notes
   * written into the folder at once (a client's folder moved, unzipped or synced in; \`mkdir -p\`
   * and a note) raise no event of their own (parcel-bundler/watcher#97, #243). New folders are
   * therefore read for notes, in one batch, and again a moment later.
   */
  private folderCreated(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || isNoteUri(uri) || !vscode.workspace.getWorkspaceFolder(uri)) return;
    this.newFolders.add(uri.fsPath);
    if (this.newFolders.size > 1) return;
    this.later(FOLDER_BATCH_DELAY, () => {
      const batch = [...this.newFolders];
      this.newFolders.clear();
      // A tree created at once is read from its top folder only.
      const tops = batch.filter((path) => !batch.some((other) => other !== path && path.startsWith(other + sep)));
      void this.output.guardAsync('Reading new folders for notes', () => this.readNewFolders(tops, true));
    });
  }

  private async readNewFolders(paths: string[], again: boolean): Promise<void> {
    const folders: vscode.Uri[] = [];
    for (const path of paths) {
      const uri = vscode.Uri.file(path);
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (stat && (stat.type & vscode.FileType.Directory) !== 0) folders.push(uri);
    }
    if (folders.length === 0) return;
    // Settings that came with the folder (or a new .coach/ itself) apply to every note.
    if (folders.some((f) => isCoachPath(f.fsPath))) {
      await this.rescan();
    } else {
      for (const folder of folders) {
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, NOTE_GLOB), EXCLUDE);
        for (const note of found) if (!this.stateFor(note).index.get(note.fsPath)) await this.refreshFromDisk(note);
      }
    }
    if (again) this.later(FOLDER_REREAD_DELAY, () => void this.output.guardAsync('Reading new folders for notes', () => this.readNewFolders(paths, false)));
  }

  /**
   * A deleted or moved-away folder may be one event, with none for the notes inside: they go with
   * it. Deleted paths are gathered like new folders, then each note's folders are looked up once.
   */
  private folderDeleted(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || isNoteUri(uri)) return;
    this.deletedPaths.add(uri.fsPath);
    if (this.deletedPaths.size > 1) return;
    this.later(FOLDER_BATCH_DELAY, () => {
      const gone = new Set(this.deletedPaths);
      this.deletedPaths.clear();
      // The settings watcher sees YAML files; a whole .coach/ folder going may be one event.
      const settings = [...gone].find((path) => isCoachPath(path) && !/\.ya?ml$/i.test(path));
      if (settings) void this.reloadFolderOf(vscode.Uri.file(settings));
      for (const summary of this.allSummaries()) if (ancestors(summary.path).some((folder) => gone.has(folder))) this.remove(vscode.Uri.file(summary.path));
    });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.folderTimers.delete(timer);
      run();
    }, ms);
    this.folderTimers.add(timer);
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
    const generation = ++this.generation;
    this.touchedDuringScan = new Set();
    const fresh = new Map<string, FolderState>();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const expected = first ? (await vscode.workspace.findFiles(NOTE_GLOB, EXCLUDE, LARGE)).length : 0;
    const run = async (progress: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken) => {
      const controller = new AbortController();
      token?.onCancellationRequested(() => controller.abort(new Error('The first scan was cancelled.')));
      let total = 0;
      for (const folder of folders) {
        // Built aside: the current index answers until this scan's result replaces it. The first scan
        // reuses the setup a note opened at start-up already loaded; a rescan (settings changed) loads it afresh.
        const key = folder.uri.toString();
        const state = this.newState(key, folder, first ? this.folders.get(key)?.setup : undefined);
        fresh.set(state.key, state);
        const root = folder.uri.fsPath;
        let reported = 0;
        let reportedAt = 0;
        const result = await indexWorkspace([root], {
          root,
          setup: state.setup,
          workers: WORKERS,
          ...(this.storageDir ? { cacheDir: this.storageDir } : {}),
          signal: controller.signal,
          onProgress: (done, count) => {
            // Each report is a message to the workbench: a few a second, not one per note.
            const now = Date.now();
            if (done < count && now - reportedAt < PROGRESS_EVERY) return;
            progress.report({ message: `${done} of ${count} notes`, increment: ((done - reported) / Math.max(count, 1)) * 100 });
            reported = done;
            reportedAt = now;
          },
        });
        state.index = result.index;
        state.entries = result.entries;
        state.save = result.save;
        state.dirty.clear();
        for (const p of result.problems) this.output.warn(`Could not read ${p.path}: ${p.message}`);
        this.output.info(`Indexed ${result.stats.files} notes in ${root}: ${result.stats.parsed} read, ${result.stats.fromCache} from the cache, in ${Math.round(result.stats.ms)} ms.`);
        total += result.stats.files;
      }
      return total;
    };
    const install = async () => {
      const touched = this.touchedDuringScan ?? new Set<string>();
      this.touchedDuringScan = undefined;
      const loose = this.folders.get(LOOSE);
      this.folders.clear();
      for (const [key, state] of fresh) this.folders.set(key, state);
      if (loose) this.folders.set(LOOSE, loose);
      for (const state of fresh.values()) void this.output.guardAsync('Saving the index cache', async () => state.save?.());
      // Open editors may hold unsaved text that differs from disk.
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && isNoteUri(doc.uri)) this.updateFromText(doc.uri, doc.getText());
      // Notes that changed on disk while the scan read the folder are read again.
      for (const path of touched) await this.refreshFromDisk(vscode.Uri.file(path));
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
    // A newer scan (settings changed again meanwhile) replaces this one: its end is this one's.
    if (generation !== this.generation) return this.scanning;
    await install();
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

/** The folders that hold a path, innermost first. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let at = path.lastIndexOf(sep); at > 0; at = path.lastIndexOf(sep, at - 1)) out.push(path.slice(0, at));
  return out;
}

/** Whether the path is a `.coach/` settings folder or inside one. */
function isCoachPath(path: string): boolean {
  return path.split(sep).includes('.coach');
}

/** Whether other notes could see a difference (cross-note rules, tree): skip events for pure prose edits. */
function sameForOthers(a: NoteSummary, b: NoteSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
