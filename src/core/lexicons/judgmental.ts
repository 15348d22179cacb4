import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoachConfig } from '../config/types';
import type { DataProblem } from '../model/types';

// Owned by the judgmental-language rule; this is the minimal contract the engine relies on.
export interface JudgmentalLexicon {
  source: string;
}

export function loadJudgmentalLexicon(dataRoot: string, _config: CoachConfig): { lexicon: JudgmentalLexicon; problems: DataProblem[] } {
  const file = join(dataRoot, 'lexicons', 'judgmental.yaml');
  return { lexicon: { source: safeRead(file) }, problems: [] };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
