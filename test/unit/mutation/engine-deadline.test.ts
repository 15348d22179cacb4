// The ambient budget of the running check (src/core/engine/deadline.ts), on a stand-in clock:
// when tick() throws, how often it reads the clock, and that deadlines nest and are restored.
import assert from 'node:assert/strict';
import { BudgetSpent, spent, tick, withDeadline } from '../../../src/core/engine/deadline';

/** A clock that stays at `at()` and counts how often it is read. */
function clock(start: number) {
  const c = { now: start, reads: 0, read: () => (c.reads++, c.now) };
  return c;
}

/** How many ticks run before one throws BudgetSpent (Infinity if none of `max` does). */
function ticksUntilThrow(max: number): number {
  for (let i = 1; i <= max; i++) {
    try {
      tick();
    } catch (error) {
      assert.ok(error instanceof BudgetSpent);
      return i;
    }
  }
  return Infinity;
}

describe('engine: the time budget of a check', () => {
  it('outside a check, tick() never throws and spent() is false, whatever the clock', () => {
    const realNow = performance.now.bind(performance);
    performance.now = () => Number.MAX_SAFE_INTEGER;
    try {
      assert.equal(ticksUntilThrow(64), Infinity);
      assert.equal(spent(), false);
    } finally {
      performance.now = realNow;
    }
  });

  it('inside one, tick() throws within 16 ticks once the clock is past the deadline, and not at it', () => {
    const c = clock(100);
    withDeadline(100, c.read, () => {
      assert.equal(ticksUntilThrow(64), Infinity, 'at the deadline is not past it');
      assert.equal(spent(), false);
      c.now = 100.5;
      assert.equal(spent(), true);
      const n = ticksUntilThrow(64);
      assert.ok(n >= 1 && n <= 16, `threw after ${n} ticks`);
      // Every later 16th tick throws again.
      assert.equal(ticksUntilThrow(64), 16);
    });
  });

  it('reads the clock once per 16 ticks', () => {
    const c = clock(0);
    withDeadline(100, c.read, () => {
      for (let i = 0; i < 64; i++) tick();
    });
    assert.equal(c.reads, 4);
  });

  it('nests: the inner deadline holds inside, the outer one again after, also when the inner call throws', () => {
    const outer = clock(50);
    const inner = clock(500);
    withDeadline(100, outer.read, () => {
      assert.throws(() =>
        withDeadline(400, inner.read, () => {
          assert.equal(spent(), true);
          throw new Error('inner');
        }),
      /inner/);
      assert.equal(spent(), false, 'the outer deadline and clock are back');
      assert.equal(withDeadline(1000, inner.read, () => spent()), false);
      assert.equal(withDeadline(1000, inner.read, () => 'value'), 'value');
    });
    assert.equal(spent(), false, 'no deadline after the outermost check');
    assert.equal(ticksUntilThrow(64), Infinity);
  });

  it('BudgetSpent says what happened', () => {
    const error = new BudgetSpent();
    assert.ok(error instanceof Error);
    assert.equal(error.message, 'The time budget of this note is spent.');
  });
});
