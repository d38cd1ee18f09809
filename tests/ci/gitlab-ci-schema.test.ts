import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse, stringify } from 'yaml';
import { compiledSchema } from '../../lib/compiled-schema';
import type { AffectedResult } from '../../tools/ci/affected-stacks';
import { childPipeline, pipelineStacks, type PipelineMode, type PipelineStack } from '../../tools/ci/child-pipeline';
import { main as ciMain } from '../../tools/ci/cli';
import { placementsFromConfig } from '../../tools/plan-report/stack-placements';
import { REPO_ROOT } from '../support/example-config';
import { sharedExampleSynth } from '../support/shared-example';

/** GitLab's official CI schema (draft-07), checked out beside the repository as in CI. */
const SCHEMA_FILE = path.resolve(REPO_ROOT, '../shared/schemas/gitlab-ci.json');

type Job = Record<string, unknown> & { needs?: (string | { job?: string; pipeline?: string; artifacts?: boolean })[]; extends?: string };

// GitLab's schema is large: compiled once per machine (lib/compiled-schema.ts) and loaded once per file.
let compiled: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  if (!existsSync(SCHEMA_FILE)) throw new Error(`${SCHEMA_FILE} is missing: CI clones the shared repository (schemas/gitlab-ci.json) beside this one`);
  compiled = compiledSchema({
    schema: JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object,
    options: { allErrors: true, strict: false },
    createAjv: (options) => addFormats(new Ajv(options)),
  });
  return compiled;
}

function errorsOf(validate: ValidateFunction, document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
}

describe('.gitlab-ci.yml', () => {
  const validate = schemaValidator();
  const pipeline = parse(readFileSync(path.join(REPO_ROOT, '.gitlab-ci.yml'), 'utf8')) as Record<string, Job> & { variables: Record<string, string> };

  it('is valid against GitLab’s CI schema', () => {
    expect(errorsOf(validate, pipeline)).toEqual([]);
  });

  it('fails validation when a job is malformed (the schema check can fail)', () => {
    const broken = { ...pipeline, lint: { ...pipeline.lint, when: 'sometimes' } };
    expect(errorsOf(validate, broken).length).toBeGreaterThan(0);
  });

  it('blanks cloud credentials for every job', () => {
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE']) {
      expect(pipeline.variables[name]).toBe('');
    }
    const withTokens = Object.entries(pipeline).filter(([, job]) => typeof job === 'object' && job !== null && 'id_tokens' in job);
    expect(withTokens).toEqual([]);
  });

  it('publishes unit tests and tflint as reports and keeps cdktf.out as the synth artifact', () => {
    expect(pipeline['unit-tests'].artifacts).toMatchObject({ reports: { junit: '.tmp/reports/jest-junit.xml' } });
    expect(pipeline.tflint.artifacts).toMatchObject({
      reports: { codequality: '.tmp/reports/tflint-codequality.json', junit: '.tmp/reports/tflint-junit.xml' },
    });
    expect(pipeline.synth.artifacts).toMatchObject({ paths: ['cdktf.out/'], access: 'developer' });
  });

  it('triggers each child pipeline from the artifact of the job that generates it', () => {
    for (const [trigger, generator, mode] of [
      ['plan', 'generate-plan-pipeline', 'merge-request'],
      ['deploy', 'generate-deploy-pipeline', 'deploy'],
      ['drift', 'generate-drift-pipeline', 'drift'],
    ]) {
      expect(pipeline[trigger].trigger).toEqual({ include: [{ artifact: 'child-pipeline.yml', job: generator }], strategy: 'depend' });
      expect(pipeline[trigger].variables).toEqual({ PARENT_PIPELINE_ID: '$CI_PIPELINE_ID' });
      expect((pipeline[generator].script as string[]).join('\n')).toContain(`child-pipeline --mode ${mode} --out child-pipeline.yml`);
    }
  });
});

describe('generated child pipelines', () => {
  const validate = schemaValidator();
  let stacks: PipelineStack[] = [];
  let outdir = '';

  beforeAll(() => {
    outdir = sharedExampleSynth().outdir;
    stacks = pipelineStacks(outdir, placementsFromConfig(REPO_ROOT));
  });

  /** As the CLI writes it: through YAML and back. */
  const generated = (mode: PipelineMode): Record<string, Job> =>
    parse(stringify(childPipeline(stacks, { mode, manualEnvironments: ['prod'] }))) as Record<string, Job>;

  it.each(['merge-request', 'deploy', 'drift'] as const)('%s pipeline is valid against GitLab’s CI schema', (mode) => {
    expect(errorsOf(validate, generated(mode))).toEqual([]);
  });

  it.each(['merge-request', 'deploy', 'drift'] as const)('the CLI writes a %s pipeline file GitLab accepts', async (mode) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'uag-child-yml-')), 'child-pipeline.yml');
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await expect(ciMain(['child-pipeline', '--mode', mode, '--outdir', outdir, '--out', file, '--config-dir', REPO_ROOT])).resolves.toBe(0);
    } finally {
      log.mockRestore();
    }
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# Generated by tools\/ci\/child-pipeline\.ts/);
    expect(errorsOf(validate, parse(text))).toEqual([]);
  });

  it('the CLI refuses an unknown mode', async () => {
    const error = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(ciMain(['child-pipeline', '--mode', 'nightly', '--outdir', outdir])).resolves.toBe(2);
    } finally {
      error.mockRestore();
    }
  });

  it.each(['merge-request', 'deploy', 'drift'] as const)('%s pipeline only needs and extends jobs that exist', (mode) => {
    const jobs = generated(mode);
    for (const [name, job] of Object.entries(jobs)) {
      if (typeof job !== 'object' || job === null || Array.isArray(job)) continue;
      if (job.extends) expect([name, jobs[job.extends]]).toEqual([name, expect.any(Object)]);
      for (const need of job.needs ?? []) {
        const target = typeof need === 'string' ? need : need.job;
        if (typeof need === 'object' && need.pipeline) continue;
        expect([name, target && jobs[target]]).toEqual([name, expect.any(Object)]);
      }
    }
  });

  it('gives every stack a plan job with its own widget report, restricted artifacts and an ID token', () => {
    const jobs = generated('merge-request');
    expect(stacks.length).toBeGreaterThan(10);
    for (const stack of stacks) {
      const job = jobs[`plan:${stack.id}`];
      expect(job).toMatchObject({ extends: '.plan-stack', variables: { UAG_STACK: stack.id } });
      expect(job.artifacts).toMatchObject({ access: 'developer', reports: { terraform: `plan-report/${stack.id}.terraform-report.json` } });
    }
    expect(jobs['.plan-stack']).toMatchObject({
      id_tokens: { UAG_AWS_ID_TOKEN: { aud: '$UAG_OIDC_AUDIENCE' } },
      needs: [{ pipeline: '$PARENT_PIPELINE_ID', job: 'synth' }],
    });
    expect(jobs.summary).toMatchObject({ stage: 'summary', script: ['bash tools/ci/merge-request-summary.sh'] });
  });

  it('applies in dependency order from the saved plan, one resource group per stack, prod manual', () => {
    const jobs = generated('deploy');
    for (const stack of stacks) {
      const plan = jobs[`plan:${stack.id}`];
      const apply = jobs[`apply:${stack.id}`];
      expect(plan.resource_group).toBe(`terraform-${stack.id}`);
      expect(apply.resource_group).toBe(`terraform-${stack.id}`);
      expect(apply.needs).toContainEqual({ job: `plan:${stack.id}`, artifacts: true });
      expect(plan.artifacts).toMatchObject({ paths: expect.arrayContaining([`plans/${stack.id}.tfplan`]) });
      for (const dependency of stack.dependencies) expect(plan.needs).toContainEqual({ job: `apply:${dependency}`, artifacts: false });
      expect(apply.environment).toEqual({ name: stack.environment, action: 'start' });
      if (stack.environment === 'prod') expect(apply).toMatchObject({ when: 'manual', allow_failure: false });
      else expect(apply.when).toBeUndefined();
    }
    const gateway = stacks.find((stack) => stack.id === 'dev-gateway');
    expect(gateway?.dependencies).toEqual(['dev-network']);
  });

  it('lists stacks after the stacks they depend on', () => {
    const position = new Map(stacks.map((stack, index) => [stack.id, index]));
    for (const stack of stacks) for (const dependency of stack.dependencies) expect(position.get(dependency)).toBeLessThan(position.get(stack.id) as number);
  });

  describe('merge-request pipeline of affected stacks only', () => {
    const affected = (ids: string[], destroyed: AffectedResult['destroyed'] = []): AffectedResult => ({
      base: '0123456789abcdef0123456789abcdef01234567',
      affected: ids.map((id) => ({ id, reasons: [{ kind: 'changed' as const }] })),
      destroyed,
      unchanged: stacks.length - ids.length,
      total: stacks.length,
    });
    const scoped = (result: AffectedResult): Record<string, Job> =>
      parse(stringify(childPipeline(stacks, { mode: 'merge-request', manualEnvironments: ['prod'], affected: result }))) as Record<string, Job>;
    const planJobs = (jobs: Record<string, Job>) => Object.keys(jobs).filter((name) => name.startsWith('plan:'));

    it('has plan jobs only for the affected stacks and passes the result to the summary, valid for GitLab', () => {
      const result = affected(
        ['dev-gateway', 'dev-api-payments'],
        [{ id: 'dev-api-old', accountId: '444455556666', resources: [{ address: 'aws_api_gateway_rest_api.Api', type: 'aws_api_gateway_rest_api' }] }],
      );
      const jobs = scoped(result);
      expect(errorsOf(validate, jobs)).toEqual([]);
      expect(planJobs(jobs).sort()).toEqual(['plan:dev-api-payments', 'plan:dev-gateway']);
      expect(jobs.summary.variables).toEqual({ UAG_AFFECTED_JSON: { value: JSON.stringify(result), expand: false } });
    });

    it('has no plan job when nothing changed, and is still a valid pipeline (the summary says so)', () => {
      const jobs = scoped(affected([]));
      expect(errorsOf(validate, jobs)).toEqual([]);
      expect(planJobs(jobs)).toEqual([]);
      expect(jobs.summary).toMatchObject({ stage: 'summary', script: ['bash tools/ci/merge-request-summary.sh'] });
    });

    it('the CLI writes the scoped pipeline from an affected.json, and refuses --affected outside merge requests', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'uag-child-affected-'));
      writeFileSync(path.join(dir, 'affected.json'), JSON.stringify(affected(['dev-gateway'])));
      const file = path.join(dir, 'child-pipeline.yml');
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        await expect(
          ciMain([
            'child-pipeline',
            '--mode',
            'merge-request',
            '--affected',
            path.join(dir, 'affected.json'),
            '--outdir',
            outdir,
            '--out',
            file,
            '--config-dir',
            REPO_ROOT,
          ]),
        ).resolves.toBe(0);
        expect(log).toHaveBeenCalledWith(
          `ci: merge-request pipeline with 1 of ${stacks.length} stacks written to ${file} (${stacks.length - 1} unchanged skipped, 0 destroyed)`,
        );
        await expect(
          ciMain([
            'child-pipeline',
            '--mode',
            'deploy',
            '--affected',
            path.join(dir, 'affected.json'),
            '--outdir',
            outdir,
            '--out',
            file,
            '--config-dir',
            REPO_ROOT,
          ]),
        ).resolves.toBe(2);
        expect(error).toHaveBeenCalledWith('ci: --affected is for merge-request pipelines; deploy pipelines cover every stack');
      } finally {
        log.mockRestore();
        error.mockRestore();
      }
      const jobs = parse(readFileSync(file, 'utf8')) as Record<string, Job>;
      expect(errorsOf(validate, jobs)).toEqual([]);
      expect(planJobs(jobs)).toEqual(['plan:dev-gateway']);
    });
  });

  it('checks drift per stack with the read-only flow', () => {
    const jobs = generated('drift');
    for (const stack of stacks) expect(jobs[`drift:${stack.id}`]).toMatchObject({ extends: '.drift-stack', variables: { UAG_STACK: stack.id } });
    expect(jobs['.drift-stack'].script).toEqual(['bash tools/ci/stack.sh drift "$UAG_STACK"']);
  });
});
