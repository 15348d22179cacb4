import type { EngineSetup } from '../engine/setup';
import { lintNote, sortFindings, type LintOptions } from '../engine/lint';
import { RULES } from '../rules/index';
import type { Finding } from '../model/types';
import { parseNote } from '../note/parse';
import type { Note } from '../note/types';
import { NoteIndex } from './index';
import { summarize, type NoteSummary } from './summary';
import type { NoteFile } from './files';

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

/**
 * Lints a set of notes as one workspace. Each note is parsed once: the rules that read only the
 * note run at once, and the note keeps just what cross-note rules need (no syntax tree), so a
 * large workspace never holds every tree at the same time. Cross-note rules run last, against
 * the index of all summaries. Used by the CLI and the extension's Lint Workspace.
 */
export function lintBatch(files: readonly NoteFile[], setup: EngineSetup, options: LintOptions = {}): { results: BatchResult[]; index: NoteIndex } {
  const index = new NoteIndex();
  const wanted = (id: string) => !options.only || options.only.includes(id);
  const local = RULES.filter((r) => !r.crossNote && wanted(r.id)).map((r) => r.id);
  const cross = RULES.filter((r) => r.crossNote && wanted(r.id)).map((r) => r.id);
  const first = files.map((file) => {
    const note = parseWith(setup, file);
    const summary = summarize(note, setup);
    index.set(summary);
    const findings = local.length > 0 ? lintNote(note, setup, { ...options, only: local }) : [];
    return { file, summary, findings, light: withoutTree(note) };
  });
  const results = first.map(({ file, summary, findings, light }) => {
    const more = cross.length > 0 ? lintNote(light, setup, { ...options, only: cross, workspace: options.workspace ?? index }) : [];
    const result: BatchResult = { path: file.path, findings: more.length > 0 ? sortFindings([...findings, ...more]) : findings, summary };
    if (file.warning) result.warning = file.warning;
    return result;
  });
  return { results, index };
}

/** The note without its syntax tree and prose blocks: what cross-note rules read, at a fraction of the memory. */
function withoutTree(note: Note): Note {
  return { ...note, tree: { type: 'root', children: [] }, prose: [] };
}
