# Unified API gateway landing zone. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Environments to synthesize: ENV=dev, ENV="dev prod" or ENV=dev,prod. Empty means all.
ENV ?=
export ENV
# Provider filesystem mirror for offline terraform checks; these machines carry one at /opt/tf-plugins.
UAG_PROVIDER_MIRROR ?= $(wildcard /opt/tf-plugins)
export UAG_PROVIDER_MIRROR

STAMP := node_modules/.package-lock.json

# `npm ci`: exactly the lock file, or an error if package.json and the lock disagree; the lock lists the optional
# platform packages of every platform (e.g. jest 30's unrs-resolver bindings), so it installs anywhere and is
# never rewritten.
$(STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

.PHONY: help install synth validate plan-offline e2e tflint test lint format schema addresses bench clean paths

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z0-9-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install: $(STAMP) ## Install the pinned toolchain from package-lock.json

synth: $(STAMP) ## Synthesize every environment (or ENV=...) into cdktf.out; a failure keeps the previous output
	node --require tsx/cjs main.ts

paths: synth ## Prove every route hop by hop from cdktf.out (ARGS="--format json", "--chains", "--service payments")
	npx tsx tools/paths/cli.ts $(ARGS)

validate: synth ## terraform init -backend=false + validate in every stack, offline (UAG_PROVIDER_MIRROR)
	npx tsx tools/validate/cli.ts

plan-offline: $(STAMP) ## Offline terraform plan of every stack (ENV=...) and the plan report; no network, no credentials
	npx tsx tools/plan-offline/cli.ts

e2e: $(STAMP) ## Emulated apply (ENV=dev by default): apply, re-plan (0 changes), destroy every stack against moto + shims on loopback
	npx tsx tools/e2e/cli.ts

tflint: synth ## tflint in every stack (.tflint.hcl); Code Quality JSON + JUnit XML in .tmp/reports; exit 127 without tflint
	npx tsx tools/tflint/cli.ts

test: $(STAMP) ## Run the jest suite (includes terraform validate when terraform and the mirror exist)
	npx jest

lint: $(STAMP) ## Type check, Prettier (make format), ESLint (layer boundaries, no root imports of @cdktf/provider-aws), no import cycles (dpdm), docs/guardrails.md current
	npx tsc --noEmit
	npx prettier --check --log-level warn '**/*.ts'
	npx eslint --max-warnings=0 .
	npx dpdm --no-warning --no-tree --exit-code circular:1 main.ts 'app/**/*.ts' 'tools/**/*.ts' 'lambdas/**/*.ts' 'tests/**/*.ts'
	npx tsx tools/guardrails/generate-doc.ts --check

format: $(STAMP) ## Format the TypeScript sources with Prettier (make lint checks it)
	npx prettier --write --log-level warn '**/*.ts'

schema: $(STAMP) ## Regenerate environments/schema.json and services/schema.json from the config model
	npx tsx tools/schema/generate.ts

.PHONY: guardrails-doc
guardrails-doc: $(STAMP) ## Regenerate docs/guardrails.md from the guardrail rules (make lint fails when it is stale)
	npx tsx tools/guardrails/generate-doc.ts

.PHONY: onboard
onboard: $(STAMP) ## Service onboarding CLI: make onboard ARGS="check" (or "new <name> ...", "import <file> ...", "list", "status ...", "--help")
	npx tsx tools/onboard/cli.ts $(ARGS)

addresses: $(STAMP) ## Regenerate tests/snapshots/addresses/<env>.txt (every stack's resource addresses; ENV=...)
	npx tsx tools/ci/addresses-cli.ts

.PHONY: addresses-check
addresses-check: $(STAMP) ## Compare resource addresses with the snapshot; names removed/added addresses and declared moves
	npx tsx tools/ci/addresses-cli.ts --check

BASE ?=
.PHONY: affected
affected: $(STAMP) ## Stacks a merge request changes: synthesizes BASE's merge base and the working tree, writes .tmp/affected.json
	npx tsx tools/ci/affected-cli.ts --base "$(BASE)" --out .tmp/affected.json

bench: $(STAMP) ## Benchmark synthesis (wall time, peak RSS) against a root-import baseline
	bash tools/bench/run.sh

clean: ## Remove synthesized output and caches
	rm -rf cdktf.out cdktf.out.offline .cdktf.out.staging-* .tmp coverage node_modules/.cache/uag-*
