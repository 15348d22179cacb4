import type { CoachConfig } from '../config/types';
import type { Framework, Marker } from './types';

/** The markers a note of this framework must have a section for: the config wins over the framework file. */
export function requiredMarkers(framework: Framework, config: CoachConfig): Marker[] {
  const setting = config.requiredMarkers[framework.id];
  if (setting === 'all') return framework.markers;
  if (setting === 'none') return [];
  if (Array.isArray(setting)) return framework.markers.filter((m) => setting.includes(m.id));
  return framework.markers.filter((m) => m.required);
}
