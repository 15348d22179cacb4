import type { NoteSummary } from '../workspace/summary';

/**
 * Summaries arrive from worker threads (and from the cache) as fresh copies of every string and
 * list. Sharing the repeated ones, such as marker ids and their lists, the framework, client names,
 * dates and sensitive topics, keeps far fewer objects alive. The host's young-generation collections
 * copy every surviving object, so fewer objects keep those pauses short while a large workspace
 * streams in. Shared lists are never mutated: summaries are read-only once built.
 */
export class SummarySharing {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();
  private readonly topics = new Map<string, NoteSummary['sensitiveTopics']>();

  share(summary: NoteSummary): NoteSummary {
    const shared: NoteSummary = {
      ...summary,
      framework: this.string(summary.framework),
      evidenced: this.list(summary.evidenced),
      sections: this.list(summary.sections),
      missing: this.list(summary.missing),
      unevidenced: this.list(summary.unevidenced),
      sensitiveTopics: this.topicList(summary.sensitiveTopics),
    };
    if (summary.client !== undefined) shared.client = this.string(summary.client);
    if (summary.date !== undefined) shared.date = this.string(summary.date);
    return shared;
  }

  private string(value: string): string {
    // Long strings rarely repeat; keeping them would only grow the table.
    if (value.length > 64) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  private list(values: string[]): string[] {
    const key = values.join('\u0000');
    const known = this.lists.get(key);
    if (known) return known;
    const list = values.map((v) => this.string(v));
    this.lists.set(key, list);
    return list;
  }

  private topicList(topics: NoteSummary['sensitiveTopics']): NoteSummary['sensitiveTopics'] {
    const key = topics.map((t) => `${t.id}\u0000${t.label}`).join('\u0001');
    const known = this.topics.get(key);
    if (known) return known;
    const list = topics.map((t) => ({ id: this.string(t.id), label: this.string(t.label) }));
    this.topics.set(key, list);
    return list;
  }
}
