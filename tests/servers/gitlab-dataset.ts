import type {
  DemoBundle, GitLabApprovalsFree, GitLabApprovalsPremium, GitLabCommit, GitLabDiscussion, GitLabJob, GitLabMergeRequest, GitLabPipeline, GitLabUser,
} from '../../electron/demo/generate/types';

export type GitLabNamespace = { id: number; name: string; path: string; kind: 'group'; full_path: string; parent_id: number | null; web_url: string };

/** The project fields the `/projects` endpoints return (a subset of GitLab's, enough for connectors). */
export type GitLabProjectRecord = {
  id: number;
  description: string;
  name: string;
  name_with_namespace: string;
  path: string;
  path_with_namespace: string;
  created_at: string;
  default_branch: string;
  web_url: string;
  visibility: 'private' | 'internal' | 'public';
  archived: boolean;
  last_activity_at: string;
  namespace: GitLabNamespace;
};

export type GitLabDataset = {
  /** The instance URL the bundle's links use; the server swaps in its own URL when answering. */
  sourceBaseUrl: string;
  /** Whom the token belongs to (`GET /user`). */
  me: GitLabUser & { created_at: string; bot: boolean };
  version: { version: string; revision: string };
  groups: GitLabNamespace[];
  projects: GitLabProjectRecord[];
  /** Project id -> MRs in the single-MR (detail) shape; lists strip the detail-only fields. */
  mergeRequests: Map<number, GitLabMergeRequest[]>;
  /** MR global id -> /approvals as the bundle has it (Free or Premium shape by project licence). */
  approvals: Map<number, GitLabApprovalsFree | GitLabApprovalsPremium>;
  discussions: Map<number, GitLabDiscussion[]>;
  /** MR global id -> commits, newest first. */
  commits: Map<number, GitLabCommit[]>;
  /** Project id -> single-pipeline detail objects. */
  pipelines: Map<number, GitLabPipeline[]>;
  /** Pipeline id -> every job including retried ones, id descending. */
  jobs: Map<number, GitLabJob[]>;
};

const numberMap = <T>(record: Record<number, T>): Map<number, T> => new Map(Object.entries(record).map(([k, v]) => [Number(k), v]));

/** A deep copy of the bundle's GitLab side as mutable maps, with groups and project details filled in. */
export function gitlabDatasetFromBundle(bundle: DemoBundle): GitLabDataset {
  const gl = structuredClone(bundle.gitlab);
  const base = gl.baseUrl;
  const groupPaths = [...new Set(gl.projects.flatMap((p) => {
    const parts = p.path_with_namespace.split('/').slice(0, -1);
    return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  }))].sort();
  const groups: GitLabNamespace[] = [];
  groupPaths.forEach((full, i) => {
    const parent = groups.find((g) => g.full_path === full.split('/').slice(0, -1).join('/')) ?? null;
    const path = full.split('/').pop() ?? full;
    groups.push({ id: 100 + i, name: path.charAt(0).toUpperCase() + path.slice(1), path, kind: 'group', full_path: full, parent_id: parent?.id ?? null,
      web_url: `${base}/groups/${full}` });
  });
  const mergeRequests = numberMap(gl.mergeRequests);
  const pipelines = numberMap(gl.pipelines);
  const fallback = `${bundle.period.from}T00:00:00.000Z`;
  const projects = gl.projects.map((p): GitLabProjectRecord => {
    const nsPath = p.path_with_namespace.split('/').slice(0, -1).join('/');
    const ns = groups.find((g) => g.full_path === nsPath);
    if (!ns) throw new Error(`demo bundle: no namespace for ${p.path_with_namespace}`);
    const mrs = mergeRequests.get(p.id) ?? [];
    const times = [...mrs.map((m) => m.updated_at), ...(pipelines.get(p.id) ?? []).map((x) => x.updated_at)].sort();
    const created = [...mrs.map((m) => m.created_at)].sort()[0] ?? fallback;
    return {
      id: p.id, description: `${p.name} service`, name: p.name, name_with_namespace: `${ns.name} / ${p.name}`,
      path: p.path_with_namespace.split('/').pop() ?? p.name, path_with_namespace: p.path_with_namespace, created_at: created,
      default_branch: 'main', web_url: p.web_url, visibility: 'private', archived: false, last_activity_at: times[times.length - 1] ?? created, namespace: ns,
    };
  });
  return {
    sourceBaseUrl: base,
    me: { id: 9001, username: 'yardstick-reader', name: 'Yardstick Reader', state: 'active', locked: false, avatar_url: null,
      web_url: `${base}/yardstick-reader`, created_at: fallback, bot: false },
    version: { version: '17.8.1-ee', revision: 'a1b2c3d4e5f' },
    groups, projects, mergeRequests, approvals: numberMap(gl.approvals), discussions: numberMap(gl.discussions), commits: numberMap(gl.commits),
    pipelines, jobs: numberMap(gl.jobs),
  };
}

export function findMergeRequest(d: GitLabDataset, projectId: number, iid: number): GitLabMergeRequest | undefined {
  return d.mergeRequests.get(projectId)?.find((m) => m.iid === iid);
}

const iso = (at: number | string | undefined): string => (at === undefined ? new Date() : new Date(at)).toISOString();

/** Patches an MR and moves its `updated_at` (to `patch.updated_at`, else `at`, else now). */
export function updateMergeRequest(d: GitLabDataset, projectId: number, iid: number, patch: Partial<GitLabMergeRequest> & { at?: number | string } = {}): GitLabMergeRequest {
  const mr = findMergeRequest(d, projectId, iid);
  if (!mr) throw new Error(`no MR !${iid} in project ${projectId}`);
  const { at, ...fields } = patch;
  Object.assign(mr, fields);
  mr.updated_at = fields.updated_at ?? iso(at);
  return mr;
}

/** Opens a new MR in a project (copied from one of its MRs: new id and iid, no approvals, notes or commits). */
export function addMergeRequest(d: GitLabDataset, projectId: number, patch: Partial<GitLabMergeRequest> & { at?: number | string } = {}): GitLabMergeRequest {
  const list = d.mergeRequests.get(projectId);
  const template = list?.[0];
  if (!list || !template) throw new Error(`no MR in project ${projectId} to copy`);
  const id = Math.max(0, ...[...d.mergeRequests.values()].flat().map((m) => m.id)) + 1;
  const iid = Math.max(0, ...list.map((m) => m.iid)) + 1;
  const { at, ...fields } = patch;
  const when = iso(at);
  const ref = `!${iid}`;
  const mr: GitLabMergeRequest = {
    ...structuredClone(template), id, iid, state: 'opened', created_at: when, updated_at: when, merged_at: null, merged_by: null, merge_user: null,
    closed_at: null, closed_by: null, merge_commit_sha: null, user_notes_count: 0, reference: ref,
    references: { ...template.references, short: ref, relative: ref, full: `${template.references.full.split('!')[0] ?? ''}${ref}` },
    web_url: template.web_url.replace(/\d+$/, String(iid)), detailed_merge_status: 'mergeable', head_pipeline: null, pipeline: null, ...fields,
  };
  list.push(mr);
  d.approvals.set(id, { user_has_approved: false, user_can_approve: true, approved: false, approved_by: [] });
  d.discussions.set(id, []);
  d.commits.set(id, []);
  return mr;
}

/** Adds a pipeline (copied from one of the project's: new id and iid) with its jobs; returns the detail object. */
export function addPipeline(d: GitLabDataset, projectId: number, patch: Partial<GitLabPipeline> & { at?: number | string; jobs?: GitLabJob[] } = {}): GitLabPipeline {
  const list = d.pipelines.get(projectId);
  const template = list?.[0];
  if (!list || !template) throw new Error(`no pipeline in project ${projectId} to copy`);
  const id = Math.max(0, ...[...d.pipelines.values()].flat().map((p) => p.id)) + 1;
  const iid = Math.max(0, ...list.map((p) => p.iid)) + 1;
  const { at, jobs, ...fields } = patch;
  const when = iso(at);
  const pipeline: GitLabPipeline = {
    ...structuredClone(template), id, iid, created_at: when, updated_at: when, web_url: template.web_url.replace(/\d+$/, String(id)),
    status: 'success', ...fields,
  };
  list.push(pipeline);
  d.jobs.set(id, (jobs ?? []).slice().sort((a, b) => b.id - a.id));
  return pipeline;
}
