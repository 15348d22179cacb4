import type { Root, Text } from 'mdast';
import type { Framework, Marker } from '../frameworks/types';
import type { LineIndex } from '../model/lines';
import type { Place } from '../model/types';

/** Frontmatter fields the format defines, read and checked. Unknown keys stay in `data`. */
export interface NoteMeta {
  client?: string;
  /** `client_id`: one client across a change of name. */
  clientId?: string;
  /** YYYY-MM-DD, only when it is a real calendar date. */
  date?: string;
  session?: number;
  /** Minutes. */
  duration?: number;
  /** The framework named in the frontmatter, or the configured default. */
  framework: string;
  type: 'individual' | 'group';
  groupSize?: number;
  paid: boolean;
  icfLog: boolean;
}

export interface FrontmatterProblem {
  reason: string;
  place: Place;
  /** The field concerned, when there is one. */
  field?: string;
}

export interface Frontmatter {
  /** Whether the note starts with a `---` line. */
  present: boolean;
  /** Whether the block has its closing `---` line. */
  closed: boolean;
  /** The whole block, `---` lines included (empty when absent). */
  place?: Place;
  /** Offset where the YAML text starts, and the YAML text itself. */
  yamlStart: number;
  yaml: string;
  /** All keys, known and unknown, when the YAML is a mapping. */
  data: Record<string, unknown>;
  problems: FrontmatterProblem[];
  /** True when the note can be counted: required fields are present and valid. */
  valid: boolean;
}

export interface MarkerSection {
  /** The heading as written, without `#`s. */
  headingText: string;
  depth: number;
  headingPlace: Place;
  /** Offset where the section ends (exclusive): the next heading of the same or higher level, or the end. */
  end: number;
  /** The framework's marker, or undefined when the heading only looks like one (`unknown-marker`). */
  marker?: Marker;
  /** The id-shaped prefix of the heading, if any. */
  idLike?: string;
  evidenced: boolean;
}

/**
 * A line that reads like a marker's section but does not count as one: a heading whose words
 * Coach Notes is unsure about, a bold line standing in for a heading, or `##3.1` without the space
 * Markdown needs. Never recorded for a marker that already has a section.
 */
export interface NearMiss {
  marker: Marker;
  form: 'unsure-heading' | 'bold-line' | 'no-space';
  /** The line (or, for an underlined heading, the lines) to replace. */
  place: Place;
  /** The same words as a heading that counts for the marker. */
  replacement: string;
}

/** An inline evidence tag, `[#3.4]`, inside free text. */
export interface MarkerTag {
  id: string;
  marker?: Marker;
  place: Place;
}

/** An agreement as other notes see it (in a summary): no position, which only its own note needs. */
export interface AgreementItem {
  /** The item text after the checkbox, as written. */
  text: string;
  /** For matching across notes: lower case, no punctuation, no due date. */
  key: string;
  kept: boolean;
  due?: string;
}

export interface Agreement extends AgreementItem {
  place: Place;
}

export interface AgreementsSection {
  headingPlace: Place;
  depth: number;
  /** Offset just after the last content of the section (before trailing blank lines). */
  contentEnd: number;
  end: number;
}

export interface DisableDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  /** Bare rule ids; empty means every rule. */
  rules: string[];
  place: Place;
}

/** Text that the judgmental-language and permission rules may read: prose only, positions kept. */
export interface ProseBlock {
  /** The visible text of one paragraph, heading, list item paragraph or table row. */
  text: string;
  /** The text nodes `text` joins, to map an index back to a note offset (see `proseSpan`). */
  parts: readonly Text[];
  /** Whether the block sits inside a blockquote (the client's words). */
  quoted: boolean;
  /** A heading: a title, not a sentence of the note. */
  heading?: true;
}

/** Everything the rules need to know about one note, parsed once. */
export interface Note {
  path: string;
  /** The note's text with any BOM removed; all offsets refer to it. */
  text: string;
  lines: LineIndex;
  tree: Root;
  frontmatter: Frontmatter;
  meta: NoteMeta;
  /** Undefined when `meta.framework` is unknown. */
  framework?: Framework;
  sections: MarkerSection[];
  /** Lines that read like a marker's section without counting as one (`marker-heading`). */
  nearMisses: NearMiss[];
  tags: MarkerTag[];
  agreements: Agreement[];
  agreementsSection?: AgreementsSection;
  /** Places of `Permission:` lines; a permission-marker section counts separately (see hasPermissionCheck). */
  permissionLines: Place[];
  directives: DisableDirective[];
  prose: ProseBlock[];
  /** Offset where the body starts (after frontmatter). */
  bodyStart: number;
  /** Set when the note was too large to read whole: the offset up to which it was checked. */
  checkedUpTo?: number;
  /** Rules skipped because checking the note ran over its time budget. */
  skippedRules?: string[];
  /** Rules stopped part-way because the budget ran out while they ran. */
  cutShortRules?: string[];
  /**
   * Set when the Markdown body could not be read, so only the frontmatter was checked: `too-deep`
   * for quotes, lists or emphasis nested beyond what can be parsed, `parser-error` for anything else.
   */
  unparsed?: 'too-deep' | 'parser-error';
  /**
   * Set when the note ends inside a block that is never closed (a code fence, an HTML comment):
   * the text that closes it, so a fix appending at the very end does not land inside it.
   */
  openAtEnd?: string;
}
