import { isMap, isSeq, parseDocument } from 'yaml';
import { SAFE_YAML_OPTIONS } from '../data/yaml';

/**
 * Returns `.coach/config.yaml` text with `word` added to `judgmental.allow`, keeping the user's
 * comments and layout. Returns undefined when the file is not valid YAML (we never guess).
 */
export function addAllowedWord(configText: string, word: string): string | undefined {
  const doc = parseDocument(configText, SAFE_YAML_OPTIONS);
  if (doc.errors.length > 0) return undefined;
  if (doc.contents !== null && !isMap(doc.contents)) return undefined;
  const current = doc.getIn(['judgmental', 'allow']);
  if (isSeq(current)) {
    if (current.items.some((item) => String((item as { value?: unknown }).value ?? item).toLowerCase() === word.toLowerCase())) return configText;
    current.add(doc.createNode(word));
  } else if (current === undefined || current === null) {
    doc.setIn(['judgmental', 'allow'], doc.createNode([word]));
  } else {
    return undefined;
  }
  return doc.toString();
}
