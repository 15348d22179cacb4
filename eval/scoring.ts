/**
 * What the evaluations under eval/ share: reading a labelled TSV set, precision / recall / F1 of
 * a yes-or-no decision, and figures per group.
 */

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The data rows of a TSV set, each split into its cells; the first line must be `header`. */
export function tsvRows(text: string, file: string, header: string): string[][] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0] !== header) throw new Error(`${file}: the header must be: ${header}`);
  return lines.slice(1).map((line) => line.split('\t'));
}

/** `expected`: the item should be flagged; `flagged`: the rule flagged it. An empty side scores 1. */
export function scoreOf<T>(items: readonly T[], expected: (item: T) => boolean, flagged: (item: T) => boolean): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const item of items) {
    const should = expected(item);
    const did = flagged(item);
    if (should && did) tp++;
    else if (should) fn++;
    else if (did) fp++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** `figures` of each group of items, groups in name order. */
export function byGroup<T, F>(items: readonly T[], key: (item: T) => string, figures: (group: T[]) => F): Map<string, F> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, figures(list)]));
}
