/** VS Code's snippet syntax, as `TextEdit.snippet` templates use it (`${1:what you saw}`). */

/** Literal text placed in a snippet must not be read as snippet syntax. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * A snippet as plain text, each placeholder shown by `show` (its default text by default):
 * `has complained ${1:on which occasions}` → `has complained on which occasions`.
 */
export function fillPlaceholders(snippet: string, show: (text: string) => string = (text) => text): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, (_, text: string) => show(text)).replace(/\\([\\$}])/g, '$1');
}
