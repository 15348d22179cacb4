import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineSetup } from '../engine/setup';
import type { NoteSummary } from '../workspace/summary';

/** Bump when NoteSummary or how it is computed changes: older caches are then rebuilt. */
export const CACHE_VERSION = 5;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** SHA-1 of the bytes: a touched but unchanged file is not re-parsed. */
  hash: string;
  summary: NoteSummary;
}

interface Meta {
  version: number;
  /** Fingerprint of everything a summary depends on besides the note: config, frameworks, lexicon. */
  setup: string;
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
 * or a folder the CLI is given), never among the notes: one folder per workspace root.
 */
export function cacheDirFor(cacheDir: string, root: string): string {
  return join(cacheDir, `coach-notes-index-${rootKey(root)}`);
}

/** A short, stable name for a workspace root, for cache file and folder names (the CLI's lint cache uses it too). */
export function rootKey(root: string): string {
  return createHash('sha1').update(root).digest('hex').slice(0, 16);
}

/**
 * Entries are spread over small shards by path, so loading and saving never hold the thread for
 * long, and a change rewrites only its own shard.
 */
export function shardOf(path: string): string {
  return createHash('sha1').update(path).digest('hex').slice(0, 2);
}

const META = 'meta.json';

/**
 * Reads a cache, yielding between shards. A missing, old or foreign cache is removed; a truncated
 * or corrupt shard is dropped on its own. Either way those notes are simply parsed again.
 */
export async function loadCache(dir: string, fingerprint: string): Promise<Map<string, CacheEntry>> {
  const entries = new Map<string, CacheEntry>();
  try {
    const meta = JSON.parse(await readFile(join(dir, META), 'utf8')) as Meta;
    if (meta.version !== CACHE_VERSION || meta.setup !== fingerprint) throw new Error('stale');
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return entries;
  }
  for (const name of await readdir(dir)) {
    if (!/^shard-[0-9a-f]{2}\.json$/.test(name)) continue;
    try {
      const shard = JSON.parse(await readFile(join(dir, name), 'utf8')) as Record<string, CacheEntry>;
      const valid = Object.entries(shard).every(([path, e]) => typeof e?.size === 'number' && typeof e.mtimeMs === 'number' && typeof e.hash === 'string' && e.summary?.path === path);
      if (!valid) throw new Error('corrupt shard');
      for (const [path, e] of Object.entries(shard)) entries.set(path, e);
    } catch {
      rmSync(join(dir, name), { force: true });
    }
  }
  return entries;
}

/**
 * Writes the shards that hold `changed` paths (all shards when omitted), each atomically:
 * a temporary file, then a rename, so a crash never leaves half a shard. Shards are written one
 * at a time, so the thread is never held for long.
 */
export async function saveCache(dir: string, fingerprint: string, entries: ReadonlyMap<string, CacheEntry>, changed?: Iterable<string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const shards = new Map<string, Record<string, CacheEntry>>();
  const wanted = changed ? new Set([...changed].map(shardOf)) : undefined;
  let counted = 0;
  for (const [path, entry] of entries) {
    // Hashing 10,000 paths takes ~100 ms: yield now and then, so a host stays responsive.
    if (++counted % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    const key = shardOf(path);
    if (wanted && !wanted.has(key)) continue;
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = {}));
    shard[path] = entry;
  }
  // A shard whose last note was removed is written empty, so deleted notes do not come back.
  for (const key of wanted ?? []) if (!shards.has(key)) shards.set(key, {});
  for (const [key, shard] of shards) await atomicWrite(join(dir, `shard-${key}.json`), JSON.stringify(shard));
  await atomicWrite(join(dir, META), JSON.stringify({ version: CACHE_VERSION, setup: fingerprint } satisfies Meta));
}

/** Temporary names are unique per write: two saves in one process (a rescan's and an edit's) may overlap. */
let writes = 0;

/** Writes a temporary file, then renames it over `file`: readers see the old file or the new one, never half of one. */
export async function atomicWrite(file: string, text: string, mode?: number): Promise<void> {
  const tmp = `${file}.${process.pid}-${++writes}.tmp`;
  await writeFile(tmp, text, mode === undefined ? undefined : { mode });
  await rename(tmp, file);
}
