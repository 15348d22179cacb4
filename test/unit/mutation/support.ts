import { lintText } from '../../../src/core/engine/lint';
import { loadSetup, type EngineSetup } from '../../../src/core/engine/setup';
import type { TextEdit } from '../../../src/core/model/types';

let cached: EngineSetup | undefined;

/**
 * The built-in setup, loaded once for all the mutation-focused tests: loading takes a few hundred
 * milliseconds, and Stryker runs these tests once per mutant. Tests must not change it; they copy
 * what they vary (`{ ...setup, config: { ...setup.config, rules } }`).
 */
export function sharedSetup(): EngineSetup {
  cached ??= loadSetup();
  return cached;
}

/** One finding of coach:judgmental-language as the judgmental mutation tests compare it. */
export interface Read {
  span: string;
  /** The message up to its explanation: the phrase, the person judged and the category's article. */
  says: string;
  category: string;
  person: string;
  /** Each fix's title and the sentence it leaves. */
  fixes?: string[];
  expected?: string[];
}

const apply = (text: string, edits: readonly TextEdit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);

/** Each finding of the judgmental rule in a note for `client` whose body is `body`. */
export function readJudgments(setup: EngineSetup, client: string, body: string): Read[] {
  const head = `---\nclient: ${client}\ndate: 2026-03-02\n---\n\n`;
  const text = `${head}${body}\n`;
  return lintText(text, 'n.coach.md', setup, { only: ['judgmental-language'] }).findings.map((f) => {
    const r: Read = { span: text.slice(f.place.start.offset, f.place.end.offset), says: f.reason.slice(0, f.reason.indexOf(': ')), category: f.category ?? '', person: String(f.data?.['person']) };
    if (f.fixes?.length) r.fixes = f.fixes.map((x) => `${x.title} → ${apply(text, x.edits).slice(head.length, -1)}`);
    if (f.expected) r.expected = [...f.expected];
    return r;
  });
}
