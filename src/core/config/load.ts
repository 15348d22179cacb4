import schema from '../../../schemas/config.schema.json';
import { parseYaml, validateYaml } from '../data/yaml';
import { isRealDate } from '../note/frontmatter';
import type { DataProblem, Severity } from '../model/types';
import { defaultConfig, type CoachConfig, type ExtraPhrase, type ExtraTopic } from './types';

interface RawConfig {
  framework?: string;
  required_markers?: Record<string, Array<string | number> | 'all' | 'none'>;
  rules?: Record<string, Severity>;
  judgmental?: { extra?: Array<string | ExtraPhrase>; allow?: string[]; model?: boolean };
  sensitive_topics?: { extra?: Array<string | ExtraTopic>; allow?: string[] };
  max_note_size_kb?: number;
  credential?: { training_start?: string };
}

/**
 * Parses `.coach/config.yaml`. An invalid file yields the defaults plus problems that name
 * the file, line and field, so the rest of the tool keeps working.
 */
export function parseConfig(text: string, file: string): { config: CoachConfig; problems: DataProblem[] } {
  const config = defaultConfig();
  config.file = file;
  const parsed = parseYaml(text, file);
  if (parsed.problems.length === 0 && (parsed.value === null || parsed.value === undefined)) return { config, problems: [] };
  const problems = validateYaml(parsed, schema, file);
  if (problems.length > 0) return { config, problems };
  const raw = parsed.value as RawConfig;
  if (raw.framework) config.framework = raw.framework;
  for (const [fw, value] of Object.entries(raw.required_markers ?? {})) {
    config.requiredMarkers[fw] = Array.isArray(value) ? value.map(markerIdText) : value;
  }
  Object.assign(config.rules, stripPrefixes(raw.rules ?? {}));
  config.judgmental.extra = (raw.judgmental?.extra ?? []).map((e) => (typeof e === 'string' ? { phrase: e } : e));
  config.judgmental.allow = raw.judgmental?.allow ?? [];
  config.judgmental.model = raw.judgmental?.model ?? true;
  config.sensitiveTopics.extra = (raw.sensitive_topics?.extra ?? []).map((e) => (typeof e === 'string' ? { topic: e, terms: [e] } : e));
  config.sensitiveTopics.allow = raw.sensitive_topics?.allow ?? [];
  if (raw.max_note_size_kb !== undefined) config.maxNoteChars = raw.max_note_size_kb * 1024;
  const start = raw.credential?.training_start;
  if (start !== undefined) {
    // The schema checks the shape; only a real calendar day can start the count.
    if (isRealDate(start)) config.credential.trainingStart = start;
    else {
      const node = parsed.doc.getIn(['credential', 'training_start'], true) as { range?: [number, number, number] } | undefined;
      const pos = parsed.lines.linePos(node?.range?.[0] ?? 0);
      problems.push({ file, line: pos.line, column: pos.col, field: 'credential.training_start', message: `credential.training_start ${start} is not a day on the calendar. Check the month and day.` });
    }
  }
  return { config, problems };
}

/** YAML reads `3.10` as the number 3.1; ask users to quote ids, but accept plain numbers like 3.1. */
function markerIdText(id: string | number): string {
  return typeof id === 'number' ? String(id) : id.trim();
}

/** Rule ids may be written with or without the `coach:` prefix. */
function stripPrefixes(rules: Record<string, Severity>): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const [id, severity] of Object.entries(rules)) out[id.replace(/^coach:/, '')] = severity;
  return out;
}
