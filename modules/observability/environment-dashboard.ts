import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';

export interface EnvironmentDashboardProps {
  readonly name: string;
  readonly region: string;
  /** API names and their stage: one row of widgets per API. */
  readonly apis: readonly { readonly apiName: string; readonly stageName: string }[];
}

/** One dashboard per environment: traffic, tail latency and error rates of every API, side by side. */
export class EnvironmentDashboard extends Construct {
  constructor(scope: Construct, id: string, props: EnvironmentDashboardProps) {
    super(scope, id);
    const metric = (name: string, api: { apiName: string; stageName: string }, stat: string) => [
      'AWS/ApiGateway',
      name,
      'ApiName',
      api.apiName,
      'Stage',
      api.stageName,
      { stat },
    ];
    const widgets = props.apis.flatMap((api, row) => [
      {
        type: 'metric',
        x: 0,
        y: row * 6,
        width: 8,
        height: 6,
        properties: { title: `${api.apiName}: requests`, region: props.region, metrics: [metric('Count', api, 'Sum')], period: 60 },
      },
      {
        type: 'metric',
        x: 8,
        y: row * 6,
        width: 8,
        height: 6,
        properties: {
          title: `${api.apiName}: latency`,
          region: props.region,
          metrics: [metric('Latency', api, 'p95'), metric('Latency', api, 'p99'), metric('IntegrationLatency', api, 'p99')],
          period: 60,
        },
      },
      {
        type: 'metric',
        x: 16,
        y: row * 6,
        width: 8,
        height: 6,
        properties: {
          title: `${api.apiName}: error rates`,
          region: props.region,
          metrics: [metric('4XXError', api, 'Average'), metric('5XXError', api, 'Average')],
          period: 60,
        },
      },
    ]);
    new CloudwatchDashboard(this, 'Resource', { dashboardName: props.name, dashboardBody: JSON.stringify({ widgets }) });
  }
}
