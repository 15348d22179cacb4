import type { English } from './english';

/** The forms of a verb phrase whose first word is the verb: “play the victim” → plays / played / playing. */
export interface VerbForms {
  base: string;
  third: string;
  past: string;
  participle: string;
  gerund: string;
  /** The words after the verb, with a leading space, or ''. */
  rest: string;
}

export type VerbForm = Exclude<keyof VerbForms, 'rest'>;
export const VERB_FORMS: readonly VerbForm[] = ['base', 'third', 'past', 'participle', 'gerund'];

/** Regular English inflection, with the irregular verbs of lexicons/english.yaml (two-word verbs such as “get over” too). */
export function inflect(verbPhrase: string, english: English): VerbForms {
  const words = verbPhrase.trim().split(/\s+/);
  for (const n of [2, 1]) {
    const head = words.slice(0, n).join(' ').toLowerCase();
    const irregular = words.length >= n ? english.irregular.get(head) : undefined;
    if (irregular) {
      const rest = words.length > n ? ` ${words.slice(n).join(' ')}` : '';
      return { base: words.slice(0, n).join(' '), third: irregular[0], past: irregular[1], participle: irregular[2], gerund: irregular[3], rest };
    }
  }
  const [base = '', ...tail] = words;
  const rest = tail.length > 0 ? ` ${tail.join(' ')}` : '';
  const third = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = /e$/.test(base) ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  const gerund = /ie$/.test(base) ? `${base.slice(0, -2)}ying` : /[^aeiou]e$/.test(base) && base !== 'be' ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return { base, third, past, participle: past, gerund, rest };
}

const irregularPasts = new WeakMap<English, ReadonlySet<string>>();
/** Whether a word is the past tense of one of the English data's irregular verbs (“took”, “brought”). */
export function isIrregularPast(english: English, word: string): boolean {
  let pasts = irregularPasts.get(english);
  if (!pasts) irregularPasts.set(english, (pasts = new Set([...english.irregular.values()].map((forms) => forms[1]))));
  return pasts.has(word);
}

/** A phrase in one form: `form(inflect('play the victim'), 'past')` → “played the victim”. */
export function formOf(forms: VerbForms, form: VerbForm): string {
  return `${forms[form]}${forms.rest}`;
}
