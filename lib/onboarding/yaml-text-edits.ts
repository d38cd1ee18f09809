import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/**
 * Surgical edits of YAML text: the yaml Document API locates the nodes, and new text is spliced in at their
 * ranges, so every other byte of the file (comments, flow styles, spacing, line breaks) stays exactly as the
 * platform team wrote it and a merge request shows only the added lines. Each function returns undefined when
 * the layout is one it does not handle (e.g. a multi-line value inside a flow mapping); callers then fall back
 * to re-rendering the document.
 */

/** One change to a YAML file, with its meaning (`value`) and the text to splice in (`yaml`, at indentation 0). */
export type YamlEdit =
  /** Adds `key` to the mapping at `mapPath` (created when missing). */
  | { readonly kind: 'entry'; readonly mapPath: readonly (string | number)[]; readonly key: string; readonly value: unknown; readonly yaml: string }
  /** Replaces the value at `path`, which exists. */
  | { readonly kind: 'replace'; readonly path: readonly (string | number)[]; readonly value: unknown; readonly yaml: string }
  /** Appends to the sequence at `seqPath`. */
  | { readonly kind: 'item'; readonly seqPath: readonly (string | number)[]; readonly value: unknown; readonly yaml: string }
  /** Removes the entry at `path` (a key of a mapping) with everything below it. */
  | { readonly kind: 'delete'; readonly path: readonly (string | number)[] };

/**
 * Applies the edits as text splices and checks the result means exactly what the same edits made with the yaml
 * Document API mean. When the layout defeats the splices, the Document API result is used (comments survive,
 * formatting of untouched lines may change) and `layoutKept` is false so the caller can say so.
 */
export function applyYamlEdits(text: string, edits: readonly YamlEdit[]): { content: string; layoutKept: boolean } {
  const expected = parseDocument(text);
  for (const edit of edits) applyWithDocumentApi(expected, edit);
  const spliced = edits.reduce<string | undefined>((current, edit) => (current === undefined ? undefined : applyAsText(current, edit)), text);
  if (spliced !== undefined && isDeepStrictEqual(parseDocument(spliced).toJS(), expected.toJS())) return { content: spliced, layoutKept: true };
  return { content: expected.toString({ lineWidth: 0 }), layoutKept: false };
}

function applyAsText(text: string, edit: YamlEdit): string | undefined {
  switch (edit.kind) {
    case 'entry':
      return addMapEntry(text, edit.mapPath, edit.key, edit.yaml);
    case 'replace':
      return replaceValue(text, edit.path, edit.yaml);
    case 'item':
      return appendToSequence(text, edit.seqPath, edit.yaml);
    case 'delete':
      return deleteEntry(text, edit.path);
  }
}

function applyWithDocumentApi(document: Document, edit: YamlEdit): void {
  switch (edit.kind) {
    case 'entry':
      document.setIn([...edit.mapPath, edit.key], document.createNode(edit.value));
      return;
    case 'replace':
      document.setIn(edit.path, document.createNode(edit.value));
      return;
    case 'item': {
      const sequence = document.getIn(edit.seqPath);
      if (isSeq(sequence)) sequence.add(document.createNode(edit.value));
      else document.setIn(edit.seqPath, document.createNode([edit.value]));
      return;
    }
    case 'delete':
      document.deleteIn(edit.path);
  }
}

/** A value as YAML text at indentation 0, never folded. */
export function toYaml(value: unknown): string {
  return new Document(value).toString({ lineWidth: 0 }).trimEnd();
}

/** One-line flow YAML as the example files write it: `{ account: payments, addresses: [10.101.1.10] }`. */
export function toFlowYaml(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toFlowYaml).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${toYaml(key)}: ${toFlowYaml(item)}`)
      .join(', ')} }`;
  return toYaml(value);
}

/** Replaces an existing one-line value (scalar or flow collection) with `valueYaml` (one line). */
export function replaceValue(text: string, valuePath: readonly (string | number)[], valueYaml: string): string | undefined {
  const node = parseDocument(text).getIn(valuePath, true);
  const inlineNode = isScalar(node) || ((isMap(node) || isSeq(node)) && node.flow === true);
  if (!inlineNode || !node.range || !isInline(valueYaml)) return undefined;
  const [start, end] = node.range;
  if (text.slice(start, end).includes('\n')) return undefined;
  return `${text.slice(0, start)}${valueYaml}${text.slice(end)}`;
}

/**
 * Adds `key: value` to the mapping at `mapPath`, creating missing parent mappings. `valueYaml` is the value as
 * YAML at indentation 0: one line (`{ a: 1 }`, `text`) or a block of lines.
 */
export function addMapEntry(text: string, mapPath: readonly (string | number)[], key: string, valueYaml: string): string | undefined {
  const document = parseDocument(text);
  // Walk down to the deepest mapping that exists; the rest of the path becomes part of the inserted value.
  let depth = mapPath.length;
  while (depth > 0 && !isMap(document.getIn(mapPath.slice(0, depth), true))) depth--;
  const existing = depth === 0 ? document.contents : (document.getIn(mapPath.slice(0, depth), true) as Node);
  if (!isMap(existing)) return undefined;
  const [entryKey, entryValue] = nest([...mapPath.slice(depth).map(String), key], valueYaml);
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
export function appendToSequence(text: string, seqPath: readonly (string | number)[], itemYaml: string): string | undefined {
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

/**
 * Removes `key: value` (the last segment of `entryPath`) from a block mapping: the lines from the key to the end of
 * the value. Entries of flow mappings are left to the Document API.
 */
export function deleteEntry(text: string, entryPath: readonly (string | number)[]): string | undefined {
  const document = parseDocument(text);
  const parent = entryPath.length === 1 ? document.contents : document.getIn(entryPath.slice(0, -1), true);
  if (!isMap(parent) || parent.flow) return undefined;
  const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === entryPath[entryPath.length - 1]);
  const keyRange = (pair?.key as Node | null)?.range;
  const valueRange = (pair?.value as Node | null)?.range ?? keyRange;
  if (!keyRange || !valueRange) return undefined;
  const start = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  if (text.slice(start, keyRange[0]).trim() !== '') return undefined;
  const newline = text.indexOf('\n', Math.max(valueRange[1] - 1, keyRange[1]));
  const end = newline === -1 ? text.length : newline + 1;
  return `${text.slice(0, start)}${text.slice(end)}`;
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
