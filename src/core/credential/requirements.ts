import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../../schemas/credentials.schema.json';
import { builtinDataRoot } from '../data/paths';
import { errorText, parseYaml, validateYaml } from '../data/yaml';
import type { DataProblem } from '../model/types';

/** One credential's experience requirement, as ICF publishes it. */
export interface CredentialRequirement {
  id: string;
  name: string;
  hours: number;
  paidHours: number;
  clients: number;
  /** Hours that must fall within the `months` before applying; null when none is recorded. */
  recent: { hours: number; months: number } | null;
}

export interface CredentialRules {
  source: { name: string; url: string; checked: string };
  minutesPerHour: number;
  /** Sessions of larger groups do not count. */
  maxGroupSize: number;
  /** In order, lowest first. */
  credentials: CredentialRequirement[];
}

export const CREDENTIALS_FILE = join('credentials', 'icf.yaml');

interface Raw {
  source: CredentialRules['source'];
  minutes_per_hour: number;
  group: { max_size: number };
  credentials: { id: string; name: string; hours: number; paid_hours: number; clients: number; recent?: { hours: number; months: number } }[];
}

/** Parses and validates the requirements YAML; on any problem there are no rules, so no half-read figure is used. */
export function parseCredentialRules(text: string, file: string): { rules?: CredentialRules; problems: DataProblem[] } {
  const parsed = parseYaml(text, file);
  const problems = validateYaml(parsed, schema, file);
  if (problems.length > 0) return { problems };
  const raw = parsed.value as Raw;
  return {
    problems,
    rules: {
      source: raw.source,
      minutesPerHour: raw.minutes_per_hour,
      maxGroupSize: raw.group.max_size,
      credentials: raw.credentials.map((c) => ({ id: c.id, name: c.name, hours: c.hours, paidHours: c.paid_hours, clients: c.clients, recent: c.recent ?? null })),
    },
  };
}

let cached: CredentialRules | undefined;

/**
 * The built-in ICF requirements (credentials/icf.yaml), read once per process. Throws with the file
 * and the problem when the shipped data is unreadable: that is a packaging fault, not a user's.
 */
export function builtinCredentialRules(): CredentialRules {
  if (cached) return cached;
  const file = join(builtinDataRoot(), CREDENTIALS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The credential requirements could not be read from ${file}: ${errorText(error)}`);
  }
  const { rules, problems } = parseCredentialRules(text, file);
  if (!rules) throw new Error(`The credential requirements in ${file} are not valid: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
  cached = rules;
  return rules;
}
