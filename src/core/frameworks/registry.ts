import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../../schemas/framework.schema.json';
import { compiledValue } from '../data/compiled';
import { parseYaml, validateYaml, errorText } from '../data/yaml';
import type { DataProblem } from '../model/types';
import type { Framework, Marker } from './types';

interface RawFramework {
  id: string;
  name: string;
  version: string;
  description?: string;
  source?: string;
  competencies?: Framework['competencies'];
  markers: Array<Omit<Marker, 'aliases' | 'required'> & { aliases?: string[]; required?: boolean }>;
}

/** All frameworks known to a workspace: built-in ones plus `.coach/frameworks/*.yaml`. */
export class FrameworkRegistry {
  private readonly byId = new Map<string, Framework>();

  constructor(frameworks: Framework[] = []) {
    for (const f of frameworks) this.byId.set(f.id, f);
  }

  get(id: string): Framework | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): Framework[] {
    return [...this.byId.values()];
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** Adds or replaces a framework (a workspace file may override a built-in one by id). */
  add(framework: Framework): void {
    this.byId.set(framework.id, framework);
  }
}

/** Parses and validates one framework file. Never throws: problems carry file, line and field. */
export function parseFramework(text: string, file: string, origin: string = file): { framework?: Framework; problems: DataProblem[] } {
  const parsed = parseYaml(text, file);
  const problems = validateYaml(parsed, schema, file);
  if (problems.length > 0) return { problems };
  const raw = parsed.value as RawFramework;
  const seen = new Set<string>();
  for (const [index, marker] of raw.markers.entries()) {
    if (seen.has(marker.id)) {
      const node = parsed.doc.getIn(['markers', index, 'id'], true) as { range?: [number, number, number] } | undefined;
      const pos = parsed.lines.linePos(node?.range?.[0] ?? 0);
      problems.push({ file, line: pos.line, column: pos.col, field: `markers[${index}].id`, message: `markers[${index}].id "${marker.id}" is used twice in this framework` });
    }
    seen.add(marker.id);
  }
  if (problems.length > 0) return { problems };
  return { framework: frameworkFrom(raw, origin), problems };
}

/** A framework from its file's validated value (parsed now, or compiled by the build). */
function frameworkFrom(raw: RawFramework, origin: string): Framework {
  const framework: Framework = {
    id: raw.id,
    name: raw.name,
    version: raw.version,
    competencies: raw.competencies ?? [],
    markers: raw.markers.map((m) => ({ ...m, aliases: m.aliases ?? [], required: m.required ?? true })),
    origin,
  };
  if (raw.description !== undefined) framework.description = raw.description;
  if (raw.source !== undefined) framework.source = raw.source;
  return framework;
}

/** Loads every `*.yaml` / `*.yml` file of a folder. A missing folder is not a problem. */
export function loadFrameworkFolder(dir: string, origin: 'builtin' | 'workspace'): { frameworks: Framework[]; problems: DataProblem[] } {
  const frameworks: Framework[] = [];
  const problems: DataProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch {
    return { frameworks, problems };
  }
  for (const name of names) {
    const file = join(dir, name);
    const compiled = origin === 'builtin' ? compiledValue(file) : undefined;
    if (compiled) {
      frameworks.push(frameworkFrom(compiled.value as RawFramework, 'builtin'));
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file, line: 1, column: 1, field: '', message: `This framework file could not be read: ${errorText(error)}` });
      continue;
    }
    const result = parseFramework(text, file, origin === 'builtin' ? 'builtin' : file);
    problems.push(...result.problems);
    if (result.framework) frameworks.push(result.framework);
  }
  return { frameworks, problems };
}
