import { Aspects, DefaultTokenResolver, StringConcat, TerraformElement, TerraformOutput, TerraformStack, Token, Tokenization } from 'cdktf';
import type { IConstruct } from 'constructs';
// Not re-exported by the package root; the merge must be cdktf's own (arrays concatenate, `undefined` deletes).
import { deepMerge } from 'cdktf/lib/util';

/**
 * Token resolution once per element instead of twice.
 *
 * cdktf 0.21's `App.synth` resolves every element of every stack in `prepareStack` (to find cross-stack references),
 * then `toTerraform` calls each element's `toTerraform()` and resolves it again, and finally resolves the whole merged
 * document a third time. On these stacks that is two thirds of synthesis (decision 0019): 6.5 s of the 200-service
 * synth. `PreparedResolutions` keeps each element's prepared resolution and its `toTerraform` merges those, in cdktf's
 * order and with cdktf's merge, so the document is the one stock cdktf writes (tests/stacks/single-resolution.test.ts
 * compares every example stack, deploy and offline, byte for byte).
 *
 * Stock cdktf is used instead whenever a prepared value could be stale or a literal could be a token:
 * - aspects run between `prepareStack` and `toTerraform` and may change an element (tests plant violations that way),
 *   so a stack with any aspect is resolved the stock way;
 * - an element created after preparation (a cross-stack output another stack asked for, a remote state) has no
 *   prepared value and is resolved on the spot;
 * - the final whole-document pass is skipped only when the stack's own overrides hold no token.
 */
export class PreparedResolutions {
  private readonly byElement = new Map<TerraformElement, unknown>();

  constructor(private readonly stack: TerraformStack) {
    for (const element of elementsOf(stack)) this.byElement.set(element, resolveElement(stack, element.toTerraform(), true));
  }

  /** The stack's document as stock `toTerraform` builds it, from the prepared resolutions. */
  toTerraform(): unknown {
    const stack = this.stack;
    // Private in cdktf's typings, read as stock toTerraform reads them.
    const { rawOverrides, cdktfVersion } = stack as unknown as { rawOverrides: Record<string, unknown>; cdktfVersion: string };
    const elements = elementsOf(stack);
    const metadata: Record<string, unknown> = {
      version: cdktfVersion,
      stackName: stack.node.id,
      backend: 'local',
      cloud: undefined,
      ...(Object.keys(rawOverrides).length > 0 ? { overrides: { stack: Object.keys(rawOverrides) } } : {}),
    };
    for (const element of elements) deepMerge(metadata, resolve(stack, element.toMetadata()));
    const outputs: Record<string, unknown> = {};
    for (const element of elements) {
      if (!TerraformOutput.isTerraformOutput(element)) continue;
      const nested = element.node.path
        .split('/')
        .reduceRight<Record<string, unknown>>((inner, part) => ({ [part]: Object.keys(inner).length === 0 ? element.friendlyUniqueId : inner }), {});
      deepMerge(outputs, nested);
    }
    const tf: Record<string, unknown> = { '//': resolve(stack, { metadata, outputs }) };
    for (const element of elements) {
      const fragment = this.byElement.has(element) ? this.byElement.get(element) : resolveElement(stack, element.toTerraform());
      deepMerge(tf, fragment);
    }
    deepMerge(tf, rawOverrides);
    return containsToken(rawOverrides) ? resolve(stack, tf) : tf;
  }
}

/** True when aspects are registered anywhere in the stack: they run after preparation and may change elements. */
export function hasAspects(stack: TerraformStack): boolean {
  return stack.node.findAll().some((node) => Aspects.of(node).all.length > 0);
}

/** The stack's Terraform elements in construct order, not descending into nested stacks (as cdktf collects them). */
function elementsOf(node: IConstruct, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(node)) into.push(node);
  for (const child of node.node.children) if (!TerraformStack.isStack(child)) elementsOf(child, into);
  return into;
}

function resolve(scope: IConstruct, value: unknown, preparing = false): unknown {
  return Tokenization.resolve(value, { scope, preparing, resolver: new DefaultTokenResolver(new StringConcat()) });
}

/** cdktf's test for numbers encoded in a string (encoding.js NUMBER_TOKEN_REGEX); such strings go to cdktf. */
const NUMBER_TOKEN_LIKE = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;
/** Every string, list and map token marker contains this. */
const TOKEN_MARKER = 'TfToken[';

const isPlainString = (text: string): boolean => !text.includes(TOKEN_MARKER) && !NUMBER_TOKEN_LIKE.test(text);

/**
 * `resolve`, walking plain data itself and handing cdktf only what may hold a token: a string with a token marker or
 * an encoded number, any number, a list holding numbers or list tokens, an object that is not a plain object or that
 * has a `resolve` method or a token in a key. cdktf's resolver builds a context per value, which made it the largest
 * cost of synthesis; what it returns for plain data is that data without `undefined` members, which is what this
 * returns too (tests/stacks/single-resolution.test.ts compares every example stack with stock cdktf's).
 */
export function resolveElement(scope: IConstruct, value: unknown, preparing = false): unknown {
  const cdktf = (item: unknown): unknown => resolve(scope, item, preparing);
  const walk = (item: unknown): unknown => {
    if (item === undefined || item === null || typeof item === 'boolean') return item;
    if (typeof item === 'string') return isPlainString(item) ? item : cdktf(item);
    if (typeof item !== 'object') return cdktf(item);
    if (Array.isArray(item)) {
      if (item.some((element) => typeof element === 'number' || (typeof element === 'string' && element.includes(TOKEN_MARKER)))) return cdktf(item);
      return item.map(walk).filter((element) => element !== undefined);
    }
    const prototype = Object.getPrototypeOf(item) as unknown;
    if ((prototype !== Object.prototype && prototype !== null) || typeof (item as { resolve?: unknown }).resolve === 'function') return cdktf(item);
    const keys = Object.keys(item);
    if (!keys.every(isPlainString)) return cdktf(item);
    const result: Record<string, unknown> = {};
    for (const key of keys) {
      const resolved = walk((item as Record<string, unknown>)[key]);
      if (resolved !== undefined) result[key] = resolved;
    }
    return result;
  };
  return walk(value);
}

/** Any cdktf token (string, number or list encoding, or a resolvable object) anywhere in `value`. */
function containsToken(value: unknown): boolean {
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(containsToken);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => Token.isUnresolved(key) || containsToken(item));
  return false;
}
