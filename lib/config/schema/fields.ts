import * as ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { LOG_RETENTION_DAYS } from '../../log-retention';
import { AWS_REGIONS } from '../aws-regions';

/** Field types shared by the environment and service files. Each message says what was expected. */

export const accountId = z
  .string({ error: 'must be a 12-digit AWS account id as a quoted string, e.g. "111122223333"' })
  .regex(/^\d{12}$/, { error: (issue) => `must be exactly 12 digits, got "${String(issue.input)}"` })
  .meta({ description: '12-digit AWS account id, quoted so YAML keeps leading zeros.', examples: ['111122223333'] });

/** A short lowercase name used in stack ids and resource names. */
export const slug = z.string().regex(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, {
  error: (issue) => `must be 2-32 lowercase letters, digits or dashes, starting with a letter, got "${String(issue.input)}"`,
});

export const awsRegion = z.enum(AWS_REGIONS).meta({ description: 'AWS region code.', examples: ['ap-southeast-1'] });

export const ipv4Cidr = z
  .string()
  .superRefine((value, ctx) => {
    if (!ipaddr.IPv4.isValidCIDR(value)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not an IPv4 CIDR such as 10.10.0.0/16` });
      return;
    }
    const [address, prefix] = ipaddr.IPv4.parseCIDR(value);
    const network = ipaddr.IPv4.networkAddressFromCIDR(value);
    if (address.toString() !== network.toString()) {
      ctx.addIssue({ code: 'custom', message: `"${value}" has host bits set; did you mean ${network.toString()}/${prefix}?` });
    }
  })
  .meta({ description: 'IPv4 network in CIDR notation.', examples: ['10.10.0.0/20'] });

export const ipv4Address = z.string().refine((value) => ipaddr.IPv4.isValidFourPartDecimal(value), {
  error: (issue) => `"${String(issue.input)}" is not an IPv4 address such as 10.20.1.10`,
});

export const dnsName = z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
  error: (issue) => `"${String(issue.input)}" is not a lowercase DNS name such as api.example.com`,
});

/** A certificate name: a DNS name whose first label may be `*` (one label, as in X.509 wildcard names). */
export const wildcardDnsName = z.string().regex(/^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
  error: (issue) => `"${String(issue.input)}" is not a lowercase DNS name such as api.example.com or *.example.com`,
});

export const email = z.email({ error: (issue) => `"${String(issue.input)}" is not an e-mail address` });

export const logRetentionDays = z.literal(LOG_RETENTION_DAYS).meta({ description: 'CloudWatch Logs retention in days.' });
