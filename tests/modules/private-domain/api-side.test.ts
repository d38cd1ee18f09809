import { exampleEnvironment } from '../../support/example-config';
import { synthEnvironment } from '../../support/environment-json';
import { byPath, dataByPath, only } from './support';

/** `<env>-api-<service>` of a private or "both" service: mapping on the private domain and the endpoint-based policy. */

const stacks = synthEnvironment(exampleEnvironment('prod'));
const endpointOutput = (consumer: string) =>
  new RegExp(
    `^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-prod-gateway\\.outputs\\.cross-stack-output-aws_vpc_endpointPrivateDomain_Endpoint-${consumer}_\\w+id\\}$`,
  );

function privatePolicy(stackId: string): { effect: string; condition: { test: string; variable: string; values: string[] }[] }[] {
  return dataByPath(stacks.get(stackId)!, 'aws_iam_policy_document').get(`${stackId}/Api/PrivatePolicy/Resource`)!.statement as never;
}

describe('private API resource policy', () => {
  it('admits exactly the endpoints of the consumers granted the service', () => {
    const [allow, deny] = privatePolicy('prod-api-ledger');
    expect(allow!.condition).toEqual([{ test: 'StringEquals', variable: 'aws:SourceVpce', values: [expect.stringMatching(endpointOutput('retail-app'))] }]);
    expect(deny!.condition[0]!.values).toEqual(allow!.condition[0]!.values);
    const [customers] = privatePolicy('prod-api-customers');
    expect(customers!.condition[0]!.values).toEqual([
      expect.stringMatching(endpointOutput('partner-hub')),
      expect.stringMatching(endpointOutput('retail-app')),
    ]);
  });

  it('is redeployed when the policy changes: the deployment trigger hashes the API policy', () => {
    const api = stacks.get('prod-api-ledger')!;
    const restApi = Object.entries(api.resource!.aws_api_gateway_rest_api!).find(
      ([, body]) => (body.endpoint_configuration as { types: string[] }).types[0] === 'PRIVATE',
    )!;
    expect(restApi[1].policy).toMatch(/^\$\{data\.aws_iam_policy_document\..+\.json\}$/);
    const deployment = only(byPath(api, 'aws_api_gateway_deployment'), 'deployment');
    const source = (deployment.triggers as { redeployment: string }).redeployment.match(/^\$\{sha1\(jsonencode\(local\.([\w-]+)\)\)\}$/)![1]!;
    expect((api.locals as Record<string, unknown>)[source]).toEqual([restApi[1].body, restApi[1].policy]);
  });
});

describe('base path mapping on the private domain', () => {
  it('maps the private API stage under the single-segment base path, naming the domain by domain_name_id', () => {
    const api = stacks.get('prod-api-ledger')!;
    const mapping = only(byPath(api, 'aws_api_gateway_base_path_mapping'), 'mapping');
    expect(mapping).toMatchObject({
      domain_name: 'api.internal.example.com',
      base_path: 'ledger',
      domain_name_id: expect.stringMatching(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-prod-gateway\.outputs\.cross-stack-output-aws_api_gateway_domain_namePrivateDomain_\w+domain_name_id\}$/,
      ),
    });
    expect(mapping.api_id).toMatch(/^\$\{aws_api_gateway_rest_api\.Api_Private_\w+\.id\}$/);
    expect(mapping.stage_name).toMatch(/^\$\{aws_api_gateway_stage\.Api_Private_Stage_\w+\.stage_name\}$/);
  });

  it('maps the internal twin of a "both" service, and nothing for a public service', () => {
    expect(only(byPath(stacks.get('prod-api-customers')!, 'aws_api_gateway_base_path_mapping'), 'mapping')).toMatchObject({ base_path: 'customers' });
    expect(stacks.get('prod-api-payments')!.resource?.aws_api_gateway_base_path_mapping).toBeUndefined();
  });
});
