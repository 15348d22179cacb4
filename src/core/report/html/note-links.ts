import { escapeAttr } from '../escape';
import { noteHref } from '../format';

/**
 * The HTML report as the editor shows it: each link to a note, rendered workspace-relative
 * (`linkBase: ''`), points at `link(path)` instead, e.g. a command link that opens the note in the
 * editor. Only `href` values the renderer wrote for these paths change. Everything taken from the
 * notes is escaped (`"` included), so no note text can carry an `href="…"` of its own.
 */
export function withNoteLinks(html: string, paths: Iterable<string>, link: (path: string) => string): string {
  const targets = new Map<string, string>();
  for (const path of paths) {
    const href = noteHref(path, '');
    if (href !== undefined) targets.set(escapeAttr(href), escapeAttr(link(path)));
  }
  return html.replace(/ href="([^"]*)"/g, (whole, value: string) => {
    const target = targets.get(value);
    return target === undefined ? whole : ` href="${target}"`;
  });
}
