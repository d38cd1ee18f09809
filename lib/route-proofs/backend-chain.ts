import * as ipaddr from 'ipaddr.js';
import { block, blocks, isAttributes, numberValue } from '../guardrails/values';
import { Chain } from './hops';
import { proveNetwork } from './network-hops';
import { spokeAttachments, type SpokeVpc } from './spokes';
import { parseTemplate, readReference, refersTo, resolveExpression, type Located, type TemplatePart } from './references';
import { bodyAttribute, nameOf, referrers, resourcesOfType, tagsOf, type Route } from './route';
import { TLS_SERVER_NAME_TAG } from '../output-tags';

/** Listener tag carrying the TLS server name the backend certificate covers (the integration URI's host). */

/**
 * From the integration to the backend addresses: VPC link of this service → NLB → listener (scheme, host and
 * port of the integration URI agree with it) → target group → targets inside a spoke VPC; then the network.
 * `stage` supplies the stage variables the URI uses.
 */
export function proveBackend(chain: Chain, route: Route, stage: Located): void {
  const integration = route.operation['x-amazon-apigateway-integration'] as Record<string, unknown>;
  const apiAt = { stack: route.api.stack.id, address: route.api.resource.address };
  const serviceListeners = listenersOf(route);
  if (integration.connectionType !== 'VPC_LINK') {
    chain.fail({
      name: 'integration',
      ...apiAt,
      attribute: bodyAttribute(route, 'x-amazon-apigateway-integration', 'connectionType'),
      problem: `connectionType is ${JSON.stringify(integration.connectionType)}, not VPC_LINK: the backend NLB is internal`,
      fix: 'use connectionType VPC_LINK with the service VPC link',
    });
  }
  const linkAttribute = bodyAttribute(route, 'x-amazon-apigateway-integration', 'connectionId');
  const link = readReference(route.app, route.api.stack, integration.connectionId);
  if (link.kind !== 'resolved' || link.resolution.resource.type !== 'aws_api_gateway_vpc_link' || link.resolution.attribute !== 'id') {
    chain.fail({
      name: 'integration',
      ...apiAt,
      attribute: linkAttribute,
      problem:
        link.kind === 'escaped'
          ? `is escaped ("$${link.text}"), so API Gateway receives text instead of a VPC link id`
          : link.kind === 'unresolved'
            ? `does not resolve: ${link.problem}`
            : 'is not a reference to an aws_api_gateway_vpc_link id (a literal or offline stand-in proves nothing)',
      fix: 'reference the service VPC link id from the gateway stack (deploy-mode synth)',
    });
  }
  const vpcLink: Located = { stack: link.resolution.stack, resource: link.resolution.resource };
  chain.pass({ name: 'integration', ...apiAt, detail: `VPC_LINK ${nameOf(vpcLink)}` });

  // VPC link → NLB: the link must target the NLB that carries this service's listener.
  const nlbs = (Array.isArray(vpcLink.resource.values.target_arns) ? vpcLink.resource.values.target_arns : [])
    .map((value) => readReference(route.app, vpcLink.stack, value))
    .flatMap((reading) =>
      reading.kind === 'resolved' && reading.resolution.resource.type === 'aws_lb'
        ? [{ stack: reading.resolution.stack, resource: reading.resolution.resource }]
        : [],
    );
  const listener = serviceListeners.find((candidate) =>
    nlbs.some((nlb) =>
      refersTo(route.app, candidate.stack, candidate.resource.values.load_balancer_arn, { stack: nlb.stack, address: nlb.resource.address }, 'arn'),
    ),
  );
  if (!listener) {
    chain.fail({
      name: 'vpc-link',
      stack: vpcLink.stack.id,
      address: vpcLink.resource.address,
      attribute: 'target_arns',
      problem:
        serviceListeners.length === 0
          ? `no aws_lb_listener of ${route.service} (construct Backend-${route.service}) exists in ${route.environment}`
          : `the VPC link targets ${nlbs.map((nlb) => nlb.resource.address).join(', ') || 'no NLB'}, which has no listener of ${route.service}: the request reaches another service's load balancer`,
      fix: `set the integration connectionId to the VPC link of ${route.service}'s NLB`,
    });
  }
  const nlb = nlbs.find((candidate) =>
    refersTo(route.app, listener.stack, listener.resource.values.load_balancer_arn, { stack: candidate.stack, address: candidate.resource.address }, 'arn'),
  )!;
  chain.pass({ name: 'vpc-link', stack: vpcLink.stack.id, address: vpcLink.resource.address, detail: `targets ${nlb.resource.address}` });

  proveIntegrationUri(chain, route, stage, listener);
  const listenerPort = numberValue(listener.resource.values.port)!;
  const protocol = String(listener.resource.values.protocol);

  // Listener → target group.
  const forward = blocks(listener.resource.values.default_action).find((action) => action.type === 'forward');
  const targetGroupReading = readReference(route.app, listener.stack, forward?.target_group_arn);
  const listenerAt = { name: 'listener', stack: listener.stack.id, address: listener.resource.address };
  if (
    nlb.resource.values.load_balancer_type !== 'network' ||
    targetGroupReading.kind !== 'resolved' ||
    targetGroupReading.resolution.resource.type !== 'aws_lb_target_group'
  ) {
    chain.fail({
      ...listenerAt,
      attribute: nlb.resource.values.load_balancer_type !== 'network' ? `${nlb.resource.address}.load_balancer_type` : 'default_action.target_group_arn',
      problem: 'the listener does not forward to a target group of a network load balancer',
      fix: 'forward the listener to the service target group',
    });
  }
  const targetGroup: Located = { stack: targetGroupReading.resolution.stack, resource: targetGroupReading.resolution.resource };
  chain.pass({ ...listenerAt, detail: `${protocol}:${listenerPort} on ${nlb.resource.address} → ${targetGroup.resource.address}` });

  const targetProtocol = String(targetGroup.resource.values.protocol);
  const compatible = protocol === 'TLS' ? ['TLS', 'TCP'].includes(targetProtocol) : targetProtocol === protocol;
  chain.check(
    compatible && targetGroup.resource.values.target_type === 'ip',
    {
      name: 'target-group',
      stack: targetGroup.stack.id,
      address: targetGroup.resource.address,
      detail: `${targetProtocol}:${String(targetGroup.resource.values.port)}, ip targets`,
    },
    {
      attribute: compatible ? 'target_type' : 'protocol',
      problem: compatible
        ? `target_type is ${String(targetGroup.resource.values.target_type)}; backends in spoke accounts are reached by IP`
        : `target group protocol ${targetProtocol} does not carry ${protocol} listener traffic`,
      fix: compatible ? 'use target_type ip' : `use protocol ${protocol} on the target group`,
    },
  );

  // Target group → targets inside one spoke VPC.
  const attachments = referrers(route, 'aws_lb_target_group_attachment', 'target_group_arn', targetGroup, 'arn');
  const spokes = spokeAttachments(route);
  const targetPort = numberValue(targetGroup.resource.values.port);
  let spoke: SpokeVpc | undefined;
  const addresses: string[] = [];
  for (const attachment of attachments) {
    const at = { name: 'targets', stack: attachment.stack.id, address: attachment.resource.address };
    const ip = String(attachment.resource.values.target_id);
    if (attachment.resource.values.availability_zone !== 'all') {
      chain.fail({
        ...at,
        attribute: 'availability_zone',
        problem: `availability_zone is ${JSON.stringify(attachment.resource.values.availability_zone)}; an IP target outside the NLB's VPC must be registered with "all"`,
        fix: 'set availability_zone = "all"',
      });
    }
    const home = ipaddr.IPv4.isValidFourPartDecimal(ip) ? spokes.find((candidate) => ipaddr.IPv4.parse(ip).match(candidate.range)) : undefined;
    if (
      !home ||
      (spoke && home.attachment.resource.address !== spoke.attachment.resource.address) ||
      (spoke && home.attachment.stack.id !== spoke.attachment.stack.id)
    ) {
      chain.fail({
        ...at,
        attribute: 'target_id',
        problem: home
          ? `${ip} is in ${nameOf(home.attachment)} while other targets are in ${nameOf(spoke!.attachment)}`
          : `${ip} is inside no spoke VPC attached to the Transit Gateway (${spokes.map((candidate) => candidate.cidr).join(', ') || 'none declared'})`,
        fix: `register addresses of ${route.service}'s spoke VPC`,
      });
    }
    const port = numberValue(attachment.resource.values.port) ?? targetPort;
    if (port !== targetPort)
      chain.fail({
        ...at,
        attribute: 'port',
        problem: `target port ${String(port)} differs from the target group port ${String(targetPort)}`,
        fix: 'register the backend port',
      });
    spoke = home;
    addresses.push(ip);
  }
  if (!spoke) {
    chain.fail({
      name: 'targets',
      stack: targetGroup.stack.id,
      address: targetGroup.resource.address,
      attribute: 'aws_lb_target_group_attachment',
      problem: 'the target group has no registered targets',
      fix: `register ${route.service}'s backend addresses`,
    });
  }
  chain.pass({
    name: 'targets',
    stack: targetGroup.stack.id,
    address: targetGroup.resource.address,
    detail: `${addresses.join(', ')}:${String(targetPort)} in ${spoke.cidr} (${nameOf(spoke.attachment)}), availability_zone all`,
  });

  proveNetwork(chain, route, { nlb, listenerPort, targetPort: targetPort ?? listenerPort, addresses, spoke });
}

/**
 * The integration URI as API Gateway sees it: `$${stageVariables.x}` becomes the stage variable (whose value may
 * itself hold references Terraform substitutes). Scheme must match the listener protocol (https ↔ TLS,
 * http ↔ TCP), the host of a TLS backend must be the server name its certificate covers, and the port the listener's.
 */
function proveIntegrationUri(chain: Chain, route: Route, stage: Located, listener: Located): void {
  const integration = route.operation['x-amazon-apigateway-integration'] as Record<string, unknown>;
  const attribute = bodyAttribute(route, 'x-amazon-apigateway-integration', 'uri');
  const apiAt = { stack: route.api.stack.id, address: route.api.resource.address };
  const variables = isAttributes(stage.resource.values.variables) ? stage.resource.values.variables : {};
  const parts: TemplatePart[] = [];
  for (const part of parseTemplate(String(integration.uri ?? ''))) {
    const variable = part.kind === 'escaped' ? /^stageVariables\.([A-Za-z0-9_]+)$/.exec(part.expression)?.[1] : undefined;
    if (part.kind === 'reference' && part.expression.startsWith('stageVariables.')) {
      chain.fail({
        name: 'integration-uri',
        ...apiAt,
        attribute,
        problem: `\${${part.expression}} is unescaped: Terraform treats it as its own reference and rejects the configuration`,
        fix: 'write API Gateway variables as $${stageVariables.name} in Terraform JSON',
      });
    }
    if (variable === undefined) {
      parts.push(part.kind === 'escaped' ? { kind: 'text', text: `\${${part.expression}}` } : part);
      continue;
    }
    const value = variables[variable];
    if (typeof value !== 'string') {
      chain.fail({
        name: 'integration-uri',
        stack: stage.stack.id,
        address: stage.resource.address,
        attribute: `variables.${variable}`,
        problem: `the URI uses stageVariables.${variable}, which the stage does not define`,
        fix: `define the stage variable ${variable}`,
      });
    }
    parts.push(...parseTemplate(value));
  }
  // References stand in the rendered URI as «index» so that scheme, host and port split on literal text.
  const rendered = parts.map((part, index) => (part.kind === 'text' ? part.text : `«${index}»`)).join('');
  const uri = /^([a-z]+):\/\/([^/?#]*)/.exec(rendered);
  if (!uri)
    chain.fail({
      name: 'integration-uri',
      ...apiAt,
      attribute,
      problem: `${JSON.stringify(integration.uri)} is not an absolute http(s) URI`,
      fix: 'use https://<server name>:<port>/... (TLS) or http://<host>:<port>/... (TCP)',
    });
  const [, scheme, authority] = uri as unknown as [string, string, string];
  const portMatch = /:(\d+)$/.exec(authority);
  const hostText = portMatch ? authority.slice(0, -portMatch[0].length) : authority;
  const port = portMatch ? Number(portMatch[1]) : scheme === 'https' ? 443 : 80;
  const protocol = String(listener.resource.values.protocol);
  const listenerPort = numberValue(listener.resource.values.port);
  const listenerAt = { stack: listener.stack.id, address: listener.resource.address };

  const expectedScheme = protocol === 'TLS' ? 'https' : protocol === 'TCP' ? 'http' : undefined;
  chain.check(
    scheme === expectedScheme,
    { name: 'integration-scheme', ...apiAt, detail: `${scheme}:// to a ${protocol} listener` },
    {
      attribute,
      problem: expectedScheme
        ? `${scheme}:// to the ${protocol} listener ${listener.resource.address}: ${protocol === 'TCP' ? 'API Gateway starts a TLS handshake with a plaintext backend' : 'API Gateway sends plaintext to a TLS listener'}`
        : `listener protocol ${protocol} cannot carry a REST integration`,
      fix: expectedScheme ? `use ${expectedScheme}:// for a ${protocol} backend (derive the scheme from the listener protocol)` : 'use a TLS or TCP listener',
    },
  );

  const reference = /^\u00ab(\d+)\u00bb$/.exec(hostText); // «index», escaped: the synth bundle stays ASCII
  const hostPart = reference ? parts[Number(reference[1])] : undefined;
  const hostDisplay = hostPart && hostPart.kind === 'reference' ? `\${${hostPart.expression}}` : hostText;
  if (protocol === 'TLS') {
    const serverName = tagsOf(listener.resource)[TLS_SERVER_NAME_TAG];
    const resolved = hostPart?.kind === 'reference' ? resolveExpression(route.app, stage.stack, hostPart.expression) : undefined;
    // The NLB's own name is wrong whatever the listener declares: say so first, it is the usual mistake.
    if (resolved?.kind === 'resource' && resolved.resource.type === 'aws_lb') {
      chain.fail({
        name: 'integration-host',
        ...apiAt,
        attribute: `${attribute} (host)`,
        problem: `host is the NLB DNS name (${nameOf({ stack: resolved.stack, resource: resolved.resource })}.${resolved.attribute}); API Gateway verifies the backend certificate against the URI host and no backend certificate covers *.elb.amazonaws.com`,
        fix: "use the backend's declared TLS server name as the URI host (stage variable backendHost = <server name>:<listener port>)",
      });
    }
    if (typeof serverName !== 'string' || serverName === '') {
      chain.fail({
        name: 'integration-host',
        ...listenerAt,
        attribute: `tags["${TLS_SERVER_NAME_TAG}"]`,
        problem: 'the TLS listener declares no server name, so nothing proves the backend certificate matches the URI host',
        fix: "declare the backend's TLS server name (tag uag:tls-server-name from the service configuration)",
      });
    }
    chain.check(
      hostText === serverName,
      { name: 'integration-host', ...apiAt, detail: `host ${serverName} = TLS server name of ${listener.resource.address}` },
      {
        attribute: `${attribute} (host)`,
        problem: `host ${hostDisplay} is not the listener's TLS server name ${serverName}: API Gateway verifies the backend certificate against the URI host and fails the call`,
        fix: `use the declared server name ${serverName} as the URI host (stage variable backendHost = ${serverName}:${String(listenerPort)})`,
      },
    );
  } else {
    // Plaintext has no certificate to match: the host only sets the Host header; name what it resolves to.
    const resolved = hostPart?.kind === 'reference' ? resolveExpression(route.app, stage.stack, hostPart.expression) : undefined;
    const shown = resolved?.kind === 'resource' ? `${nameOf({ stack: resolved.stack, resource: resolved.resource })}.${resolved.attribute}` : hostDisplay;
    chain.check(
      hostText.length > 0,
      { name: 'integration-host', ...apiAt, detail: `host ${shown} (plaintext: no certificate to match)` },
      { attribute: `${attribute} (host)`, problem: 'the URI has no host', fix: 'use the NLB DNS name as host' },
    );
  }
  chain.check(
    port === listenerPort,
    { name: 'integration-port', ...apiAt, detail: `port ${port} = ${listener.resource.address}.port` },
    {
      attribute: `${attribute} (port)`,
      problem: `the URI port ${port} is not the listener port ${String(listenerPort)}; the NLB has nothing listening there for ${route.service}`,
      fix: `use port ${String(listenerPort)} in the URI (stage variable backendHost)`,
    },
  );
}

/**
 * The listeners of the route's service: BackendListener's construct id is `Backend-<service>` (construct ids are
 * a contract, they never change for a live resource), which the synthesized metadata path carries.
 */
function listenersOf(route: Route): readonly Located[] {
  const byService = route.app.memo(`listeners\u0001${route.environment}`, () => {
    const index = new Map<string, Located[]>();
    for (const listener of resourcesOfType(route, 'aws_lb_listener')) {
      for (const segment of constructPathOf(listener).split('/')) {
        if (!segment.startsWith('Backend-')) continue;
        const service = segment.slice('Backend-'.length);
        index.set(service, [...(index.get(service) ?? []), listener]);
      }
    }
    return index;
  });
  return byService.get(route.service) ?? [];
}

function constructPathOf(located: Located): string {
  const meta = located.resource.values['//'];
  const metadata = isAttributes(meta) ? block(meta.metadata) : undefined;
  return typeof metadata?.path === 'string' ? metadata.path : '';
}
