import { hours, longDate, plural } from '../report/format';
import type { CheckId, CredentialCheck, CredentialProgress, CredentialStatus } from './progress';

/**
 * Wording shared by every presentation of credential progress (CLI text, the report's Markdown,
 * HTML and CSV panels, the extension), so each says the same thing the same way.
 */

export function checkLabel(check: CredentialCheck): string {
  const labels: Record<CheckId, string> = {
    hours: 'Coaching hours',
    paidHours: 'Paid hours',
    clients: 'Clients',
    recentHours: `Hours in the last ${check.months ?? 18} months`,
  };
  return labels[check.id];
}

/** “56.5 of 100”, “9 of 8”. */
export function checkFigure(check: CredentialCheck): string {
  const show = (n: number) => (check.id === 'clients' ? String(n) : hours(n));
  return `${show(check.logged)} of ${show(check.required)}`;
}

/** “✓ met” or “43.5 to go”. */
export function checkState(check: CredentialCheck): string {
  if (check.met) return '✓ met';
  const gap = check.required - check.logged;
  return `${check.id === 'clients' ? String(gap) : hours(gap)} to go`;
}

/** “ACC: met”, “PCC: not yet”. */
export function statusWord(status: CredentialStatus): string {
  return status.met ? (status.unrecorded ? 'met, as far as recorded' : 'met') : 'not yet';
}

/** Where the count starts, or why it cannot tell. */
export function countingSentence(p: CredentialProgress): string {
  const counted = `${plural(p.sessions, 'session')} counted up to ${longDate(p.asOf)}`;
  if (p.trainingStart === null) {
    return `${counted}. \`credential.training_start\` is not set in .coach/config.yaml, so every session is counted; ICF counts only hours after the start of your coach-specific training.`;
  }
  return `${counted}, from the start of your training on ${longDate(p.trainingStart)}.`;
}

/** “56.5 hours (48 paid, 8.5 pro bono; 50 individual, 6.5 group), 9 clients; 30 hours in the last 18 months.” */
export function totalsSentence(p: CredentialProgress): string {
  const text = `${hours(p.hours)} ${p.hours === 1 ? 'hour' : 'hours'} (${hours(p.paidHours)} paid, ${hours(p.proBonoHours)} pro bono; ${hours(p.individualHours)} individual, ${hours(p.groupHours)} group), ${plural(p.clients, 'client')}; ${hours(p.recent.hours)} hours in the last ${p.recent.months} months (since ${longDate(p.recent.since)}).`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The estimate for the next credential, in one sentence. */
export function estimateSentence(p: CredentialProgress): string {
  const next = p.next;
  if (next === null) return 'Every credential’s recorded experience requirement is met.';
  const short = next.id.toUpperCase();
  if (next.reason === 'met already') return `The ${short}’s recorded experience requirement is met.`;
  if (next.date === null) return `No estimate for the ${short}: ${next.reason ?? 'no pace to go by'}.`;
  const pace = p.pace ? ` (${hours(p.pace.hoursPerMonth)} hours a month since ${longDate(p.pace.since)})` : '';
  return `At the current pace${pace}, the ${short}’s experience requirement would be met around ${longDate(next.date)}.`;
}

/** The ratio a progress bar shows, 0–1. */
export function checkRatio(check: CredentialCheck): number {
  return check.required <= 0 ? 1 : Math.min(1, Math.max(0, check.logged / check.required));
}

/** Credential progress as plain text for the terminal (`coach-notes log`). */
export function renderProgressText(p: CredentialProgress, only?: string): string {
  const out = ['ICF credential progress', '', countingSentence(p), totalsSentence(p), ''];
  for (const c of p.credentials.filter((s) => only === undefined || s.id === only)) {
    out.push(`${c.name}: ${statusWord(c)}`);
    const width = Math.max(...c.checks.map((k) => checkLabel(k).length));
    for (const k of c.checks) out.push(`  ${checkLabel(k).padEnd(width)}  ${checkFigure(k).padEnd(16)}  ${checkState(k)}`);
    if (c.unrecorded) out.push(`  ${c.unrecorded}`);
    out.push('');
  }
  out.push(estimateSentence(p));
  if (p.notLogged > 0) out.push(`${plural(p.notLogged, 'session')} with \`icf_log: false\` ${p.notLogged === 1 ? 'is' : 'are'} not coaching hours and ${p.notLogged === 1 ? 'is' : 'are'} left out.`);
  if (p.leftOut.length > 0) {
    out.push('', `${plural(p.leftOut.length, 'note')} could count but ${p.leftOut.length === 1 ? 'does' : 'do'} not:`);
    for (const l of p.leftOut) out.push(`  ${l.note}: ${l.reason}`);
  }
  out.push('', `Requirements: ${p.source.name}, checked ${longDate(p.source.checked)} (${p.source.url}).`);
  return out.join('\n') + '\n';
}
