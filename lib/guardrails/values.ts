/**
 * Reading synthesized Terraform values. cdktf writes blocks as objects or one-element arrays (and escape
 * hatches may write either), references as `${...}` strings, and literal `$${` for escaped dollars.
 */

export type Attributes = Readonly<Record<string, unknown>>;

/** A Terraform expression such as `${aws_vpc.gateway.id}`; escaped `$${...}` is literal text, not a reference. */
export function isReference(value: unknown): boolean {
  return typeof value === 'string' && value.replace(/\$\$\{/g, '').includes('${');
}

/** Present and non-empty. References count as set: Terraform fills them in at apply time. */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** `true`, or a reference (decided at apply time, so it counts as set). */
export function isTrueOrReference(value: unknown): boolean {
  return value === true || value === 'true' || isReference(value);
}

export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/** The instances of a nested block, whether written as an object or as an array of objects. */
export function blocks(value: unknown): Attributes[] {
  if (Array.isArray(value)) return value.filter(isAttributes);
  return isAttributes(value) ? [value] : [];
}

/** The single instance of a `max_items = 1` block, if any. */
export function block(value: unknown): Attributes | undefined {
  return blocks(value)[0];
}

export function isAttributes(value: unknown): value is Attributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of literal strings; a reference to a whole list comes back as `undefined` (unknown until apply). */
export function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return isReference(value) ? undefined : [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

/** A number, or `undefined` for absent and references. Accepts numeric strings as Terraform does. */
export function numberValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || isReference(value) || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * Whether `value` (at any depth) refers to the resource at `address`, e.g. `${aws_vpc.gateway.id}` or
 * `/aws/lambda/${aws_lambda_function.authorizer.function_name}` refer to `aws_vpc.gateway` and
 * `aws_lambda_function.authorizer`.
 */
export function refersTo(value: unknown, address: string): boolean {
  if (typeof value === 'string') {
    if (!isReference(value)) return false;
    return referencePattern(address).test(value);
  }
  if (Array.isArray(value)) return value.some((item) => refersTo(item, address));
  if (isAttributes(value)) return Object.values(value).some((item) => refersTo(item, address));
  return false;
}

const patterns = new Map<string, RegExp>();
function referencePattern(address: string): RegExp {
  let pattern = patterns.get(address);
  if (!pattern) {
    const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Not preceded by a name character (so `aws_vpc.a` does not match `xaws_vpc.a`), followed by an attribute or index.
    pattern = new RegExp(`(^|[^\\w.])${escaped}(\\.|\\[)`);
    patterns.set(address, pattern);
  }
  return pattern;
}

/** `${data.aws_iam_policy_document.invoke.json}` → `data.aws_iam_policy_document.invoke`, for whole-value references. */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\$\{((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][\w-]*)(?:\.[\w.[\]"]+)?\}$/.exec(value.trim());
  return match?.[1];
}

/** Renders a value for a finding's detail, shortened. */
export function show(value: unknown): string {
  if (value === undefined) return 'unset';
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
