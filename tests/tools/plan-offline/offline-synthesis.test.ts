import { synthEnvironment } from '../../support/environment-json';
import { exampleEnvironment } from '../../support/example-config';

interface ProviderBlock {
  alias?: string;
  assume_role?: unknown;
  allowed_account_ids?: string[];
  access_key?: string;
  secret_key?: string;
  skip_credentials_validation?: boolean;
  skip_requesting_account_id?: boolean;
  skip_metadata_api_check?: string;
  skip_region_validation?: boolean;
  default_tags?: { tags: Record<string, string> }[];
}
interface StackJson {
  provider: { aws: ProviderBlock[] };
  terraform: { backend: Record<string, Record<string, unknown>> };
}

/** dev-gateway as `synthesize({ offline })` writes it (the run's shared synthesis of the example). */
function synthGateway(offline: boolean): StackJson {
  return synthEnvironment(exampleEnvironment('dev'), { offline }).get('dev-gateway') as unknown as StackJson;
}

describe('offline synthesis mode', () => {
  const offline = synthGateway(true);
  const deploy = synthGateway(false);

  it('uses a local backend with the same relative path in every stack', () => {
    expect(offline.terraform.backend).toEqual({ local: { path: 'terraform.tfstate' } });
  });

  it('gives every provider dummy credentials, skips every start-up call and assumes no role', () => {
    expect(offline.provider.aws.map((provider) => provider.alias)).toEqual(expect.arrayContaining([undefined, 'us_east_1']));
    for (const provider of offline.provider.aws) {
      expect(provider.assume_role).toBeUndefined();
      expect(provider.allowed_account_ids).toBeUndefined();
      expect(provider).toMatchObject({
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: 'true',
        skip_region_validation: true,
      });
      expect(provider.access_key).toMatch(/offline/);
      expect(provider.default_tags?.[0].tags.Stack).toBe('dev-gateway');
    }
  });

  it('leaves deploy mode on the S3 backend with role assumption and the account guard', () => {
    expect(Object.keys(deploy.terraform.backend)).toEqual(['s3']);
    expect(deploy.terraform.backend.s3).toMatchObject({ key: 'uag/dev/dev-gateway.tfstate', use_lockfile: true, encrypt: true });
    const own = deploy.provider.aws.filter((provider) => provider.alias === undefined || provider.alias === 'us_east_1');
    expect(own).toHaveLength(2);
    for (const provider of own) {
      expect(provider.allowed_account_ids).toEqual(['444455556666']);
      expect(provider.assume_role).toEqual([{ role_arn: 'arn:aws:iam::444455556666:role/uag-deployer', session_name: 'uag-dev-gateway' }]);
    }
    // Providers into other accounts (e.g. the network hub) are guarded the same way, each to its own account.
    for (const provider of deploy.provider.aws) {
      expect(provider.allowed_account_ids).toHaveLength(1);
      expect((provider.assume_role as { role_arn: string }[])[0].role_arn).toBe(`arn:aws:iam::${provider.allowed_account_ids?.[0]}:role/uag-deployer`);
      expect(provider.access_key).toBeUndefined();
      expect(provider.skip_credentials_validation).toBeUndefined();
    }
  });
});
