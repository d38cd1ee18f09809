import type { ConfigProblem } from '../config/problems';
import { checkSchema } from '../config/schema-problems';
import { ServiceSchema, type ServiceInput } from '../config/schema/service';
import { OnboardingError, optionProblem } from './onboarding-error';

/** What a team says about a new service on the command line or at the prompts. */
export interface ServiceAnswers {
  readonly name: string;
  readonly description: string;
  readonly team: string;
  readonly email: string;
  readonly basePath: string;
  readonly visibility: string;
  readonly port: number;
  readonly protocol: 'TLS' | 'TCP';
  readonly healthCheckPath: string;
}

/** Which option sets which field of service.yaml, so a schema problem names the option the user typed. */
const OPTION_OF: Readonly<Record<string, string>> = {
  name: '<name>',
  description: '--description',
  'owner.team': '--team',
  'owner.email': '--email',
  basePath: '--base-path',
  visibility: '--visibility',
  'backend.port': '--port',
  'backend.protocol': '--protocol',
  'backend.healthCheckPath': '--health-check-path',
};

/** The service.yaml content for the answers, validated by the same schema loadConfig uses. */
export function serviceDefinition(answers: ServiceAnswers): ServiceInput {
  const input = {
    name: answers.name,
    description: answers.description,
    owner: { team: answers.team, email: answers.email },
    basePath: answers.basePath,
    visibility: answers.visibility,
    backend: { port: answers.port, protocol: answers.protocol, healthCheckPath: answers.healthCheckPath },
  };
  const { problems } = checkSchema(ServiceSchema, input, 'service.yaml');
  if (problems.length > 0) {
    throw new OnboardingError(
      `Cannot onboard "${answers.name}": ${problems.length === 1 ? 'one option is' : `${problems.length} options are`} not valid; nothing was changed.`,
      problems.map(toOptionProblem),
    );
  }
  return input as ServiceInput;
}

function toOptionProblem(problem: ConfigProblem): ConfigProblem {
  const field = problem.path.map(String).join('.');
  return optionProblem(OPTION_OF[field] ?? field, problem.message, problem.fix);
}
