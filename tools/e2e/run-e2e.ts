import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../../lib/config/load';
import { selectEnvironments } from '../../app/select-environments';
import { synthesize } from '../../app/synthesize';
import { readManifest, type SynthesizedStack } from '../terraform/manifest';
import { offlineCliConfig } from '../terraform/offline-cli-config';
import { mapWithConcurrency } from '../terraform/run-command';
import { startEmulator, type RunningEmulator } from './emulator-process';
import { writeEmulatorOverrides } from './overrides';
import { seedFromEnvironment, type EmulatorSeed } from './seed';
import {
  cdktfDeploy,
  cdktfErrors,
  declaredResources,
  jsonDiagnostics,
  plannedChanges,
  stateResources,
  terraform,
  type PlannedChange,
  type StepOptions,
} from './terraform-steps';

/** Stacks of one dependency level applied (planned, destroyed) at once: terraform mostly waits on the emulator. */
const STACK_CONCURRENCY = 4;

export interface StackOutcome {
  readonly stack: string;
  readonly declared: number;
  applied: number;
  failed: number;
  applyErrors: string[];
  /** Undefined when the re-plan did not run (the apply failed). */
  replanClean?: boolean;
  replanChanges: PlannedChange[];
  replanErrors: string[];
  destroyed?: boolean;
  destroyErrors: string[];
  readonly seconds: { apply: number; plan: number; destroy: number };
}

export interface E2eResult {
  /** Process id the emulator ran as (stopped by the time the result is returned). */
  readonly emulatorPid: number;
  readonly stacks: StackOutcome[];
  readonly leftovers: string[];
  readonly seconds: number;
  readonly ok: boolean;
}

export interface E2eOptions {
  /** Configuration root (environments/, services/). */
  readonly configDir: string;
  /** ENV selection, as for `make synth`. */
  readonly environments?: string;
  /** Scratch directory: the emulation-mode synth, terraform data, logs. Replaced on every run. */
  readonly workDir: string;
  readonly mirror: string;
  readonly terraform?: string;
  /** Progress lines (stack, step, seconds). */
  readonly log?: (line: string) => void;
  /** Only these stacks (each with every stack it depends on); @default - every stack of the environments. */
  readonly stacks?: readonly string[];
  /** Runs between the synth and the emulator start (the planted-defect test edits the output here). */
  readonly afterSynth?: (outdir: string, stacks: readonly SynthesizedStack[]) => void;
}

/** Dependency levels of the manifest: every stack comes after the stacks it depends on. */
export function dependencyLevels(stacks: readonly SynthesizedStack[]): SynthesizedStack[][] {
  const levels: SynthesizedStack[][] = [];
  const placed = new Set<string>();
  let remaining = [...stacks];
  while (remaining.length > 0) {
    const ready = remaining.filter((stack) => stack.dependencies.every((dependency) => placed.has(dependency)));
    if (ready.length === 0) throw new Error(`dependency cycle or unknown dependency among ${remaining.map((stack) => stack.id).join(', ')}`);
    levels.push(ready);
    for (const stack of ready) placed.add(stack.id);
    remaining = remaining.filter((stack) => !placed.has(stack.id));
  }
  return levels;
}

/**
 * The emulated apply: synth (the stack JSON exactly as `make synth` writes it) → emulator override per stack →
 * apply every stack in dependency order → `plan -detailed-exitcode` every stack (0 required) → destroy in
 * reverse order → nothing of the project left in the emulator. Up to four stacks of one dependency level run at once.
 * The emulator is stopped whatever happens.
 */
export async function runE2e(options: E2eOptions): Promise<E2eResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  rmSync(options.workDir, { recursive: true, force: true });
  mkdirSync(options.workDir, { recursive: true });
  const outdir = path.join(options.workDir, 'cdktf.out');
  synthesize({
    configDir: options.configDir,
    outdir,
    environments: options.environments,
  });
  const stacks = selectStacks(readManifest(outdir), options.stacks);
  options.afterSynth?.(outdir, stacks);

  const config = loadConfig(options.configDir);
  const seeds = selectEnvironments(config, options.environments).map(({ config: environment }) => seedFromEnvironment(environment));
  const seedFile = path.join(options.workDir, 'seed.json');
  writeFileSync(seedFile, `${JSON.stringify(mergeSeeds(seeds), null, 2)}\n`);

  const emulator = await startEmulator(seedFile, 'python3', path.join(options.workDir, 'emulator.log'));
  log(`emulator ${emulator.url} (pid ${emulator.pid})`);
  try {
    writeEmulatorOverrides(stacks, emulator.url);
    const stepOptions = terraformEnvironment(options, emulator);
    const outcomes = new Map(stacks.map((stack) => [stack.id, newOutcome(stack)]));
    const levels = dependencyLevels(stacks);
    const logDir = path.join(options.workDir, 'logs');
    mkdirSync(logDir, { recursive: true });
    const save = (stack: SynthesizedStack, step: string, output: { stdout: string; stderr: string }) =>
      writeFileSync(path.join(logDir, `${stack.id}.${step}.log`), `${output.stdout}\n${output.stderr}`);

    for (const level of levels) {
      await mapWithConcurrency(level, STACK_CONCURRENCY, async (stack) => {
        const outcome = outcomes.get(stack.id)!;
        const t0 = Date.now();
        // The README's deploy command over the synthesized output (decision 0018): cdktf runs init and apply.
        const apply = await cdktfDeploy(stack, outdir, stepOptions);
        save(stack, 'apply', apply);
        if (apply.code !== 0) outcome.applyErrors.push(...cdktfErrors(apply.stdout, apply.stderr));
        outcome.applied = (await stateResources(stack, stepOptions)).length;
        outcome.failed = outcome.declared - outcome.applied;
        outcome.seconds.apply = (Date.now() - t0) / 1000;
        log(
          `apply   ${stack.id}: ${outcome.applied}/${outcome.declared} in ${outcome.seconds.apply.toFixed(0)} s${
            outcome.applyErrors.length ? ` (${outcome.applyErrors.length} errors)` : ''
          }`,
        );
      });
    }

    await mapWithConcurrency(stacks, STACK_CONCURRENCY, async (stack) => {
      const outcome = outcomes.get(stack.id)!;
      if (outcome.applyErrors.length > 0) return;
      const t0 = Date.now();
      const plan = await terraform(stack, ['plan', '-detailed-exitcode', '-input=false', '-no-color', '-lock=false'], stepOptions);
      save(stack, 'plan', plan);
      outcome.seconds.plan = (Date.now() - t0) / 1000;
      // Clean means no change at all: every answer moto gives unlike AWS is shimmed (tools/e2e/emulator), so any
      // planned change is a perpetual diff of the constructs (or a shim still missing); there is no allow-list.
      outcome.replanChanges.push(...(plan.code === 2 ? plannedChanges(plan.stdout) : []));
      outcome.replanClean = plan.code === 0;
      if (plan.code === 1) outcome.replanErrors.push((plan.stderr || plan.stdout).trim().replace(/\s+/g, ' ').slice(0, 600));
      log(`re-plan ${stack.id}: ${outcome.replanClean ? 'no changes' : `${outcome.replanChanges.length} changes`} in ${outcome.seconds.plan.toFixed(0)} s`);
    });

    for (const level of [...levels].reverse()) {
      await mapWithConcurrency(level, STACK_CONCURRENCY, async (stack) => {
        const outcome = outcomes.get(stack.id)!;
        const t0 = Date.now();
        const destroy = await terraform(stack, ['destroy', '-auto-approve', '-input=false', '-json'], stepOptions);
        save(stack, 'destroy', destroy);
        const remaining = await stateResources(stack, stepOptions);
        outcome.destroyed = destroy.code === 0 && remaining.length === 0;
        if (!outcome.destroyed)
          outcome.destroyErrors.push(...jsonDiagnostics(destroy.stdout, destroy.stderr), ...remaining.map((address) => `${address}: still in state`));
        outcome.seconds.destroy = (Date.now() - t0) / 1000;
        log(`destroy ${stack.id}: ${outcome.destroyed ? 'done' : 'FAILED'} in ${outcome.seconds.destroy.toFixed(0)} s`);
      });
    }

    const leftovers = await emulator.leftovers();
    const results = [...outcomes.values()];
    const ok =
      leftovers.length === 0 &&
      results.every((outcome) => outcome.failed === 0 && outcome.applyErrors.length === 0 && outcome.replanClean === true && outcome.destroyed === true);
    return {
      emulatorPid: emulator.pid,
      stacks: results,
      leftovers,
      seconds: (Date.now() - started) / 1000,
      ok,
    };
  } finally {
    await emulator.stop();
  }
}

function selectStacks(stacks: SynthesizedStack[], selection: readonly string[] | undefined): SynthesizedStack[] {
  if (!selection) return stacks;
  const unknown = selection.filter((id) => !stacks.some((stack) => stack.id === id));
  if (unknown.length > 0) throw new Error(`no stack ${unknown.join(', ')} in the synthesized output (stacks: ${stacks.map((stack) => stack.id).join(', ')})`);
  const wanted = new Set<string>();
  const add = (id: string): void => {
    if (wanted.has(id)) return;
    wanted.add(id);
    for (const dependency of stacks.find((stack) => stack.id === id)!.dependencies) add(dependency);
  };
  selection.forEach(add);
  return stacks.filter((stack) => wanted.has(stack.id));
}

function newOutcome(stack: SynthesizedStack): StackOutcome {
  return {
    stack: stack.id,
    declared: declaredResources(stack).length,
    applied: 0,
    failed: 0,
    applyErrors: [],
    replanChanges: [],
    replanErrors: [],
    destroyErrors: [],
    seconds: { apply: 0, plan: 0, destroy: 0 },
  };
}

/** Offline terraform talking to the emulator: mirror-only providers (symlinked from one cache), no real credentials. */
function terraformEnvironment(options: E2eOptions, emulator: RunningEmulator): StepOptions {
  const cacheDir = path.join(options.workDir, 'plugin-cache');
  mkdirSync(cacheDir, { recursive: true });
  const cliConfig = path.join(options.workDir, 'terraform-e2e.tfrc');
  writeFileSync(cliConfig, `plugin_cache_dir = ${JSON.stringify(cacheDir)}\n${offlineCliConfig(options.mirror)}`);
  return {
    terraform: options.terraform ?? 'terraform',
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: '1',
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      UAG_E2E_DATA_DIR: path.join(options.workDir, 'data'),
      UAG_E2E_EMULATOR: emulator.url,
      AWS_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  };
}

function mergeSeeds(seeds: readonly EmulatorSeed[]): Record<string, unknown> {
  if (seeds.length === 1) return { ...seeds[0] };
  throw new Error('make e2e runs one environment at a time (ENV=dev): the environments share account ids');
}
