import type { Rule } from './types';

// Being written: see the permission-check helper task.
export const permissionCheckRule: Rule = {
  id: 'permission-check',
  description: 'A note that touches a sensitive area records that permission to coach there was asked.',
  defaultSeverity: 'warning',
  fixable: true,
  examples: [],
  check() {},
};
