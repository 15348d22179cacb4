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
/** Findings of one rule in one note beyond which one summary stands for the rest: a coach, and the Problems panel, drown otherwise. */
export const MAX_FINDINGS_PER_RULE = 1000;
/** How many reports a rule makes between looks at the clock. */
const REPORTS_PER_CLOCK_CHECK = 16;

/** Thrown by `report` when the budget is spent, to stop the rule where it is. */
class BudgetSpent extends Error {}

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
  const deadline = started + budget;
  const expired = () => performance.now() > deadline;
  const skipped: string[] = [];
  const cutShort: string[] = [];
  // The size rule runs last, so it can also report rules skipped or cut short for time.
  const rules = options.rules ?? RULES;
  for (const rule of [...rules.filter((r) => r !== noteTooLargeRule), ...(rules.includes(noteTooLargeRule) ? [noteTooLargeRule] : [])]) {
    if (options.only && !options.only.includes(rule.id)) continue;
    if (rule !== noteTooLargeRule && expired()) {
      skipped.push(rule.id);
      continue;
    }
    if (rule === noteTooLargeRule) {
      note.skippedRules = skipped;
      note.cutShortRules = cutShort;
    }
    const severity = severityOf(rule, setup, options);
    if (severity === 'off') continue;
    const messages: RuleMessage[] = [];
    let reported = 0;
    const timed = rule !== noteTooLargeRule;
    try {
      rule.check({
        note,
        config: setup.config,
        frameworks: setup.frameworks,
        judgmental: setup.judgmental,
        sensitive: setup.sensitive,
        ...(options.workspace ? { workspace: options.workspace } : {}),
        report: (m) => {
          if (timed && ++reported % REPORTS_PER_CLOCK_CHECK === 0 && expired()) throw new BudgetSpent();
          messages.push(m);
        },
        expired: () => timed && expired(),
      });
      // A rule that returned early on `expired()` may have left text unread.
      if (timed && expired()) cutShort.push(rule.id);
    } catch (error) {
      if (error instanceof BudgetSpent) cutShort.push(rule.id);
      else {
        messages.push({
          reason: `Coach Notes could not finish checking this note with ${rule.id}: ${errorText(error)}. The other checks still ran.`,
          place: note.lines.place(0, 0),
        });
      }
    }
    for (const f of capped(rule, severity, messages)) findings.push(f);
  }
  return sortFindings(applyDirectives(note.directives, findings));
}

/**
 * At most MAX_FINDINGS_PER_RULE findings of a rule, in reading order, then one that says how many
 * more there are (its `data.dropped`, which the CLI's JSON reports).
 */
function capped(rule: Rule, severity: Exclude<Severity, 'off'>, messages: RuleMessage[]): Finding[] {
  if (messages.length <= MAX_FINDINGS_PER_RULE) return messages.map((m) => toFinding(rule, severity, m));
  messages.sort((a, b) => a.place.start.offset - b.place.start.offset);
  const shown = messages.slice(0, MAX_FINDINGS_PER_RULE).map((m) => toFinding(rule, severity, m));
  const dropped = messages.length - MAX_FINDINGS_PER_RULE;
  const next = messages[MAX_FINDINGS_PER_RULE] as RuleMessage;
  shown.push({
    reason: `…and ${dropped.toLocaleString('en-US')} more findings of coach:${rule.id} in this note, from here on. Only the first ${MAX_FINDINGS_PER_RULE.toLocaleString('en-US')} are listed, so the list stays readable; working through those, or splitting a pasted transcript into session-sized notes, brings the rest into view.`,
    place: next.place,
    data: { dropped },
    ruleId: rule.id,
    severity,
    url: ruleDocUrl(rule.id),
    fixes: [],
  });
  return shown;
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
