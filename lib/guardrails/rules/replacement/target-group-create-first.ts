import { compliantIf, type ResourceRule } from '../../rule';
import { block, isTrueOrReference, isSet, numberValue, show } from '../../values';

export const targetGroupCreateFirst: ResourceRule = {
  id: 'UAG-REPL-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lb_target_group'],
  what: 'Target groups are replaced create-before-destroy, under a name that changes with the replacing attributes.',
  why:
    'Changing the port or protocol of a backend replaces its target group. Deleted first, the old one cannot go while its ' +
    'listener forwards to it, and the apply fails halfway; created first under the same fixed name, the new one collides. ' +
    'With create_before_destroy and a name that carries the port (or name_prefix), the listener moves to the new group before the old one is deleted.',
  fix: 'Set lifecycle { create_before_destroy = true } and name it with lib/naming.ts targetGroupName (<env>-<service>-<protocol>-<port>) or use name_prefix.',
  check: ({ values }) => {
    const createFirst = isTrueOrReference(block(values.lifecycle)?.create_before_destroy);
    const port = numberValue(values.port);
    const nameFollows = isSet(values.name_prefix) || (typeof values.name === 'string' && port !== undefined && values.name.includes(String(port)));
    return compliantIf(
      createFirst && nameFollows,
      [
        createFirst ? undefined : `lifecycle.create_before_destroy is ${show(block(values.lifecycle)?.create_before_destroy)}`,
        nameFollows ? undefined : `name ${show(values.name)} does not change with port ${show(values.port)} and name_prefix is unset`,
      ]
        .filter(Boolean)
        .join('; '),
    );
  },
};
