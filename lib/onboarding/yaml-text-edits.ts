import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/**
 * Surgical edits of YAML text: the yaml Document API locates the nodes, and new text is spliced in at their
 * ranges, so every other byte of the file (comments, flow styles, spacing, line breaks) stays exactly as the
 * platform team wrote it and a merge request shows only the added lines. Each function returns undefined when
 * the layout is one it does not handle (e.g. a multi-line value inside a flow mapping); callers then fall back
 * to re-rendering the document.
 */

/**
 * Adds `key: value` to the mapping at `mapPath`, creating missing parent mappings. `valueYaml` is the value as
 * YAML at indentation 0: one line (`{ a: 1 }`, `text`) or a block of lines.
 */
export function addMapEntry(text: string, mapPath: readonly string[], key: string, valueYaml: string): string | undefined {
  const document = parseDocument(text);
  // Walk down to the deepest mapping that exists; the rest of the path becomes part of the inserted value.
  let depth = mapPath.length;
  while (depth > 0 && !isMap(document.getIn(mapPath.slice(0, depth), true))) depth--;
  const existing = depth === 0 ? document.contents : (document.getIn(mapPath.slice(0, depth), true) as Node);
  if (!isMap(existing)) return undefined;
  const [entryKey, entryValue] = nest([...mapPath.slice(depth), key], valueYaml);
  if (existing.items.some((pair) => (pair.key as { value?: unknown } | null)?.value === entryKey)) return undefined;
  const range = existing.range;
  if (!range) return undefined;

  if (existing.flow) {
    if (!isInline(entryValue)) return undefined;
    const close = text.lastIndexOf('}', range[1] - 1);
    if (close < range[0]) return undefined;
    const separator = existing.items.length > 0 ? ', ' : ' ';
    return `${text.slice(0, close).trimEnd()}${separator}${entryKey}: ${entryValue} ${text.slice(close)}`;
  }
  const indent = existing.items.length > 0 ? columnOf(text, (existing.items[0].key as Node).range?.[0] ?? range[0]) : 0;
  const lines = entry(entryKey, entryValue, indent);
  const at = range[1];
  const before = text.slice(0, at);
  return `${before}${before.endsWith('\n') || before === '' ? '' : '\n'}${lines}${text.slice(at)}`;
}

/** Appends `itemYaml` (one line) to the sequence at `seqPath`, keeping its flow or block style. */
export function appendToSequence(text: string, seqPath: readonly string[], itemYaml: string): string | undefined {
  const sequence = parseDocument(text).getIn(seqPath, true);
  if (!isSeq(sequence) || !sequence.range || itemYaml.includes('\n')) return undefined;
  const range = sequence.range;
  if (sequence.flow) {
    const close = text.lastIndexOf(']', range[1] - 1);
    if (close < range[0]) return undefined;
    const before = text.slice(0, close).trimEnd();
    return `${before}${sequence.items.length > 0 ? ', ' : ''}${itemYaml}${text.slice(close)}`;
  }
  const indent = sequence.items.length > 0 ? columnOf(text, text.lastIndexOf('-', (sequence.items[0] as Node).range?.[0] ?? range[0])) : 0;
  const before = text.slice(0, range[1]);
  return `${before}${before.endsWith('\n') ? '' : '\n'}${' '.repeat(indent)}- ${itemYaml}\n${text.slice(range[1])}`;
}

/** `['a', 'b'], 'v'` → key `a`, value `b:\n  v` (as YAML at indentation 0). */
function nest(keys: readonly string[], valueYaml: string): [string, string] {
  const [first, ...rest] = keys;
  if (rest.length === 0) return [first, valueYaml];
  const [childKey, childValue] = nest(rest, valueYaml);
  return [first, entry(childKey, childValue, 0).trimEnd()];
}

/** `key: value` lines at `indent`; a multi-line value goes on the following lines, two spaces deeper. */
function entry(key: string, valueYaml: string, indent: number): string {
  const pad = ' '.repeat(indent);
  if (isInline(valueYaml)) return `${pad}${key}: ${valueYaml}\n`;
  const body = valueYaml
    .trimEnd()
    .split('\n')
    .map((line) => `${pad}  ${line}`)
    .join('\n');
  return `${pad}${key}:\n${body}\n`;
}

/** A scalar or flow collection on one line goes after `key:`; a block mapping or sequence on the lines below. */
function isInline(valueYaml: string): boolean {
  if (valueYaml.includes('\n')) return false;
  const contents = parseDocument(valueYaml).contents;
  return isScalar(contents) || ((isMap(contents) || isSeq(contents)) && contents.flow === true);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
