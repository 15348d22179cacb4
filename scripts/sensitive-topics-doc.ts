// The topic families of coach:permission-check and coach:referral-check, for docs/rules.md, read
// from the built-in lexicon (lexicons/sensitive-topics.yaml) so the docs list what is matched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultConfig } from '../src/core/config/types';
import { builtinDataRoot } from '../src/core/data/paths';
import { loadSensitiveLexicon, SENSITIVE_LEXICON_FILE } from '../src/core/lexicons/sensitive';

export function sensitiveTopicsSection(ruleId: string): string[] {
  const { lexicon } = loadSensitiveLexicon(builtinDataRoot(), defaultConfig());
  // The terms as written, word classes unexpanded (`lost {poss} job`), for the samples.
  const raw = parse(readFileSync(join(builtinDataRoot(), SENSITIVE_LEXICON_FILE), 'utf8')) as { topics: Array<{ id: string; terms: string[] }> };
  const written = new Map(raw.topics.map((t) => [t.id, t.terms]));
  const referral = ruleId === 'referral-check';
  const topics = lexicon.topics.filter((t) => t.referral === referral);
  const rows = topics.map((t) => `| \`${t.id}\` | ${t.title} | ${t.description ?? ''} | ${examples(written.get(t.id) ?? t.terms)} |`);
  const intro = referral
    ? [
        '### What counts as self-harm or suicidal thoughts',
        '',
        'These mentions get this rule\'s referral message, even when a permission check is recorded; `permission-check` leaves',
        'them to it. A paragraph or list item that starts with `Referral:` (bold allowed, not in a quote) records what was',
        'discussed; the quick fix inserts one with a placeholder, and the finding stays until the placeholder is replaced.',
      ]
    : [
        '### Topic families',
        '',
        'The sensitive areas come from GDPR Article 9 (special categories of personal data) and Article 10 (criminal',
        'records), ICF\'s guidance on referring a client to therapy, the Holmes–Rahe life-event scale, research on sensitive',
        'survey questions (Tourangeau & Yan 2007) and NIDA\'s *Words Matter*. They are data, in',
        '[`lexicons/sensitive-topics.yaml`](../lexicons/sensitive-topics.yaml): each family lists its terms (multi-word',
        'patterns with word classes such as `lost {poss} job`), everyday wording ("unpaid bills", "days without a drink",',
        '"lost the baby", "her last day is"), figurative-use guards ("dying to", "union of the", "political infighting") and',
        'yielding terms ("therapy", "counsellor", "surgery") that name their family only when the paragraph mentions no',
        'other one. A longer match wins over a shorter one inside it ("hormone therapy" is gender identity, not mental',
        'health). `.coach/config.yaml` adds families or terms (`sensitive_topics.extra`) and allows phrases',
        '(`sensitive_topics.allow`).',
      ];
  return [...intro, '', '| Id | Family | What it covers | Some terms |', '|---|---|---|---|', ...rows, ''];
}

/** A reader's sample: terms spread over the list, one per first word. */
function examples(terms: readonly string[]): string {
  const seen = new Set<string>();
  const picked: string[] = [];
  const step = Math.max(1, Math.floor(terms.length / 8));
  for (let i = 0; i < terms.length && picked.length < 8; i += step) {
    const term = terms[i] ?? '';
    const first = term.split(' ')[0]?.toLowerCase() ?? '';
    if (seen.has(first)) continue;
    seen.add(first);
    picked.push(`“${term}”`);
  }
  return picked.join(', ');
}
