import { COMPLIANT, nonCompliant, STACK_ADDRESS, type AddressedResult, type StackRule } from '../../rule';

/**
 * `$${` is Terraform's escape for a literal `${`. Followed by a Terraform address (`data.`, `aws_`, `var.`,
 * `local.`, `module.`) it is a reference someone meant Terraform to substitute, and AWS receives its text instead.
 * API Gateway variables (`$${stageVariables.x}`, `$${context.x}`, `$${request.x}`) are the legitimate escapes.
 */
const ESCAPED_REFERENCE = /\$\$\{\s*(?:data\.|aws_|var\.|local\.|module\.)[^}]*\}?/g;

/** Paths and the escaped text of every escaped reference under `value`, strings inside JSON strings included. */
function escapedReferences(value: unknown, at: string, found: string[]): void {
  if (typeof value === 'string') {
    for (const match of value.matchAll(ESCAPED_REFERENCE)) found.push(`${at}: ${match[0].length > 120 ? `${match[0].slice(0, 117)}...` : match[0]}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => escapedReferences(item, `${at}[${index}]`, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) if (key !== '//') escapedReferences(item, at ? `${at}.${key}` : key, found);
  }
}

export const noEscapedReferences: StackRule = {
  id: 'UAG-STACK-003',
  kind: 'stack',
  severity: 'error',
  what: 'No Terraform reference is escaped ($${data.…}, $${aws_…}, $${var.…}, $${local.…}, $${module.…}) anywhere in a stack.',
  why:
    'Terraform turns $${ into a literal ${, so an escaped reference reaches AWS as its own text: an API Gateway authorizer whose ' +
    'authorizerUri is the string "${data.terraform_remote_state…invoke_arn}" plans and validates cleanly, and every request then fails ' +
    'authorization. Offline plans substitute literal stand-ins for cross-stack values, so nothing else catches it. Only API Gateway ' +
    'variables (${stageVariables.*}, ${context.*}, ${request.*}) are meant to be escaped; references must stay unescaped.',
  fix: 'Emit the cdktf token unescaped (in an OpenAPI body: escape only API Gateway variables, see modules/gateway/openapi-body.ts).',
  check: (stack) => {
    const results: AddressedResult[] = [];
    for (const resource of stack.resources) {
      const found: string[] = [];
      escapedReferences(resource.values, '', found);
      if (found.length > 0) results.push({ address: resource.address, result: nonCompliant(`escaped reference in ${found.join('; ')}`) });
    }
    const outputs = (stack.json as { output?: Record<string, unknown> }).output ?? {};
    for (const [name, output] of Object.entries(outputs)) {
      const found: string[] = [];
      escapedReferences(output, '', found);
      if (found.length > 0) results.push({ address: `output.${name}`, result: nonCompliant(`escaped reference in ${found.join('; ')}`) });
    }
    if (results.length === 0) results.push({ address: STACK_ADDRESS, result: COMPLIANT });
    return results;
  },
};
