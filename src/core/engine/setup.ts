import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConfig } from '../config/load';
import { parseCredentialRules, type CredentialRules } from '../credential/requirements';
import { defaultConfig, type CoachConfig } from '../config/types';
import { builtinDataRoot } from '../data/paths';
import { errorText } from '../data/yaml';
import { FrameworkRegistry, loadFrameworkFolder } from '../frameworks/registry';
import type { Framework } from '../frameworks/types';
import { loadJudgmentalLexicon, withoutPhrases, type JudgmentalLexicon } from '../lexicons/judgmental';
import { loadSensitiveLexicon, type SensitiveLexicon } from '../lexicons/sensitive';
import type { DataProblem } from '../model/types';
import { RULES } from '../rules/index';

/** Everything the engine needs besides the notes: frameworks, config and lexicons. */
export interface EngineSetup {
  frameworks: FrameworkRegistry;
  config: CoachConfig;
  judgmental: JudgmentalLexicon;
  sensitive: SensitiveLexicon;
  /** The workspace's own credential requirements (`.coach/credentials.yaml`); unset: the built-in ICF ones. */
  credentials?: CredentialRules;
  /** Problems in data files; the engine still works, with defaults where a file was bad. */
  problems: DataProblem[];
}

export interface SetupOptions {
  /** Workspace root: `.coach/config.yaml` and `.coach/frameworks/` are read from it. */
  root?: string;
  /** An explicit config file (the CLI's --config), instead of `<root>/.coach/config.yaml`. */
  configFile?: string;
}

export const CONFIG_PATH = join('.coach', 'config.yaml');
export const FRAMEWORKS_DIR = join('.coach', 'frameworks');
/** A workspace's own credential requirements, replacing credentials/icf.yaml when ICF's figures change before Coach Notes does. */
export const CREDENTIALS_PATH = join('.coach', 'credentials.yaml');

/**
 * A loaded setup as plain data (frameworks as a list), for the indexer's worker threads:
 * structured clone keeps its maps, sets and regular expressions, so a worker starts without
 * reading, parsing and validating every YAML file again. The judgmental lexicon's phrases are
 * left out: the workers only summarise notes (cloning some 130,000 phrase forms once blocked the
 * host thread for tens of milliseconds at every cold start), and the build's phrase table is read
 * through functions, which do not clone. A worker that lints loads its own setup.
 */
export type SetupData = Omit<EngineSetup, 'frameworks'> & { frameworks: Framework[] };

export function indexingSetupData(setup: EngineSetup): SetupData {
  return { ...setup, frameworks: setup.frameworks.all(), judgmental: withoutPhrases(setup.judgmental) };
}

export function setupFromData(data: SetupData): EngineSetup {
  return { ...data, frameworks: new FrameworkRegistry(data.frameworks) };
}

/** Loads built-in data plus a workspace's `.coach/` folder. Never throws on bad workspace data. */
export function loadSetup(options: SetupOptions = {}): EngineSetup {
  const problems: DataProblem[] = [];
  const dataRoot = builtinDataRoot();
  const builtin = loadFrameworkFolder(join(dataRoot, 'frameworks'), 'builtin');
  problems.push(...builtin.problems);
  const frameworks = new FrameworkRegistry(builtin.frameworks);
  if (options.root) {
    // Stryker disable next-line StringLiteral: loadFrameworkFolder tells only 'builtin' apart from the rest.
    const user = loadFrameworkFolder(join(options.root, FRAMEWORKS_DIR), 'workspace');
    problems.push(...user.problems);
    for (const f of user.frameworks) frameworks.add(f);
  }

  let config = defaultConfig();
  const configFile = options.configFile ?? (options.root ? join(options.root, CONFIG_PATH) : undefined);
  if (configFile) {
    const text = readOptional(configFile, options.configFile !== undefined, problems);
    if (text !== undefined) {
      const parsed = parseConfig(text, configFile);
      config = parsed.config;
      problems.push(...parsed.problems);
    }
  }
  problems.push(...checkConfigReferences(config, frameworks));

  const judgmental = loadJudgmentalLexicon(dataRoot, config);
  const sensitive = loadSensitiveLexicon(dataRoot, config);
  problems.push(...judgmental.problems, ...sensitive.problems);
  const credentials = options.root ? workspaceCredentials(join(options.root, CREDENTIALS_PATH), problems) : undefined;
  return { frameworks, config, judgmental: judgmental.lexicon, sensitive: sensitive.lexicon, ...(credentials ? { credentials } : {}), problems };
}

/** `.coach/credentials.yaml` when the workspace has one; a file with any problem is not used (the built-in figures are, and the problem is reported). */
function workspaceCredentials(file: string, problems: DataProblem[]): CredentialRules | undefined {
  const text = readOptional(file, false, problems);
  if (text === undefined) return undefined;
  const parsed = parseCredentialRules(text, file);
  problems.push(...parsed.problems);
  return parsed.rules;
}

function readOptional(file: string, mustExist: boolean, problems: DataProblem[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing || mustExist) problems.push({ file, line: 1, column: 1, field: '', message: `The configuration file could not be read: ${errorText(error)}` });
    return undefined;
  }
}

/** Config values that name frameworks, markers or rules must exist; unknown ones are reported, not fatal. */
function checkConfigReferences(config: CoachConfig, frameworks: FrameworkRegistry): DataProblem[] {
  const file = config.file ?? CONFIG_PATH;
  const problems: DataProblem[] = [];
  const at = (field: string, message: string) => problems.push({ file, line: 1, column: 1, field, message });
  if (!frameworks.has(config.framework)) {
    at('framework', `framework "${config.framework}" is not a known framework (known: ${frameworks.ids().join(', ')}); using icf-trust instead`);
    config.framework = 'icf-trust';
  }
  for (const [fw, ids] of Object.entries(config.requiredMarkers)) {
    const framework = frameworks.get(fw);
    if (!framework) {
      at(`required_markers.${fw}`, `required_markers names the unknown framework "${fw}"`);
      continue;
    }
    if (!Array.isArray(ids)) continue;
    for (const id of ids) {
      if (!framework.markers.some((m) => m.id === id)) at(`required_markers.${fw}`, `required_markers.${fw} lists "${id}", which is not a marker of ${fw} (quote ids like "3.10" so YAML keeps them as written)`);
    }
  }
  const known = new Set(RULES.map((r) => r.id));
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) at(`rules.${id}`, `rules.${id} is not a Coach Notes rule (rules: ${[...known].join(', ')})`);
  }
  return problems;
}

/** The nearest folder at or above `start` that has a `.coach/` folder, else `start` itself (its folder, when it is a file). */
export function findWorkspaceRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.coach'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return isOtherThanFolder(start) ? dirname(resolve(start)) : resolve(start);
    dir = parent;
  }
}

function isOtherThanFolder(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  }
  // Stryker disable next-line BlockStatement: an empty catch returns undefined, which the one caller reads as false too.
  catch {
    // Missing, or a link loop: the caller reports it when it reads the path.
    return false;
  }
}
