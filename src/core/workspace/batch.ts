import type { EngineSetup } from '../engine/setup';
import { lintNote, sortFindings, type LintOptions } from '../engine/lint';
import { RULES } from '../rules/index';
import type { Finding } from '../model/types';
import { parseNote } from '../note/parse';
import type { Note } from '../note/types';
import { NoteIndex } from './index';
import { summarize, type NoteSummary } from './summary';
import type { NoteFile } from './files';
import type { WorkspaceView } from './view';

export interface BatchResult {
  path: string;
  findings: Finding[];
  summary: NoteSummary;
  warning?: string;
}

/** Parses a note with the setup's default framework. */
export function parseWith(setup: EngineSetup, file: { path: string; text: string }, live = false): Note {
  return parseNote(file.text, file.path, { frameworks: setup.frameworks, defaultFramework: setup.config.framework, maxChars: setup.config.maxNoteChars, live });
}

/** A note after the rules that read only the note: its findings, its summary, and what cross-note rules read. */
export interface LocalResult {
  file: NoteFile;
  summary: NoteSummary;
  findings: Finding[];
  light: Note;
}

/** The rules that read only the note, and those that read other notes too, among those asked for. */
export function ruleSplit(options: LintOptions): { local: string[]; cross: string[] } {
  const wanted = (id: string) => !options.only || options.only.includes(id);
  return { local: RULES.filter((r) => !r.crossNote && wanted(r.id)).map((r) => r.id), cross: RULES.filter((r) => r.crossNote && wanted(r.id)).map((r) => r.id) };
}

/** Parses a note once, runs the rules that read only it, and keeps what cross-note rules need (no syntax tree). */
export function lintLocally(file: NoteFile, setup: EngineSetup, options: LintOptions, local: readonly string[]): LocalResult {
  const note = parseWith(setup, file);
  const summary = summarize(note, setup);
  const findings = local.length > 0 ? lintNote(note, setup, { ...options, only: [...local] }) : [];
  return { file, summary, findings, light: withoutTree(note) };
}

/** The cross-note rules' findings for a note, against the summaries of the workspace. */
export function lintAcross(light: Note, setup: EngineSetup, options: LintOptions, cross: readonly string[], workspace: WorkspaceView): Finding[] {
  return cross.length > 0 ? lintNote(light, setup, { ...options, only: [...cross], workspace: options.workspace ?? workspace }) : [];
}

/** A note's result from both kinds of findings. */
export function batchResult(file: NoteFile, summary: NoteSummary, findings: Finding[], more: readonly Finding[]): BatchResult {
  const result: BatchResult = { path: file.path, findings: more.length > 0 ? sortFindings([...findings, ...more]) : findings, summary };
  if (file.warning) result.warning = file.warning;
  return result;
}

/**
 * Lints a set of notes as one workspace. Each note is parsed once: the rules that read only the
 * note run at once, and the note keeps just what cross-note rules need (no syntax tree), so a
 * large workspace never holds every tree at the same time. Cross-note rules run last, against
 * the index of all summaries. Used by the CLI and the extension's Lint Workspace; the CLI's
 * worker threads do the same in two rounds (batch-workers.ts).
 */
export function lintBatch(files: readonly NoteFile[], setup: EngineSetup, options: LintOptions = {}): { results: BatchResult[]; index: NoteIndex } {
  const index = new NoteIndex();
  const { local, cross } = ruleSplit(options);
  const first = files.map((file) => {
    const result = lintLocally(file, setup, options, local);
    index.set(result.summary);
    return result;
  });
  return { results: first.map((r) => batchResult(r.file, r.summary, r.findings, lintAcross(r.light, setup, options, cross, index))), index };
}

/** The note without its syntax tree and prose blocks: what cross-note rules read, at a fraction of the memory. */
export function withoutTree(note: Note): Note {
  return { ...note, tree: { type: 'root', children: [] }, prose: [] };
}
