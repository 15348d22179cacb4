/** The frontmatter that starts every rule example: one client, one real date, nothing else. */
export const EXAMPLE_HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';
