import { compliantIf, type ResourceRule } from '../../rule';
import { block, isTrueOrReference, show } from '../../values';

export const vpcLinkCreateFirst: ResourceRule = {
  id: 'UAG-REPL-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_vpc_link'],
  what: 'REST API VPC links are replaced create-before-destroy.',
  why:
    'A new load balancer replaces its VPC link. Deleted first, the link goes while every integration of the api-* stacks ' +
    'still uses it: API Gateway refuses, or the APIs lose their backend. Created first, the new link exists before anything ' +
    'is deleted, and the plan report says how to move the API stacks and retire the old link (docs/operations.md).',
  fix: 'Set lifecycle { create_before_destroy = true } on the aws_api_gateway_vpc_link.',
  check: ({ values }) =>
    compliantIf(
      isTrueOrReference(block(values.lifecycle)?.create_before_destroy),
      `lifecycle.create_before_destroy is ${show(block(values.lifecycle)?.create_before_destroy)}`,
    ),
};
