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
    expect(errorOf(malformed('future-format.plan.json')).message).toMatch(/\(format_version\): is 2\.0; this report reads format 1\.x/);
  });
});
