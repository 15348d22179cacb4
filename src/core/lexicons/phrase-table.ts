import type { JudgmentalCategory, JudgmentalEntry } from './judgmental';

/**
 * The judgmental lexicon's phrase forms (some 130,000) grouped by first word, and the entry each
 * form's key stands for. Two kinds: one built in memory from the YAML (`mapTable`), and one read
 * from the build's table (`lazyTable`), which makes a group's phrases and entries only when a text
 * holds its first word. Building every form at start was most of a CLI start (0.8 of 1.7 s): a
 * note touches a few hundred of the 5,000 groups.
 */
export interface PhraseTable {
  /** How many phrase keys have an entry. */
  readonly size: number;
  /**
   * The entry of a phrase key (`phraseKey`). `word` names the group whose phrase matched, so a lazy
   * table keys only that group's phrases; without it, every group is keyed once.
   */
  entry(key: string, word?: string): JudgmentalEntry | undefined;
  /** Lower-case first words, each the key of a group. */
  firstWords(): Iterable<string>;
  /** The phrases that begin with `word`: read before `entry` is asked about what they matched. */
  phrases(word: string): readonly string[] | undefined;
  /** Phrases beginning with something other than a letter or digit: scanned whole. */
  readonly anywhere: readonly string[];
  /** The source of their pattern, when the build wrote it. */
  readonly anywherePattern?: string;
}

/** The lookup key of a phrase or matched text: lower case, no spaces or hyphens, straight apostrophes. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[\s\-\u2010\u2011]+/g, '').replace(/\u2019/g, "'");
}

/**
 * The keys a phrase is scanned under: its first word as the scan reads it, split at spaces,
 * hyphens and apostrophes, and a hyphenated first word also joined (“non-compliant” → non,
 * noncompliant). Empty for a phrase that begins with neither a letter nor a digit.
 */
export function firstWordKeys(phrase: string): string[] {
  const trimmed = phrase.trim();
  if (!/^[\p{L}\p{N}]/u.test(trimmed)) return [];
  const token = trimmed.toLowerCase().split(/\s+/)[0] ?? '';
  const keys = new Set([token.split(/[^\p{L}\p{N}]/u)[0] ?? '', token.replace(/[-\u2010\u2011]/g, '').split(/[^\p{L}\p{N}]/u)[0] ?? '']);
  keys.delete('');
  return [...keys];
}

/** Groups phrases by `firstWordKeys`; the rest are `anywhere`. */
export function groupPhrases(phrases: Iterable<string>): { groups: Map<string, string[]>; anywhere: string[] } {
  const groups = new Map<string, string[]>();
  const anywhere: string[] = [];
  for (const phrase of phrases) {
    const keys = firstWordKeys(phrase);
    if (keys.length === 0) anywhere.push(phrase);
    for (const key of keys) {
      const group = groups.get(key);
      if (group) group.push(phrase);
      else groups.set(key, [phrase]);
    }
  }
  return { groups, anywhere };
}

/** A table over entries built in memory: `phrases` are the forms to scan for, one per key. */
export function mapTable(entries: ReadonlyMap<string, JudgmentalEntry>, phrases: Iterable<string>): PhraseTable {
  const { groups, anywhere } = groupPhrases(phrases);
  return {
    size: entries.size,
    entry: (key) => entries.get(key),
    firstWords: () => groups.keys(),
    phrases: (word) => groups.get(word),
    anywhere,
  };
}

// ── The build's table (dist/data/lexicons/judgmental.table) ──

/** Bumped when the table's layout or the entries' fields change, so an older build's table is not read. */
export const TABLE_FORMAT = 2;
const MAGIC = 'CNPT';

/** What the table's header says; the rest of the file is read a group or an entry at a time. */
export interface TableHeader {
  format: number;
  /** SHA-1 of each YAML file the table was built from, by its path relative to the data root. */
  sources: Record<string, string>;
  size: number;
  /** Ids of the categories the entries name: the lexicon must have each. */
  categories: string[];
  /** First words, in the order of the groups. */
  words: string[];
  anywhere: string[];
  anywhereEntries: number[];
  /** The source of the whole-text pattern of `anywhere` (judgmental.ts `phrasePattern`). */
  anywherePattern?: string;
  entries: number;
  shapes: number;
}

type StoredShape = Omit<JudgmentalEntry, 'phrase' | 'category' | 'unlessNext' | 'withEarlier'> & { category: string; unlessNext: string[]; withEarlier?: string[] };

/**
 * The whole table as the build stores it. A start reads the file's bytes and its small header, and
 * decodes nothing else until asked: JSON of the same 9.6 MB took longer to parse than building the
 * forms. Layout: "CNPT", the header's byte length (u32), the header (JSON), then byte offsets (u32)
 * of every group, entry and shape in the text that follows. A group is lines of "phrase<TAB>entry";
 * an entry is "phrase<TAB>shape"; a shape is an entry's other fields as JSON (12,000 shapes serve
 * 28,000 entries).
 */
export function encodeTable(table: PhraseTable, sources: Record<string, string>, anywherePattern?: RegExp): Buffer {
  const entryNumbers = new Map<JudgmentalEntry, number>();
  const shapeNumbers = new Map<string, number>();
  const entries: string[] = [];
  const shapes: string[] = [];
  const categories = new Set<string>();
  const clean = (text: string) => {
    if (/[\t\n]/.test(text)) throw new Error(`The phrase "${text}" holds a tab or a line break`);
    return text;
  };
  const numberOf = (phrase: string): number => {
    const entry = table.entry(phraseKey(phrase));
    if (!entry) throw new Error(`The phrase "${phrase}" has no entry`);
    let n = entryNumbers.get(entry);
    if (n === undefined) {
      const { phrase: own, category, unlessNext, withEarlier, ...rest } = entry;
      const shape: StoredShape = { ...rest, category: category.id, unlessNext: [...unlessNext], ...(withEarlier ? { withEarlier: [...withEarlier] } : {}) };
      categories.add(category.id);
      const json = JSON.stringify(shape);
      let s = shapeNumbers.get(json);
      if (s === undefined) {
        s = shapes.length;
        shapeNumbers.set(json, s);
        shapes.push(json);
      }
      n = entries.length;
      entryNumbers.set(entry, n);
      entries.push(`${clean(own)}\t${s}`);
    }
    return n;
  };
  const words: string[] = [];
  const groups: string[] = [];
  for (const word of table.firstWords()) {
    words.push(word);
    groups.push((table.phrases(word) ?? []).map((p) => `${clean(p)}\t${numberOf(p)}`).join('\n'));
  }
  const anywhere = [...table.anywhere];
  const header: TableHeader = { format: TABLE_FORMAT, sources, size: table.size, categories: [...categories], words, anywhere, anywhereEntries: anywhere.map(numberOf), entries: entries.length, shapes: shapes.length };
  if (anywherePattern) header.anywherePattern = anywherePattern.source;
  const texts = [...groups, ...entries, ...shapes].map((t) => Buffer.from(t, 'utf8'));
  const offsets = Buffer.alloc(4 * (texts.length + 1));
  let at = 0;
  texts.forEach((t, i) => {
    offsets.writeUInt32LE(at, 4 * i);
    at += t.length;
  });
  offsets.writeUInt32LE(at, 4 * texts.length);
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, head, offsets, ...texts]);
}

/** A stored table's header and its undecoded bytes; undefined for bytes that are not a table of this format. */
export interface StoredTable {
  header: TableHeader;
  bytes: Buffer;
  /** Where the offsets begin. */
  offsets: number;
}

export function readStoredTable(bytes: Buffer): StoredTable | undefined {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const length = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + length)) as TableHeader;
  if (header.format !== TABLE_FORMAT) return undefined;
  const offsets = 8 + length;
  const texts = header.words.length + header.entries + header.shapes;
  const textStart = offsets + 4 * (texts + 1);
  // A cut-short file would fail in the middle of a check: it is not used at all.
  if (bytes.length < textStart || bytes.length !== textStart + bytes.readUInt32LE(offsets + 4 * texts)) return undefined;
  return { header, bytes, offsets };
}

/**
 * A table over the build's stored one: a group's phrases are decoded, and their keys noted, when it
 * is first asked for; an entry is made from its shape when first looked up. `categories` are the
 * lexicon's own, holding every id of `header.categories` (the caller checks).
 */
export function lazyTable(stored: StoredTable, categories: ReadonlyMap<string, JudgmentalCategory>): PhraseTable {
  const { header, bytes } = stored;
  const groups = header.words.length;
  const textStart = stored.offsets + 4 * (groups + header.entries + header.shapes + 1);
  // The n-th text: groups first, then entries, then shapes.
  const text = (n: number) => bytes.toString('utf8', textStart + bytes.readUInt32LE(stored.offsets + 4 * n), textStart + bytes.readUInt32LE(stored.offsets + 4 * (n + 1)));
  const groupOf = new Map<string, number>();
  header.words.forEach((w, i) => groupOf.set(w, i));
  const decoded: Array<string[] | undefined> = [];
  const numbers: Array<number[] | undefined> = [];
  const keyed: boolean[] = [];
  const keyEntries = new Map<string, number>();
  const made: Array<JudgmentalEntry | undefined> = [];
  const shapes: Array<Omit<JudgmentalEntry, 'phrase'> | undefined> = [];
  let all = false;
  const note = (phrase: string, n: number) => {
    const key = phraseKey(phrase);
    if (!keyEntries.has(key)) keyEntries.set(key, n);
  };
  header.anywhere.forEach((p, i) => note(p, header.anywhereEntries[i] as number));
  const phrasesOfGroup = (g: number): string[] => {
    let phrases = decoded[g];
    if (!phrases) {
      phrases = [];
      const entries: number[] = [];
      for (const line of text(g).split('\n')) {
        const tab = line.lastIndexOf('\t');
        phrases.push(line.slice(0, tab));
        entries.push(Number(line.slice(tab + 1)));
      }
      decoded[g] = phrases;
      numbers[g] = entries;
    }
    return phrases;
  };
  // Most groups read for a note's words never match there: their phrases are keyed only when one does.
  const keyGroup = (g: number) => {
    if (keyed[g]) return;
    keyed[g] = true;
    const phrases = phrasesOfGroup(g);
    const entries = numbers[g] as number[];
    phrases.forEach((p, i) => note(p, entries[i] as number));
  };
  const shapeOf = (s: number): Omit<JudgmentalEntry, 'phrase'> => {
    let shape = shapes[s];
    if (!shape) {
      const raw = JSON.parse(text(groups + header.entries + s)) as StoredShape;
      const { withEarlier, ...rest } = raw;
      // The caller checked `header.categories` against the lexicon's.
      shape = { ...rest, category: categories.get(raw.category) as JudgmentalCategory, unlessNext: new Set(raw.unlessNext), ...(withEarlier ? { withEarlier: new Set(withEarlier) } : {}) };
      shapes[s] = shape;
    }
    return shape;
  };
  const entryOf = (n: number): JudgmentalEntry => {
    let entry = made[n];
    if (!entry) {
      const line = text(groups + n);
      const tab = line.lastIndexOf('\t');
      entry = { ...shapeOf(Number(line.slice(tab + 1))), phrase: line.slice(0, tab) };
      made[n] = entry;
    }
    return entry;
  };
  return {
    size: header.size,
    entry(key, word) {
      const g = word === undefined ? undefined : groupOf.get(word);
      if (g !== undefined) keyGroup(g);
      let n = keyEntries.get(key);
      if (n === undefined && !all) {
        // Asked about a key without the group it matched in: every group is keyed once (never on the scan's path).
        all = true;
        for (let k = 0; k < groups; k++) keyGroup(k);
        n = keyEntries.get(key);
      }
      return n === undefined ? undefined : entryOf(n);
    },
    firstWords: () => header.words,
    phrases(word) {
      const g = groupOf.get(word);
      return g === undefined ? undefined : phrasesOfGroup(g);
    },
    anywhere: header.anywhere,
    ...(header.anywherePattern !== undefined ? { anywherePattern: header.anywherePattern } : {}),
  };
}
