import * as vscode from 'vscode';
import { SEVERITIES, type Severity } from '../core/model/types';
import { RULES } from '../core/rules/index';

export type RunMode = 'onType' | 'onSave' | 'off';

/** The extension's settings, read in one place and handed to the engine as plain options. */
export interface ExtensionSettings {
  run: RunMode;
  /** Debounce for lint-on-type, in milliseconds. */
  lintDelay: number;
  /** Severity overrides per rule id, on top of `.coach/config.yaml`. */
  severities: Record<string, Severity>;
  reportsFolder: string;
  firstMonth: number;
  pseudonymize: boolean;
}

export const SECTION = 'coachNotes';

export function readSettings(scope?: vscode.ConfigurationScope): ExtensionSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const run = c.get<string>('run', 'onType');
  const severities: Record<string, Severity> = {};
  const known = new Set(RULES.map((r) => r.id));
  for (const [id, value] of Object.entries(c.get<Record<string, string>>('severity', {}))) {
    const bare = id.replace(/^coach:/, '');
    if (known.has(bare) && (SEVERITIES as readonly string[]).includes(value)) severities[bare] = value as Severity;
  }
  return {
    run: run === 'onSave' || run === 'off' ? run : 'onType',
    lintDelay: clamp(c.get<number>('lintDelay', 400), 100, 2000),
    severities,
    reportsFolder: c.get<string>('reports.folder', 'coach-reports') || 'coach-reports',
    firstMonth: clamp(Math.round(c.get<number>('reports.firstMonth', 1)), 1, 12),
    pseudonymize: c.get<boolean>('reports.pseudonymize', false),
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}
