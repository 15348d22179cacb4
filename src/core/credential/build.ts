import type { Engagement } from '../report/types';
import type { NoteSummary } from '../workspace/summary';
import { engagementRows } from './log';
import { credentialProgress, type CredentialProgress } from './progress';
import { builtinCredentialRules, type CredentialRules } from './requirements';
import { countedSessions, type LeftOutSession } from './sessions';

export interface CredentialOptions {
  /** Count sessions up to and including this day (YYYY-MM-DD). */
  asOf: string;
  /** `credential.training_start`; unset, every session counts. */
  trainingStart?: string;
  /** Estimate this credential (acc, pcc, mcc) rather than the next one not yet met. */
  credential?: string;
  /** The client as shown: the latest name, or a pseudonym for the key. */
  label: (key: string, latestName: string) => string;
  /** A note's path as shown, or null to hide it (pseudonymized); it is then named by client and date. */
  notePath: (path: string) => string | null;
  rules?: CredentialRules;
}

/**
 * Credential progress and the ICF coaching log over the whole period, from note summaries. Shared
 * by `coach-notes log`, the quarterly report and the extension.
 */
export function buildCredential(summaries: readonly NoteSummary[], options: CredentialOptions): { progress: CredentialProgress; log: Engagement[]; leftOut: LeftOutSession[] } {
  const rules = options.rules ?? builtinCredentialRules();
  const { counted, leftOut, notLogged } = countedSessions(summaries, rules, { asOf: options.asOf, ...(options.trainingStart !== undefined ? { trainingStart: options.trainingStart } : {}) });
  const keyOf = new Map(summaries.map((s) => [s.path, s.clientId ?? s.client ?? '']));
  const progress = credentialProgress(counted, leftOut, notLogged, rules, {
    asOf: options.asOf,
    ...(options.trainingStart !== undefined ? { trainingStart: options.trainingStart } : {}),
    ...(options.credential !== undefined ? { credential: options.credential } : {}),
    name: (s) => options.notePath(s.path) ?? `${options.label(keyOf.get(s.path) ?? s.client, s.client)}, ${s.date}`,
  });
  // The raw left-out sessions, in the order of progress.leftOut: the extension opens them by path.
  return { progress, log: engagementRows(counted, options.label, rules.minutesPerHour), leftOut };
}
