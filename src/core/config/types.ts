import type { Severity } from '../model/types';

export interface ExtraPhrase {
  phrase: string;
  category?: string;
  suggestions?: string[];
  explanation?: string;
}

export interface ExtraTopic {
  topic: string;
  terms: string[];
}

/** `.coach/config.yaml`, with defaults filled in. Shared by the CLI and the extension. */
export interface CoachConfig {
  /** Default framework for notes that do not name one. */
  framework: string;
  /** Per framework id: required marker ids, or 'all' / 'none'. Absent: the framework's own `required` flags. */
  requiredMarkers: Record<string, string[] | 'all' | 'none'>;
  /** Severity overrides per bare rule id. */
  rules: Record<string, Severity>;
  judgmental: { extra: ExtraPhrase[]; allow: string[]; /** Read unmatched sentences with the sentence model. */ model: boolean };
  sensitiveTopics: { extra: ExtraTopic[]; allow: string[] };
  /** Notes longer than this many characters are checked up to it (`max_note_size_kb`). */
  maxNoteChars: number;
  /** ICF credential progress: `credential.training_start` (YYYY-MM-DD), from when sessions count. */
  credential: { trainingStart?: string };
  /** The config file it came from, if any. */
  file?: string;
}

export function defaultConfig(): CoachConfig {
  return {
    framework: 'icf-trust',
    requiredMarkers: {},
    rules: {},
    judgmental: { extra: [], allow: [], model: true },
    sensitiveTopics: { extra: [], allow: [] },
    maxNoteChars: 8 * 1024 * 1024,
    credential: {},
  };
}
