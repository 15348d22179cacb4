import { plural } from '../report/format';
import { statusOf, weekEnd, type AgreementStatus } from './status';
import { compare, isCarried, lastIn, madeIn, type AgreementThread, type Occurrence } from './threads';

export type AgreementGrouping = 'due' | 'client';

export interface AgreementViewOptions {
  grouping: AgreementGrouping;
  /** Also list kept agreements. */
  showKept: boolean;
  /** YYYY-MM-DD, the coach's today. */
  today: string;
}

/** A codicon id. Overdue rows differ by icon and by words, never by colour alone. */
export type AgreementIcon = 'warning' | 'calendar' | 'circle-large-outline' | 'pass' | 'person' | 'history' | 'note';

/** A note line to open: the agreement with this key in that note. */
export interface AgreementTarget {
  path: string;
  key: string;
  date: string;
}

interface NodeBase {
  id: string;
  label: string;
  description: string;
  /** Rows leave it out: `agreementTooltip` makes theirs when the pointer rests on one. */
  tooltip?: string;
  icon: AgreementIcon;
  /** Drawn in the theme's warning colour (the icon and words say it too). */
  warning: boolean;
}

export interface AgreementGroupNode extends NodeBase {
  kind: 'group';
  expanded: boolean;
  threads: AgreementThread[];
  /** How its rows are ordered and described. */
  status?: AgreementStatus;
}

export interface AgreementRowNode extends NodeBase {
  kind: 'row';
  thread: AgreementThread;
  status: AgreementStatus;
  /** Clicking opens its latest line, where it stands now. */
  target: AgreementTarget;
}

export interface AgreementLinkNode extends NodeBase {
  kind: 'link';
  target: AgreementTarget;
}

export type AgreementNode = AgreementGroupNode | AgreementRowNode | AgreementLinkNode;

const DUE_GROUPS: { status: AgreementStatus; label: string; icon: AgreementIcon; expanded: boolean }[] = [
  { status: 'overdue', label: 'Overdue', icon: 'warning', expanded: true },
  { status: 'this-week', label: 'Due this week', icon: 'calendar', expanded: true },
  { status: 'later', label: 'Due later', icon: 'calendar', expanded: false },
  { status: 'no-date', label: 'No due date', icon: 'circle-large-outline', expanded: false },
  { status: 'kept', label: 'Kept', icon: 'pass', expanded: false },
];

const RANK: Record<AgreementStatus, number> = { overdue: 0, 'this-week': 1, later: 2, 'no-date': 3, kept: 4 };

/**
 * The view's top level: one pass over the threads, no rows built yet (a group's rows are made
 * when it is expanded), so a large practice renders its first screen quickly.
 */
export function agreementGroups(threads: Iterable<AgreementThread>, options: AgreementViewOptions): AgreementGroupNode[] {
  return options.grouping === 'due' ? byDue(threads, options) : byClient(threads, options);
}

function byDue(threads: Iterable<AgreementThread>, options: AgreementViewOptions): AgreementGroupNode[] {
  const end = weekEnd(options.today);
  const buckets = new Map<AgreementStatus, AgreementThread[]>(DUE_GROUPS.map((g) => [g.status, []]));
  for (const t of threads) {
    if (t.kept && !options.showKept) continue;
    buckets.get(statusOf(t, options.today, end))?.push(t);
  }
  return DUE_GROUPS.filter((g) => (buckets.get(g.status) ?? []).length > 0).map((g) => {
    const list = buckets.get(g.status) ?? [];
    const count = plural(list.length, 'agreement');
    return {
      kind: 'group',
      id: `due/${g.status}`,
      label: g.label,
      description: g.status === 'this-week' ? `${count} · by ${end}` : count,
      tooltip: `${g.label}: ${count}`,
      icon: g.icon,
      warning: g.status === 'overdue',
      expanded: g.expanded,
      threads: list,
      status: g.status,
    };
  });
}

function byClient(threads: Iterable<AgreementThread>, options: AgreementViewOptions): AgreementGroupNode[] {
  const clients = new Map<string, { name: string; threads: AgreementThread[]; overdue: number; open: number; kept: number }>();
  for (const t of threads) {
    if (t.kept && !options.showKept) continue;
    let c = clients.get(t.clientKey);
    if (!c) clients.set(t.clientKey, (c = { name: t.client, threads: [], overdue: 0, open: 0, kept: 0 }));
    c.threads.push(t);
    if (t.kept) c.kept++;
    else {
      c.open++;
      if (t.due !== undefined && t.due < options.today) c.overdue++;
    }
  }
  return [...clients.entries()]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name))
    .map(([key, c]) => {
      const parts = [`${c.open} open`, ...(c.overdue > 0 ? [`${c.overdue} overdue`] : []), ...(options.showKept ? [`${c.kept} kept`] : [])];
      return {
        kind: 'group',
        id: `client/${key}`,
        label: c.name,
        description: parts.join(' · '),
        tooltip: `${c.name}: ${parts.join(', ')}`,
        icon: c.overdue > 0 ? 'warning' : 'person',
        warning: c.overdue > 0,
        expanded: false,
        threads: c.threads,
      };
    });
}

/** A group's rows, in the order a coach works through them. */
export function agreementRows(group: AgreementGroupNode, options: AgreementViewOptions): AgreementRowNode[] {
  const end = weekEnd(options.today);
  const rows = group.threads.map((thread) => ({ thread, status: statusOf(thread, options.today, end) }));
  rows.sort((a, b) => RANK[a.status] - RANK[b.status] || order(a.thread, b.thread, a.status));
  return rows.map(({ thread, status }) => {
    // A thread is never changed once threaded (an edit makes new ones for its client), so its row
    // is kept for the next redraw: an edit builds rows for the edited client's agreements only.
    const known = ROWS.get(thread);
    if (known?.status === status) return known;
    const made = row(thread, status);
    ROWS.set(thread, made);
    return made;
  });
}

const ROWS = new WeakMap<AgreementThread, AgreementRowNode>();

/**
 * Dated items by due date; undated ones oldest first; kept ones latest first. Ties go by client
 * and words in code-unit order: stable, and cheap for the thousands of rows a large practice has.
 */
function order(a: AgreementThread, b: AgreementThread, status: AgreementStatus): number {
  const first = status === 'kept' ? compare(b.lastDate, a.lastDate) : status === 'no-date' ? compare(a.madeDate, b.madeDate) : compare(a.due ?? '', b.due ?? '');
  return first || compare(a.client, b.client) || compare(a.text, b.text);
}

/** The due phrase is shown on its own, so the label is the promise itself. */
const DUE_PHRASE = /[\s,;–—-]*\(?\bdue:?\s+\d{4}-\d{2}-\d{2}\)?/gi;

export function agreementLabel(text: string): string {
  return text.replace(DUE_PHRASE, '').trim() || text;
}

function row(thread: AgreementThread, status: AgreementStatus): AgreementRowNode {
  const made = thread.madeDate;
  const last = thread.lastDate;
  const carried = isCarried(thread);
  const dates = carried ? `${made} → ${last}` : made;
  const state =
    status === 'kept' ? `kept ${last}` : status === 'no-date' ? 'no due date' : status === 'overdue' ? `overdue, due ${thread.due ?? ''}` : `due ${thread.due ?? ''}`;
  return {
    kind: 'row',
    id: `row/${thread.id}`,
    label: agreementLabel(thread.text),
    description: `${thread.client} · ${dates} · ${state}`,
    icon: status === 'overdue' ? 'warning' : status === 'kept' ? 'pass' : carried ? 'history' : 'circle-large-outline',
    warning: status === 'overdue',
    thread,
    status,
    target: { path: (thread.notes[thread.size - 1] as { path: string }).path, key: thread.key, date: last },
  };
}

/** A row's hover text: the words as written, the client, where it was made and last revisited, its state. */
export function agreementTooltip(row: AgreementRowNode): string {
  const { thread, status } = row;
  const made = madeIn(thread);
  const last = lastIn(thread);
  const lines = [
    thread.text,
    `Client: ${thread.client}`,
    `Made: ${noteName(made)}`,
    ...(isCarried(thread) || thread.kept ? [`${thread.kept ? 'Kept' : 'Last revisited'}: ${noteName(last)}`] : []),
    ...(thread.droppedAt !== undefined ? [`Not mentioned in the next note (${thread.droppedAt})`] : []),
    status === 'kept' ? 'Kept' : thread.due === undefined ? 'No due date' : `Due ${thread.due}${status === 'overdue' ? ': overdue' : ''}`,
  ];
  return lines.join('\n');
}

function noteName(o: Occurrence): string {
  return `the note of ${o.date}${o.session !== undefined ? ` (session ${o.session})` : ''}`;
}

/** A carried agreement's links: where it was made, and where it was last revisited (or kept). */
export function agreementLinks(row: AgreementRowNode): AgreementLinkNode[] {
  const t = row.thread;
  if (!isCarried(t)) return [];
  const made = madeIn(t);
  const last = lastIn(t);
  const link = (which: 'made' | 'last', label: string, o: Occurrence): AgreementLinkNode => ({
    kind: 'link',
    id: `${row.id}/${which}`,
    label,
    description: `${o.date}${o.session !== undefined ? ` · session ${o.session}` : ''}`,
    tooltip: `${label}: ${noteName(o)}. Click to open it at the line.`,
    icon: 'note',
    warning: false,
    target: { path: o.path, key: t.key, date: o.date },
  });
  const revisits = t.occurrences.length - 1;
  return [link('made', 'Made', made), link('last', `${t.kept ? 'Kept' : 'Last revisited'} (${plural(revisits, 'later note')})`, last)];
}
