/** The language id Coach Notes used to contribute; notes are now VS Code's own `markdown`. */
export const OLD_LANGUAGE_ID = 'coach-markdown';

/** The `files.associations` patterns that still name the old language. */
export function oldAssociations(map: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.entries(map ?? {})
    .filter(([, language]) => language === OLD_LANGUAGE_ID)
    .map(([pattern]) => pattern);
}

/** The same mapping with the old language switched to `markdown`; every other entry kept as it was. */
export function switchedToMarkdown(map: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).map(([pattern, language]) => [pattern, language === OLD_LANGUAGE_ID ? 'markdown' : language]));
}
