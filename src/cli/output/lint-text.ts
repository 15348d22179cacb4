import { relative } from 'node:path';
import type { Finding } from '../../core/model/types';
import { RULE_PREFIX } from '../../core/rules/docs';
import type { BatchResult } from '../../core/workspace/batch';
import type { PathProblem } from '../../core/workspace/files';
import { stylerFor } from './style';
import { fillPlaceholders } from '../../core/model/snippet';

type Styler = ReturnType<typeof stylerFor>;

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' } as const;

/** ESLint/vfile-reporter style: findings grouped by file, then a summary line. */
export function formatLintText(results: readonly BatchResult[], problems: readonly PathProblem[], style: Styler, cwd = process.cwd()): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let clean = 0;
  for (const r of results) {
    if (r.findings.length === 0 && !r.warning) {
      clean++;
      continue;
    }
    out.push(style('underline', relative(cwd, r.path) || r.path));
    if (r.warning) out.push(`  ${style('yellow', 'note')}  ${r.warning}`);
    const width = Math.max(...r.findings.map((f) => position(f).length), 0);
    for (const f of r.findings) {
      counts[f.severity]++;
      out.push(`  ${style('dim', position(f).padEnd(width))}  ${style(SEVERITY_STYLE[f.severity], f.severity.padEnd(7))}  ${f.reason}  ${style('dim', RULE_PREFIX + f.ruleId)}`);
      const hint = hintOf(f);
      if (hint) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${style('green', hint)}`);
    }
    out.push('');
  }
  for (const p of problems) out.push(`${style('red', 'could not read')} ${p.path}: ${p.message}`);
  if (problems.length > 0) out.push('');
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const parts = (['error', 'warning', 'info', 'hint'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}${counts[k] === 1 || k === 'info' ? '' : 's'}`);
  const notes = `${results.length} note${results.length === 1 ? '' : 's'} checked`;
  out.push(total === 0 ? style('green', `✔ ${notes}, nothing to flag.`) : `${style(counts.error > 0 ? 'red' : 'yellow', '✖')} ${total} finding${total === 1 ? '' : 's'} (${parts.join(', ')}) — ${notes}, ${clean} clean.`);
  return out.join('\n') + '\n';
}

function position(f: Finding): string {
  return `${f.place.start.line}:${f.place.start.column}`;
}

/** One line under a finding: short rewrites to try, or what the quick fix would do. */
function hintOf(f: Finding): string | undefined {
  const template = f.fixes[0]?.edits[0]?.snippet ? f.fixes[0] : undefined;
  if (template && !f.expected?.length) return `fix: ${template.title}: “${snippetText(template.edits[0]?.newText ?? '')}”`;
  const suggestions = suggestionsOf(f);
  if (suggestions.length > 0 && suggestions.every((s) => !s.includes('\n'))) return `try: ${suggestions.map((s) => `“${s}”`).join(', ')}`;
  return f.fixes[0] ? `fix: ${f.fixes[0].title}` : undefined;
}

/** Suggestions shown to users and in JSON: replacement texts, or the text a fix would insert. */
export function suggestionsOf(f: Finding): string[] {
  if (f.expected && f.expected.length > 0) return f.expected;
  // The first fix is the finding's own; later ones (such as "add all") are shared between findings.
  // A template is for the editor to complete: the CLI shows what it asks for, without snippet syntax.
  const own = f.fixes[0]?.edits.map((e) => (e.snippet ? snippetText(e.newText) : e.newText)).join('').trim();
  return own ? [own] : [];
}

/** “has complained ${1:on which occasions}” → “has complained [on which occasions]”. */
function snippetText(snippet: string): string {
  return fillPlaceholders(snippet, (text) => `[${text}]`);
}
