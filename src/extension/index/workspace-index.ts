import * as vscode from 'vscode';
import { loadSetup, type EngineSetup } from '../../core/engine/setup';
import type { Note } from '../../core/note/types';
import { parseWith } from '../../core/workspace/batch';
import { decodeNote, NOTE_GLOB } from '../../core/workspace/files';
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
/** Files per slice of the first scan; the host yields between slices so typing stays smooth. */
const SLICE = 25;

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

  constructor(private readonly output: Output) {
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
      state = { key, ...(root ? { root } : {}), setup: this.loadSetup(root), index: new NoteIndex() };
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
    const note = parseWith(state.setup, { path: uri.fsPath, text });
    // Untitled editors are linted but are not notes of the workspace until they are saved.
    if (uri.scheme === 'file') this.record(state, summarize(note, state.setup));
    return { note, state };
  }

  private record(state: FolderState, summary: NoteSummary): void {
    const old = state.index.get(summary.path);
    state.index.set(summary);
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
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      this.updateFromText(uri, decodeNote(uri.fsPath, bytes).text);
    } catch (error) {
      // Deleted or renamed while we read it: drop it quietly; anything else is logged.
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') this.remove(uri);
      else this.output.error(`Could not read ${uri.fsPath}`, error);
    }
  }

  remove(uri: vscode.Uri): void {
    const state = this.stateFor(uri);
    const old = state.index.delete(uri.fsPath);
    if (old) this.changed.fire({ clients: new Set(old.client ? [old.client] : []), all: false, removed: [old.path] });
  }

  private async reloadFolderOf(uri: vscode.Uri): Promise<void> {
    const state = this.stateFor(uri);
    state.setup = this.loadSetup(state.root);
    const paths = state.index.all().map((s) => s.path);
    state.index.clear();
    for (const path of paths) await this.refreshFromDisk(vscode.Uri.file(path));
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty && isNoteUri(doc.uri) && this.stateFor(doc.uri) === state) this.updateFromText(doc.uri, doc.getText());
    }
    this.output.info(`Reloaded the .coach/ settings of ${state.root ?? 'the workspace'}.`);
    this.changed.fire({ clients: new Set(), all: true });
  }

  private loadSetup(root: string | undefined): EngineSetup {
    const setup = loadSetup(root ? { root } : {});
    for (const p of setup.problems) this.output.warn(`${p.file}:${p.line}:${p.column}: ${p.message}`);
    return setup;
  }

  private async scan(first: boolean): Promise<void> {
    const files = await vscode.workspace.findFiles(NOTE_GLOB, '{**/node_modules/**,**/.git/**}');
    const run = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      for (let i = 0; i < files.length; i++) {
        const uri = files[i];
        if (!uri) continue;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) this.updateFromText(uri, open.getText());
        else await this.refreshFromDisk(uri);
        if (i % SLICE === SLICE - 1) {
          progress?.report({ message: `${i + 1} of ${files.length} notes`, increment: (SLICE / files.length) * 100 });
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    };
    if (first && files.length > 0) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Coach Notes: reading notes' }, run);
    } else await run();
    this.output.info(`Indexed ${files.length} note${files.length === 1 ? '' : 's'}.`);
    this.changed.fire({ clients: new Set(), all: true });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Whether other notes could see a difference (cross-note rules, tree): skip events for pure prose edits. */
function sameForOthers(a: NoteSummary, b: NoteSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
