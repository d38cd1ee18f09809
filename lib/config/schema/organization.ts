import { z } from 'zod';
import { slug } from './fields';

/**
 * `organization` in `environments/<env>.yaml`: the AWS Organization the environment lives in, the
 * organizational units policies are scoped to, and who administers Firewall Manager.
 * Every environment of one organization describes the same organization; the rule
 * `firewall-manager-administrator` checks that they agree.
 */

const organizationalUnitId = z
  .string()
  .regex(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, {
    error: (issue) => `must be an organizational unit id such as ou-a1b2-c3d4e5f6, got "${String(issue.input)}"`,
  })
  .meta({ description: 'Organizational unit id from AWS Organizations.', examples: ['ou-a1b2-c3d4e5f6'] });

const FirewallManagerAdministrator = z
  .strictObject({
    account: slug.meta({ description: 'Alias (under `accounts`) of the delegated Firewall Manager administrator; the security stack deploys there.' }),
    delegatedHere: z.boolean().default(false).meta({
      description:
        "Whether this environment's org stack owns the delegation (aws_fms_admin_account). An organization has one Firewall Manager administrator, so exactly one environment sets this.",
    }),
  })
  .meta({ description: 'The account that administers Firewall Manager for the whole organization.' });

export const OrganizationSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, { error: (issue) => `must be an organization id such as o-a1b2c3d4e5, got "${String(issue.input)}"` })
      .meta({ description: 'AWS Organizations id; log buckets accept deliveries from this organization only.', examples: ['o-a1b2c3d4e5'] }),
    organizationalUnits: z
      .record(slug, organizationalUnitId)
      .default({})
      .meta({ description: 'Organizational units by alias; Firewall Manager scopes reference the aliases.' }),
    firewallManagerAdministrator: FirewallManagerAdministrator.optional(),
    enableRamSharingHere: z.boolean().default(false).meta({
      description:
        "Whether this environment's org stack enables RAM sharing with AWS Organizations (shares to accounts of the organization are then accepted automatically). Organization-wide, so exactly one environment sets this.",
    }),
  })
  .meta({ description: 'The AWS Organization: id, organizational units and the Firewall Manager administrator.' });

export type Organization = z.output<typeof OrganizationSchema>;
