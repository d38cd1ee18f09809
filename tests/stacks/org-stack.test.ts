import { exampleEnvironment } from '../support/example-config';
import { synthEnvironment } from '../support/environment-json';

describe('<env>-org', () => {
  it('enables RAM sharing with the organization in the environment that owns organization-wide settings', () => {
    const prod = synthEnvironment(exampleEnvironment('prod')).get('prod-org')!;
    expect(Object.keys(prod.resource!.aws_ram_sharing_with_organization)).toHaveLength(1);
    expect(prod.provider!.aws[0].allowed_account_ids).toEqual(['111122223333']);
  });

  it('leaves it to that environment everywhere else', () => {
    const dev = synthEnvironment(exampleEnvironment('dev')).get('dev-org')!;
    expect(dev.resource?.aws_ram_sharing_with_organization).toBeUndefined();
  });
});
