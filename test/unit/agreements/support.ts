import { parseWith } from '../../../src/core/workspace/batch';
import { summarize, type NoteSummary } from '../../../src/core/workspace/summary';
import { setupWith } from '../support/setup';

const setup = setupWith();

/** A note's text: frontmatter lines and an Agreements list. */
export function noteText(frontmatter: string, items: readonly string[]): string {
  return `---\n${frontmatter.trim()}\n---\n\n## 3.1 Genuine concern\n\nAsked first.\n\n## Agreements\n\n${items.map((i) => `- ${i}`).join('\n')}\n`;
}

/** The summary the index would hold for that note, through the real parser. */
export function summaryOf(path: string, frontmatter: string, items: readonly string[] = []): NoteSummary {
  return summarize(parseWith(setup, { path, text: noteText(frontmatter, items) }), setup);
}

export { setup };
