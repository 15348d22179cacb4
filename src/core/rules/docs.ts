/** Where the rules are documented; each rule has an anchor named after its id. */
export const RULES_DOC_URL = 'https://github.com/coach-notes/coach-notes/blob/main/docs/rules.md';

export function ruleDocUrl(ruleId: string): string {
  return `${RULES_DOC_URL}#${ruleId}`;
}

export const RULE_PREFIX = 'coach:';
