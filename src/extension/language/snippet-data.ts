/** One completion a snippet offers: VS Code's snippet format, one entry per prefix. */
export interface SnippetEntry {
  name: string;
  prefix: string;
  body: string;
  description: string;
}

interface RawSnippet {
  prefix?: unknown;
  body?: unknown;
  description?: unknown;
}

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * Reads snippets/coach-notes.code-snippets (VS Code's snippet file format, kept so a coach can copy
 * it into their own snippets). It is offered through a completion provider rather than
 * `contributes.snippets`, which could only target every Markdown file.
 */
export function parseSnippets(json: string): SnippetEntry[] {
  const data = JSON.parse(json) as Record<string, RawSnippet>;
  return Object.entries(data).flatMap(([name, raw]) => {
    const body = strings(raw.body).join('\n');
    const description = typeof raw.description === 'string' ? raw.description : '';
    return body ? strings(raw.prefix).map((prefix) => ({ name, prefix, body, description })) : [];
  });
}

/** Where the prefix being typed starts on a line cut at the cursor: `coach-` counts as one word. */
export function prefixStart(lineBeforeCursor: string): number {
  const match = /[A-Za-z][\w-]*$/.exec(lineBeforeCursor);
  return match ? match.index : lineBeforeCursor.length;
}
