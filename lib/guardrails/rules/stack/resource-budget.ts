import { compliantIf, STACK_ADDRESS, type StackRule } from '../../rule';

export const resourceBudget: StackRule = {
  id: 'UAG-STACK-001',
  kind: 'stack',
  severity: 'error',
  what: 'A stack stays within the resource-count budget (guardrails.maxResourcesPerStack, default 500).',
  why:
    'Every plan refreshes every resource of a stack: a large stack makes merge-request plans slow, hits API rate limits, and ' +
    'widens the blast radius of a bad apply or a corrupted state. Growing past the budget is the signal to split the stack.',
  fix: 'Split the stack (e.g. move per-service resources to their own api-<service> stack) or, after review, raise guardrails.maxResourcesPerStack.',
  check: (stack, context) => [
    {
      address: STACK_ADDRESS,
      result: compliantIf(
        stack.managedResourceCount <= context.maxResourcesPerStack,
        `${stack.managedResourceCount} resources, budget ${context.maxResourcesPerStack}`,
      ),
    },
  ],
};
