import type { Rule } from './types';

// Being written: see the judgmental-language helper task.
export const judgmentalLanguageRule: Rule = {
  id: 'judgmental-language',
  description: 'Flags the coach\'s own judgments of the client and offers neutral, observational rewrites.',
  defaultSeverity: 'warning',
  fixable: true,
  examples: [],
  check() {},
};
