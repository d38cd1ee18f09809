import { App } from 'cdktf';
import { OrgStack } from '../../stacks/org-stack';
import { exampleEnvironment } from '../support/example-config';
import { resourcesOf, single, synthJson } from '../modules/security/support';

function orgStack(name: string) {
  return synthJson(new OrgStack(new App(), { environment: exampleEnvironment(name) }));
}

describe('OrgStack: Firewall Manager administrator', () => {
  it('delegates the security account from the management account, through the us-east-1 provider, in prod', () => {
    const json = orgStack('prod');
    expect(single(json, 'aws_fms_admin_account')).toMatchObject({ account_id: '222233334444', provider: 'aws.us_east_1' });
    expect(json.provider!.aws[0].allowed_account_ids).toEqual(['111122223333']);
  });

  it.each(['dev', 'staging'])('leaves the one delegation of the organization to prod in %s', (name) => {
    expect(resourcesOf(orgStack(name), 'aws_fms_admin_account')).toEqual({});
  });
});
