import { loadSetup, type EngineSetup } from '../../../src/core/engine/setup';

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
