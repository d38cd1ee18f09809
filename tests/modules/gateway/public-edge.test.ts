import { exampleEnvironment } from '../../support/example-config';
import { synthEnvironment } from '../../support/environment-json';
import type { TerraformJson } from '../../support/synth-json';

const values = (json: TerraformJson, type: string) => Object.values(json.resource?.[type] ?? {});

describe('public edge (<env>-gateway)', () => {
  const gateway = synthEnvironment(exampleEnvironment('prod')).get('prod-gateway')!;
  const [distribution] = values(gateway, 'aws_cloudfront_distribution') as Record<string, any>[];

  it('serves the public hostname over HTTPS only, TLSv1.2_2021 or newer, with an us-east-1 certificate', () => {
    expect(distribution.aliases).toEqual(['api.example.com']);
    expect(distribution.default_cache_behavior.viewer_protocol_policy).toBe('https-only');
    expect(distribution.viewer_certificate).toMatchObject({ ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' });
    const certificates = Object.entries(gateway.resource!.aws_acm_certificate);
    const [, cloudFrontCertificate] = certificates.find(([, certificate]) => certificate.domain_name === 'api.example.com')!;
    expect(cloudFrontCertificate.provider).toBe('aws.us_east_1');
  });

  it('forwards to the regional domain over TLS 1.2 only, without caching and without the Host header', () => {
    const [origin] = distribution.origin;
    expect(origin.domain_name).toBe('origin.api.example.com');
    expect(origin.custom_origin_config).toMatchObject({ origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] });
    expect(distribution.default_cache_behavior.cache_policy_id).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(distribution.default_cache_behavior.origin_request_policy_id).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
  });

  it('sends the origin-verification header from one of two rotating Secrets Manager slots, never a literal', () => {
    const [origin] = distribution.origin;
    const versions = gateway.resource!.aws_secretsmanager_secret_version as Record<string, Record<string, any>>;
    const slotA = Object.keys(versions).find((name) => name.startsWith('PublicEdge_OriginVerification_Version_'))!;
    const slotB = Object.keys(versions).find((name) => name.startsWith('PublicEdge_OriginVerification_SlotBVersion_'))!;
    const period = Object.keys(gateway.locals as Record<string, unknown>).find((name) => name.startsWith('PublicEdge_OriginVerification_RotationPeriod_'))!;
    // Slot A in odd rotation periods, slot B in even ones.
    expect(origin.custom_header).toEqual([
      {
        name: 'x-origin-verify',
        value: `\${((local.${period} % 2) == 1) ? aws_secretsmanager_secret_version.${slotA}.secret_string : aws_secretsmanager_secret_version.${slotB}.secret_string}`,
      },
    ]);
    expect((gateway.locals as Record<string, unknown>)[period]).toBe(
      '${floor((parseint(formatdate("YYYY", plantimestamp()), 10) * 12 + parseint(formatdate("M", plantimestamp()), 10) - 1) / 1)}',
    );
    const triggers = gateway.resource!.terraform_data as Record<string, Record<string, any>>;
    const triggerOf = (slot: string) => Object.entries(triggers).find(([, trigger]) => trigger.input.slot === slot)!;
    expect(triggerOf('a')[1].input.changes).toBe(`\${floor(((local.${period} + 1) / 2))}`);
    expect(triggerOf('b')[1].input.changes).toBe(`\${floor((local.${period} / 2))}`);
    for (const [name, slot] of [
      [slotA, 'a'],
      [slotB, 'b'],
    ]) {
      expect(versions[name].secret_string).toMatch(/^\$\{data\.aws_secretsmanager_random_password\.[\w-]+\.random_password\}$/);
      expect(versions[name].lifecycle).toEqual({ ignore_changes: ['secret_string'], replace_triggered_by: [`terraform_data.${triggerOf(slot)[0]}`] });
    }
    const names = Object.values(gateway.resource!.aws_secretsmanager_secret as Record<string, Record<string, any>>).map((secret) => secret.name);
    expect(names.sort()).toEqual(['uag/prod/origin-verification', 'uag/prod/origin-verification-b']);
  });

  it('accepts both slots in the regional web ACL, which CloudFront waits for before it sends a rotated value', () => {
    const acls = values(gateway, 'aws_wafv2_web_acl') as Record<string, any>[];
    const regional = acls.find((acl) => acl.scope === 'REGIONAL')!;
    const referenced = [...JSON.stringify(regional.rule).matchAll(/aws_secretsmanager_secret_version\.([\w-]+)\.secret_string/g)].map((match) => match[1]);
    expect([...new Set(referenced)].sort()).toEqual(Object.keys(gateway.resource!.aws_secretsmanager_secret_version as Record<string, unknown>).sort());
    expect(distribution.depends_on).toEqual([expect.stringMatching(/^aws_wafv2_web_acl\.Perimeter_RegionalWebAcl_[0-9A-F]{8}$/)]);
  });

  it('sends HSTS (two years, subdomains, overriding the origin) and the API security headers on every response', () => {
    const [policy] = values(gateway, 'aws_cloudfront_response_headers_policy') as Record<string, any>[];
    expect(policy.name).toBe('prod-api-security-headers');
    expect(policy.security_headers_config).toEqual({
      strict_transport_security: { access_control_max_age_sec: 63072000, include_subdomains: true, preload: false, override: true },
      content_type_options: { override: true },
      frame_options: { frame_option: 'DENY', override: true },
      referrer_policy: { referrer_policy: 'no-referrer', override: true },
    });
    expect(distribution.default_cache_behavior.response_headers_policy_id).toMatch(
      /^\$\{aws_cloudfront_response_headers_policy\.PublicEdge_FrontDoor_SecurityHeaders_[0-9A-F]{8}\.id\}$/,
    );
  });

  it('is protected by the edge web ACL, logs to the configured bucket and has A and AAAA aliases', () => {
    expect(distribution.web_acl_id).toMatch(/aws_wafv2_web_acl\.[\w-]+\.arn/);
    expect(distribution.logging_config).toMatchObject({ bucket: 'example-uag-cloudfront-logs-prod.s3.amazonaws.com', include_cookies: false });
    const aliases = (values(gateway, 'aws_route53_record') as Record<string, any>[]).filter((record) => record.name === 'api.example.com');
    expect(aliases.map((record) => record.type).sort()).toEqual(['A', 'AAAA']);
    for (const record of aliases)
      expect(record.alias).toMatchObject({ zone_id: 'Z2FDTNDATAQYW2', name: expect.stringMatching(/aws_cloudfront_distribution\..*\.domain_name/) });
  });

  it('registers the distribution and the public zone with Shield Advanced in prod', () => {
    const protections = (values(gateway, 'aws_shield_protection') as Record<string, any>[]).map((protection) => protection.resource_arn);
    expect(protections).toEqual(
      expect.arrayContaining([expect.stringMatching(/aws_cloudfront_distribution\..*\.arn/), 'arn:aws:route53:::hostedzone/Z0PRD1234567890ABCDE']),
    );
  });

  it('uses a least-privilege account role for API Gateway logging, scoped to the API log groups', () => {
    const policies = Object.entries(gateway.data!.aws_iam_policy_document).filter(([name]) => name.includes('ApiGatewayAccount_WritePolicy'));
    expect(policies).toHaveLength(1);
    const statements = policies[0][1].statement as { actions: string[]; resources: string[] }[];
    for (const statement of statements) {
      for (const action of statement.actions) expect(action).not.toContain('*');
      for (const resource of statement.resources) expect(resource).toMatch(/:log-group:/);
    }
  });

  it('sets the account logging role only after its policy exists (API Gateway checks the role when it is set)', () => {
    expect(gateway.resource!.aws_api_gateway_account).toEqual({
      ApiGatewayAccount_18733FDF: expect.objectContaining({
        cloudwatch_role_arn: '${aws_iam_role.ApiGatewayAccount_CloudWatchRole_E972FF63.arn}',
        depends_on: ['aws_iam_role_policy.ApiGatewayAccount_CloudWatchPolicy_22C1E913'],
      }),
    });
  });

  it('has one dashboard with every API of the environment', () => {
    const [dashboard] = values(gateway, 'aws_cloudwatch_dashboard') as Record<string, any>[];
    const titles = JSON.parse(dashboard.dashboard_body).widgets.map((widget: { properties: { title: string } }) => widget.properties.title.split(':')[0]);
    expect([...new Set(titles)].sort()).toEqual(['prod-customers', 'prod-customers-internal', 'prod-ledger', 'prod-payments']);
  });
});

describe('telemetry exports', () => {
  it('streams API Gateway metrics to the APM endpoint through Firehose when configured (prod)', () => {
    const gateway = synthEnvironment(exampleEnvironment('prod')).get('prod-gateway')!;
    const [stream] = values(gateway, 'aws_cloudwatch_metric_stream') as Record<string, any>[];
    expect(stream.include_filter).toEqual([{ namespace: 'AWS/ApiGateway' }]);
    const [firehose] = values(gateway, 'aws_kinesis_firehose_delivery_stream') as Record<string, any>[];
    expect(firehose.http_endpoint_configuration).toMatchObject({
      url: 'https://apm.example.com/api/v2/metrics/ingest',
      secrets_manager_configuration: { enabled: true },
    });
  });

  it('keeps refused metric batches in a versioned, TLS-only bucket for 30 days, and trusts only this stream and account (prod)', () => {
    const gateway = synthEnvironment(exampleEnvironment('prod')).get('prod-gateway')!;
    const [lifecycle] = values(gateway, 'aws_s3_bucket_lifecycle_configuration') as Record<string, any>[];
    expect(lifecycle.rule).toEqual([
      {
        id: 'expire-failed-deliveries',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        expiration: [{ days: 30 }],
        noncurrent_version_expiration: [{ noncurrent_days: 7 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 1 }],
      },
    ]);
    expect((values(gateway, 'aws_s3_bucket_versioning') as Record<string, any>[]).map((entry) => entry.versioning_configuration)).toEqual([
      { status: 'Enabled' },
    ]);
    const documents = gateway.data!.aws_iam_policy_document as Record<string, Record<string, any>>;
    const named = (prefix: string) => Object.entries(documents).find(([name]) => name.startsWith(prefix))![1].statement;
    expect(named('Telemetry_MetricStream_FailedDeliveriesPolicy_')).toEqual([
      {
        sid: 'DenyInsecureTransport',
        effect: 'Deny',
        principals: [{ type: '*', identifiers: ['*'] }],
        actions: ['s3:*'],
        resources: [
          expect.stringMatching(/^\$\{aws_s3_bucket\.Telemetry_MetricStream_FailedDeliveries_[0-9A-F]{8}\.arn\}$/),
          expect.stringMatching(/\.arn\}\/\*$/),
        ],
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      },
    ]);
    expect(named('Telemetry_MetricStream_FirehoseTrust_')[0].condition).toEqual([
      { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['444455558888'] },
      { test: 'ArnLike', variable: 'aws:SourceArn', values: ['arn:aws:firehose:ap-southeast-1:444455558888:deliverystream/prod-api-metrics'] },
    ]);
    expect(named('Telemetry_MetricStream_StreamTrust_')[0].condition).toEqual([
      { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['444455558888'] },
      { test: 'ArnLike', variable: 'aws:SourceArn', values: ['arn:aws:cloudwatch:ap-southeast-1:444455558888:metric-stream/prod-api-metrics'] },
    ]);
  });

  it('subscribes authorizer and access logs to the SIEM stream when configured (prod)', () => {
    const stacks = synthEnvironment(exampleEnvironment('prod'));
    const filters = [...stacks.values()].flatMap((json) => values(json, 'aws_cloudwatch_log_subscription_filter')) as Record<string, any>[];
    expect(filters.length).toBe(1 + 4);
    for (const filter of filters) expect(filter.destination_arn).toBe('arn:aws:firehose:ap-southeast-1:444455558888:deliverystream/siem-api-logs-prod');
  });

  it('exports nothing where the environment does not ask for it (dev)', () => {
    const gateway = synthEnvironment(exampleEnvironment('dev')).get('dev-gateway')!;
    expect(gateway.resource!.aws_cloudwatch_metric_stream).toBeUndefined();
    expect(gateway.resource!.aws_cloudwatch_log_subscription_filter).toBeUndefined();
  });
});
