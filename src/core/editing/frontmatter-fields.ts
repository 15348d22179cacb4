/** The frontmatter fields of the note format (docs/format.md#fields), as completion explains them. */
export interface FieldHelp {
  key: string;
  /** What the field means, in one or two sentences of Markdown. */
  meaning: string;
  required: boolean;
  /** Fixed choices, when the field has them. */
  values?: readonly string[];
}

export const FRONTMATTER_FIELDS: readonly FieldHelp[] = [
  { key: 'client', required: true, meaning: "The client's name or code, e.g. `Dana Okafor` or `\"C-0412\"`. Spell it the same way in every note: it links the client's notes." },
  { key: 'date', required: true, meaning: 'The session date, `YYYY-MM-DD`.' },
  { key: 'session', required: false, meaning: 'The session number with this client: a whole number from 1 up.' },
  { key: 'duration', required: false, meaning: 'The session length in minutes (at most 1440).' },
  { key: 'framework', required: false, meaning: 'The id of the marker framework this note follows. The default comes from `.coach/config.yaml`, else `icf-trust`.' },
  { key: 'type', required: false, meaning: '`individual` (the default) or `group`.', values: ['individual', 'group'] },
  { key: 'group_size', required: false, meaning: 'For group sessions: how many participants, 2 or more. Only with `type: group`.' },
  { key: 'paid', required: false, meaning: '`true` (the default), or `false` for pro bono work.', values: ['true', 'false'] },
  { key: 'icf_log', required: false, meaning: '`true` (the default), or `false` to keep this session out of your ICF coaching hours log.', values: ['true', 'false'] },
  { key: 'pronouns', required: false, meaning: "The client's pronouns, e.g. `she/her`, `they/them`, so that suggested rewrites read right." },
];
