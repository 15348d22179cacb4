import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { builtinDataRoot } from './paths';

/**
 * The built-in YAML files as the build parsed and validated them (scripts/compile-data.ts): JSON
 * in dist/data/, beside the bundles. Parsing the YAML and compiling its schemas was most of a
 * start (0.36 s of a 0.8 s `coach-notes lint`); JSON.parse of the same value takes milliseconds.
 */
export interface CompiledFile {
  /** SHA-1 of the YAML file's bytes: a YAML edited since the build is parsed again, never shadowed. */
  sha1: string;
  value: unknown;
}

/** Folder name of the compiled data beside the bundles. */
export const COMPILED_DIR = 'data';

// In a bundle, __dirname is dist/; from the TypeScript sources (the unit suite) there is no such folder and the YAML is read.
let compiledDir = join(__dirname, COMPILED_DIR);

/** For tests: read compiled data from this folder instead of the one beside the bundle. */
export function setCompiledDir(dir: string): void {
  compiledDir = dir;
}

export function compiledDirectory(): string {
  return compiledDir;
}

/** Where the compiled form of a built-in file (`lexicons/english.yaml`, relative to the data root) lives. */
export function compiledPathOf(dir: string, relativeFile: string): string {
  return join(dir, `${relativeFile}.json`);
}

export function sha1Of(bytes: Buffer | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * The validated value of `file` when it is a built-in data file compiled by the build and
 * unchanged since; undefined otherwise (a workspace's file, the unit suite, a stale build), and
 * the caller parses the YAML as before.
 */
export function compiledValue(file: string): { value: unknown } | undefined {
  if (!existsSync(compiledDir)) return undefined;
  const rel = relative(builtinDataRoot(), file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const path = compiledPathOf(compiledDir, rel);
  try {
    const compiled = JSON.parse(readFileSync(path, 'utf8')) as CompiledFile;
    return compiled.sha1 === sha1Of(readFileSync(file)) ? { value: compiled.value } : undefined;
  } catch {
    // Missing or unreadable compiled file: the YAML path still works.
    return undefined;
  }
}

/** What `read` makes of a file the build derives from built-in files: its value, and each source's SHA-1 by its path relative to the data root. */
export interface Derived<T> {
  sources: Record<string, string>;
  value: T;
}

/**
 * The value of the build's file `name` (relative to the compiled folder) when every built-in file
 * it was made from still has the bytes it had then; undefined when there is no such file (the unit
 * suite), when `read` cannot make anything of it, or when it is stale or damaged: the caller then
 * builds the value from the YAML.
 */
export function compiledDerived<T>(name: string, read: (bytes: Buffer) => Derived<T> | undefined): T | undefined {
  try {
    const derived = read(readFileSync(join(compiledDir, name)));
    return derived && Object.entries(derived.sources).every(([rel, sha1]) => sha1Of(readFileSync(join(builtinDataRoot(), rel))) === sha1) ? derived.value : undefined;
  } catch {
    // Missing, unreadable or malformed: built from the YAML instead.
    return undefined;
  }
}
