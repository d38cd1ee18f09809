import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { stringList } from '../../values';

const PRIVILEGED = /:iam::aws:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

export const noAdminManagedPolicies: ResourceRule = {
  id: 'UAG-IAM-003',
  kind: 'resource',
  severity: 'error',
  resourceTypes: [
    'aws_iam_role_policy_attachment',
    'aws_iam_policy_attachment',
    'aws_iam_user_policy_attachment',
    'aws_iam_group_policy_attachment',
    'aws_iam_role_policy_attachments_exclusive',
    'aws_iam_role',
  ],
  what: 'No role, user or group created here gets AdministratorAccess, PowerUserAccess or IAMFullAccess.',
  why:
    'The landing zone creates workload roles (functions, flow logs, SRT access). An administrator-equivalent managed policy on ' +
    'any of them turns a bug in a Lambda handler into control of the whole account.',
  fix: 'Attach a customer-managed policy built from an aws_iam_policy_document with the actions the role needs.',
  check: ({ values }) => {
    const arns = [...(stringList(values.policy_arn) ?? []), ...(stringList(values.policy_arns) ?? []), ...(stringList(values.managed_policy_arns) ?? [])];
    const privileged = arns.filter((arn) => PRIVILEGED.test(arn));
    return privileged.length === 0 ? COMPLIANT : nonCompliant(`attaches ${privileged.join(', ')}`);
  },
};
