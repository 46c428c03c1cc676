// GitLab CI simulation: one pipeline per push, jobs run stage by stage on shared, group or
// project runners, with flaky jobs retried and later stages skipped after a failure.

import type { Actor, Company, Job, JobTemplate, Mr, Pipeline, Repo, Runner, World } from './model';
import type { Rng } from './rng';
import { MINUTE } from './time';

const STAGES: readonly JobTemplate['stage'][] = ['build', 'test', 'lint', 'security', 'deploy'];
const FLAKY_REASONS = [['script_failure', 5], ['runner_system_failure', 2], ['stuck_or_timeout_failure', 1]] as const;

export type PipelineSpec = {
  repo: Repo;
  mr: Mr | null;
  origin: Mr | null;
  sha: string;
  commitTitle: string;
  commitAuthor: Actor;
  user: Actor;
  at: number;
  /** Chance that a required test or lint job fails for real. */
  failProb: number;
};

export function runPipeline(rng: Rng, world: World, spec: PipelineSpec): Pipeline {
  const onMr = spec.mr !== null;
  const created = spec.at + rng.int(2, 15) * 1000;
  const templates = spec.repo.jobs.filter((j) => j.on === 'both' || (j.on === 'mr') === onMr);
  const required = templates.filter((j) => !j.allowFailure && (j.stage === 'test' || j.stage === 'lint'));
  const failing = rng.chance(spec.failProb) && required.length > 0 ? rng.choice(required) : null;
  const jobs: Job[] = [];
  let stageStart = created;
  let broken = false;
  let coverage: number | null = null;
  for (const stage of STAGES) {
    let stageEnd = stageStart;
    let stageFailed = false;
    for (const tpl of templates.filter((j) => j.stage === stage)) {
      const jobCreated = created + jobs.length * 7;
      if (broken || tpl.manual) {
        jobs.push(idle(tpl, broken ? 'skipped' : 'manual', jobCreated));
        continue;
      }
      let start = stageStart;
      // A flaky first attempt (script flake, runner loss, timeout) that someone retried.
      if (rng.chance(0.04)) {
        const first = attempt(rng, world.company, tpl, jobCreated, start, 'failed', rng.weighted(FLAKY_REASONS));
        jobs.push(first);
        start = (first.finished ?? start) + rng.int(5, 240) * 1000;
      }
      const fails = tpl === failing || (tpl.allowFailure && rng.chance(0.07));
      const job = attempt(rng, world.company, tpl, start === stageStart ? jobCreated : start - 2000, start,
        fails ? 'failed' : 'success', fails ? 'script_failure' : null);
      if (tpl.coverage && job.status === 'success') {
        job.coverage = Math.round(Math.min(96, Math.max(41, rng.normal(78, 6))) * 100) / 100;
        coverage = job.coverage;
      }
      jobs.push(job);
      stageEnd = Math.max(stageEnd, job.finished ?? stageEnd);
      if (fails && !tpl.allowFailure) stageFailed = true;
    }
    broken = broken || stageFailed;
    stageStart = stageEnd;
  }
  const pipeline: Pipeline = {
    repo: spec.repo, mr: spec.mr, origin: spec.origin, source: onMr ? 'merge_request_event' : 'push', sha: spec.sha, commitTitle: spec.commitTitle,
    commitAuthor: spec.commitAuthor, commitAt: spec.at, user: spec.user, created, jobs, coverage, id: 0, iid: 0,
  };
  world.pipelines.push(pipeline);
  spec.mr?.pipelines.push(pipeline);
  return pipeline;
}

function idle(template: JobTemplate, status: 'skipped' | 'manual', created: number): Job {
  return { template, status, created, started: null, finished: null, queuedSec: null, durationSec: null, runner: null,
    failureReason: null, coverage: null, id: 0 };
}

function attempt(rng: Rng, company: Company, template: JobTemplate, created: number, ready: number,
  status: 'success' | 'failed', failureReason: string | null): Job {
  const runner = pickRunner(rng, company, template);
  // macOS capacity is scarce: queueing there is minutes, not seconds.
  const queuedSec = round3(runner.type === 'project_type' ? rng.lognormal(70, 0.9) : rng.lognormal(6, 0.8));
  const started = ready + Math.round(queuedSec * 1000);
  const full = rng.lognormal(template.medianSec, 0.35);
  const durationSec = round3(status === 'failed' ? full * rng.float(0.2, 0.9) : full);
  return { template, status, created, started, finished: started + Math.round(durationSec * 1000), queuedSec, durationSec,
    runner, failureReason, coverage: null, id: 0 };
}

function pickRunner(rng: Rng, company: Company, template: JobTemplate): Runner {
  if (template.runner) return template.runner;
  return rng.chance(0.62) ? rng.choice(company.sharedRunners) : rng.choice(company.groupRunners);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function pipelineEnd(p: Pipeline): number {
  let end = p.created;
  for (const j of p.jobs) if (j.finished !== null && j.finished > end) end = j.finished;
  return end;
}

export function pipelineFailed(p: Pipeline): boolean {
  return p.jobs.some((j) => j.status === 'failed' && !j.template.allowFailure && isLatestAttempt(p, j));
}

function isLatestAttempt(p: Pipeline, job: Job): boolean {
  let latest: Job | null = null;
  for (const j of p.jobs) if (j.template === job.template) latest = j;
  return latest === job;
}

/** Default-branch pipeline a few seconds after a merge. */
export function mergePipelineDelay(rng: Rng): number {
  return rng.int(3, 20) * 1000 + (rng.chance(0.1) ? rng.int(1, 10) * MINUTE : 0);
}
