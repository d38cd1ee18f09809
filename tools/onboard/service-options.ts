import { Command, InvalidArgumentError, Option } from 'commander';
import type { ConfigProblem } from '../../lib/config/problems';
import { SERVICE_VISIBILITIES } from '../../lib/config/schema/service';
import { parseBackendTarget, type BackendTarget } from '../../lib/onboarding/backend-target';
import type { PrivateAccess } from '../../lib/onboarding/environment-enablement';
import { OnboardingError, optionProblem } from '../../lib/onboarding/onboarding-error';
import type { ServiceAnswers } from '../../lib/onboarding/service-definition';
import type { Io } from './io';

/** The flags `new` and `import` share: what service.yaml says and where the service is enabled. */
export interface ServiceFlags {
  readonly description?: string;
  readonly team?: string;
  readonly email?: string;
  readonly basePath?: string;
  readonly visibility?: string;
  readonly port?: number;
  readonly protocol: 'TLS' | 'TCP';
  readonly healthCheckPath: string;
  readonly backend: string[];
  readonly consumer: string[];
  readonly withoutConsumersReason?: string;
  /** false with --no-input: never prompt, fail on anything missing. */
  readonly input: boolean;
}

export interface ServiceRequest {
  readonly answers: ServiceAnswers;
  readonly backends: readonly BackendTarget[];
  readonly access: PrivateAccess;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) throw new InvalidArgumentError(`must be a port number 1-65535, got "${value}"`);
  return parsed;
}

export function addServiceOptions(command: Command): Command {
  return command
    .option('--description <text>', 'one sentence for the service catalog')
    .option('--team <team>', 'owning team')
    .option('--email <email>', "owning team's e-mail address")
    .option('--base-path <path>', 'mapping on the custom domain(s), e.g. orders or v1/orders (private services: one segment) (default: the name)')
    .addOption(
      new Option('--visibility <visibility>', 'public: internet via CloudFront; private: internal consumers only; both').choices([...SERVICE_VISIBILITIES]),
    )
    .option('--port <port>', 'backend port (default: 8443)', port)
    .addOption(new Option('--protocol <protocol>', 'backend protocol').choices(['TLS', 'TCP']).default('TLS'))
    .option('--health-check-path <path>', 'backend health check path', '/health')
    .option(
      '--backend <env=account:ip,...>',
      'enable in <env> with the backend at these addresses in that account (repeatable), e.g. dev=payments:10.101.1.50',
      collect,
      [],
    )
    .option('--consumer <consumer>', 'grant a private service to this internal consumer wherever it exists (repeatable)', collect, [])
    .option('--without-consumers-reason <text>', 'for a private service no consumer calls yet: why (at least 20 characters)')
    .option('--no-input', 'never prompt; fail when a required option is missing (CI)');
}

/** Fills what the flags leave open by asking, when someone can answer; otherwise says which options are missing. */
export async function serviceRequest(name: string, flags: ServiceFlags, io: Io, defaults: { description?: string } = {}): Promise<ServiceRequest> {
  const prompter = flags.input ? io.prompter : undefined;
  const missing: ConfigProblem[] = [];
  const required = async (option: string, value: string | undefined, question: string, fallback?: string): Promise<string> => {
    if (value !== undefined) return value;
    if (prompter) return prompter.ask(question, fallback);
    if (fallback !== undefined) return fallback;
    missing.push(optionProblem(option, 'is required', `pass ${option} <value>, or run the command in a terminal to be asked`));
    return '';
  };

  const description = await required('--description', flags.description, 'One sentence describing the service', defaults.description);
  const team = await required('--team', flags.team, 'Owning team');
  const email = await required('--email', flags.email, "Owning team's e-mail address");
  const basePath = await required('--base-path', flags.basePath, 'Base path on the custom domain(s)', name);
  const visibility = await required('--visibility', flags.visibility, 'Visibility (public, private, both)', 'private');
  const portAnswer = flags.port ?? (prompter ? Number(await prompter.ask('Backend port', '8443')) : 8443);
  if (missing.length > 0)
    throw new OnboardingError(
      `Cannot onboard "${name}": ${missing.length} required ${missing.length === 1 ? 'option is' : 'options are'} missing; nothing was changed.`,
      missing,
    );

  const backendValues = flags.backend.length > 0 || !prompter ? flags.backend : await askBackends(prompter);
  const backends = backendValues.map(parseBackendTarget);
  const access =
    visibility === 'public'
      ? { consumers: flags.consumer, reasonWithoutConsumers: flags.withoutConsumersReason }
      : await privateAccess(flags, backends, prompter);
  return {
    answers: { name, description, team, email, basePath, visibility, port: portAnswer, protocol: flags.protocol, healthCheckPath: flags.healthCheckPath },
    backends,
    access,
  };
}

async function askBackends(prompter: NonNullable<Io['prompter']>): Promise<string[]> {
  const environments = (await prompter.ask('Enable in environments (comma-separated, empty for none yet)', 'dev'))
    .split(',')
    .map((environment) => environment.trim())
    .filter(Boolean);
  const values: string[] = [];
  for (const environment of environments) {
    values.push(`${environment}=${await prompter.ask(`Backend in ${environment} as <account alias>:<ip>[,<ip>...]`)}`);
  }
  return values;
}

async function privateAccess(flags: ServiceFlags, backends: readonly BackendTarget[], prompter: Io['prompter']): Promise<PrivateAccess> {
  if (flags.consumer.length > 0 || flags.withoutConsumersReason || !prompter || backends.length === 0) {
    return { consumers: flags.consumer, reasonWithoutConsumers: flags.withoutConsumersReason };
  }
  const consumers = (await prompter.ask('Internal consumers to grant (comma-separated, empty for none yet)', ''))
    .split(',')
    .map((consumer) => consumer.trim())
    .filter(Boolean);
  if (consumers.length > 0) return { consumers };
  return { consumers, reasonWithoutConsumers: await prompter.ask('Why does no consumer call it yet (reviewers read this)') };
}
