import { z } from 'zod';
import { slug } from './fields';

/**
 * The internal path of environments/<env>.yaml: the private custom domain (`domains.private`) that the gateway
 * account shares with AWS RAM, the consumer-side VPC endpoint settings, and the RAM share auditor.
 * The access matrix itself is `consumers.<name>.services`: which consumer VPC may call which private service.
 */

/** Private custom domain names only take single-segment base paths (docs/decisions/0006-private-domain.md). */
export const PRIVATE_BASE_PATH = /^[a-z0-9-]+$/;

const certificateArn = z.string().regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, {
  error: (issue) => `must be an ACM certificate ARN such as arn:aws:acm:ap-southeast-1:444455558888:certificate/1f2e3d4c-…, got "${String(issue.input)}"`,
});

const scheduleExpression = z.string().regex(/^(rate\((1 (minute|hour|day)|([2-9]|[1-9]\d+) (minutes|hours|days))\)|cron\([^()]+\))$/, {
  error: (issue) => `must be an EventBridge schedule such as rate(1 hour), rate(15 minutes) or cron(0 * * * ? *), got "${String(issue.input)}"`,
});

export const ShareAuditorSchema = z
  .strictObject({
    scheduleExpression: scheduleExpression.default('rate(1 hour)').meta({
      description:
        'How often the auditor compares the private-domain shares with the access matrix; a cron schedule must run at least daily (the drift alarm treats a silent day as drift).',
    }),
    remediation: z
      .boolean()
      .default(false)
      .meta({ description: 'Disassociate principals found on the shares but absent from the access matrix. Off: report only (metrics, alarm, logs).' }),
  })
  .prefault({})
  .meta({ description: 'Lambda in <env>-gateway that audits the RAM shares of the private domain on a schedule.' });

export const PrivateDomainSchema = z
  .strictObject({
    certificateArn: certificateArn.optional().meta({
      description:
        'Existing ACM certificate for domains.private in the home region (imported, or issued by ACM Private CA). When absent, an ACM certificate is requested and validated by DNS in domains.hostedZoneId.',
    }),
    servicesWithoutConsumers: z
      .record(slug, z.string().trim().min(20, { error: 'must explain in at least 20 characters why no consumer calls the service yet' }))
      .default({})
      .meta({
        description: 'Private services deployed with no consumer granted, each with the written reason (otherwise a private API nobody may call is an error).',
      }),
    shareAuditor: ShareAuditorSchema,
  })
  .prefault({})
  .meta({ description: 'Private custom domain shared with AWS RAM to the consumer accounts, and its share auditor.' });

export const ConsumerEndpointSchema = z
  .strictObject({
    privateDns: z.boolean().default(false).meta({
      description:
        'Enable private DNS on the execute-api endpoint. On: every *.execute-api name resolves to the endpoint inside the VPC (public APIs of other accounts become unreachable from it). The private domain record works either way.',
    }),
  })
  .prefault({})
  .meta({ description: 'The execute-api interface endpoint created for the consumer in its VPC (subnets from vpc.subnetIds, 443 from the VPC CIDR only).' });

export type PrivateDomainConfig = z.output<typeof PrivateDomainSchema>;
export type ConsumerEndpointConfig = z.output<typeof ConsumerEndpointSchema>;
