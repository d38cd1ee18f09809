import type { ConfigProblem } from '../problems';
import { GATEWAY_SEGMENT } from '../schema/network';
import type { ConfigRule } from './rule';

/** Segments name Transit Gateway route tables: the gateway segment must exist, and spokes join backend segments. */
export const networkSegments: ConfigRule = {
  id: 'network-segments',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const { segments } = environment.network.transitGateway;
      const problems: ConfigProblem[] = segments.includes(GATEWAY_SEGMENT)
        ? []
        : [
            {
              file,
              path: ['network', 'transitGateway', 'segments'],
              message: `segments ${JSON.stringify(segments)} lack "${GATEWAY_SEGMENT}"`,
              fix: `add "${GATEWAY_SEGMENT}": the gateway VPC joins that route table`,
            },
          ];
      environment.network.spokes.forEach((spoke, index) => {
        const path = ['network', 'spokes', index, 'segment'];
        if (spoke.segment === GATEWAY_SEGMENT) {
          problems.push({
            file,
            path,
            message: `a backend spoke cannot join the "${GATEWAY_SEGMENT}" segment`,
            fix: `use a backend segment such as ${segments.find((name) => name !== GATEWAY_SEGMENT) ?? 'backends'}`,
          });
        } else if (!segments.includes(spoke.segment)) {
          problems.push({
            file,
            path,
            message: `segment "${spoke.segment}" is not a Transit Gateway route table`,
            fix: `use one of ${segments.filter((name) => name !== GATEWAY_SEGMENT).join(', ')} or add it to network.transitGateway.segments`,
          });
        }
      });
      return problems;
    }),
};
