import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { EngineSetup } from '../engine/setup';
import { parseWith } from '../workspace/batch';
import { decodeNote, describeFsError, NOT_A_FILE } from '../workspace/files';
import { summarize } from '../workspace/summary';
import { hashBytes, type CacheEntry } from './cache';

export type FileResult = { path: string; entry: CacheEntry; reused: boolean; bytes: number } | { path: string; error: string };

/** What the disk said about one note: its bytes only when the cache could not vouch for it. */
type Loaded = { path: string; size: number; mtimeMs: number; bytes?: Buffer } | { path: string; error: string };

/** What stat alone settles: not a regular file, or unchanged since the cache (nothing to read). */
function settledByStat(path: string, info: Stats, cached: CacheEntry | undefined): Loaded | undefined {
  if (!info.isFile()) return { path, error: NOT_A_FILE };
  if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return { path, size: info.size, mtimeMs: info.mtimeMs };
  return undefined;
}

/** The I/O half: stat, and read only when size or mtime differ from the cached entry. Never throws. */
async function loadFile(path: string, cached: CacheEntry | undefined): Promise<Loaded> {
  try {
    const info = await stat(path);
    return settledByStat(path, info, cached) ?? { path, size: info.size, mtimeMs: info.mtimeMs, bytes: await readFile(path) };
  } catch (error) {
    return { path, error: describeFsError(error) };
  }
}

/** The same, blocking: for worker threads, which exist to block, and for one changed file. */
function loadFileSync(path: string, cached: CacheEntry | undefined): Loaded {
  try {
    const info = statSync(path);
    return settledByStat(path, info, cached) ?? { path, size: info.size, mtimeMs: info.mtimeMs, bytes: readFileSync(path) };
  } catch (error) {
    return { path, error: describeFsError(error) };
  }
}

/** The CPU half: reuse the cached summary when the bytes hash the same (a touched file), else parse. */
function summarizeLoaded(loaded: Loaded, setup: EngineSetup, cached: CacheEntry | undefined): FileResult {
  if ('error' in loaded) return loaded;
  const { path, size, mtimeMs, bytes } = loaded;
  try {
    if (!bytes) return cached ? { path, entry: cached, reused: true, bytes: 0 } : { path, error: NOT_A_FILE };
    const hash = hashBytes(bytes);
    if (cached && cached.hash === hash) return { path, entry: { ...cached, size, mtimeMs }, reused: true, bytes: bytes.length };
    const note = parseWith(setup, decodeNote(path, bytes));
    return { path, entry: { size, mtimeMs, hash, summary: summarize(note, setup) }, reused: false, bytes: bytes.length };
  } catch (error) {
    return { path, error: describeFsError(error) };
  }
}

/**
 * Summarises one changed note file, reusing `cached` when size and mtime match, or when the bytes
 * hash the same (a touched file). Never throws: unreadable files become errors. The read blocks:
 * for one small file that takes microseconds, where an asynchronous read waits for several turns
 * of a busy host's event loop.
 */
export async function summarizeFile(path: string, setup: EngineSetup, cached?: CacheEntry): Promise<FileResult> {
  return summarizeLoaded(loadFileSync(path, cached), setup, cached);
}

/**
 * Files being read ahead of the one being parsed. A read takes several trips through the event
 * loop (open, stat, read, close), and a thread busy parsing lets one trip pass per slice, so many
 * files must be on their way at once for the parser never to wait.
 */
const READ_AHEAD = 64;

/**
 * Summarises files in order and calls `take` with each result; `take` may return a promise (a
 * pause to yield to the event loop, or a cancellation). On an event-loop thread (`blocking`
 * false) files are read ahead while earlier ones are parsed; a worker thread reads each file as
 * it comes.
 */
export async function summarizeFiles(
  paths: readonly string[],
  setup: EngineSetup,
  cachedOf: (path: string) => CacheEntry | undefined,
  take: (result: FileResult) => void | Promise<void>,
  blocking = false,
): Promise<void> {
  if (blocking) {
    for (const path of paths) await take(summarizeLoaded(loadFileSync(path, cachedOf(path)), setup, cachedOf(path)));
    return;
  }
  const pending: Array<Promise<Loaded>> = [];
  let next = 0;
  const fill = () => {
    while (next < paths.length && pending.length < READ_AHEAD) {
      const path = paths[next++] as string;
      pending.push(loadFile(path, cachedOf(path)));
    }
  };
  fill();
  while (pending.length > 0) {
    const loaded = await (pending.shift() as Promise<Loaded>);
    fill();
    await take(summarizeLoaded(loaded, setup, cachedOf(loaded.path)));
  }
}
