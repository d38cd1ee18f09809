import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { slug } from '../config/schema/fields';
import { OnboardingError, optionProblem } from './onboarding-error';

/** Refuses a name that is not a valid service name or whose folder exists: onboarding never overwrites a service. */
export function checkNewServiceName(rootDir: string, name: string, option = '<name>'): void {
  const valid = slug.safeParse(name);
  if (!valid.success) {
    throw new OnboardingError(`Cannot onboard "${name}"; nothing was changed.`, [
      optionProblem(
        option,
        `service name ${valid.error.issues[0].message}`,
        'use a short lowercase name such as orders or card-payments; it becomes part of stack ids and resource names',
      ),
    ]);
  }
  const folder = `services/${name}`;
  if (existsSync(path.join(rootDir, folder))) {
    throw new OnboardingError(`Cannot onboard "${name}"; nothing was changed.`, [
      {
        file: `${folder}/`,
        path: [],
        message: `service "${name}" already exists`,
        fix: `choose another name, or change the existing service by editing ${folder}/service.yaml and ${folder}/openapi.yaml`,
      },
    ]);
  }
}
