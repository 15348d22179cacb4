import { errorText } from '../data/yaml';
import type { Finding, Fix, RuleMessage, Severity } from '../model/types';
import { parseNote } from '../note/parse';
import type { DisableDirective, Note } from '../note/types';
import { ruleDocUrl } from '../rules/docs';
import { RULES } from '../rules/index';
import { noteTooLargeRule } from '../rules/note-too-large';
import type { Rule } from '../rules/types';
import type { WorkspaceView } from '../workspace/view';
import { BudgetSpent, tick, withDeadline, type Clock } from './deadline';
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
  /** The clock the budget is measured on, in milliseconds (tests inject one that counts). */
  now?: Clock;
}

/** Per-note time budget: a pathological note is reported as checked in part, and every other note is still checked. */
export const DEFAULT_BUDGET_MS = 5000;
/** Findings of one rule in one note beyond which one summary stands for the rest: a coach, and the Problems panel, drown otherwise. */
export const MAX_FINDINGS_PER_RULE = 1000;

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
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = now() + budget;
  const expired = () => now() > deadline;
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
    // Stryker disable next-line ConditionalExpression: assigning for every rule assigns the same two arrays; only the size rule reads them.
    if (rule === noteTooLargeRule) {
      note.skippedRules = skipped;
      note.cutShortRules = cutShort;
    }
    const severity = severityOf(rule, setup, options);
    if (severity === 'off') continue;
    const messages: RuleMessage[] = [];
    const timed = rule !== noteTooLargeRule;
    const context = {
      note,
      config: setup.config,
      frameworks: setup.frameworks,
      judgmental: setup.judgmental,
      sensitive: setup.sensitive,
      ...(options.workspace ? { workspace: options.workspace } : {}),
      report: (m: RuleMessage) => {
        if (timed) tick();
        messages.push(m);
      },
      expired: () => timed && expired(),
    };
    try {
      // Inside the rule, `tick()` (per report, block, match or sentence) throws BudgetSpent once the budget is spent.
      if (timed) withDeadline(deadline, now, () => rule.check(context));
      else rule.check(context);
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

/**
 * Applies coach-disable / coach-enable / -next-line / -line / -file comments. Linear in findings
 * plus directives (after a sort): a pasted note can hold thousands of each.
 */
export function applyDirectives(directives: readonly DisableDirective[], findings: Finding[]): Finding[] {
  // Stryker disable next-line ConditionalExpression: a shortcut; the filter below keeps every finding when there are no comments.
  if (directives.length === 0) return findings;
  // Stryker disable next-line ConditionalExpression,MethodExpression,ArrowFunction,StringLiteral: a shortcut; the filter below drops every finding for it too.
  if (directives.some((d) => d.kind === 'disable-file' && d.rules.length === 0)) return [];
  const covers = (d: DisableDirective, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);
  const fileWide: DisableDirective[] = [];
  // The line-scoped comments by the line they silence.
  const byLine = new Map<number, DisableDirective[]>();
  const onLine = (line: number, d: DisableDirective) => {
    const list = byLine.get(line);
    if (list) list.push(d);
    else byLine.set(line, [d]);
  };
  const regions: DisableDirective[] = [];
  for (const d of directives) {
    if (d.kind === 'disable-file') fileWide.push(d);
    else if (d.kind === 'disable-line') for (let line = d.place.start.line; line <= d.place.end.line; line++) onLine(line, d);
    else if (d.kind === 'disable-next-line') onLine(d.place.end.line + 1, d);
    else regions.push(d);
  }
  const silenced = new Set<Finding>();
  for (const f of findings) {
    if (fileWide.some((d) => covers(d, f.ruleId)) || byLine.get(f.place.start.line)?.some((d) => covers(d, f.ruleId))) silenced.add(f);
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; without disable/enable comments the sweep silences nothing.
  if (regions.length > 0) {
    // One sweep in offset order: a finding is silenced when the last disable/enable at or before
    // it that names its rule (or names none) is a disable.
    regions.sort((a, b) => a.place.start.offset - b.place.start.offset);
    // Stryker disable next-line MethodExpression: sweeping an already silenced finding too only adds it to the set again.
    const ordered = findings.filter((f) => !silenced.has(f)).sort((a, b) => a.place.start.offset - b.place.start.offset);
    let all: { at: number; disabled: boolean } | undefined;
    const perRule = new Map<string, { at: number; disabled: boolean }>();
    let next = 0;
    for (const f of ordered) {
      for (; next < regions.length && (regions[next] as DisableDirective).place.start.offset <= f.place.start.offset; next++) {
        const d = regions[next] as DisableDirective;
        const state = { at: next, disabled: d.kind === 'disable' };
        if (d.rules.length === 0) all = state;
        else for (const id of d.rules) perRule.set(id, state);
      }
      const own = perRule.get(f.ruleId);
      // Stryker disable next-line EqualityOperator: two comments never share an index, so own.at === all.at cannot happen.
      const last = own && (!all || own.at > all.at) ? own : all;
      if (last?.disabled) silenced.add(f);
    }
  }
  // Stryker disable next-line ConditionalExpression: a shortcut; filtering with nothing silenced keeps every finding in order.
  return silenced.size === 0 ? findings : findings.filter((f) => !silenced.has(f));
}
