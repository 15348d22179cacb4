import { buildCredential } from '../../../src/core/credential/build';
import type { CredentialProgress } from '../../../src/core/credential/progress';
import type { LeftOutSession } from '../../../src/core/credential/sessions';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Engagement } from '../../../src/core/report/types';
import { parseWith } from '../../../src/core/workspace/batch';
import { decodeNote } from '../../../src/core/workspace/files';
import { summarize, type NoteSummary } from '../../../src/core/workspace/summary';
import { setupWith } from '../support/setup';

/** A note with the given frontmatter lines and one evidenced section. */
export const session = (fm: string) => `---\n${fm.trim()}\n---\n\n## 3.1 Genuine concern\n\nAsked how the week went.\n`;

let shared: EngineSetup | undefined;

export function summaries(files: Record<string, string>, setup: EngineSetup = (shared ??= setupWith())): NoteSummary[] {
  return Object.entries(files).map(([path, text]) => summarize(parseWith(setup, decodeNote(`/ws/${path}`, Buffer.from(text))), setup));
}

/** Progress and log of `files` as of `asOf`, paths shown workspace-relative. */
export function progressOf(files: Record<string, string>, options: { asOf: string; trainingStart?: string; credential?: string }): { progress: CredentialProgress; log: Engagement[]; leftOut: LeftOutSession[] } {
  return buildCredential(summaries(files), {
    ...options,
    label: (_key, latest) => latest,
    notePath: (path) => path.replace(/^\/ws\//, ''),
  });
}
