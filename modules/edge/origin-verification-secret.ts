import { DataAwsSecretsmanagerRandomPassword } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-random-password';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { DataResource, Fn, Op, TerraformLocal, Token } from 'cdktf';
import { Construct } from 'constructs';
import { isOfflineSynthesis } from '../../lib/synthesis-mode';

export interface OriginVerificationSecretProps {
  /** Secret name of slot A, e.g. `uag/prod/origin-verification`; slot B is `<name>-b`. */
  readonly name: string;
  /** Months between rotations (1-12): the slot CloudFront sends changes at the first apply of each period.
   * @default 1 */
  readonly rotationMonths?: number;
}

/**
 * The value CloudFront adds as the origin-verification header and the regional web ACL requires, rotated on a schedule
 * (decision 0016-origin-secret-rotation). Two slots, A and B, each a Secrets Manager secret whose value AWS generates
 * (GetRandomPassword) so it never appears in source control. The rotation period number `g` is computed by Terraform
 * from the plan time; CloudFront sends slot A in odd periods and slot B in even ones, and a slot is regenerated exactly
 * when it becomes the one sent (its trigger, a `terraform_data`, changes and `replace_triggered_by` replaces its
 * version). The web ACL accepts both slots, so while CloudFront's edges switch to the new value the old one, sent
 * until this apply, still passes; a value is valid for two periods and sent for one.
 * Offline plans cannot call AWS, so they use fixed stand-ins instead of the generator.
 */
export class OriginVerificationSecret extends Construct {
  /** Slot A (the pre-rotation secret, kept under its original address). */
  readonly secret: SecretsmanagerSecret;
  readonly secretB: SecretsmanagerSecret;
  /** The value CloudFront sends now: slot A in odd rotation periods, slot B in even ones. */
  readonly value: string;
  /** Both slots, for the web ACL: the one sent now and the one sent during the previous period. */
  readonly acceptedValues: readonly [string, string];
  /** Terraform expression of the rotation period number (months since year 0 divided by rotationMonths). */
  readonly period: string;

  constructor(scope: Construct, id: string, props: OriginVerificationSecretProps) {
    super(scope, id);
    const rotationMonths = props.rotationMonths ?? 1;
    if (!Token.isUnresolved(rotationMonths) && (!Number.isInteger(rotationMonths) || rotationMonths < 1 || rotationMonths > 12)) {
      throw new Error(`rotationMonths must be an integer from 1 to 12, got ${rotationMonths}`);
    }
    // Months since year 0 at plan time; plantimestamp() is fixed for one plan, so apply sees the plan's period.
    const months = '(parseint(formatdate("YYYY", plantimestamp()), 10) * 12 + parseint(formatdate("M", plantimestamp()), 10) - 1)';
    const period = new TerraformLocal(this, 'RotationPeriod', `\${floor(${months} / ${rotationMonths})}`);
    this.period = period.expression;

    // Slot A changes when the period becomes odd, slot B when it becomes even: floor((g + 1) / 2) and floor(g / 2).
    const triggerA = new DataResource(this, 'RotationA', { input: { slot: 'a', changes: Fn.floor(Op.div(Op.add(period.expression, 1), 2)) } });
    const triggerB = new DataResource(this, 'RotationB', { input: { slot: 'b', changes: Fn.floor(Op.div(period.expression, 2)) } });

    const slotA = this.slot({ secretId: 'Resource', generatorId: 'Generator', versionId: 'Version', name: props.name, trigger: triggerA, standIn: '' });
    const slotB = this.slot({
      secretId: 'SlotB',
      generatorId: 'SlotBGenerator',
      versionId: 'SlotBVersion',
      name: `${props.name}-b`,
      trigger: triggerB,
      standIn: '-b',
    });
    this.secret = slotA.secret;
    this.secretB = slotB.secret;
    this.acceptedValues = [slotA.value, slotB.value];
    this.value = Fn.conditional(Op.eq(Op.mod(period.expression, 2), 1), slotA.value, slotB.value) as string;
  }

  private slot(options: { secretId: string; generatorId: string; versionId: string; name: string; trigger: DataResource; standIn: string }): {
    secret: SecretsmanagerSecret;
    value: string;
  } {
    const secret = new SecretsmanagerSecret(this, options.secretId, {
      name: options.name,
      description: 'CloudFront origin-verification header value (one of two rotation slots); checked by the regional web ACL',
      recoveryWindowInDays: 7,
    });
    const generated = isOfflineSynthesis(this)
      ? `offline-plan-origin-verification-stand-in${options.standIn}`
      : new DataAwsSecretsmanagerRandomPassword(this, options.generatorId, { passwordLength: 64, excludePunctuation: true }).randomPassword;
    const version = new SecretsmanagerSecretVersion(this, options.versionId, {
      secretId: secret.id,
      secretString: generated,
      // The generator answers anew on every plan: the value changes only when the slot's rotation trigger does.
      // replace_triggered_by takes a bare address in JSON; cdktf would render a dependable as "${...}", which Terraform refuses.
      lifecycle: { ignoreChanges: ['secret_string'], replaceTriggeredBy: [`${options.trigger.terraformResourceType}.${options.trigger.friendlyUniqueId}`] },
    });
    return { secret, value: version.secretString };
  }
}
