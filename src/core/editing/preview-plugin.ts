import { normalizeTitle } from '../frameworks/markers';
import { TAG_PATTERN } from '../note/parse';
import { readSimpleMapping } from '../note/simple-yaml';
import { isoDate } from './markdown-text';

/*
 * A markdown-it plugin for VS Code's Markdown preview (`markdown.markdownItPlugins`). VS Code
 * caches a document's tokens and parses with an empty env, so whether the document is a coach
 * note is only known when rendering: parsing only marks coach constructs (new token types, and a
 * `coach` mark on existing tokens), and each renderer rule gives back exactly the original output
 * for any other document. Only markup and classes are produced, styled by media/preview.css: the
 * preview's strict security (no scripts) is all it needs.
 */

/** The parts of markdown-it's API the plugin uses (markdown-it ships no types; these match version 14). */
export interface MdToken {
  type: string;
  tag: string;
  content: string;
  markup: string;
  nesting: number;
  level: number;
  hidden: boolean;
  attrs: [string, string][] | null;
  children: MdToken[] | null;
  meta: unknown;
  attrJoin(name: string, value: string): void;
}

interface MdCoreState {
  tokens: MdToken[];
  Token: new (type: string, tag: string, nesting: number) => MdToken;
}

export interface MdRenderer {
  rules: Record<string, MdRenderRule | undefined>;
  renderToken(tokens: MdToken[], idx: number, options: unknown): string;
}

export type MdRenderRule = (tokens: MdToken[], idx: number, options: unknown, env: unknown, self: MdRenderer) => string;

export interface MarkdownItLike {
  core: { ruler: { push(name: string, rule: (state: MdCoreState) => void): void } };
  renderer: MdRenderer;
  utils: { escapeHtml(text: string): string };
}

export interface CoachPreviewOptions {
  /** Whether the document being rendered is a coach note (default: its `env.currentDocument` ends in `.coach.md`). */
  isNote?(env: unknown): boolean;
  /** A marker's title in the rendered note's framework, shown as the chip's tooltip. */
  markerTitle?(id: string, env: unknown): string | undefined;
  /** Today, YYYY-MM-DD: agreements due before it and still open are overdue. */
  today?(): string;
}

type Mark =
  | { kind: 'permission' }
  | { kind: 'agreement'; kept: boolean }
  | { kind: 'tag'; ids: string[] }
  | { kind: 'check'; kept: boolean }
  | { kind: 'due'; date: string; kept: boolean };

const CHECKBOX = /^\[([ xX])\][ \t]+/;
/** As the note parser reads a due date (src/core/note/parse.ts). */
const DUE = /\bdue:?\s+(\d{4}-\d{2}-\d{2})/i;
const PERMISSION = /^\s*(?:\*\*|__)?\s*permission\s*:/i;
const ID = /#(\d+(?:\.\d+)+)/g;

export function isCoachNoteEnv(env: unknown): boolean {
  const doc = (env as { currentDocument?: { path?: unknown } } | undefined)?.currentDocument;
  return typeof doc?.path === 'string' && doc.path.toLowerCase().endsWith('.coach.md');
}

const markOf = (token: MdToken): Mark | undefined => (token.meta as { coach?: Mark } | null)?.coach;

function mark(token: MdToken, coach: Mark): void {
  token.meta = { ...(token.meta as object | null), coach };
}

export function coachPreviewPlugin(md: MarkdownItLike, options: CoachPreviewOptions = {}): void {
  const isNote = options.isNote ?? isCoachNoteEnv;
  const today = options.today ?? (() => isoDate(new Date()));
  const escape = md.utils.escapeHtml;
  md.core.ruler.push('coach_notes', (state) => markTokens(state));

  const rules = md.renderer.rules;
  // A coach token in another document renders as the text it was cut from, exactly as before.
  rules.coach_tag = (tokens, idx, _o, env) => {
    const token = tokens[idx] as MdToken;
    const m = markOf(token);
    if (!isNote(env) || m?.kind !== 'tag') return escape(token.content);
    const chips = m.ids.map((id) => {
      const title = options.markerTitle?.(id, env);
      return `<span class="coach-tag"${title ? ` title="${escape(`${id} ${title}`)}"` : ''}>${escape(id)}</span>`;
    });
    return `<span class="coach-tags" aria-label="${escape(`Evidence for ${m.ids.join(', ')}`)}">${chips.join('')}</span>`;
  };
  rules.coach_check = (tokens, idx, _o, env) => {
    const token = tokens[idx] as MdToken;
    const m = markOf(token);
    if (!isNote(env) || m?.kind !== 'check') return escape(token.content);
    return `<span class="coach-check" role="img" aria-label="${m.kept ? 'kept' : 'open'}">${m.kept ? '☑' : '☐'}</span> `;
  };
  rules.coach_due = (tokens, idx, _o, env) => {
    const token = tokens[idx] as MdToken;
    const m = markOf(token);
    if (!isNote(env) || m?.kind !== 'due') return escape(token.content);
    // Overdue says so in words and with a sign, not by colour alone.
    const overdue = !m.kept && m.date < today();
    return overdue
      ? `<span class="coach-due coach-overdue">${escape(token.content)} <strong class="coach-overdue-label">⚠ overdue</strong></span>`
      : `<span class="coach-due">${escape(token.content)}</span>`;
  };
  wrapRule(md, 'paragraph_open', (token) => (markOf(token)?.kind === 'permission' ? [['class', 'coach-callout coach-permission'], ['role', 'note']] : undefined), isNote);
  wrapRule(md, 'list_item_open', (token) => {
    const m = markOf(token);
    if (m?.kind === 'permission') return [['class', 'coach-callout coach-permission'], ['role', 'note']];
    if (m?.kind === 'agreement') return [['class', `coach-agreement ${m.kept ? 'coach-kept' : 'coach-open'}`]];
    return undefined;
  }, isNote);
  const frontMatter = rules.front_matter;
  rules.front_matter = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as MdToken;
    if (isNote(env)) return sessionHeader(String(token.meta ?? ''), escape);
    return frontMatter ? frontMatter(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

/**
 * Adds attributes to a marked opening tag in a coach note, on a copy: tokens are cached across
 * renders (and documents), so a token itself is never changed while rendering. The copy stands in
 * the list only while this tag renders (rendering is synchronous).
 */
function wrapRule(md: MarkdownItLike, type: string, attrsOf: (token: MdToken) => [string, string][] | undefined, isNote: (env: unknown) => boolean): void {
  const previous = md.renderer.rules[type];
  const render: MdRenderRule = (tokens, idx, options, env, self) => (previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options));
  md.renderer.rules[type] = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as MdToken;
    const attrs = isNote(env) ? attrsOf(token) : undefined;
    if (!attrs) return render(tokens, idx, options, env, self);
    const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as MdToken, token, { attrs: token.attrs ? [...token.attrs] : null });
    for (const [name, value] of attrs) copy.attrJoin(name, value);
    tokens[idx] = copy;
    try {
      return render(tokens, idx, options, env, self);
    } finally {
      tokens[idx] = token;
    }
  };
}

/** The frontmatter as a compact line: client, date, session, duration. */
function sessionHeader(yaml: string, escape: (s: string) => string): string {
  const data = readSimpleMapping(yaml)?.data ?? readLoosely(yaml);
  const value = (key: string) => (data[key] === undefined || data[key] === null ? undefined : String(data[key]));
  const parts: string[] = [];
  const client = value('client');
  if (client) parts.push(`<span class="coach-header-client">${escape(client)}</span>`);
  const date = value('date');
  if (date) parts.push(`<span class="coach-header-date">${escape(date)}</span>`);
  const session = value('session');
  if (session) parts.push(`<span class="coach-header-session">Session ${escape(session)}</span>`);
  const duration = value('duration');
  if (duration) parts.push(`<span class="coach-header-duration">${escape(duration)} min</span>`);
  if (parts.length === 0) return '';
  return `<header class="coach-header" aria-label="Session">${parts.join('<span class="coach-header-sep" aria-hidden="true"> · </span>')}</header>\n`;
}

/** Quoted or commented values the fast reader declines: `key: value` lines, quotes and comments dropped. */
function readLoosely(yaml: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of yaml.split(/\r?\n/)) {
    const m = /^([A-Za-z_]\w*)[ \t]*:[ \t]*(.*?)\s*$/.exec(line);
    if (!m?.[1] || m[1] in data) continue;
    const v = (m[2] ?? '').replace(/\s+#.*$/, '');
    data[m[1]] = /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
  }
  return data;
}

/** Marks coach constructs in the token stream (parse time: no document known yet). */
function markTokens(state: MdCoreState): void {
  const tokens = state.tokens;
  let agreementsDepth = 0;
  let quotes = 0;
  /** Open list items, with their index. */
  const items: { token: MdToken; at: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as MdToken;
    switch (token.type) {
      case 'blockquote_open':
        quotes++;
        break;
      case 'blockquote_close':
        quotes--;
        break;
      case 'list_item_open':
        items.push({ token, at: i });
        break;
      case 'list_item_close':
        items.pop();
        break;
      case 'heading_open': {
        const depth = Number(token.tag.slice(1));
        if (agreementsDepth && depth <= agreementsDepth) agreementsDepth = 0;
        if (normalizeTitle(tokens[i + 1]?.content ?? '') === 'agreements') agreementsDepth = depth;
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        if (!inline || inline.type !== 'inline' || quotes > 0) break;
        const open = items[items.length - 1];
        // The item's first paragraph: in a tight list it is hidden, so the item carries the mark.
        const item = open && open.at === i - 1 ? open.token : undefined;
        const first = item !== undefined;
        if (PERMISSION.test(inline.content)) mark(token.hidden && item && first ? item : token, { kind: 'permission' });
        if (agreementsDepth && item && first) {
          const box = CHECKBOX.exec(inline.content);
          if (box) {
            const kept = box[1] !== ' ';
            mark(item, { kind: 'agreement', kept });
            markAgreement(state, inline, kept);
          }
        }
        break;
      }
    }
    if (token.type === 'inline') splitTags(state, token);
  }
}

/** `[ ] ` becomes a check token and `due 2026-03-17` a due token, in the item's first line of text. */
function markAgreement(state: MdCoreState, inline: MdToken, kept: boolean): void {
  const children = inline.children ?? [];
  const first = children[0];
  const box = first?.type === 'text' ? CHECKBOX.exec(first.content) : null;
  if (!first || !box) return;
  const check = new state.Token('coach_check', '', 0);
  check.content = box[0];
  mark(check, { kind: 'check', kept });
  first.content = first.content.slice(box[0].length);
  const out: MdToken[] = [check];
  for (const child of children) {
    const due = child.type === 'text' ? DUE.exec(child.content) : null;
    if (!due?.[1]) {
      out.push(child);
      continue;
    }
    const token = new state.Token('coach_due', '', 0);
    token.content = due[0];
    mark(token, { kind: 'due', date: due[1], kept });
    out.push(...textPieces(state, child, child.content.slice(0, due.index)), token, ...textPieces(state, child, child.content.slice(due.index + due[0].length)));
  }
  inline.children = out.filter((t) => t.type !== 'text' || t.content !== '');
}

/** Evidence tags (`[#3.5]`, `[#3.1 #3.4]`) in text become tag tokens. */
function splitTags(state: MdCoreState, inline: MdToken): void {
  const children = inline.children;
  if (!children?.some((c) => c.type === 'text' && c.content.includes('[#'))) return;
  const out: MdToken[] = [];
  for (const child of children) {
    if (child.type !== 'text' || !child.content.includes('[#')) {
      out.push(child);
      continue;
    }
    let last = 0;
    for (const m of child.content.matchAll(TAG_PATTERN)) {
      out.push(...textPieces(state, child, child.content.slice(last, m.index)));
      const tag = new state.Token('coach_tag', '', 0);
      tag.content = m[0];
      mark(tag, { kind: 'tag', ids: [...(m[1] ?? '').matchAll(ID)].map((id) => id[1] ?? '') });
      out.push(tag);
      last = m.index + m[0].length;
    }
    out.push(...textPieces(state, child, child.content.slice(last)));
  }
  inline.children = out;
}

function textPieces(state: MdCoreState, like: MdToken, content: string): MdToken[] {
  if (content === '') return [];
  const token = new state.Token('text', '', 0);
  token.content = content;
  token.level = like.level;
  return [token];
}
