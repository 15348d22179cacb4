import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineSetup } from '../engine/setup';
import type { NoteSummary } from '../workspace/summary';

/** Bump when NoteSummary or how it is computed changes: older caches are then rebuilt. */
export const CACHE_VERSION = 3;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** SHA-1 of the bytes: a touched but unchanged file is not re-parsed. */
  hash: string;
  summary: NoteSummary;
}

interface CacheFile {
  version: number;
  /** Fingerprint of everything a summary depends on besides the note: config, frameworks, lexicon. */
  setup: string;
  entries: Record<string, CacheEntry>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** A summary depends on the config, the frameworks and the sensitive-topic lexicon. */
export function setupFingerprint(setup: EngineSetup): string {
  const { file: _file, ...config } = setup.config;
  const data = JSON.stringify({
    config,
    frameworks: setup.frameworks.all().map(({ origin: _origin, ...f }) => f),
    sensitive: setup.sensitive.topics.map((t) => [t.id, t.terms, t.exclusions]),
    allow: setup.sensitive.allow,
  });
  return createHash('sha1').update(data).digest('hex');
}

/**
 * The cache of one workspace lives in the tool's own storage (the extension's storage folder,
 * or a folder the CLI is given), never among the notes. One file per workspace root.
 */
export function cacheFilePath(cacheDir: string, root: string): string {
  return join(cacheDir, `coach-notes-index-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
}

/**
 * Reads a cache; a missing, truncated, corrupt, old or foreign one is removed and an empty cache
 * returned, so the index is simply rebuilt.
 */
export function loadCache(file: string, fingerprint: string): Map<string, CacheEntry> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  try {
    const data = JSON.parse(text) as CacheFile;
    if (data.version !== CACHE_VERSION || data.setup !== fingerprint || typeof data.entries !== 'object' || data.entries === null) throw new Error('stale');
    const entries = new Map<string, CacheEntry>();
    for (const [path, e] of Object.entries(data.entries)) {
      if (typeof e?.size === 'number' && typeof e.mtimeMs === 'number' && typeof e.hash === 'string' && e.summary?.path === path) entries.set(path, e);
      else throw new Error('corrupt entry');
    }
    return entries;
  } catch {
    rmSync(file, { force: true });
    return new Map();
  }
}

/** Writes the cache atomically (temporary file, then rename), so a crash never leaves half a cache. */
export function saveCache(file: string, fingerprint: string, entries: ReadonlyMap<string, CacheEntry>): void {
  const dir = join(file, '..');
  mkdirSync(dir, { recursive: true });
  const data: CacheFile = { version: CACHE_VERSION, setup: fingerprint, entries: Object.fromEntries(entries) };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, file);
}
