import { App, LocalBackend, S3Backend } from 'cdktf';
import { OFFLINE_CONTEXT_KEY } from '../../lib/synthesis-mode';
import { LandingZoneStack } from '../../stacks/base-stack';
import { exampleEnvironment } from '../support/example-config';
import { synthJson } from '../support/synth-json';

function gatewayStack(options: { owner?: string; environment?: string } = {}) {
  const environment = exampleEnvironment(options.environment ?? 'prod');
  const stack = new LandingZoneStack(new App(), { environment, kind: 'gateway', accountAlias: 'gateway', owner: options.owner });
  return { stack, json: synthJson(stack), environment };
}

describe('LandingZoneStack', () => {
  describe('providers', () => {
    it('assumes the deploy role of its own account', () => {
      const { json } = gatewayStack();
      const [home] = json.provider!.aws;
      expect(home.assume_role).toEqual([{ role_arn: 'arn:aws:iam::444455558888:role/uag-deployer', session_name: 'uag-prod-gateway' }]);
      expect(home.region).toBe('ap-southeast-1');
    });

    it('only allows its own account, so a wrong credential cannot touch another one', () => {
      const { json } = gatewayStack();
      for (const provider of json.provider!.aws) expect(provider.allowed_account_ids).toEqual(['444455558888']);
    });

    it('uses a different role and account for each account of the environment', () => {
      const environment = exampleEnvironment('prod');
      const app = new App();
      const network = synthJson(new LandingZoneStack(app, { environment, kind: 'network', accountAlias: 'network' }));
      const spoke = synthJson(new LandingZoneStack(app, { environment, kind: 'spoke', name: '555566668888', accountAlias: 'payments' }));
      expect(network.provider!.aws[0].assume_role).toEqual([expect.objectContaining({ role_arn: 'arn:aws:iam::333344448888:role/uag-deployer' })]);
      expect(spoke.provider!.aws[0].allowed_account_ids).toEqual(['555566668888']);
    });

    it('derives the partition of the role ARN from the region', () => {
      const environment = { ...exampleEnvironment('prod'), region: 'cn-north-1' as const };
      const json = synthJson(new LandingZoneStack(new App(), { environment, kind: 'org', accountAlias: 'management' }));
      expect(json.provider!.aws[0].assume_role).toEqual([expect.objectContaining({ role_arn: 'arn:aws-cn:iam::111122223333:role/uag-deployer' })]);
    });

    it('has a us-east-1 alias for global resources with the same account guard and role', () => {
      const { json } = gatewayStack();
      const [home, global] = json.provider!.aws;
      expect(global).toMatchObject({ alias: 'us_east_1', region: 'us-east-1' });
      expect(global.allowed_account_ids).toEqual(home.allowed_account_ids);
      expect(global.assume_role).toEqual(home.assume_role);
    });
  });

  describe('default tags', () => {
    it('sets Environment, Stack, ManagedBy, Repository, Owner and the environment extras', () => {
      const { json } = gatewayStack();
      const [home, global] = json.provider!.aws;
      const expected = {
        Environment: 'prod',
        Stack: 'prod-gateway',
        ManagedBy: 'cdktf',
        Repository: 'gitlab.example.com/platform/unified-api-gateway',
        Owner: 'platform-team',
        CostCenter: '4100',
        DataClassification: 'confidential',
      };
      expect(home.default_tags).toEqual([{ tags: expected }]);
      expect(global.default_tags).toEqual([{ tags: expected }]);
    });

    it('lets a stack name its own owner', () => {
      const { json } = gatewayStack({ owner: 'payments-team' });
      expect(json.provider!.aws[0].default_tags).toEqual([{ tags: expect.objectContaining({ Owner: 'payments-team' }) }]);
    });

    it('does not let environment extras override the mandatory tags', () => {
      const environment = { ...exampleEnvironment('dev'), tags: { Environment: 'spoofed', Team: 'x' } };
      const json = synthJson(new LandingZoneStack(new App(), { environment, kind: 'org', accountAlias: 'management' }));
      expect(json.provider!.aws[0].default_tags).toEqual([{ tags: expect.objectContaining({ Environment: 'dev', Team: 'x' }) }]);
    });
  });

  describe('state backend', () => {
    it('keeps one encrypted state object per stack with S3-native locking', () => {
      const { json } = gatewayStack();
      expect(json.terraform!.backend!.s3).toEqual({
        bucket: 'example-uag-tfstate-prod',
        key: 'uag/prod/prod-gateway.tfstate',
        region: 'ap-southeast-1',
        encrypt: true,
        use_lockfile: true,
      });
    });

    it('gives every stack of every environment a distinct key', () => {
      const app = new App();
      const keys = ['dev', 'staging', 'prod'].flatMap((name) => {
        const environment = exampleEnvironment(name);
        return (['org', 'security', 'network', 'gateway'] as const).map((kind) => {
          const accountAlias = { org: 'management', security: 'security', network: 'network', gateway: 'gateway' }[kind];
          return synthJson(new LandingZoneStack(app, { environment, kind, accountAlias })).terraform!.backend!.s3.key;
        });
      });
      expect(new Set(keys).size).toBe(12);
    });

    it('uses the configured KMS key and state role', () => {
      const base = exampleEnvironment('prod');
      const environment = {
        ...base,
        stateBackend: { ...base.stateBackend, kmsKeyId: 'alias/uag-state', roleArn: 'arn:aws:iam::111122223333:role/uag-state' },
      };
      const json = synthJson(new LandingZoneStack(new App(), { environment, kind: 'org', accountAlias: 'management' }));
      expect(json.terraform!.backend!.s3).toMatchObject({
        kms_key_id: 'alias/uag-state',
        assume_role: { role_arn: 'arn:aws:iam::111122223333:role/uag-state' },
      });
    });

    it('answers cdktf with the backend it made, without walking the stack (cross-stack references ask once per reader)', () => {
      const { stack } = gatewayStack();
      // cdktf's walk over every construct (private in its typings).
      const walk = jest.spyOn(stack as unknown as { findAll: () => unknown[] }, 'findAll');
      const backend = stack.ensureBackendExists();
      expect(backend).toBeInstanceOf(S3Backend);
      expect(stack.ensureBackendExists()).toBe(backend);
      expect(walk).not.toHaveBeenCalled();
      const offline = new LandingZoneStack(new App({ context: { [OFFLINE_CONTEXT_KEY]: true } }), {
        environment: exampleEnvironment('dev'),
        kind: 'gateway',
        accountAlias: 'gateway',
      });
      expect(offline.ensureBackendExists()).toBeInstanceOf(LocalBackend);
      expect(offline.node.children.filter((child) => child instanceof LocalBackend || child instanceof S3Backend)).toEqual([offline.ensureBackendExists()]);
    });
  });
});
