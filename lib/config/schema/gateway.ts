import { z } from 'zod';
import { dnsName, email, logRetentionDays } from './fields';

/**
 * Public-path settings of environments/<env>.yaml: domains and certificates, REST API stages, CloudFront,
 * and the per-API alarms and optional telemetry exports.
 */

export const DomainsSchema = z.strictObject({
  hostedZone: dnsName.meta({ description: 'Public Route 53 zone that holds the API records.' }),
  hostedZoneId: z
    .string()
    .regex(/^Z[A-Z0-9]{4,31}$/, { error: (issue) => `must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ, got "${String(issue.input)}"` })
    .meta({ description: 'Id of the public hosted zone (certificate validation, alias records, Shield).' }),
  public: dnsName.meta({ description: 'Public API hostname served by CloudFront.', examples: ['api.example.com'] }),
  originSubdomain: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, { error: 'must be one DNS label' })
    .default('origin')
    .meta({ description: 'Label of the regional custom domain CloudFront uses as origin: <label>.<public>.' }),
  private: dnsName.meta({ description: 'Private custom domain for internal consumers.', examples: ['api.internal.example.com'] }),
});

export const ApiStagesSchema = z
  .strictObject({
    loggingLevel: z.enum(['ERROR', 'INFO', 'OFF']).default('INFO').meta({ description: 'Execution logging level of every stage (data trace is always off).' }),
    accessLogRetentionDays: logRetentionDays.default(365),
    executionLogRetentionDays: logRetentionDays.default(90),
  })
  .default({ loggingLevel: 'INFO', accessLogRetentionDays: 365, executionLogRetentionDays: 90 })
  .meta({ description: 'Settings shared by the stages of every API.' });

export const CloudFrontSchema = z
  .strictObject({
    priceClass: z.enum(['PriceClass_All', 'PriceClass_200', 'PriceClass_100']).default('PriceClass_All'),
    loggingBucket: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be an S3 bucket name' })
      .optional()
      .meta({ description: 'Bucket for CloudFront standard logs (ACLs enabled); no standard logging when absent.' }),
    originSecretRotationMonths: z.number().int().min(1).max(12).default(1).meta({
      description:
        'Months between rotations of the origin-verification secret: the first apply of the gateway stack in each period switches CloudFront to the other of two slots (decision 0016-origin-secret-rotation).',
    }),
  })
  .default({ priceClass: 'PriceClass_All', originSecretRotationMonths: 1 });

const Thresholds = z.strictObject({
  latencyP95Ms: z.number().positive().default(1000),
  latencyP99Ms: z.number().positive().default(2500),
  integrationLatencyP99Ms: z.number().positive().default(2000),
  error5xxRate: z.number().gt(0).lt(1).default(0.01).meta({ description: 'Share of requests answered 5XX.' }),
  error4xxRate: z.number().gt(0).lt(1).default(0.1).meta({ description: 'Share of requests answered 4XX.' }),
  evaluationPeriods: z.number().int().min(1).max(60).default(5),
  periodSeconds: z.union([z.literal(60), z.literal(300)]).default(60),
});

const AlarmSubscription = z
  .strictObject({
    email: email.optional().meta({ description: 'E-mail address; AWS sends a confirmation mail that someone must accept once.' }),
    https: z
      .url({ protocol: /^https$/, error: 'must be an https URL' })
      .optional()
      .meta({
        description:
          'HTTPS endpoint (pager, incident tool) that confirms the SNS subscription itself. No credentials: user info and query strings are refused; an endpoint that needs a token belongs behind an existing topic (topicArn).',
      }),
    topicArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/, {
        error: 'must be an SNS topic ARN such as arn:aws:sns:ap-southeast-1:111122223333:ops-alerts',
      })
      .optional()
      .meta({
        description:
          'Existing SNS topic (e.g. one an AWS Chatbot Slack channel or the central pager watches) that every alarm of its region also notifies. In the home region or us-east-1; its policy must let cloudwatch.amazonaws.com of the alarm accounts publish.',
      }),
  })
  .meta({ description: 'One receiver of alarm notifications: exactly one of email, https, topicArn.' });

export const AlarmNotificationsSchema = z
  .strictObject({
    subscriptions: z
      .array(AlarmSubscription)
      .default([])
      .meta({ description: 'Who is told when an alarm changes state; every alarm topic of the environment gets all of them.' }),
    optOut: z
      .string()
      .trim()
      .min(20, { error: 'must explain in at least 20 characters why nobody is notified (non-production environments only)' })
      .optional()
      .meta({ description: 'Non-production only: why the environment notifies nobody. The guardrail UAG-OBS-001 accepts topics without subscriptions then.' }),
  })
  .prefault({})
  .meta({ description: 'Receivers of the alarm topics (home region, us-east-1, network account). Required: subscriptions, or an optOut outside production.' });

export type AlarmSubscriptionConfig = z.output<typeof AlarmSubscription>;
export type AlarmNotificationsConfig = z.output<typeof AlarmNotificationsSchema>;

export const ObservabilitySchema = z
  .strictObject({
    alarms: Thresholds.default(Thresholds.parse({})),
    alarmNotifications: AlarmNotificationsSchema,
    metricStream: z
      .strictObject({
        endpointUrl: z
          .url({ protocol: /^https$/, error: 'must be an https URL' })
          .meta({ description: 'HTTP endpoint of the APM tool (e.g. Dynatrace) receiving CloudWatch metrics.' }),
        accessKeySecretArn: z
          .string()
          .regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/, { error: 'must be a Secrets Manager secret ARN' })
          .meta({ description: 'Secret holding the endpoint access key (never the key itself).' }),
        failedDeliveryRetentionDays: z
          .number()
          .int()
          .min(1)
          .max(3650)
          .default(30)
          .meta({ description: 'Days a batch the endpoint refused is kept in the failed-delivery bucket before it expires.' }),
      })
      .optional()
      .meta({ description: 'CloudWatch metric stream of the API Gateway namespace through Firehose; off when absent.' }),
    logSubscription: z
      .strictObject({
        destinationArn: z
          .string()
          .regex(/^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/.+$/, { error: 'must be a Firehose delivery stream ARN' })
          .meta({ description: 'Firehose stream of the SIEM (e.g. Splunk) receiving access and authorizer logs.' }),
      })
      .optional()
      .meta({ description: 'Subscription of access and authorizer logs to a Firehose destination; off when absent.' }),
  })
  .prefault({});

export type ObservabilityConfig = z.output<typeof ObservabilitySchema>;
