import { addDays, daysBetween, monthsBefore } from './dates';
import type { CredentialRequirement, CredentialRules } from './requirements';
import { distinctClients, type CountedSession, type LeftOutSession } from './sessions';

/** How long back the current pace is measured, and the window ICF's recent-hours rules use. */
export const PACE_MONTHS = 18;

export type CheckId = 'hours' | 'paidHours' | 'clients' | 'recentHours';

export interface CredentialCheck {
  id: CheckId;
  logged: number;
  required: number;
  met: boolean;
  /** For recentHours: the window in months. */
  months?: number;
}

export interface CredentialStatus {
  id: string;
  name: string;
  /** Every recorded requirement is met. */
  met: boolean;
  checks: CredentialCheck[];
  /** A requirement ICF has that the data does not record, for the coach to check. */
  unrecorded?: string;
}

export interface CredentialEstimate {
  id: string;
  name: string;
  /** The day the credential's recorded requirements would be met at the current pace, or null. */
  date: string | null;
  /** Why there is no date, when there is none. */
  reason?: string;
}

/**
 * Progress toward each credential, as of a day. JSON-ready: `coach-notes log --format json` prints
 * it and the report carries it. Hours are derived from exact minutes once.
 */
export interface CredentialProgress {
  asOf: string;
  /** `credential.training_start`, or null when unset (then every session counts). */
  trainingStart: string | null;
  source: CredentialRules['source'];
  sessions: number;
  minutes: number;
  hours: number;
  paidHours: number;
  proBonoHours: number;
  individualHours: number;
  groupHours: number;
  clients: number;
  /** Hours in the last 18 months (since `since`, inclusive). */
  recent: { months: number; since: string; hours: number };
  /** Hours a month over the last 18 months, or since the training start or first session when later; null with no sessions in it. */
  pace: { since: string; hoursPerMonth: number; paidHoursPerMonth: number; clientsPerMonth: number } | null;
  credentials: CredentialStatus[];
  /** The next credential not yet met (or the one asked for), with an estimate; null when all are met. */
  next: CredentialEstimate | null;
  /** Notes left out, each with its reason; `note` names it (a path, or a pseudonym and date). */
  leftOut: { note: string; reason: string }[];
  /** Sessions kept out with `icf_log: false`. */
  notLogged: number;
}

const DAYS_PER_MONTH = 365.25 / 12;

export interface ProgressOptions {
  asOf: string;
  trainingStart?: string;
  /** Estimate this credential rather than the next one not yet met. */
  credential?: string;
  /** Names a left-out note for the coach: its path, or a pseudonym and date. */
  name: (session: LeftOutSession) => string;
}

export function credentialProgress(
  counted: readonly CountedSession[],
  leftOut: readonly LeftOutSession[],
  notLogged: number,
  rules: CredentialRules,
  options: ProgressOptions,
): CredentialProgress {
  const per = rules.minutesPerHour;
  const minutesOf = (list: readonly CountedSession[]) => list.reduce((n, s) => n + s.minutes, 0);
  const since = (day: string) => counted.filter((s) => s.date >= day);
  const minutes = minutesOf(counted);
  const recentSince = monthsBefore(options.asOf, PACE_MONTHS);
  const clients = distinctClients(counted);

  const statuses = rules.credentials.map((c) => status(c, counted, clients, options.asOf, per));
  const pace = paceOf(counted, options, recentSince, per);
  const target = options.credential === undefined ? statuses.find((s) => !s.met) : statuses.find((s) => s.id === options.credential);
  const requirement = rules.credentials.find((c) => c.id === target?.id);

  return {
    asOf: options.asOf,
    trainingStart: options.trainingStart ?? null,
    source: rules.source,
    sessions: counted.length,
    minutes,
    hours: minutes / per,
    paidHours: minutesOf(counted.filter((s) => s.paid)) / per,
    proBonoHours: minutesOf(counted.filter((s) => !s.paid)) / per,
    individualHours: minutesOf(counted.filter((s) => s.type === 'individual')) / per,
    groupHours: minutesOf(counted.filter((s) => s.type === 'group')) / per,
    clients,
    recent: { months: PACE_MONTHS, since: recentSince, hours: minutesOf(since(recentSince)) / per },
    pace,
    credentials: statuses,
    next: target && requirement ? estimate(target, requirement, pace, options.asOf) : null,
    leftOut: leftOut.map((s) => ({ note: options.name(s), reason: s.reason })),
    notLogged,
  };
}

function status(c: CredentialRequirement, counted: readonly CountedSession[], clients: number, asOf: string, per: number): CredentialStatus {
  const hours = (list: readonly CountedSession[]) => list.reduce((n, s) => n + s.minutes, 0) / per;
  const check = (id: CheckId, logged: number, required: number, months?: number): CredentialCheck => ({ id, logged, required, met: logged >= required, ...(months ? { months } : {}) });
  const checks = [check('hours', hours(counted), c.hours), check('paidHours', hours(counted.filter((s) => s.paid)), c.paidHours), check('clients', clients, c.clients)];
  if (c.recent) {
    const from = monthsBefore(asOf, c.recent.months);
    checks.push(check('recentHours', hours(counted.filter((s) => s.date >= from)), c.recent.hours, c.recent.months));
  }
  return {
    id: c.id,
    name: c.name,
    met: checks.every((k) => k.met),
    checks,
    ...(c.recent ? {} : { unrecorded: `ICF also asks for a number of recent hours for the ${c.id.toUpperCase()}; that figure is not recorded here, so check it on ICF's page before you apply (add it to .coach/credentials.yaml to have it counted).` }),
  };
}

function paceOf(counted: readonly CountedSession[], options: ProgressOptions, windowStart: string, per: number): CredentialProgress['pace'] {
  const first = counted[0]?.date;
  if (first === undefined) return null;
  // A coach who started within the window has coached only since then: measure the pace from there.
  const from = [windowStart, options.trainingStart ?? first].sort().at(-1) ?? windowStart;
  const inWindow = counted.filter((s) => s.date >= from);
  if (inWindow.length === 0) return null;
  const months = (daysBetween(from, options.asOf) + 1) / DAYS_PER_MONTH;
  // New clients in the window: those whose first session (sessions are in date order) falls in it.
  const firstDate = new Map<string, string>();
  for (const s of counted) if (!firstDate.has(s.key)) firstDate.set(s.key, s.date);
  const isNew = (s: CountedSession) => (firstDate.get(s.key) ?? '') >= from;
  return {
    since: from,
    hoursPerMonth: inWindow.reduce((n, s) => n + s.minutes, 0) / per / months,
    paidHoursPerMonth: inWindow.filter((s) => s.paid).reduce((n, s) => n + s.minutes, 0) / per / months,
    clientsPerMonth: distinctClients(counted.filter(isNew)) / months,
  };
}

const SHORT: Record<CheckId, string> = { hours: 'coaching hours', paidHours: 'paid hours', clients: 'new clients', recentHours: 'recent hours' };

/**
 * When the target's recorded requirements would all be met if the last 18 months' pace went on.
 * Recent hours follow the pace too: once the window is a full 18 months long, it holds only as
 * many hours as the pace gives, so a slower pace can never meet them.
 */
function estimate(target: CredentialStatus, requirement: CredentialRequirement, pace: CredentialProgress['pace'], asOf: string): CredentialEstimate {
  const base = { id: target.id, name: target.name };
  if (target.met) return { ...base, date: asOf, reason: 'met already' };
  if (!pace) return { ...base, date: null, reason: `no sessions in the last ${PACE_MONTHS} months to measure a pace from` };
  let months = 0;
  for (const check of target.checks) {
    if (check.met) continue;
    const rate = check.id === 'paidHours' ? pace.paidHoursPerMonth : check.id === 'clients' ? pace.clientsPerMonth : pace.hoursPerMonth;
    if (rate <= 0) return { ...base, date: null, reason: `no ${SHORT[check.id]} in the last ${PACE_MONTHS} months to measure a pace from` };
    if (check.id === 'recentHours') {
      const window = requirement.recent?.months ?? PACE_MONTHS;
      const windowStart = monthsBefore(asOf, window);
      const full = daysBetween(windowStart, asOf) / DAYS_PER_MONTH;
      const from = [windowStart, pace.since].sort().at(-1) ?? windowStart;
      const elapsed = daysBetween(from, asOf) / DAYS_PER_MONTH;
      const needed = check.required / rate;
      if (needed > full) {
        const most = Math.round(rate * full * 10) / 10;
        return { ...base, date: null, reason: `at the current pace, ${window} months hold about ${most} hours, short of the ${check.required} recent hours asked` };
      }
      months = Math.max(months, needed - elapsed);
    } else months = Math.max(months, (check.required - check.logged) / rate);
  }
  return { ...base, date: addDays(asOf, Math.ceil(months * DAYS_PER_MONTH)) };
}
