import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { Command, Option } from 'commander';
import { awsErrorFacts, isAccessDenied } from '../../lib/ram/aws-error';
import { createRamClient } from '../../lib/ram/client';
import { RamError } from '../../lib/ram/errors';
import { loadExistingConfig } from '../../lib/onboarding/existing-config';
import { serviceStatus, type ServiceStatus, type StatusClients } from '../../lib/onboarding/status/service-status';
import { configRoot, type Io } from './io';
import { reportRefusal } from './report-problems';

export interface StatusOptions {
  readonly configDir?: string;
  readonly env: string;
  readonly service: string;
  readonly format: 'text' | 'json';
}

/**
 * `status --env <env> --service <name>`: with credentials for the environment's gateway account, shows the RAM
 * shares of the private custom domain and the consumers' domain access associations for the service. Exit 0 when
 * every consumer granted the service can reach it, 1 when something is missing or AWS refused a call.
 */
export async function runStatus(options: StatusOptions, io: Io, clients?: (region: string) => StatusClients): Promise<number> {
  return reportRefusal(io, async () => {
    const config = loadExistingConfig(configRoot(io, options.configDir));
    const region = config.environments.find(({ config: environment }) => environment.name === options.env)?.config.region ?? 'us-east-1';
    const make = clients ?? ((home: string) => ({ ram: createRamClient(home), apiGateway: new APIGatewayClient({ region: home }) }));
    let status: ServiceStatus;
    try {
      status = await serviceStatus(config, options.env, options.service, make(region));
    } catch (error) {
      const explained = explainAwsFailure(error, options.env);
      if (!explained) throw error;
      io.err(explained);
      return 1;
    }
    if (options.format === 'json') io.out(JSON.stringify(status, null, 2));
    else io.out(renderStatus(status));
    return status.complete ? 0 : 1;
  });
}

/** AWS failures become one readable line; anything else is a bug and propagates. */
function explainAwsFailure(error: unknown, environment: string): string | undefined {
  if (error instanceof RamError) return `status: ${error.message}`;
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'CredentialsProviderError') {
    return `status: no AWS credentials (${error.message})\n    fix: run it with credentials for the gateway account of ${environment}, e.g. AWS_PROFILE=<gateway profile>`;
  }
  const facts = awsErrorFacts(error);
  if (facts.name === undefined && facts.httpStatus === undefined) return undefined;
  if (isAccessDenied(facts)) {
    return `status: GetDomainNameAccessAssociations was denied (${facts.name}: ${error.message})\n    fix: grant the caller apigateway:GET on arn:aws:apigateway:*::/domainnameaccessassociations`;
  }
  return `status: ${facts.name ?? `HTTP ${facts.httpStatus}`}: ${error.message}${facts.requestId ? ` (request ${facts.requestId})` : ''}`;
}

export function renderStatus(status: ServiceStatus): string {
  const lines = [`${status.service} in ${status.environment} (${status.visibility})`];
  if (status.notApplicable) return [...lines, `  ${status.notApplicable}`].join('\n');
  lines.push(`  private domain: ${status.domain}`);
  for (const share of status.shares) {
    lines.push(
      share.share
        ? `  share ${share.name}: ${share.share.status}, ${share.domainShared ? 'domain shared' : 'DOMAIN NOT SHARED'}, external principals ${share.share.allowExternalPrincipals ? 'allowed' : 'refused'} (${share.share.shareArn})`
        : `  share ${share.name}: not found`,
    );
  }
  if (status.consumers.length === 0) lines.push('  consumers: none granted (consumers.<name>.services in the environment file)');
  for (const consumer of status.consumers) {
    const principal = consumer.principal ? consumer.principal.status : 'no principal association';
    const endpoints = consumer.accessAssociations.map((association) => association.endpoint).join(', ') || 'no domain access association';
    lines.push(
      `  consumer ${consumer.consumer} (${consumer.accountId}, ${consumer.share} share): ${principal}; ${endpoints}${consumer.missing.length === 0 ? ' - ok' : ''}`,
    );
    for (const missing of consumer.missing) lines.push(`    missing: ${missing}`);
  }
  for (const principal of status.unexpectedPrincipals) {
    lines.push(
      `  unexpected principal ${principal.entity} on the ${principal.share} share (${principal.status}): no consumer declares this account; the share auditor reports it`,
    );
  }
  lines.push(status.complete ? 'complete: every consumer granted the service can reach it' : 'incomplete: see missing above');
  return lines.join('\n');
}

export function statusCommand(io: Io, exit: (code: number) => void): Command {
  return new Command('status')
    .description("show the service's RAM shares and domain access associations on the private domain (needs AWS credentials for the gateway account)")
    .requiredOption('--env <env>', 'environment, e.g. dev')
    .requiredOption('--service <name>', 'service name')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nReads only: ram:GetResourceShares, ram:GetResourceShareAssociations, apigateway:GET domain name access associations.\nExit code 0 when every consumer granted the service can reach it, 1 otherwise.',
    )
    .action(async (options: Omit<StatusOptions, 'configDir'>, command: Command) => {
      exit(await runStatus({ ...options, configDir: command.optsWithGlobals().configDir }, io));
    });
}
