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

/** The bytes of the build's file `name` (relative to the compiled folder), or undefined when there is none. */
export function compiledBytes(name: string): Buffer | undefined {
  try {
    return readFileSync(join(compiledDir, name));
  } catch {
    // No build beside this code (the unit suite), or an unreadable file: the caller builds from the YAML.
    return undefined;
  }
}

/** True when each built-in file (by its path relative to the data root) still has the SHA-1 the build recorded. */
export function builtinUnchanged(sources: Record<string, string>): boolean {
  try {
    return Object.entries(sources).every(([rel, sha1]) => sha1Of(readFileSync(join(builtinDataRoot(), rel))) === sha1);
  } catch {
    return false;
  }
}
