import { readFile, stat } from 'node:fs/promises';
import type { EngineSetup } from '../engine/setup';
import { parseWith } from '../workspace/batch';
import { decodeNote, describeFsError, NOT_A_FILE } from '../workspace/files';
import { summarize } from '../workspace/summary';
import { hashBytes, type CacheEntry } from './cache';

export type FileResult = { path: string; entry: CacheEntry; reused: boolean; bytes: number } | { path: string; error: string };

/**
 * Summarises one note file, reusing `cached` when size and mtime match, or when the bytes hash
 * the same (a touched file). Never throws: unreadable files become errors.
 */
export async function summarizeFile(path: string, setup: EngineSetup, cached?: CacheEntry): Promise<FileResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { path, error: NOT_A_FILE };
    if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return { path, entry: cached, reused: true, bytes: 0 };
    const bytes = await readFile(path);
    const hash = hashBytes(bytes);
    if (cached && cached.hash === hash) return { path, entry: { ...cached, size: info.size, mtimeMs: info.mtimeMs }, reused: true, bytes: bytes.length };
    const note = parseWith(setup, decodeNote(path, bytes));
    return { path, entry: { size: info.size, mtimeMs: info.mtimeMs, hash, summary: summarize(note, setup) }, reused: false, bytes: bytes.length };
  } catch (error) {
    return { path, error: describeFsError(error) };
  }
}
