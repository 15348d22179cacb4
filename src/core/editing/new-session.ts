import * as path from 'node:path';
import type { AgreementItem } from '../note/types';
import type { NoteSummary } from '../workspace/summary';
import { previousNote, type NoteSummaryForRules } from '../workspace/view';
import { nextSessionNumber } from './clients';

/** What New Session Note needs to know before it writes anything. */
export interface NewSessionPlan {
  /** Folder the note goes in (absolute). */
  folder: string;
  /** File name without a free-name suffix: `<client-slug>-<date>.coach.md`. */
  fileName: string;
  session: number;
  /** Open agreements of the client's last note, to carry into the new one. */
  carried: AgreementItem[];
}

/** File-name part for a client: readable, safe on every OS. */
export function clientSlug(client: string): string {
  const slug = client
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'client';
}

/**
 * Plans a note of `client` dated `date`. `root` is the folder that takes a new client's folder;
 * `summaries` are the workspace's notes.
 */
export function planNewSession(input: { client: string; date: string; root: string; summaries: readonly NoteSummary[] }): NewSessionPlan {
  const { client, date, root, summaries } = input;
  const folder = clientFolder(summaries, client, root);
  const fileName = `${clientSlug(client)}-${date}.coach.md`;
  const session = nextSessionNumber(summaries, client, { date });
  return { folder, fileName, session, carried: openAgreements(summaries, client, { path: path.join(folder, fileName), date, session }) };
}

/**
 * Where a client's notes live: the folder of their latest note. A new client gets a folder named
 * after them under `root`, unless every note of the workspace sits directly in `root` (then so does theirs).
 */
export function clientFolder(summaries: readonly NoteSummary[], client: string, root: string): string {
  const own = summaries.filter((s) => s.client === client).sort(latestFirst)[0];
  if (own) return path.dirname(own.path);
  const inRoot = summaries.filter((s) => isInside(root, s.path));
  if (inRoot.length > 0 && inRoot.every((s) => path.relative(root, path.dirname(s.path)) === '')) return root;
  return path.join(root, clientSlug(client));
}

/**
 * The unchecked agreements of the client's last valid note before this one, once each. A note dated
 * after `current` is not "last": it was written ahead, or mistyped.
 */
export function openAgreements(summaries: readonly NoteSummary[], client: string, current: { path: string; date: string; session: number }): AgreementItem[] {
  const view = {
    notesOfClient: (name: string): NoteSummaryForRules[] =>
      summaries.flatMap((s) =>
        s.valid && s.client === name && s.date !== undefined
          ? [{ path: s.path, client: name, date: s.date, agreements: s.agreements, ...(s.session !== undefined ? { session: s.session } : {}) }]
          : [],
      ),
  };
  const last = previousNote(view, { ...current, client });
  const carried = new Map<string, AgreementItem>();
  for (const a of last?.agreements ?? []) if (!a.kept && a.text.trim() !== '' && !carried.has(a.key)) carried.set(a.key, a);
  return [...carried.values()];
}

/**
 * `fileName`, or the first of `name-2.coach.md`, `name-3.coach.md`, … not in `taken` (compared without
 * case, as macOS and Windows file systems do), so an existing note is never overwritten.
 */
export function freeFileName(fileName: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const stem = fileName.replace(/\.coach\.md$/i, '');
  let name = fileName;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.coach.md`;
  return name;
}

function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function latestFirst(a: NoteSummary, b: NoteSummary): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || (b.session ?? 0) - (a.session ?? 0) || b.path.localeCompare(a.path);
}
