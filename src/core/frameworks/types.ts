/** A marker framework, as declared in a YAML file under frameworks/ or .coach/frameworks/. */
export interface Marker {
  id: string;
  title: string;
  description: string;
  aliases: string[];
  competency?: string;
  role?: 'agreements' | 'permission';
  /** Whether notes must have a section for it, unless the workspace config says otherwise. */
  required: boolean;
}

export interface Competency {
  id: string;
  title: string;
  domain?: string;
  description?: string;
}

export interface Framework {
  id: string;
  name: string;
  version: string;
  description?: string;
  source?: string;
  competencies: Competency[];
  markers: Marker[];
  /** Where it was loaded from: `builtin` or a workspace file path. */
  origin: string;
}

export const DEFAULT_FRAMEWORK_ID = 'icf-trust';
