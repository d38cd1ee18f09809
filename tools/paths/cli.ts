import * as path from 'node:path';
import { formatJson, formatText, loadSynthesizedApp, proveRoutes, SynthesizedOutputError } from '../../lib/route-proofs';

const USAGE = `Usage: make paths [ARGS="..."]   (npx tsx tools/paths/cli.ts [options])
Proves every route of the synthesized output (cdktf.out) hop by hop, reading only the output.
  --outdir <dir>      synthesized output (default: cdktf.out, or CDKTF_OUTDIR)
  --env <a,b>         only these environments (default: ENV, else all)
  --service <name>    only this service's routes
  --chains            print every hop of every route
  --format text|json  json for CI (default: text)
Exit code: 0 when every route is proven, 1 when a route is broken, 2 on bad input.`;

interface Options {
  outdir: string;
  environments?: string[];
  service?: string;
  chains: boolean;
  format: 'text' | 'json';
}

function parseArguments(argv: readonly string[]): Options | string {
  const options: Options = { outdir: process.env.CDKTF_OUTDIR ?? path.resolve(__dirname, '../../cdktf.out'), chains: false, format: 'text' };
  const envs = process.env.ENV?.trim();
  if (envs) options.environments = envs.split(/[\s,]+/).filter(Boolean);
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${argument} needs a value`);
      return next;
    };
    switch (argument) {
      case '--outdir':
        options.outdir = path.resolve(value());
        break;
      case '--env':
        options.environments = value()
          .split(/[\s,]+/)
          .filter(Boolean);
        break;
      case '--service':
        options.service = value();
        break;
      case '--chains':
        options.chains = true;
        break;
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json') return `--format must be text or json, got "${format}"`;
        options.format = format;
        break;
      }
      case '--help':
        return '';
      default:
        return `unknown argument "${argument}"`;
    }
  }
  return options;
}

function main(): number {
  let options: Options | string;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    options = (error as Error).message;
  }
  if (typeof options === 'string') {
    if (options) console.error(`paths: ${options}\n`);
    console.error(USAGE);
    return options ? 2 : 0;
  }
  try {
    const app = loadSynthesizedApp(options.outdir);
    const unknown = (options.environments ?? []).filter((environment) => !app.environments.includes(environment));
    if (unknown.length > 0) {
      console.error(`paths: ${options.outdir} has no environment ${unknown.join(', ')} (it has ${app.environments.join(', ')}); synthesize it first`);
      return 2;
    }
    const proofs = proveRoutes(app, options.environments).filter((proof) => !options.service || proof.service === options.service);
    console.log(options.format === 'json' ? formatJson(proofs) : formatText(proofs, { chains: options.chains }));
    return proofs.some((proof) => proof.broken) ? 1 : 0;
  } catch (error) {
    if (error instanceof SynthesizedOutputError) {
      console.error(`paths: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main();
