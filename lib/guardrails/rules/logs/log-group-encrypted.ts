import { compliantIf, type ResourceRule } from '../../rule';
import { isSet, show } from '../../values';

export const logGroupEncrypted: ResourceRule = {
  id: 'UAG-LOG-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudwatch_log_group'],
  what: 'Every CloudWatch log group is encrypted with a customer managed KMS key (kms_key_id).',
  why:
    'Authorizer, auditor, flow and API access logs hold principals, client addresses and request metadata, like the WAF logs ' +
    'that already use their own keys. One policy for all (decision 0016-log-encryption): a customer managed key puts reading ' +
    'the logs under a key policy and CloudTrail-logged decrypts, and scheduling the key for deletion crypto-shreds them.',
  fix: "Set kms_key_id to the stack's LogEncryptionKey (modules/security/log-encryption-key.ts), e.g. kms_key_id = aws_kms_key.LogKey_Key_....arn.",
  check: ({ values }) => compliantIf(isSet(values.kms_key_id), `kms_key_id is ${show(values.kms_key_id)} (CloudWatch Logs' service-managed encryption)`),
};
