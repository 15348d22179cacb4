import type { Framework, Marker } from './types';

/** A heading that starts with something shaped like a marker id: `3.1`, `3.10`, `8.9.` … */
const MARKER_ID_AT_START = /^(\d+(?:\.\d+)+)\.?(?=$|[\s:–—-])/;

export interface HeadingMatch {
  /** The matched marker, when the heading names one of the framework's markers. */
  marker?: Marker;
  /** The id-shaped prefix of the heading, whether or not the framework knows it. */
  idLike?: string;
}

/** Normalizes heading text for title/alias comparison: case, spacing, trailing punctuation. */
export function normalizeTitle(text: string): string {
  return text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').replace(/[\s:.]+$/, '').trim();
}

/**
 * Reads a heading within a framework: `3.1 Genuine concern` matches by id; `Genuine concern`
 * matches by title or alias, ignoring case. Ids are only meaningful within their framework.
 */
export function matchMarkerHeading(text: string, framework: Framework | undefined): HeadingMatch {
  const trimmed = text.trim();
  const idLike = MARKER_ID_AT_START.exec(trimmed)?.[1];
  if (!framework) return idLike ? { idLike } : {};
  if (idLike) {
    const marker = framework.markers.find((m) => m.id === idLike);
    if (marker) return { marker, idLike };
    // `## 1.5 hours of silence` is prose, not a marker: only ids within the framework's
    // competencies (3.7 in a competency-3 framework) look like a mistyped marker.
    const competency = idLike.split('.')[0];
    return framework.markers.some((m) => competencyOf(m) === competency) ? { idLike } : {};
  }
  const wanted = normalizeTitle(trimmed);
  const marker = framework.markers.find(
    (m) => normalizeTitle(m.title) === wanted || m.aliases.some((a) => normalizeTitle(a) === wanted),
  );
  return marker ? { marker } : {};
}

export function markerByRole(framework: Framework | undefined, role: Marker['role']): Marker | undefined {
  return framework?.markers.find((m) => m.role === role);
}

export function competencyOf(marker: Marker): string {
  return marker.competency ?? marker.id.split('.')[0] ?? '';
}
