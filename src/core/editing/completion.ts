import type { Framework, Marker } from '../frameworks/types';
import type { NoteSummary } from '../workspace/summary';
import { nextSessionNumber, recentClients } from './clients';
import { FRONTMATTER_FIELDS } from './frontmatter-fields';
import { escapeMarkdown } from './markdown-text';

/** The lines of an open note; lines are 0-based, as an editor counts them. Only the lines needed are read. */
export interface LineSource {
  lineCount: number;
  lineAt(line: number): string;
}

export interface CompletionEnv {
  frameworks: { get(id: string): Framework | undefined; all(): Framework[] };
  /** The framework of a note that names none (`.coach/config.yaml`, else icf-trust). */
  defaultFramework: string;
  /** Every note of the workspace folder (the index). */
  summaries: readonly NoteSummary[];
  /** The note's own path, so it never counts as its own previous session. */
  path?: string;
  /** Today, YYYY-MM-DD. */
  today: string;
}

export interface Suggestion {
  label: string;
  kind: 'marker' | 'field' | 'value' | 'heading';
  insertText: string;
  /** Columns on the cursor's line (0-based, end exclusive) that the suggestion replaces. */
  replace: [number, number];
  detail?: string;
  /** Markdown. */
  documentation?: string;
  filterText?: string;
  /** Keeps the order given here (most recent client first, framework order). */
  sortText: string;
  preselect?: boolean;
}

/** Frontmatter lines more than this far down are not looked for: a note's frontmatter is a handful of lines. */
const MAX_FRONTMATTER_LINES = 200;
const FENCE = /^(?:---|\.\.\.)\s*$/;
const FIELD = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:[ \t]*(.*?)\s*$/;
const HEADING = /^ {0,3}#{1,6}[ \t]+/;
/** `[#3.` or `[#3.1 #` / `[#3.1, #`: the id being typed is the last group. */
const TAG_START = /\[#(?:[\d.]+(?:[\s,]+#[\d.]+)*[\s,]+#)?([\d.]*)$/;

interface Frontmatter {
  /** Line of the closing `---`, or the line count when it is not closed yet. */
  end: number;
  fields: Map<string, { value: string; line: number }>;
}

/** What to offer at `line`, `character` (0-based): nothing outside frontmatter, headings and evidence tags. */
export function completionsAt(doc: LineSource, line: number, character: number, env: CompletionEnv): Suggestion[] {
  const text = doc.lineAt(line);
  const before = text.slice(0, character);
  const fm = readFrontmatter(doc);
  if (fm && line > 0 && line < fm.end) return frontmatterCompletions(fm, line, text, before, env);
  const framework = env.frameworks.get(fm?.fields.get('framework')?.value || env.defaultFramework);
  if (!framework) return [];
  const tag = TAG_START.exec(before);
  if (tag) return tagCompletions(framework, text, character - (tag[1]?.length ?? 0));
  const heading = HEADING.exec(before);
  if (heading) return headingCompletions(framework, text, heading[0].length);
  return [];
}

function readFrontmatter(doc: LineSource): Frontmatter | undefined {
  if (doc.lineCount === 0 || doc.lineAt(0).trimEnd() !== '---') return undefined;
  const fields = new Map<string, { value: string; line: number }>();
  const last = Math.min(doc.lineCount, MAX_FRONTMATTER_LINES);
  for (let line = 1; line < last; line++) {
    const text = doc.lineAt(line);
    if (FENCE.test(text)) return { end: line, fields };
    const m = FIELD.exec(text);
    if (m?.[1] && !fields.has(m[1])) fields.set(m[1], { value: unquote(m[2] ?? ''), line });
  }
  return { end: last, fields };
}

function unquote(value: string): string {
  const v = value.replace(/\s+#.*$/, '');
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

function frontmatterCompletions(fm: Frontmatter, line: number, text: string, before: string, env: CompletionEnv): Suggestion[] {
  const keyTyped = /^([A-Za-z_]*)$/.exec(before);
  if (keyTyped) {
    const keyEnd = before.length + (/^[A-Za-z0-9_]*/.exec(text.slice(before.length))?.[0].length ?? 0);
    if (text.slice(keyEnd).trimStart().startsWith(':')) return [];
    const present = new Set([...fm.fields].filter(([, f]) => f.line !== line).map(([k]) => k));
    return FRONTMATTER_FIELDS.filter((f) => !present.has(f.key)).map((f, i) => ({
      label: f.key,
      kind: 'field',
      insertText: `${f.key}: `,
      replace: [0, keyEnd],
      detail: f.required ? 'required' : 'optional',
      documentation: f.meaning,
      sortText: order(i),
    }));
  }
  const field = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:[ \t]*/.exec(before);
  if (!field?.[1]) return [];
  const replace: [number, number] = [field[0].length, text.length];
  const values = (items: Omit<Suggestion, 'kind' | 'replace' | 'sortText'>[]): Suggestion[] =>
    items.map((item, i) => ({ ...item, kind: 'value', replace, sortText: order(i) }));
  switch (field[1]) {
    case 'client':
      return values(
        recentClients(env.summaries).map((c) => ({
          label: c.name,
          insertText: yamlScalar(c.name),
          filterText: c.name,
          detail: c.lastDate ? `last session ${c.lastDate}` : undefined,
          documentation: `${c.notes} ${c.notes === 1 ? 'note' : 'notes'} in this workspace`,
        })),
      );
    case 'framework':
      return values(
        env.frameworks.all().map((f) => ({
          label: f.id,
          insertText: f.id,
          detail: f.name,
          documentation: `${escapeMarkdown(f.description ?? f.name)}\n\n${f.markers.length} markers${f.id === env.defaultFramework ? ' · the default' : ''}`,
        })),
      );
    case 'date':
      return values([{ label: env.today, insertText: env.today, detail: 'today', preselect: true }]);
    case 'session': {
      const client = fm.fields.get('client')?.value;
      const date = fm.fields.get('date')?.value;
      const next = client ? nextSessionNumber(env.summaries, client, { path: env.path, date: /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') ? date : undefined }) : 1;
      return values([{ label: String(next), insertText: String(next), detail: client ? `the next session with ${client}` : 'the first session', preselect: true }]);
    }
    default: {
      const help = FRONTMATTER_FIELDS.find((f) => f.key === field[1]);
      return values((help?.values ?? []).map((v) => ({ label: v, insertText: v, documentation: help?.meaning })));
    }
  }
}

/** A client name as a YAML value: plain when YAML reads it back unchanged as a string, quoted otherwise. */
function yamlScalar(value: string): string {
  const plain = /^[\p{L}][\p{L}\p{N} .'’_-]*$/u.test(value) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(value) && !/\s$/.test(value);
  return plain ? value : JSON.stringify(value);
}

function markerDoc(framework: Framework, marker: Marker): string {
  const competency = framework.competencies.find((c) => c.id === marker.competency);
  const where = competency ? `${escapeMarkdown(framework.name)}, competency ${escapeMarkdown(competency.id)} ${escapeMarkdown(competency.title)}` : escapeMarkdown(framework.name);
  return `${escapeMarkdown(marker.description)}\n\n*${where}* (\`${framework.id}\`)`;
}

function headingCompletions(framework: Framework, text: string, start: number): Suggestion[] {
  const markers: Suggestion[] = framework.markers.map((m, i) => ({
    label: `${m.id} ${m.title}`,
    kind: 'marker',
    insertText: `${m.id} ${m.title}`,
    replace: [start, text.length],
    detail: 'marker section',
    documentation: markerDoc(framework, m),
    sortText: order(i),
  }));
  markers.push({
    label: 'Agreements',
    kind: 'heading',
    insertText: 'Agreements',
    replace: [start, text.length],
    detail: 'agreements section',
    documentation: 'Task items under this heading are the session\'s agreements: `- [ ]` open, `- [x]` kept, with an optional `due YYYY-MM-DD`.',
    sortText: order(markers.length),
  });
  return markers;
}

function tagCompletions(framework: Framework, text: string, start: number): Suggestion[] {
  const end = start + (/^[\d.]*/.exec(text.slice(start))?.[0].length ?? 0);
  // Close the tag unless a `]` already follows on the line.
  const close = /^[^[\]]*\]/.test(text.slice(end)) ? '' : ']';
  return framework.markers.map((m, i) => ({
    label: m.id,
    kind: 'marker',
    insertText: m.id + close,
    replace: [start, end],
    detail: m.title,
    documentation: markerDoc(framework, m),
    filterText: m.id,
    sortText: order(i),
  }));
}

function order(i: number): string {
  return String(i).padStart(4, '0');
}
