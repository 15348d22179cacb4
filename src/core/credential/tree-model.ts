import { hours, longDate, plural } from '../report/format';
import { checkFigure, checkLabel, checkState, countingSentence, estimateSentence, statusWord, totalsSentence } from './format';
import type { CredentialProgress } from './progress';

/** A row of the extension's Credential Progress view; `vscode`-free so it is tested in plain Node. */
export interface CredentialNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id. Met and not met differ by icon and by text, never by colour alone. */
  icon: 'pass' | 'circle-large-outline' | 'warning' | 'calendar' | 'clock' | 'info' | 'note';
  /** A note to open on click. */
  path?: string;
  children: CredentialNode[];
}

/**
 * The view's rows: where counting starts, the totals, each credential with its requirements
 * against their thresholds, the estimate, and the notes that could count but do not.
 * `paths` are the left-out notes' files, in the order of `progress.leftOut`.
 */
export function credentialTree(p: CredentialProgress, paths: readonly string[] = []): CredentialNode[] {
  const nodes: CredentialNode[] = [
    {
      id: 'counting',
      label: p.trainingStart === null ? 'Training start not set: counting every session' : `Counting from ${longDate(p.trainingStart)}`,
      description: plural(p.sessions, 'session'),
      tooltip: countingSentence(p),
      icon: p.trainingStart === null ? 'warning' : 'info',
      children: [],
    },
    {
      id: 'totals',
      label: `${hours(p.hours)} hours, ${plural(p.clients, 'client')}`,
      description: `${hours(p.paidHours)} paid · ${hours(p.proBonoHours)} pro bono · ${hours(p.recent.hours)} in ${p.recent.months} months`,
      tooltip: totalsSentence(p),
      icon: 'clock',
      children: [],
    },
  ];
  for (const c of p.credentials) {
    nodes.push({
      id: `credential/${c.id}`,
      label: c.id.toUpperCase(),
      description: statusWord(c),
      tooltip: `${c.name}: ${statusWord(c)}${c.unrecorded ? `. ${c.unrecorded}` : ''}`,
      icon: c.met ? 'pass' : 'circle-large-outline',
      children: c.checks.map((k) => ({
        id: `credential/${c.id}/${k.id}`,
        label: checkLabel(k),
        description: `${checkFigure(k)} · ${checkState(k)}`,
        icon: k.met ? 'pass' : 'circle-large-outline',
        children: [],
      })),
    });
  }
  nodes.push({ id: 'estimate', label: estimateSentence(p), tooltip: estimateSentence(p), icon: 'calendar', children: [] });
  if (p.leftOut.length > 0) {
    nodes.push({
      id: 'left-out',
      label: `${plural(p.leftOut.length, 'note')} could count but ${p.leftOut.length === 1 ? 'does' : 'do'} not`,
      icon: 'warning',
      children: p.leftOut.map((l, i) => ({
        id: `left-out/${i}`,
        label: l.note,
        description: l.reason,
        tooltip: `${l.note}: ${l.reason}`,
        icon: 'note',
        ...(paths[i] !== undefined ? { path: paths[i] } : {}),
        children: [],
      })),
    });
  }
  return nodes;
}
