import { errorText } from '../data/yaml';
import type { Finding, Fix, RuleMessage, Severity } from '../model/types';
import { parseNote } from '../note/parse';
import type { DisableDirective, Note } from '../note/types';
import { ruleDocUrl } from '../rules/docs';
import { RULES } from '../rules/index';
import { noteTooLargeRule } from '../rules/note-too-large';
import type { Rule } from '../rules/types';
import type { WorkspaceView } from '../workspace/view';
import type { EngineSetup } from './setup';

export interface LintOptions {
  /** Other notes, for cross-note rules. */
  workspace?: WorkspaceView;
  /** Severity overrides on top of the config (e.g. from VS Code settings). */
  severities?: Record<string, Severity>;
  /** Only run these rules (by id). */
  only?: readonly string[];
  /** Time after which the remaining rules are skipped for this note (milliseconds). */
  budgetMs?: number;
  /** The rules to run instead of the built-in set (tests inject faulty ones). */
  rules?: readonly Rule[];
}

/** Per-note time budget: a pathological note is reported as checked in part, and every other note is still checked. */
export const DEFAULT_BUDGET_MS = 5000;

export interface LintResult {
  note: Note;
  findings: Finding[];
}

/** Parses a note and runs every rule on it. */
export function lintText(text: string, path: string, setup: EngineSetup, options: LintOptions = {}): LintResult {
  const note = parseNote(text, path, { frameworks: setup.frameworks, defaultFramework: setup.config.framework, maxChars: setup.config.maxNoteChars });
  return { note, findings: lintNote(note, setup, options) };
}

/** Runs the rules on an already parsed note. A rule that throws is reported on the note; the others still run. */
export function lintNote(note: Note, setup: EngineSetup, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const started = performance.now();
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const skipped: string[] = [];
  // The size rule runs last, so it can also report rules skipped for time.
  const rules = options.rules ?? RULES;
  for (const rule of [...rules.filter((r) => r !== noteTooLargeRule), ...(rules.includes(noteTooLargeRule) ? [noteTooLargeRule] : [])]) {
    if (options.only && !options.only.includes(rule.id)) continue;
    if (rule !== noteTooLargeRule && performance.now() - started > budget) {
      skipped.push(rule.id);
      continue;
    }
    if (rule === noteTooLargeRule) note.skippedRules = skipped;
    const severity = severityOf(rule, setup, options);
    if (severity === 'off') continue;
    const messages: RuleMessage[] = [];
    try {
      rule.check({
        note,
        config: setup.config,
        frameworks: setup.frameworks,
        judgmental: setup.judgmental,
        sensitive: setup.sensitive,
        ...(options.workspace ? { workspace: options.workspace } : {}),
        report: (m) => messages.push(m),
      });
    } catch (error) {
      messages.push({
        reason: `Coach Notes could not finish checking this note with ${rule.id}: ${errorText(error)}. The other checks still ran.`,
        place: note.lines.place(0, 0),
      });
    }
    for (const m of messages) findings.push(toFinding(rule, severity, m));
  }
  return sortFindings(applyDirectives(note.directives, findings));
}

/** Findings in reading order; ties by rule id, so output is stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.place.start.offset - b.place.start.offset || a.ruleId.localeCompare(b.ruleId));
}

export function severityOf(rule: Rule, setup: EngineSetup, options: LintOptions = {}): Severity {
  return options.severities?.[rule.id] ?? setup.config.rules[rule.id] ?? rule.defaultSeverity;
}

function toFinding(rule: Rule, severity: Exclude<Severity, 'off'>, m: RuleMessage): Finding {
  const fixes: Fix[] = (m.expected ?? []).map((text) => ({
    title: `Replace with “${text}”`,
    edits: [{ start: m.place.start.offset, end: m.place.end.offset, newText: text }],
  }));
  fixes.push(...(m.fixes ?? []));
  return { ...m, ruleId: rule.id, severity, url: ruleDocUrl(rule.id), fixes };
}

/** Applies coach-disable / coach-enable / -next-line / -line / -file comments. */
export function applyDirectives(directives: readonly DisableDirective[], findings: Finding[]): Finding[] {
  if (directives.length === 0) return findings;
  const covers = (d: DisableDirective, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);
  if (directives.some((d) => d.kind === 'disable-file' && d.rules.length === 0)) return [];
  const ordered = [...directives].sort((a, b) => a.place.start.offset - b.place.start.offset);
  return findings.filter((f) => {
    const line = f.place.start.line;
    const offset = f.place.start.offset;
    let disabled = false;
    for (const d of ordered) {
      if (!covers(d, f.ruleId)) continue;
      switch (d.kind) {
        case 'disable-file':
          return false;
        case 'disable-line':
          if (d.place.start.line <= line && line <= d.place.end.line) return false;
          break;
        case 'disable-next-line':
          if (line === d.place.end.line + 1) return false;
          break;
        case 'disable':
          if (d.place.start.offset <= offset) disabled = true;
          break;
        case 'enable':
          if (d.place.start.offset <= offset) disabled = false;
          break;
      }
    }
    return !disabled;
  });
}
