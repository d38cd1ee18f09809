import { HclExpression, parseJsonencode } from './hcl-literal';
import { isAttributes, isReference } from './values';

/**
 * A JSON document embedded in a Terraform attribute (an OpenAPI body, an IAM policy), read the way
 * cdktf may have written it: a JSON string, `${jsonencode({...})}`, or a reference computed at apply time.
 */
export type EmbeddedDocument =
  | { readonly kind: 'absent' }
  | { readonly kind: 'document'; readonly value: unknown }
  | { readonly kind: 'reference'; readonly text: string }
  | { readonly kind: 'unreadable'; readonly reason: string };

export function readEmbeddedDocument(value: unknown): EmbeddedDocument {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (isAttributes(value) || Array.isArray(value)) return { kind: 'document', value };
  if (typeof value !== 'string') return { kind: 'unreadable', reason: `expected a document, got ${typeof value}` };
  const text = value.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return { kind: 'document', value: JSON.parse(text) as unknown };
    } catch (error) {
      return { kind: 'unreadable', reason: `not valid JSON (${(error as Error).message})` };
    }
  }
  if (text.startsWith('${jsonencode(')) {
    const parsed = parseJsonencode(text);
    return parsed === undefined ? { kind: 'unreadable', reason: 'a jsonencode() expression the guardrail cannot read' } : { kind: 'document', value: parsed };
  }
  if (isReference(text)) return { kind: 'reference', text };
  return { kind: 'unreadable', reason: 'neither JSON nor a Terraform expression' };
}

/** An `HclExpression` or `${...}` string inside a document: a value known only at apply time. */
export function isExpression(value: unknown): boolean {
  return value instanceof HclExpression || isReference(value);
}
