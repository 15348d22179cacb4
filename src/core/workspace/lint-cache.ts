import { readFile, mkdir } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { sha1Of } from '../data/compiled';
import { errorText } from '../data/yaml';
import { builtinDataRoot } from '../data/paths';
import type { EngineSetup } from '../engine/setup';
import { atomicWrite, rootKey, setupFingerprint } from '../indexer/cache';
import type { Finding } from '../model/types';
import { batchResult, lintAcross, lintLocally, parseWith, ruleSplit, withoutTree, type BatchResult } from './batch';
import type { NoteFile } from './files';
import { NoteIndex } from './index';
import type { NoteSummary } from './summary';
import { previousNote, type WorkspaceView } from './view';

/**
 * The lint cache of the CLI (`coach-notes lint --cache`): what `lintBatch` found for each note,
 * kept between runs so that an unchanged note is neither parsed nor checked again.
 *
 * - A note's own findings and summary are reused while its text hashes the same.
 * - Cross-note findings (rules with `crossNote`) are reused while, besides the note's own text,
 *   what those rules read of the other notes is the same. For `agreement-follow-up` that is the
 *   client's previous note alone (its path, date, session and agreements), so changing a note
 *   re-checks it and the client's next note — and the next note only when the change touches what
 *   it reads (the agreements, the date or session, the client; a moved date also re-checks the
 *   note that follows it at its new place). Other notes are never re-checked.
 * - The whole cache is dropped when the engine (package version, LINT_CACHE_FORMAT) or the
 *   setup (config, frameworks, lexicons) differs from the run that wrote it.
 */

/** Bump when what is stored, or how findings are computed from it, changes: older caches are then rebuilt. */
export const LINT_CACHE_FORMAT = 1;

export interface LintCacheEntry {
  /** SHA-1 of the note's text. */
  hash: string;
  summary: NoteSummary;
  /** Findings of the rules that read this note alone. */
  local: Finding[];
  /** Findings of the cross-note rules, and a SHA-1 of what they read of the other notes. */
  cross: { input: string; findings: Finding[] };
}

export interface LintCacheData {
  format: number;
  /** Package version and LINT_CACHE_FORMAT. */
  engine: string;
  /** Fingerprint of the loaded setup. */
  setup: string;
  /** By absolute note path. */
  notes: Record<string, LintCacheEntry>;
}

/** What a run did, so callers (and tests) can tell reuse from work without timing it. */
export interface LintCacheStats {
  /** Notes parsed (each parse of a note counts). */
  parsed: number;
  /** Notes whose own rules ran. */
  linted: number;
  /** Notes whose cross-note rules ran again on a reused note because what they read changed. */
  rechecked: number;
  /** Notes taken whole from the cache. */
  reused: number;
}

/** The keys a cache must match to be used: built once per run. */
export interface LintCacheKey {
  engine: string;
  setup: string;
}

export function lintCacheKey(setup: EngineSetup, packageVersion: string): LintCacheKey {
  return { engine: `${packageVersion}+${LINT_CACHE_FORMAT}`, setup: sha1Of(`${setupFingerprint(setup)}\n${builtinLexiconsHash()}`) };
}

/**
 * The judgmental lexicon is too large to fingerprint by value (some 130,000 phrase forms); it is
 * made from the built-in lexicon files and the config, so their bytes stand for it. The config is
 * already in `setupFingerprint`.
 */
function builtinLexiconsHash(): string {
  const parts: string[] = [];
  try {
    const dir = join(builtinDataRoot(), 'lexicons');
    for (const name of readdirSync(dir).sort()) parts.push(`${name}:${sha1Of(readFileSync(join(dir, name)))}`);
  } catch (error) {
    // Loading the setup has reported it already; the cache then holds for the same error alone.
    parts.push(`unreadable: ${errorText(error)}`);
  }
  return sha1Of(parts.join('\n'));
}

/**
 * What each cross-note rule reads of the other notes, for one note: its findings hold while this
 * is unchanged (and the note itself is). A cross-note rule not listed here is taken to read every
 * note of the workspace, which is always correct, only slower to re-check.
 */
const CROSS_READS = new Map<string, (view: WorkspaceView, note: NoteSummary) => unknown>([
  // The client's previous note: it reads nothing else, and nothing when the note has no client or date.
  ['agreement-follow-up', (view, { path, client, date, session }) =>
    client && date ? (previousNote(view, { path, client, date, ...(session !== undefined ? { session } : {}) }) ?? null) : null],
]);

/** Everything the workspace view shows cross-note rules: each client's valid notes, in a stable order. */
function wholeView(index: NoteIndex): string {
  const clients = [...new Set(index.all().flatMap((s) => (s.client !== undefined ? [s.client] : [])))].sort();
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return sha1Of(JSON.stringify(clients.map((c) => [c, [...index.notesOfClient(c)].sort(byPath)])));
}

function crossInput(index: NoteIndex, note: NoteSummary, ruleIds: readonly string[], whole: () => string): string {
  const reads = ruleIds.map((id) => {
    const read = CROSS_READS.get(id);
    return read ? read(index, note) : whole();
  });
  return sha1Of(JSON.stringify(reads));
}

export interface CachedLintRun {
  results: BatchResult[];
  /** The cache to save: this run's notes, plus earlier entries outside `scope`. */
  cache: LintCacheData;
  /** False when `cache` holds exactly what `previous` held: there is nothing to write. */
  changed: boolean;
  stats: LintCacheStats;
}

/**
 * `lintBatch` with a cache: the same results, in the same order, for the same notes. `previous` is
 * the cache read from disk (undefined when there was none); it is ignored unless it matches `key`.
 * `scope` is the absolute files and folders this run was asked to check: earlier entries under
 * them that this run did not find are notes deleted since, and are dropped; entries elsewhere are
 * kept for the runs that check them.
 */
export function lintBatchCached(files: readonly NoteFile[], setup: EngineSetup, key: LintCacheKey, previous: LintCacheData | undefined, scope: readonly string[]): CachedLintRun {
  const matches = previous !== undefined && previous.format === LINT_CACHE_FORMAT && previous.engine === key.engine && previous.setup === key.setup;
  const old = matches ? previous.notes : {};
  const stats: LintCacheStats = { parsed: 0, linted: 0, rechecked: 0, reused: 0 };
  const index = new NoteIndex();
  const { local, cross } = ruleSplit({});

  // First the note's own rules, as lintBatch does, for changed notes only; every summary goes to the index.
  const first = files.map((file) => {
    const hash = sha1Of(file.text);
    const cached = Object.hasOwn(old, file.path) ? old[file.path] : undefined;
    if (cached && cached.hash === hash) {
      index.set(cached.summary);
      return { file, hash, summary: cached.summary, findings: cached.local, cached, light: undefined, storable: true };
    }
    const { summary, findings, light } = lintLocally(file, setup, {}, local);
    stats.parsed++;
    stats.linted++;
    index.set(summary);
    // A note checked only in part for time would keep its partial findings: it is checked again next run.
    const storable = !(light.skippedRules?.length || light.cutShortRules?.length);
    return { file, hash, summary, findings, cached: undefined, light, storable };
  });

  // Then the cross-note rules, against the index of every summary, where what they read changed.
  const notes: Record<string, LintCacheEntry> = {};
  let wholeDigest: string | undefined;
  const whole = () => (wholeDigest ??= wholeView(index));
  const results = first.map(({ file, hash, summary, findings, cached, light, storable }) => {
    const input = crossInput(index, summary, cross, whole);
    let more: Finding[];
    if (light) more = lintAcross(light, setup, {}, cross, index);
    else if (cached && cached.cross.input === input) {
      more = cached.cross.findings;
      stats.reused++;
    } else {
      stats.parsed++;
      stats.rechecked++;
      more = lintAcross(withoutTree(parseWith(setup, file)), setup, {}, cross, index);
    }
    if (storable) notes[file.path] = { hash, summary, local: findings, cross: { input, findings: more } };
    return batchResult(file, summary, findings, more);
  });

  let dropped = 0;
  for (const [path, entry] of Object.entries(old)) {
    if (Object.hasOwn(notes, path)) continue;
    if (scope.some((folder) => isInside(path, folder))) dropped++;
    else notes[path] = entry;
  }
  // Reused entries are the earlier ones unchanged, so only a parse or a dropped note changes the cache.
  const changed = !matches || stats.parsed > 0 || dropped > 0;
  return { results, cache: { format: LINT_CACHE_FORMAT, engine: key.engine, setup: key.setup, notes }, changed, stats };
}

// ── Where the cache lives ───────────────────────────────────────────────────────────────────────

/** The user's cache folder: `%LOCALAPPDATA%` on Windows, `~/Library/Caches` on macOS, `$XDG_CACHE_HOME` or `~/.cache` elsewhere. */
export function userCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') return env.LOCALAPPDATA || join(home, 'AppData', 'Local');
  if (platform === 'darwin') return join(home, 'Library', 'Caches');
  // The XDG specification ignores a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME;
  return xdg && isAbsolute(xdg) ? xdg : join(home, '.cache');
}

/** File name of a workspace's cache: one per workspace root, so two workspaces never share one. */
export function lintCacheName(root: string): string {
  return `coach-notes-lint-${rootKey(root)}.json`;
}

/** Without `--cache-location`: `<user cache folder>/coach-notes/coach-notes-lint-<root hash>.json`, never among the notes. */
export function defaultLintCacheFile(root: string, cacheFolder: string = userCacheFolder()): string {
  return join(cacheFolder, 'coach-notes', lintCacheName(root));
}

/**
 * `--cache-location`, as ESLint reads it: a folder (one that exists, or a name ending in a
 * separator) gets the cache file inside it; anything else is the file itself.
 */
export async function lintCacheFileAt(location: string, cwd: string, root: string, isFolder: (path: string) => Promise<boolean>): Promise<string> {
  const path = resolve(cwd, location);
  return /[\\/]$/.test(location) || (await isFolder(path)) ? join(path, lintCacheName(root)) : path;
}

/** True when `path` is `folder` or lies inside it. */
export function isInside(path: string, folder: string): boolean {
  const p = resolve(path);
  const f = resolve(folder);
  return p === f || p.startsWith(f.endsWith(sep) ? f : f + sep);
}

// ── Reading and writing ─────────────────────────────────────────────────────────────────────────

/**
 * Reads a cache file. A missing file is no cache; an unreadable, truncated or malformed one is no
 * cache either, with a sentence saying so: the run simply checks every note and writes it anew.
 */
export async function readLintCache(file: string): Promise<{ cache?: LintCacheData; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    // Not there yet (or a file stands where its folder would be, which the write reports).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    return { problem: `the lint cache ${file} could not be read, so every note was checked again (${errorText(error)}).` };
  }
  try {
    const data = JSON.parse(text) as unknown;
    if (isCacheData(data)) return { cache: data };
  } catch {
    // Reported below, like a file of the wrong shape.
  }
  return { problem: `the lint cache ${file} was damaged, so every note was checked again and the cache was rebuilt.` };
}

/** Writes the cache atomically (a crash never leaves half a file), readable by its owner alone: it holds summaries of confidential notes. */
export async function writeLintCache(file: string, cache: LintCacheData): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await atomicWrite(file, JSON.stringify(cache), 0o600);
}

/** A shape check, deep enough that a damaged but parseable file cannot break the output. */
function isCacheData(data: unknown): data is LintCacheData {
  if (!isObject(data) || typeof data.format !== 'number' || typeof data.engine !== 'string' || typeof data.setup !== 'string' || !isObject(data.notes)) return false;
  return Object.entries(data.notes).every(([path, e]) => isObject(e) && typeof e.hash === 'string' && isObject(e.summary) && e.summary.path === path && isFindings(e.local) && isObject(e.cross) && typeof e.cross.input === 'string' && isFindings(e.cross.findings));
}

function isFindings(list: unknown): list is Finding[] {
  return Array.isArray(list) && list.every((f: unknown) => isObject(f) && typeof f.ruleId === 'string' && typeof f.reason === 'string' && typeof f.severity === 'string' && Array.isArray(f.fixes) && isObject(f.place) && isPoint(f.place.start) && isPoint(f.place.end));
}

function isPoint(p: unknown): boolean {
  return isObject(p) && typeof p.line === 'number' && typeof p.column === 'number' && typeof p.offset === 'number';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
