import type { EngineSetup } from '../engine/setup';
import { lintNote, type LintOptions } from '../engine/lint';
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
export function parseWith(setup: EngineSetup, file: { path: string; text: string }): Note {
  return parseNote(file.text, file.path, { frameworks: setup.frameworks, defaultFramework: setup.config.framework });
}

/**
 * Lints a set of notes as one workspace: every note is parsed once, summarised into the index
 * that cross-note rules read, then checked. Used by the CLI and the extension's Lint Workspace.
 */
export function lintBatch(files: readonly NoteFile[], setup: EngineSetup, options: LintOptions = {}): { results: BatchResult[]; index: NoteIndex } {
  const index = new NoteIndex();
  const notes = files.map((file) => {
    const note = parseWith(setup, file);
    index.set(summarize(note, setup));
    return { file, note };
  });
  const results = notes.map(({ file, note }) => {
    const result: BatchResult = {
      path: file.path,
      findings: lintNote(note, setup, { ...options, workspace: options.workspace ?? index }),
      summary: index.get(file.path) ?? summarize(note, setup),
    };
    if (file.warning) result.warning = file.warning;
    return result;
  });
  return { results, index };
}
