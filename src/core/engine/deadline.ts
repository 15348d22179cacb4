// The time budget of the rule now running, where code deep inside a rule can see it. A rule's
// helpers (a lexicon scan, the tagger, a match loop) call `tick()` per block, match or sentence;
// once the budget is spent it throws BudgetSpent, which `lintNote` catches: the rule keeps what it
// reported and is named as cut short. Outside a check (a summary, the indexer) no deadline is set
// and `tick()` never throws. Checking is synchronous, so one ambient deadline is enough.

/** Thrown when the budget of the running check is spent, to stop the rule where it is. */
export class BudgetSpent extends Error {
  constructor() {
    super('The time budget of this note is spent.');
  }
}

/** Milliseconds, as performance.now() gives them; tests inject a clock that counts instead. */
export type Clock = () => number;

let deadline = Number.POSITIVE_INFINITY;
let clock: Clock = () => performance.now();
let steps = 0;
/** How many ticks between looks at the clock: each tick stands for a little work, a look costs more. */
const TICKS_PER_LOOK = 16;

/** Runs `fn` with a deadline (on `now`'s scale) visible to `tick()` and `spent()`. Nests: the outer one is restored after. */
export function withDeadline<T>(at: number, now: Clock, fn: () => T): T {
  const saved = { deadline, clock };
  deadline = at;
  clock = now;
  try {
    return fn();
  } finally {
    deadline = saved.deadline;
    clock = saved.clock;
  }
}

/** Whether the running check's budget is spent (never outside a check). */
export function spent(): boolean {
  return deadline !== Number.POSITIVE_INFINITY && clock() > deadline;
}

/** A unit of work done: throws BudgetSpent once the running check's budget is spent (the clock is read every few ticks). */
export function tick(): void {
  if (deadline !== Number.POSITIVE_INFINITY && ++steps % TICKS_PER_LOOK === 0 && clock() > deadline) throw new BudgetSpent();
}
