import * as vscode from 'vscode';
import { SEVERITIES, type Severity } from '../core/model/types';
import { DEFAULT_REPORTS_FOLDER, type ReportsFolderSetting } from '../core/report/folder';
import { RULES } from '../core/rules/index';

export type RunMode = 'onType' | 'onSave' | 'off';

/** The settings a check of a note needs: read on every open, edit and save, so kept to these. */
export interface LintSettings {
  run: RunMode;
  /** Debounce for lint-on-type, in milliseconds. */
  lintDelay: number;
  /** Severity overrides per rule id, on top of `.coach/config.yaml`. */
  severities: Record<string, Severity>;
  /** Check closed notes in the background after start-up (`coachNotes.lint.workspaceOnStartup`). */
  workspaceOnStartup: boolean;
}

/** The extension's settings, read in one place and handed to the engine as plain options. */
export interface ExtensionSettings extends LintSettings {
  /** The reports folder as set, and where it was set; `reportsFolder()` in core decides whether it may be used. */
  reportsFolder: ReportsFolderSetting;
  firstMonth: number;
  pseudonymize: boolean;
}

export const SECTION = 'coachNotes';

export function readSettings(scope?: vscode.ConfigurationScope): ExtensionSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    ...lintSettings(c),
    reportsFolder: reportsFolderSetting(c),
    firstMonth: clamp(Math.round(c.get<number>('reports.firstMonth', 1)), 1, 12),
    pseudonymize: c.get<boolean>('reports.pseudonymize', false),
  };
}

/** Only what checking a note needs (no reports settings, whose source takes an `inspect()`). */
export function readLintSettings(scope?: vscode.ConfigurationScope): LintSettings {
  return lintSettings(vscode.workspace.getConfiguration(SECTION, scope));
}

let knownRules: Set<string> | undefined;

function lintSettings(c: vscode.WorkspaceConfiguration): LintSettings {
  const run = c.get<string>('run', 'onType');
  const severities: Record<string, Severity> = {};
  knownRules ??= new Set(RULES.map((r) => r.id));
  for (const [id, value] of Object.entries(c.get<Record<string, string>>('severity', {}))) {
    const bare = id.replace(/^coach:/, '');
    if (knownRules.has(bare) && (SEVERITIES as readonly string[]).includes(value)) severities[bare] = value as Severity;
  }
  return {
    run: run === 'onSave' || run === 'off' ? run : 'onType',
    lintDelay: clamp(c.get<number>('lintDelay', 400), 100, 2000),
    severities,
    workspaceOnStartup: c.get<boolean>('lint.workspaceOnStartup', true),
  };
}

/**
 * The reports folder and where its value comes from, told apart with `inspect()`: a folder the
 * coach set in their user settings may be anywhere; one from the workspace's own settings (which
 * came with the folder) must stay inside it. A value the user set counts as theirs even when a
 * workspace repeats it.
 */
function reportsFolderSetting(c: vscode.WorkspaceConfiguration): ReportsFolderSetting {
  const value = c.get<string>('reports.folder', DEFAULT_REPORTS_FOLDER) || DEFAULT_REPORTS_FOLDER;
  const where = c.inspect<string>('reports.folder');
  if (where?.globalValue !== undefined && where.globalValue === value) return { value, source: 'user' };
  if (where?.workspaceFolderValue !== undefined || where?.workspaceValue !== undefined) return { value, source: 'workspace' };
  return { value, source: where?.globalValue !== undefined ? 'user' : 'default' };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}
