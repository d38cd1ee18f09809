import * as path from 'node:path';
import { PlanFileError, readPlanFile, stackIdFromFileName } from '../../../tools/plan-report/plan-file';
import { PLAN_FIXTURES } from './fixtures';

const malformed = (name: string): string => path.join(PLAN_FIXTURES, 'malformed', name);

function errorOf(file: string): PlanFileError {
  try {
    readPlanFile(file);
  } catch (error) {
    if (error instanceof PlanFileError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

describe('reading plan files', () => {
  it('names the stack after the file', () => {
    expect(stackIdFromFileName('/builds/plans/dev-spoke-555566666666.plan.json')).toBe('dev-spoke-555566666666');
    expect(readPlanFile(path.join(PLAN_FIXTURES, 'mixed', 'dev-gateway.plan.json')).stack).toBe('dev-gateway');
  });

  it('reads resource drift next to the changes', () => {
    const plan = readPlanFile(path.join(PLAN_FIXTURES, 'mixed', 'dev-gateway.plan.json'));
    expect(plan.resourceChanges).toHaveLength(7);
    expect(plan.resourceDrift.map((change) => change.address)).toEqual(['aws_cloudwatch_log_group.access']);
  });

  it('fails when the file does not exist, naming it', () => {
    const error = errorOf(malformed('missing.plan.json'));
    expect(error.message).toMatch(/missing\.plan\.json: cannot be read \(ENOENT\); pass the output of `terraform show -json <planfile>`/);
  });

  it('fails when the file is empty', () => {
    expect(errorOf(malformed('empty-file.plan.json')).message).toMatch(/empty-file\.plan\.json: is empty;/);
  });

  it('fails when the JSON is truncated, saying so and what to do', () => {
    const error = errorOf(malformed('truncated.plan.json'));
    expect(error.message).toMatch(/truncated\.plan\.json: is truncated after \d+ characters/);
    expect(error.fix).toMatch(/rerun the plan job/);
  });

  it('fails when the file is not JSON (terraform printed an error instead)', () => {
    expect(errorOf(malformed('not-json.plan.json')).message).toMatch(/not-json\.plan\.json: is not valid JSON/);
  });

  it('fails when the JSON is an array', () => {
    expect(errorOf(malformed('array.plan.json')).message).toMatch(/is JSON array, not a Terraform plan object/);
  });

  it('fails when the JSON is a state, not a plan', () => {
    const error = errorOf(malformed('state.plan.json'));
    expect(error.field).toBe('planned_values');
    expect(error.message).toMatch(/this is the JSON of a state, not of a plan/);
  });

  it('fails when a change has no actions, naming the entry', () => {
    const error = errorOf(malformed('missing-actions.plan.json'));
    expect(error.field).toBe('resource_changes[0].change.actions');
    expect(error.message).toMatch(/aws_lb\.backend/);
  });

  it('fails when the plan errored', () => {
    expect(errorOf(malformed('errored.plan.json')).message).toMatch(/\(errored\): is true: Terraform could not finish this plan/);
  });

  it('fails on a format it does not know', () => {
    expect(errorOf(malformed('future-format.plan.json')).message).toContain(
      '(format_version): is 2.0; this report reads formats 0.1, 0.2 and 1.x (Terraform 0.12 to 1.x)',
    );
  });

  it('fails when the JSON is cut inside a value, as Node 20 words it, saying truncated', () => {
    const error = errorOf(malformed('truncated-in-value.plan.json'));
    expect(error.message).toContain(
      "truncated-in-value.plan.json: is truncated after 589 characters (Expected ',' or '}' after property value in JSON at position 589)",
    );
    expect(error.fix).toBe('the plan job was probably interrupted or the artifact upload was cut short; rerun the plan job');
  });

  it('fails on a syntax error in the middle, naming line and column', () => {
    expect(errorOf(malformed('missing-comma.plan.json')).message).toContain('missing-comma.plan.json: is not valid JSON at line 4, column 3 (');
  });

  it('fails when resource_changes is not a list, saying what it is', () => {
    const error = errorOf(malformed('changes-string.plan.json'));
    expect(error.field).toBe('resource_changes');
    expect(error.message).toContain('(resource_changes): must be a list of changes, got the string "none"');
  });
});

describe('plan formats from Terraform 0.12 on', () => {
  const formats = path.join(PLAN_FIXTURES, 'format-versions');

  it.each([
    ['format-0.1/dev-network.plan.json', '0.1', '0.12.31', 5],
    ['format-0.2/dev-security.plan.json', '0.2', '1.0.11', 3],
    ['format-1.0/dev-gateway.plan.json', '1.0', '1.1.9', 3],
    ['format-1.2/dev-api-payments.plan.json', '1.2', '1.11.4', 4],
  ])('reads %s', (file, format, terraform, changes) => {
    const plan = readPlanFile(path.join(formats, file));
    expect([plan.formatVersion, plan.terraformVersion, plan.resourceChanges.length]).toEqual([format, terraform, changes]);
  });

  it('reads resource_changes: null as no changes, as GitLab’s jq filter does', () => {
    expect(readPlanFile(path.join(formats, 'format-0.1/dev-org.plan.json')).resourceChanges).toEqual([]);
  });

  it('keeps previous_address of moved resources', () => {
    const plan = readPlanFile(path.join(formats, 'format-1.0/dev-gateway.plan.json'));
    expect(plan.resourceChanges.map((change) => change.previous_address)).toEqual([
      'aws_cloudwatch_dashboard.Dashboard_9E4231ED',
      'aws_api_gateway_vpc_link.payments',
      undefined,
    ]);
  });
});
