import { agreementFollowUpRule } from './agreement-follow-up';
import { emptyMarkerSectionRule } from './empty-marker-section';
import { frontmatterRule } from './frontmatter';
import { judgmentalLanguageRule } from './judgmental-language';
import { markerHeadingRule } from './marker-heading';
import { missingMarkerSectionRule } from './missing-marker-section';
import { noteTooLargeRule } from './note-too-large';
import { permissionCheckRule } from './permission-check';
import { referralCheckRule } from './referral-check';
import type { Rule } from './types';
import { unclosedBlockRule } from './unclosed-block';
import { unknownMarkerRule } from './unknown-marker';

/** Every rule, in documentation order. */
export const RULES: readonly Rule[] = [
  judgmentalLanguageRule,
  missingMarkerSectionRule,
  emptyMarkerSectionRule,
  unknownMarkerRule,
  markerHeadingRule,
  frontmatterRule,
  permissionCheckRule,
  referralCheckRule,
  agreementFollowUpRule,
  unclosedBlockRule,
  noteTooLargeRule,
];

export function ruleById(id: string): Rule | undefined {
  const bare = id.replace(/^coach:/, '');
  return RULES.find((r) => r.id === bare);
}
