import { z } from 'zod';
import { GUARDRAIL_RULE_IDS } from '../../guardrails/rule-ids';

/**
 * `guardrails` in `environments/<env>.yaml`: the knobs of the guardrail pack that runs on every synth
 * (docs/guardrails.md lists the rules) and the reviewed exceptions to it.
 */

export const DEFAULT_MAX_RESOURCES_PER_STACK = 500;

const ruleId = z
  .enum(GUARDRAIL_RULE_IDS as unknown as [string, ...string[]], {
    error: (issue) => `unknown guardrail rule "${String(issue.input)}"; docs/guardrails.md lists the rule ids`,
  })
  .meta({ description: 'Id of the rule, e.g. UAG-APIGW-006 (docs/guardrails.md).' });

const resourceAddress = z
  .string()
  .regex(/^((data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][\w-]*|provider\.[a-z][a-z0-9_]*(\.[A-Za-z_][\w-]*)?|\(stack\))$/, {
    error: (issue) =>
      `must be a Terraform address as printed in the finding (aws_lambda_function.authorizer, data.aws_iam_policy_document.invoke, provider.aws.us_east_1 or (stack)), got "${String(issue.input)}"`,
  })
  .meta({ description: 'Address exactly as the finding prints it.', examples: ['aws_api_gateway_rest_api.api'] });

const GuardrailSuppression = z
  .strictObject({
    rule: ruleId,
    resource: resourceAddress,
    stack: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, { error: (issue) => `must be a stack id such as prod-gateway, got "${String(issue.input)}"` })
      .optional()
      .meta({ description: 'Stack id the finding names; the address in every stack of the environment when absent.', examples: ['prod-api-payments'] }),
    reason: z
      .string()
      .trim()
      .min(20, { error: 'must explain in at least 20 characters why the finding is accepted, who accepted it and until when' })
      .meta({ description: 'Why the risk is accepted, who accepted it, until when. Printed on every synth.' }),
  })
  .meta({ description: 'A reviewed exception: one rule on one resource.' });

export const GuardrailsSchema = z
  .strictObject({
    production: z
      .boolean()
      .optional()
      .meta({ description: 'Apply production-only rules (deletion protection, FMS remediation). Default: true for an environment named prod or prod-*.' }),
    requiredTags: z
      .array(z.string().regex(/^[\w.:/=+@ -]{1,128}$/, { error: 'must be an AWS tag key' }))
      .default([])
      .meta({ description: 'Tags every resource must carry in addition to Environment, Stack, ManagedBy, Repository and Owner.', examples: [['CostCenter']] }),
    maxResourcesPerStack: z
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(DEFAULT_MAX_RESOURCES_PER_STACK)
      .meta({ description: 'Resource-count budget per stack; larger stacks plan slowly and fail in larger blast radii.' }),
    suppressions: z.array(GuardrailSuppression).default([]),
  })
  .prefault({})
  .meta({ description: 'Guardrail pack settings and reviewed suppressions (docs/guardrails.md).' });

export type GuardrailsSettings = z.output<typeof GuardrailsSchema>;
export type GuardrailSuppression = z.output<typeof GuardrailSuppression>;
