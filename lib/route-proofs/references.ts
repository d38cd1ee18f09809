import type { TerraformResource } from '../guardrails/stack-view';
import { isAttributes } from '../guardrails/values';
import { stateLocation, type SynthesizedApp, type SynthesizedStack } from './synthesized-app';

/**
 * Terraform string templates read the way Terraform reads them: `${expr}` is a reference that Terraform
 * substitutes; `$${` is Terraform's escape and reaches the provider (and AWS) as the literal text `${`.
 */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  /** `${expr}`: substituted by Terraform. */
  | { readonly kind: 'reference'; readonly expression: string }
  /** `$${expr}`: the literal text `${expr}` after Terraform. */
  | { readonly kind: 'escaped'; readonly expression: string };

/** Splits a synthesized string into text, references and escaped (literal) `${...}` sequences. */
export function parseTemplate(value: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let index = 0;
  while (index < value.length) {
    const escaped = value.startsWith('$${', index);
    if (escaped || value.startsWith('${', index)) {
      const open = index + (escaped ? 3 : 2);
      const close = matchingBrace(value, open);
      if (close < 0) break;
      if (text) parts.push({ kind: 'text', text });
      text = '';
      const expression = value.slice(open, close);
      parts.push(escaped ? { kind: 'escaped', expression } : { kind: 'reference', expression });
      index = close + 1;
    } else {
      text += value[index];
      index++;
    }
  }
  text += value.slice(index);
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** The only part of a value that is exactly one `${...}` or `$${...}`; undefined for literals and mixed templates. */
export function soleExpression(value: unknown): Exclude<TemplatePart, { kind: 'text' }> | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = parseTemplate(value);
  return parts.length === 1 && parts[0]!.kind !== 'text' ? parts[0] : undefined;
}

function matchingBrace(value: string, from: number): number {
  let depth = 1;
  for (let index = from; index < value.length; index++) {
    if (value[index] === '{') depth++;
    else if (value[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** What a reference points at after following remote state to the producer stack. */
export type Resolution =
  | {
      readonly kind: 'resource';
      readonly stack: SynthesizedStack;
      readonly resource: TerraformResource;
      /** `invoke_arn`, `dns_entry[0].dns_name`, ... */
      readonly attribute: string;
    }
  /** A producer output that holds a literal. */
  | { readonly kind: 'literal'; readonly stack: SynthesizedStack; readonly value: unknown }
  | { readonly kind: 'unresolved'; readonly problem: string };

const RESOURCE_EXPRESSION = /^(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)(?:\.(.+))?$/;
const REMOTE_OUTPUT = /^data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/;

/**
 * Resolves `expression` (the text inside `${...}`) in `stack`: a resource or data attribute of the same stack,
 * or a `terraform_remote_state` output, followed through the producer's backend location to its output value.
 */
export function resolveExpression(app: SynthesizedApp, stack: SynthesizedStack, expression: string, depth = 0): Resolution {
  if (depth > 8) return { kind: 'unresolved', problem: `${expression} is a chain of more than 8 outputs` };
  const remote = REMOTE_OUTPUT.exec(expression);
  if (remote) {
    const [, name, output] = remote as unknown as [string, string, string];
    const source = stack.view.get(`data.terraform_remote_state.${name}`);
    if (!source) return { kind: 'unresolved', problem: `${stack.id} has no data.terraform_remote_state.${name}` };
    const location = stateLocation(String(source.values.backend ?? ''), isAttributes(source.values.config) ? source.values.config : undefined);
    const producer = location ? app.stackAtStateLocation(location) : undefined;
    if (!producer)
      return {
        kind: 'unresolved',
        problem: `data.terraform_remote_state.${name} reads ${location ?? 'an unknown backend'}, which no synthesized stack writes`,
      };
    const produced = producer.outputs[output];
    if (!produced) return { kind: 'unresolved', problem: `${producer.id} has no output "${output}"` };
    const inner = soleExpression(produced.value);
    if (inner?.kind === 'reference') return resolveExpression(app, producer, inner.expression, depth + 1);
    if (inner?.kind === 'escaped') return { kind: 'unresolved', problem: `output "${output}" of ${producer.id} is escaped ($\${${inner.expression}})` };
    return { kind: 'literal', stack: producer, value: produced.value };
  }
  const match = RESOURCE_EXPRESSION.exec(expression);
  if (!match) return { kind: 'unresolved', problem: `\${${expression}} is not a reference to a resource or a remote-state output` };
  const [, data, type, name, attribute] = match;
  const address = `${data ? 'data.' : ''}${type}.${name}`;
  const resource = stack.view.get(address);
  if (!resource) return { kind: 'unresolved', problem: `${stack.id} has no ${address}` };
  return { kind: 'resource', stack, resource, attribute: attribute ?? '' };
}

/** How a synthesized value reaches AWS, for attributes that must point at a resource. */
export type ValueReading =
  | { readonly kind: 'resolved'; readonly resolution: Resolution & { kind: 'resource' } }
  | { readonly kind: 'literal-resolution'; readonly value: unknown }
  | { readonly kind: 'escaped'; readonly text: string }
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'unresolved'; readonly problem: string };

/** Reads a value that should be exactly one reference. */
export function readReference(app: SynthesizedApp, stack: SynthesizedStack, value: unknown): ValueReading {
  if (typeof value !== 'string' || !value.includes('${')) return { kind: 'literal', value };
  const cache = app.memo(`references\u0001${stack.id}`, () => new Map<string, ValueReading>());
  let reading = cache.get(value);
  if (!reading) cache.set(value, (reading = readUncached(app, stack, value)));
  return reading;
}

function readUncached(app: SynthesizedApp, stack: SynthesizedStack, value: string): ValueReading {
  const expression = soleExpression(value);
  if (!expression) return { kind: 'literal', value };
  if (expression.kind === 'escaped') return { kind: 'escaped', text: `\${${expression.expression}}` };
  const resolution = resolveExpression(app, stack, expression.expression);
  if (resolution.kind === 'resource') return { kind: 'resolved', resolution };
  if (resolution.kind === 'literal') return { kind: 'literal-resolution', value: resolution.value };
  return resolution;
}

/** Whether `value` is a reference (possibly through remote state) to `attribute` of `target`. */
export function refersTo(
  app: SynthesizedApp,
  stack: SynthesizedStack,
  value: unknown,
  target: { stack: SynthesizedStack; address: string },
  attribute?: string,
): boolean {
  const reading = readReference(app, stack, value);
  return (
    reading.kind === 'resolved' &&
    reading.resolution.stack.id === target.stack.id &&
    reading.resolution.resource.address === target.address &&
    (attribute === undefined || reading.resolution.attribute === attribute)
  );
}

/** A resource located in its stack. */
export interface Located {
  readonly stack: SynthesizedStack;
  readonly resource: TerraformResource;
}
