// Public types of the demo generator: options and the bundle. The vendor JSON shapes it emits live
// in jira-payloads.ts and gitlab-payloads.ts and are re-exported here.

import type { JiraChangelogPage, JiraField, JiraSearchPage, JiraWorklogPage } from './jira-payloads';
import type {
  GitLabApprovalsFree, GitLabApprovalsPremium, GitLabCommit, GitLabDiscussion, GitLabJob, GitLabMergeRequest, GitLabPipeline, GitLabProject,
} from './gitlab-payloads';

export type * from './jira-payloads';
export type * from './gitlab-payloads';

export type DemoOptions = {
  seed: number;
  /** Multiplies volume: issues and everything hanging off them. People and repos grow with sqrt(scale). */
  scale: number;
};

export type DemoFileKind = 'run-credits' | 'copilot-users-1-day' | 'github-billing' | 'anthropic-cost-report';
export type DemoFile = { name: string; kind: DemoFileKind; content: string };

export type DemoBundle = {
  period: { from: string; to: string };
  jira: {
    baseUrl: string;
    fields: JiraField[];
    searchPages: JiraSearchPage[];
    /** Issue id -> full changelog pages (oldest first), for every issue whose embedded changelog was truncated. */
    changelogPages: Record<string, JiraChangelogPage[]>;
    /** Issue id -> worklog page. */
    worklogPages: Record<string, JiraWorklogPage>;
  };
  gitlab: {
    baseUrl: string;
    projects: GitLabProject[];
    /** Project id -> single-MR detail objects. */
    mergeRequests: Record<number, GitLabMergeRequest[]>;
    /** MR global id -> /approvals (Free or Premium shape, by project). */
    approvals: Record<number, GitLabApprovalsFree | GitLabApprovalsPremium>;
    /** MR global id -> /discussions. */
    discussions: Record<number, GitLabDiscussion[]>;
    /** MR global id -> /commits (newest first). */
    commits: Record<number, GitLabCommit[]>;
    /** Project id -> single-pipeline detail objects. */
    pipelines: Record<number, GitLabPipeline[]>;
    /** Pipeline id -> jobs as listed with include_retried=true (id descending). */
    jobs: Record<number, GitLabJob[]>;
  };
  files: DemoFile[];
};
