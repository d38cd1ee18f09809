import { exampleEnvironment } from '../../support/example-config';
import { synthEnvironment } from '../../support/environment-json';
import type { TerraformJson } from '../../support/synth-json';

const resources = (json: TerraformJson, type: string) => Object.values(json.resource?.[type] ?? {});
const named = (json: TerraformJson, type: string, fragment: string) =>
  Object.entries(json.resource?.[type] ?? {}).find(([name]) => name.includes(fragment))![1];

describe('private integrations, one NLB per service (prod)', () => {
  const gateway = synthEnvironment(exampleEnvironment('prod')).get('prod-gateway')!;

  it('has an internal, cross-zone, deletion-protected NLB with access logs per service', () => {
    const balancers = resources(gateway, 'aws_lb');
    expect(balancers.map((lb) => lb.name).sort()).toEqual(['prod-customers', 'prod-ledger', 'prod-payments']);
    for (const lb of balancers) {
      expect(lb).toMatchObject({
        internal: true,
        load_balancer_type: 'network',
        enable_cross_zone_load_balancing: true,
        enable_deletion_protection: true,
        access_logs: { bucket: 'example-uag-nlb-logs-prod', enabled: true },
      });
    }
  });

  it('targets the backend addresses in the other account by IP with availability zone "all"', () => {
    const targets = resources(gateway, 'aws_lb_target_group_attachment').filter((target) => String(target.target_group_arn).includes('payments'));
    expect(targets.map((target) => target.target_id).sort()).toEqual(['10.20.1.10', '10.20.2.10', '10.20.3.10']);
    for (const target of targets) expect(target).toMatchObject({ availability_zone: 'all', port: 8443 });
    expect(named(gateway, 'aws_lb_target_group', 'payments')).toMatchObject({
      target_type: 'ip',
      protocol: 'TLS',
      port: 8443,
      health_check: expect.objectContaining({ protocol: 'HTTPS', path: '/health' }),
    });
  });

  it('uses a TLS 1.2+ listener for TLS backends and a TCP listener otherwise', () => {
    expect(named(gateway, 'aws_lb_listener', 'payments')).toMatchObject({ protocol: 'TLS', port: 8443, ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' });
    const ledger = named(gateway, 'aws_lb_listener', 'ledger');
    expect(ledger).toMatchObject({ protocol: 'TCP', port: 8080 });
    expect(ledger.ssl_policy).toBeUndefined();
  });

  it('names the host a TLS listener is called as (the tlsServerName its certificate covers); a TCP listener has none', () => {
    expect(named(gateway, 'aws_lb_listener', 'payments').tags).toEqual({ 'uag:tls-server-name': 'payments.backends.example.com' });
    expect(named(gateway, 'aws_lb_listener', 'ledger').tags).toBeUndefined();
  });

  it('admits only the gateway VPC and reaches only the backend network', () => {
    const ofNlb = (type: string) =>
      resources(gateway, type).filter((rule) => /aws_security_group\.Network_PrivateIntegrations_Nlb-/.test(String(rule.security_group_id)));
    const ingress = ofNlb('aws_vpc_security_group_ingress_rule');
    expect(ingress.length).toBeGreaterThan(0);
    expect(new Set(ingress.map((rule) => rule.cidr_ipv4))).toEqual(new Set(['10.10.0.0/20']));
    const egress = ofNlb('aws_vpc_security_group_egress_rule').filter((rule) => rule.from_port === 8080);
    expect(egress.map((rule) => rule.cidr_ipv4)).toEqual(['10.21.0.0/16']);
  });

  it('has one VPC link per service, each on its own NLB', () => {
    const links = resources(gateway, 'aws_api_gateway_vpc_link');
    expect(links.map((link) => link.name).sort()).toEqual(['prod-customers', 'prod-ledger', 'prod-payments']);
    expect(named(gateway, 'aws_api_gateway_vpc_link', 'payments').target_arns).toEqual([expect.stringMatching(/aws_lb\.[\w-]*payments[\w-]*\.arn/)]);
  });

  it('outputs the VPC link, NLB address and port each API stack needs', () => {
    expect(Object.keys(gateway.output!)).toEqual(
      expect.arrayContaining(['vpc_link_id_payments', 'nlb_dns_name_payments', 'nlb_listener_port_payments', 'gateway_vpc_id']),
    );
  });
});

describe('private integrations, shared NLB (dev)', () => {
  const gateway = synthEnvironment(exampleEnvironment('dev')).get('dev-gateway')!;

  it('has one NLB and one VPC link for every service, without deletion protection in dev', () => {
    expect(resources(gateway, 'aws_lb').map((lb) => [lb.name, lb.enable_deletion_protection])).toEqual([['dev-shared', false]]);
    expect(resources(gateway, 'aws_api_gateway_vpc_link').map((link) => link.name)).toEqual(['dev-shared']);
  });

  it('has a listener per service port, each forwarding to that service', () => {
    const listeners = resources(gateway, 'aws_lb_listener')
      .map((listener) => [listener.port as number, String((listener.default_action as { target_group_arn: string }[])[0].target_group_arn)] as const)
      .sort(([a], [b]) => a - b);
    expect(listeners).toEqual([
      [8080, expect.stringContaining('ledger')],
      [8443, expect.stringContaining('payments')],
      [9443, expect.stringContaining('customers')],
    ]);
    for (const listener of resources(gateway, 'aws_lb_listener')) expect(listener.load_balancer_arn).toMatch(/aws_lb\.[\w-]*shared[\w-]*\.arn/);
  });
});
