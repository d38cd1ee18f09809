import { vpcLinkIntegration } from '../../../lib/onboarding/gateway-extensions';

describe('vpcLinkIntegration', () => {
  it('maps a greedy {proxy+} segment by the name API Gateway gives it (proxy) and an ANY method to httpMethod ANY', () => {
    expect(vpcLinkIntegration('/files/{proxy+}', 'x-amazon-apigateway-any-method', 'TLS')).toEqual({
      type: 'http_proxy',
      httpMethod: 'ANY',
      connectionType: 'VPC_LINK',
      connectionId: '${vpc_link_id}',
      uri: 'https://${stageVariables.backendHost}/files/{proxy+}',
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      passthroughBehavior: 'when_no_match',
    });
  });
});
