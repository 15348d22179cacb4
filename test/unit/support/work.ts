// Work counted, not timed: every array method that scans or copies adds the elements it touches
// (a slice its length, a splice what it moves, `some` its callbacks). Deterministic, so tests of
// growth (scaling.test.ts) and of how often rules look at the clock (budget.test.ts) never flake
// on a busy machine. The quadratic paths issue 11 found all went through such calls.

type Method = (this: unknown[], ...args: unknown[]) => unknown;
const PREDICATES = ['some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex'] as const;
const WHOLE = ['indexOf', 'lastIndexOf', 'includes', 'filter', 'map', 'forEach', 'reduce', 'reduceRight', 'flatMap', 'join', 'unshift'] as const;

export interface Meter {
  /** The work counted so far. */
  readonly work: number;
}

/** Runs `fn` with Array.prototype's scanning and copying methods counting the elements they touch; returns the count. */
export function countWork(fn: (meter: Meter) => void): number {
  const proto = Array.prototype as unknown as Record<string, Method>;
  const saved = new Map<string, Method>();
  let work = 0;
  const wrap = (name: string, count: (self: unknown[], args: unknown[], result: unknown) => number) => {
    const original = proto[name] as Method;
    saved.set(name, original);
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      const result = original.apply(this, args);
      work += count(this, args, result);
      return result;
    };
  };
  for (const name of WHOLE) wrap(name, (self) => self.length);
  wrap('slice', (_self, _args, result) => (result as unknown[]).length);
  wrap('concat', (_self, _args, result) => (result as unknown[]).length);
  wrap('splice', (self, args) => {
    // What moves: the elements after the cut, and those put in (an append moves nothing). Counted
    // after the call, so the array already has its new length.
    const start = Number(args[0] ?? 0);
    const from = start < 0 ? Math.max(0, self.length + start) : Math.min(start, self.length);
    return self.length - from + Math.max(0, args.length - 2);
  });
  for (const name of PREDICATES) {
    const original = proto[name] as Method;
    saved.set(name, original);
    proto[name] = function (this: unknown[], callback: unknown, ...rest: unknown[]) {
      const counted = (...a: unknown[]) => (work++, (callback as (...b: unknown[]) => unknown)(...a));
      return original.call(this, counted, ...rest);
    };
  }
  try {
    fn({
      get work() {
        return work;
      },
    });
  } finally {
    for (const [name, original] of saved) proto[name] = original;
  }
  return work;
}
