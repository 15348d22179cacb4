import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoachConfig } from '../config/types';
import type { DataProblem } from '../model/types';

// Owned by the permission-check rule; this is the minimal contract the engine relies on.
export interface SensitiveLexicon {
  source: string;
}

export function loadSensitiveLexicon(dataRoot: string, _config: CoachConfig): { lexicon: SensitiveLexicon; problems: DataProblem[] } {
  const file = join(dataRoot, 'lexicons', 'sensitive-topics.yaml');
  return { lexicon: { source: safeRead(file) }, problems: [] };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
