import data from './heading-words.json';

/**
 * The words of a section title, reduced so that the ways coaches write one title read as one:
 * case, accents, possessives, British and American spelling, and simple inflection
 * (`Championing new behaviours`, `champions new behaviors`). The vocabulary is data
 * (heading-words.json, checked against schemas/heading-words.schema.json).
 */
const SPELLING = data.spelling.map(([uk, us]) => [uk ?? '', us ?? ''] as const);
const STOP = new Set(data.stop);
const ID_PREFIXES = new Set(data.idPrefixes);

/** One word of a title as written, and the form it is compared by. */
export interface TitleWord {
  stem: string;
  /** Whether it says nothing about which marker is meant (`the`, `my`, `client`). */
  stop: boolean;
  /** Whether it may stand before a marker id (`Marker`, `PCC`). */
  idPrefix: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Reads the words of a title, in order. Numbers are left out: ids are read separately. */
export function titleWords(text: string): TitleWord[] {
  const out: TitleWord[] = [];
  const plain = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  for (const m of plain.matchAll(WORD)) {
    // `client's` and `clients'` are `client`; `didn't` is one word.
    const word = m[0].replace(/['’]s$/, '').replace(/['’]/g, '');
    if (/^\d/.test(word) || word.length < 2) continue;
    out.push({ stem: stem(spell(word)), stop: STOP.has(word), idPrefix: ID_PREFIXES.has(word) });
  }
  return out;
}

/** The stems of a title's meaningful words. */
export function contentStems(text: string): string[] {
  return titleWords(text).filter((w) => !w.stop && !w.idPrefix).map((w) => w.stem);
}

function spell(word: string): string {
  for (const [uk, us] of SPELLING) if (word.startsWith(uk)) return us + word.slice(uk.length);
  return word;
}

/**
 * A light stemmer, applied alike to headings and to marker titles, so only consistency matters:
 * plural and third-person `s`, `ing`, `ed`, a doubled final consonant, a final `e`.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length >= 5 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w !== word && /([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
