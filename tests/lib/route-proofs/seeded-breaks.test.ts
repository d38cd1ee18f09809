import { proveRoutes, type BrokenHop } from '../../../lib/route-proofs';
import { appFrom, resourceNamed, synthesizeExampleJson, type StackJson } from './synthesized-output';

/**
 * Acceptance 3: each test breaks ONE hop in a copy of the synthesized example (deploy mode, synthesized once for
 * the file) and asserts that the route proof stops at exactly that hop: hop name, stack, address and attribute.
 */
const example = synthesizeExampleJson();

type Stacks = Map<string, StackJson>;

function brokenHop(
  stacks: Stacks,
  environment: string,
  service: string,
  method: string,
  path: string,
  visibility: 'public' | 'private',
): BrokenHop | undefined {
  const proof = proveRoutes(appFrom(example, stacks), [environment]).find(
    (candidate) => candidate.service === service && candidate.method === method && candidate.path === path && candidate.visibility === visibility,
  );
  if (!proof) throw new Error(`no route ${environment} ${service} ${method} ${path} (${visibility})`);
  return proof.broken;
}

/** Edits the parsed REST API body of the one API of `visibility` in an API stack. */
function editBody(stacks: Stacks, stack: string, visibility: 'Public' | 'Private', edit: (body: Record<string, any>) => void): string {
  const api = resourceNamed(stacks, stack, 'aws_api_gateway_rest_api', `Api_${visibility}_`);
  const body = JSON.parse(String(api.values.body)) as Record<string, any>;
  edit(body);
  api.values.body = JSON.stringify(body);
  return `aws_api_gateway_rest_api.${api.name}`;
}

const AUTHORIZER = 'body: components.securitySchemes.gatewayAuthorizer.x-amazon-apigateway-authorizer';
const authorizerOf = (body: Record<string, any>) =>
  body.components.securitySchemes.gatewayAuthorizer['x-amazon-apigateway-authorizer'] as Record<string, string>;
const stageOf = (stacks: Stacks, stack: string, visibility: 'Public' | 'Private') =>
  resourceNamed(stacks, stack, 'aws_api_gateway_stage', `Api_${visibility}_Stage_`);

describe('the unbroken copy', () => {
  it('proves the routes the seeded breaks start from', () => {
    const stacks = example.copy();
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toBeUndefined();
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toBeUndefined();
    expect(brokenHop(stacks, 'prod', 'payments', 'GET', '/payments', 'public')).toBeUndefined();
  });
});

describe('a break in the REST API fails the route at that hop', () => {
  it('fails at authorizer when authorizerUri is an escaped reference', () => {
    const stacks = example.copy();
    const address = editBody(stacks, 'dev-api-payments', 'Public', (body) => {
      const authorizer = authorizerOf(body);
      authorizer.authorizerUri = `$${authorizer.authorizerUri}`;
    });
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'authorizer',
      stack: 'dev-api-payments',
      address,
      attribute: `${AUTHORIZER}.authorizerUri`,
    });
  });

  it('fails at authorizer when authorizerCredentials is a literal ARN (an offline stand-in)', () => {
    const stacks = example.copy();
    const address = editBody(stacks, 'dev-api-ledger', 'Private', (body) => {
      authorizerOf(body).authorizerCredentials = 'arn:aws:iam::444455556666:role/dev-authorizer-invoke';
    });
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'authorizer',
      stack: 'dev-api-ledger',
      address,
      attribute: `${AUTHORIZER}.authorizerCredentials`,
    });
  });

  it('fails at authorizer-role when the invoke role does not trust API Gateway', () => {
    const stacks = example.copy();
    const trust = Object.entries(stacks.get('dev-gateway')!.data!.aws_iam_policy_document!).find(([name]) => name.startsWith('Authorizer_InvokeTrustPolicy_'))!;
    (trust[1].statement as { principals: { identifiers: string[] }[] }[])[0]!.principals[0]!.identifiers = ['lambda.amazonaws.com'];
    const role = resourceNamed(stacks, 'dev-gateway', 'aws_iam_role', 'Authorizer_InvokeRole_');
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'authorizer-role',
      stack: 'dev-gateway',
      address: `aws_iam_role.${role.name}`,
      attribute: 'assume_role_policy',
    });
  });

  it('fails at integration-scheme when a TCP backend is called with https://', () => {
    const stacks = example.copy();
    const address = editBody(stacks, 'dev-api-ledger', 'Private', (body) => {
      const integration = body.paths['/entries'].get['x-amazon-apigateway-integration'];
      integration.uri = String(integration.uri).replace(/^http:/, 'https:');
    });
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'integration-scheme',
      stack: 'dev-api-ledger',
      address,
      attribute: 'body: paths./entries.get.x-amazon-apigateway-integration.uri',
    });
  });

  it('fails at integration-host when a TLS backend is called by the NLB DNS name instead of its server name', () => {
    const stacks = example.copy();
    const stage = stageOf(stacks, 'dev-api-payments', 'Public');
    const output = Object.keys(stacks.get('dev-gateway')!.output!).find((name) => name.includes('aws_lbNetwork_PrivateIntegrations_Nlb-shared'))!;
    (stage.values.variables as Record<string, string>).backendHost =
      `\${data.terraform_remote_state.cross-stack-reference-input-dev-gateway.outputs.${output}}:8443`;
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'integration-host',
      stack: 'dev-api-payments',
      address: `aws_api_gateway_rest_api.${resourceNamed(stacks, 'dev-api-payments', 'aws_api_gateway_rest_api', 'Api_Public_').name}`,
      attribute: 'body: paths./payments.get.x-amazon-apigateway-integration.uri (host)',
    });
  });

  it('fails at integration-host when the TLS listener declares no server name', () => {
    const stacks = example.copy();
    const listener = resourceNamed(stacks, 'dev-gateway', 'aws_lb_listener', 'Network_PrivateIntegrations_Backend-payments_');
    delete (listener.values.tags as Record<string, string>)['uag:tls-server-name'];
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'integration-host',
      stack: 'dev-gateway',
      address: `aws_lb_listener.${listener.name}`,
      attribute: 'tags["uag:tls-server-name"]',
    });
  });

  it('fails at integration-port when the URI port is not the listener port', () => {
    const stacks = example.copy();
    const variables = stageOf(stacks, 'dev-api-payments', 'Public').values.variables as Record<string, string>;
    variables.backendHost = variables.backendHost!.replace(/:8443$/, ':9443');
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'integration-port',
      stack: 'dev-api-payments',
      address: `aws_api_gateway_rest_api.${resourceNamed(stacks, 'dev-api-payments', 'aws_api_gateway_rest_api', 'Api_Public_').name}`,
      attribute: 'body: paths./payments.get.x-amazon-apigateway-integration.uri (port)',
    });
  });

  it('fails at vpc-link when the integration uses the VPC link of another service', () => {
    const stacks = example.copy();
    editBody(stacks, 'prod-api-payments', 'Public', (body) => {
      body.paths['/payments'].get['x-amazon-apigateway-integration'].connectionId =
        '${data.terraform_remote_state.cross-stack-reference-input-prod-gateway.outputs.vpc_link_id_ledger}';
    });
    const ledgerLink = resourceNamed(stacks, 'prod-gateway', 'aws_api_gateway_vpc_link', 'Network_PrivateIntegrations_VpcLink-ledger_');
    expect(brokenHop(stacks, 'prod', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'vpc-link',
      stack: 'prod-gateway',
      address: `aws_api_gateway_vpc_link.${ledgerLink.name}`,
      attribute: 'target_arns',
    });
  });

  it('fails at integration when connectionId is a literal (an offline stand-in)', () => {
    const stacks = example.copy();
    const address = editBody(stacks, 'dev-api-payments', 'Public', (body) => {
      body.paths['/payments'].get['x-amazon-apigateway-integration'].connectionId = 'a1b2c3d4e5';
    });
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'integration',
      stack: 'dev-api-payments',
      address,
      attribute: 'body: paths./payments.get.x-amazon-apigateway-integration.connectionId',
    });
  });
});

describe('a break between the NLB and the backend fails the route at that hop', () => {
  it('fails at targets when a target is outside every spoke VPC', () => {
    const stacks = example.copy();
    const target = resourceNamed(stacks, 'dev-gateway', 'aws_lb_target_group_attachment', 'Network_PrivateIntegrations_Backend-payments_Target-');
    target.values.target_id = '10.250.1.10';
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'targets',
      stack: 'dev-gateway',
      address: `aws_lb_target_group_attachment.${target.name}`,
      attribute: 'target_id',
    });
  });

  it('fails at targets when a cross-VPC target is registered in one availability zone', () => {
    const stacks = example.copy();
    const target = resourceNamed(stacks, 'dev-gateway', 'aws_lb_target_group_attachment', 'Network_PrivateIntegrations_Backend-ledger_Target-');
    target.values.availability_zone = 'ap-southeast-1a';
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'targets',
      stack: 'dev-gateway',
      address: `aws_lb_target_group_attachment.${target.name}`,
      attribute: 'availability_zone',
    });
  });

  it('fails at gateway-subnet-routes when a gateway subnet has no route to the spoke', () => {
    const stacks = example.copy();
    const route = resourceNamed(stacks, 'dev-gateway', 'aws_route', 'Network_TransitGatewayAttachment_Route-1-1010100--16_');
    delete stacks.get('dev-gateway')!.resource.aws_route![route.name];
    const table = resourceNamed(stacks, 'dev-gateway', 'aws_route_table', 'Network_Vpc_PrivateRoutes-ap-southeast-1b_');
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'gateway-subnet-routes',
      stack: 'dev-gateway',
      address: `aws_route_table.${table.name}`,
      attribute: 'aws_route.destination_cidr_block',
    });
  });

  it('fails at tgw-propagation-to-gateway when the spoke attachment does not propagate to the gateway route table', () => {
    const stacks = example.copy();
    const propagation = resourceNamed(
      stacks,
      'dev-spoke-555566666666',
      'aws_ec2_transit_gateway_route_table_propagation',
      'Backend-vpc-0c1b2c3d4e5f60001_Attachment_Propagation-gateway_',
    );
    delete stacks.get('dev-spoke-555566666666')!.resource.aws_ec2_transit_gateway_route_table_propagation![propagation.name];
    const attachment = resourceNamed(stacks, 'dev-spoke-555566666666', 'aws_ec2_transit_gateway_vpc_attachment', 'Backend-vpc-0c1b2c3d4e5f60001_Attachment_');
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'tgw-propagation-to-gateway',
      stack: 'dev-spoke-555566666666',
      address: `aws_ec2_transit_gateway_vpc_attachment.${attachment.name}`,
      attribute: 'aws_ec2_transit_gateway_route_table_propagation',
    });
  });

  it('fails at tgw-propagation-to-spoke when the gateway attachment does not propagate to the backends route table', () => {
    const stacks = example.copy();
    const propagation = resourceNamed(
      stacks,
      'prod-gateway',
      'aws_ec2_transit_gateway_route_table_propagation',
      'Network_TransitGatewayAttachment_Propagation-backends_',
    );
    delete stacks.get('prod-gateway')!.resource.aws_ec2_transit_gateway_route_table_propagation![propagation.name];
    const attachment = resourceNamed(stacks, 'prod-gateway', 'aws_ec2_transit_gateway_vpc_attachment', 'Network_TransitGatewayAttachment_');
    expect(brokenHop(stacks, 'prod', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'tgw-propagation-to-spoke',
      stack: 'prod-gateway',
      address: `aws_ec2_transit_gateway_vpc_attachment.${attachment.name}`,
      attribute: 'aws_ec2_transit_gateway_route_table_propagation',
    });
  });

  it('fails at spoke-routes when the spoke does not route the gateway CIDR back', () => {
    const stacks = example.copy();
    const spoke = stacks.get('dev-spoke-666677776666')!;
    delete spoke.resource.aws_route;
    const attachment = resourceNamed(stacks, 'dev-spoke-666677776666', 'aws_ec2_transit_gateway_vpc_attachment', 'Backend-vpc-0c1b2c3d4e5f60002_Attachment_');
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'spoke-routes',
      stack: 'dev-spoke-666677776666',
      address: `aws_ec2_transit_gateway_vpc_attachment.${attachment.name}`,
      attribute: 'aws_route.destination_cidr_block',
    });
  });

  it('fails at nlb-security-group when the NLB does not admit the gateway VPC on the listener port', () => {
    const stacks = example.copy();
    const ingress = resourceNamed(stacks, 'dev-gateway', 'aws_vpc_security_group_ingress_rule', 'Network_PrivateIntegrations_Nlb-shared_Ingress-8443_');
    ingress.values.cidr_ipv4 = '10.200.0.0/20';
    const group = resourceNamed(stacks, 'dev-gateway', 'aws_security_group', 'Network_PrivateIntegrations_Nlb-shared_SecurityGroup_');
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'nlb-security-group',
      stack: 'dev-gateway',
      address: `aws_security_group.${group.name}`,
      attribute: 'aws_vpc_security_group_ingress_rule',
    });
  });
});

describe('a break in front of a public API fails the route at that hop', () => {
  it('fails at cloudfront when the origin host is not the regional custom domain', () => {
    const stacks = example.copy();
    const distribution = resourceNamed(stacks, 'dev-gateway', 'aws_cloudfront_distribution', 'PublicEdge_FrontDoor_');
    (distribution.values.origin as { domain_name: string }[])[0]!.domain_name = 'origin-old.api.dev.example.com';
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'cloudfront',
      stack: 'dev-gateway',
      address: `aws_cloudfront_distribution.${distribution.name}`,
      attribute: 'origin.domain_name',
    });
  });

  it('proves an ANY method (x-amazon-apigateway-any-method) when CloudFront forwards every method, and fails it when one is missing', () => {
    const stacks = example.copy();
    editBody(stacks, 'dev-api-payments', 'Public', (body) => {
      body.paths['/payments']['x-amazon-apigateway-any-method'] = { ...body.paths['/payments'].get, operationId: 'anyPayments' };
    });
    expect(brokenHop(stacks, 'dev', 'payments', 'ANY', '/payments', 'public')).toBeUndefined();
    const distribution = resourceNamed(stacks, 'dev-gateway', 'aws_cloudfront_distribution', 'PublicEdge_FrontDoor_');
    const behavior = distribution.values.default_cache_behavior as { allowed_methods: string[] };
    behavior.allowed_methods = behavior.allowed_methods.filter((method) => method !== 'PATCH');
    expect(brokenHop(stacks, 'dev', 'payments', 'ANY', '/payments', 'public')).toMatchObject({
      name: 'cloudfront',
      address: `aws_cloudfront_distribution.${distribution.name}`,
      attribute: 'default_cache_behavior.allowed_methods',
    });
  });

  it('fails at cloudfront when the origin sends no x-origin-verify header', () => {
    const stacks = example.copy();
    const distribution = resourceNamed(stacks, 'dev-gateway', 'aws_cloudfront_distribution', 'PublicEdge_FrontDoor_');
    delete (distribution.values.origin as Record<string, unknown>[])[0]!.custom_header;
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'cloudfront',
      stack: 'dev-gateway',
      address: `aws_cloudfront_distribution.${distribution.name}`,
      attribute: 'origin.custom_header',
    });
  });

  it('fails at api-mapping when the mapping names a stage the API does not have', () => {
    const stacks = example.copy();
    const mapping = resourceNamed(stacks, 'dev-api-payments', 'aws_apigatewayv2_api_mapping', 'Api_PublicMapping_');
    mapping.values.stage = 'v2';
    expect(brokenHop(stacks, 'dev', 'payments', 'GET', '/payments', 'public')).toMatchObject({
      name: 'api-mapping',
      stack: 'dev-api-payments',
      address: `aws_apigatewayv2_api_mapping.${mapping.name}`,
      attribute: 'stage',
    });
  });
});

describe('a break in front of a private API fails the route at that hop', () => {
  it('fails at consumer-dns when the consumer zone has no record for the private domain', () => {
    const stacks = example.copy();
    delete stacks.get('dev-spoke-777788886666')!.resource.aws_route53_record;
    const endpoint = resourceNamed(stacks, 'dev-gateway', 'aws_vpc_endpoint', 'PrivateDomain_Endpoint-retail-app_');
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'consumer-dns',
      stack: 'dev-gateway',
      address: `aws_vpc_endpoint.${endpoint.name}`,
      attribute: 'aws_route53_record.alias',
    });
  });

  it('fails at access-association when the endpoint is not associated with the private domain', () => {
    const stacks = example.copy();
    delete stacks.get('dev-spoke-777788886666')!.resource.aws_api_gateway_domain_name_access_association;
    const endpoint = resourceNamed(stacks, 'dev-gateway', 'aws_vpc_endpoint', 'PrivateDomain_Endpoint-retail-app_');
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'access-association',
      stack: 'dev-gateway',
      address: `aws_vpc_endpoint.${endpoint.name}`,
      attribute: 'aws_api_gateway_domain_name_access_association',
    });
  });

  it('fails at private-domain-policy when the domain policy leaves out the endpoint', () => {
    const stacks = example.copy();
    const policy = Object.entries(stacks.get('dev-gateway')!.data!.aws_iam_policy_document!).find(([name]) => name.startsWith('PrivateDomain_Policy_'))!;
    for (const statement of policy[1].statement as { condition: { values: string[] }[] }[]) statement.condition[0]!.values = ['vpce-0123456789abcdef0'];
    const domain = resourceNamed(stacks, 'dev-gateway', 'aws_api_gateway_domain_name', 'PrivateDomain_');
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'private-domain-policy',
      stack: 'dev-gateway',
      address: `aws_api_gateway_domain_name.${domain.name}`,
      attribute: 'policy',
    });
  });

  it('fails at base-path-mapping when the mapping names a missing stage', () => {
    const stacks = example.copy();
    const mapping = resourceNamed(stacks, 'dev-api-ledger', 'aws_api_gateway_base_path_mapping', 'PrivateMapping_');
    mapping.values.stage_name = 'missing';
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'base-path-mapping',
      stack: 'dev-api-ledger',
      address: `aws_api_gateway_base_path_mapping.${mapping.name}`,
      attribute: 'stage_name',
    });
  });

  it('fails at private-api-policy when the API policy denies the endpoint it allows', () => {
    const stacks = example.copy();
    const policy = Object.entries(stacks.get('dev-api-ledger')!.data!.aws_iam_policy_document!)[0]!;
    const deny = (policy[1].statement as { effect: string; condition: { values: string[] }[] }[]).find((statement) => statement.effect === 'Deny')!;
    deny.condition[0]!.values = ['vpce-0123456789abcdef0'];
    const api = resourceNamed(stacks, 'dev-api-ledger', 'aws_api_gateway_rest_api', 'Api_Private_');
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'private-api-policy',
      stack: 'dev-api-ledger',
      address: `aws_api_gateway_rest_api.${api.name}`,
      attribute: 'policy',
    });
  });

  it('fails at private-api-policy when the API policy admits no endpoint at all', () => {
    const stacks = example.copy();
    const policy = Object.entries(stacks.get('dev-api-ledger')!.data!.aws_iam_policy_document!)[0]!;
    for (const statement of policy[1].statement as { condition: { values: string[] }[] }[]) statement.condition[0]!.values = ['vpce-0123456789abcdef0'];
    const api = resourceNamed(stacks, 'dev-api-ledger', 'aws_api_gateway_rest_api', 'Api_Private_');
    expect(brokenHop(stacks, 'dev', 'ledger', 'GET', '/entries', 'private')).toMatchObject({
      name: 'private-api-policy',
      stack: 'dev-api-ledger',
      address: `aws_api_gateway_rest_api.${api.name}`,
      attribute: 'policy',
    });
  });
});
