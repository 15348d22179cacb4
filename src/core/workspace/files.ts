import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { errorText } from '../data/yaml';

export const NOTE_GLOB = '**/*.coach.md';
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/coach-reports/**'];

export interface PathProblem {
  path: string;
  message: string;
}

/**
 * Expands files and folders into note paths (folders searched recursively for *.coach.md).
 * Symbolic links are not followed, so a link loop cannot trap the scan.
 */
export async function findNotes(paths: readonly string[]): Promise<{ files: string[]; problems: PathProblem[] }> {
  const files = new Set<string>();
  const problems: PathProblem[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    try {
      const info = await stat(abs);
      if (info.isDirectory()) {
        // Absolute and normalised already on POSIX (cwd is): resolving 10,000 paths again would hold
        // the thread for tens of ms. On Windows, resolve turns the glob's `/` into `\\`.
        for (const f of await glob(NOTE_GLOB, { cwd: abs, absolute: true, followSymbolicLinks: false, ignore: IGNORED, dot: false, expandDirectories: false })) files.add(sep === '/' ? f : resolve(f));
      } else if (info.isFile()) files.add(abs);
      // A named pipe or device would block the read forever.
      else problems.push({ path: p, message: NOT_A_FILE });
    } catch (error) {
      problems.push({ path: p, message: describeFsError(error) });
    }
  }
  return { files: [...files].sort(), problems };
}

/** For paths that are neither a folder nor a regular file (a named pipe, a device, a socket). */
export const NOT_A_FILE = 'This is not a regular file (perhaps a named pipe or a device), so it was not read.';

export interface NoteFile {
  path: string;
  text: string;
  /** Set when the bytes were not clean UTF-8 text; the note is still checked as far as it can be. */
  warning?: string;
}

/** Reads a note as UTF-8, tolerating bad bytes (they become U+FFFD) and reporting them. */
export async function readNote(path: string): Promise<NoteFile | PathProblem> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { path, message: describeFsError(error) };
  }
  return decodeNote(path, bytes);
}

export function decodeNote(path: string, bytes: Uint8Array): NoteFile {
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const binary = bytes.includes(0);
    return {
      path,
      text,
      warning: binary
        ? 'This file holds binary data, not text; it was checked as far as possible. Is it really a note?'
        : 'This file has bytes that are not valid UTF-8 text; they were replaced by � for checking. Re-save the note as UTF-8.',
    };
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or folder.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied: Coach Notes may not read it.';
    case 'EISDIR':
      return 'This is a folder, not a note.';
    case 'ELOOP':
      return 'A symbolic link loop leads nowhere.';
    default:
      return errorText(error);
  }
}

/** Finds and reads every note under `paths`. Unreadable ones become problems; the others are still read. */
export async function readNoteFiles(paths: readonly string[]): Promise<{ files: NoteFile[]; problems: PathProblem[]; found: number }> {
  const found = await findNotes(paths);
  const problems: PathProblem[] = [...found.problems];
  const files: NoteFile[] = [];
  for (const path of found.files) {
    const read = await readNote(path);
    if ('text' in read) files.push(read);
    else problems.push(read);
  }
  return { files, problems, found: found.files.length };
}
