import type { Db } from '../../electron/db/connection';

/**
 * Inserts a small, fully hand-described workspace straight into SQLite: the tests that use it
 * work their expected figures out by hand from these rows, independently of the app's code.
 */
export function handBuilder(db: Db) {
  const jira = Number(db.prepare("INSERT INTO sources (kind, name, base_url, created_at) VALUES ('jira', 'Jira', 'https://jira.test', '2026-01-01')").run().lastInsertRowid);
  const gitlab = Number(db.prepare("INSERT INTO sources (kind, name, base_url, created_at) VALUES ('gitlab', 'GitLab', 'https://gitlab.test', '2026-01-01')").run().lastInsertRowid);
  const projects = new Map<string, number>();
  let seq = 0;
  const next = () => (seq += 1);
  const project = (key: string) => {
    if (!projects.has(key)) projects.set(key, Number(db.prepare('INSERT INTO jira_projects (source_id, external_id, key) VALUES (?, ?, ?)').run(jira, key, key).lastInsertRowid));
    return projects.get(key)!;
  };
  const repoId = Number(db.prepare("INSERT INTO repositories (source_id, external_id, path, name) VALUES (?, '1', 'pay/app', 'app')").run(gitlab).lastInsertRowid);
  const bot = Number(db.prepare("INSERT INTO people (source_id, external_id, username, is_bot) VALUES (?, 'bot', 'relay-bot', 1)").run(gitlab).lastInsertRowid);
  const reviewer = Number(db.prepare("INSERT INTO people (source_id, external_id, username) VALUES (?, 'rev', 'reviewer')").run(gitlab).lastInsertRowid);
  return {
    item(key: string, o: { type?: string; points?: number; status?: 'done' | 'indeterminate'; labels?: string[]; created?: string }) {
      return Number(
        db
          .prepare(
            `INSERT INTO work_items (source_id, external_id, key, project_id, issue_type, summary, status, status_category, story_points, labels_json, created_at, updated_at, resolved_at, web_url)
             VALUES (?, ?, ?, ?, ?, ?, 'Done', ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(jira, key, key, project(key.split('-')[0]!), o.type ?? 'Story', `Work ${key}`, o.status ?? 'done', o.points ?? 3, JSON.stringify(o.labels ?? []), o.created ?? '2026-05-01T09:00:00.000Z', '2026-05-30T09:00:00.000Z', '2026-05-30T09:00:00.000Z', `https://jira.test/browse/${key}`)
          .lastInsertRowid,
      );
    },
    worklog(itemId: number, startedAt: string, hours: number, comment: string | null = null) {
      db.prepare('INSERT INTO worklogs (source_id, external_id, work_item_id, started_at, seconds, comment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        jira, `wl${next()}`, itemId, startedAt, hours * 3600, comment, startedAt, startedAt,
      );
    },
    mr(iid: number, o: { title: string; branch: string; state: 'merged' | 'closed' | 'opened'; created: string; merged?: string; closed?: string; byBot?: boolean }) {
      return Number(
        db
          .prepare(
            `INSERT INTO merge_requests (source_id, external_id, repository_id, iid, title, state, source_branch, target_branch, author_id, created_at, updated_at, merged_at, closed_at, web_url)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'main', ?, ?, ?, ?, ?, ?)`,
          )
          .run(gitlab, `mr${iid}`, repoId, iid, o.title, o.state, o.branch, o.byBot === false ? reviewer : bot, o.created, o.merged ?? o.closed ?? o.created, o.merged ?? null, o.closed ?? null, mrUrl(iid))
          .lastInsertRowid,
      );
    },
    review(mrId: number, kind: 'comment' | 'requested_changes', at: string) {
      db.prepare('INSERT INTO review_events (merge_request_id, external_id, kind, author_id, created_at) VALUES (?, ?, ?, ?, ?)').run(mrId, `n${next()}`, kind, reviewer, at);
    },
    approve(mrId: number, at: string) {
      db.prepare('INSERT INTO approvals (merge_request_id, user_id, approved_at) VALUES (?, ?, ?)').run(mrId, reviewer, at);
    },
    pipeline(iid: number, status: 'success' | 'failed', finished: string, jobMinutes: number[]) {
      const id = Number(
        db
          .prepare(
            `INSERT INTO pipelines (source_id, external_id, repository_id, merge_request_iid, sha, ref, status, created_at, updated_at, finished_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(gitlab, `p${next()}`, repoId, iid, `sha${seq}`, `refs/merge-requests/${iid}/head`, status, finished, finished, finished).lastInsertRowid,
      );
      for (const minutes of jobMinutes) {
        db.prepare(
          `INSERT INTO ci_jobs (source_id, external_id, pipeline_id, name, stage, status, created_at, duration_s, runner_type) VALUES (?, ?, ?, 'test', 'test', ?, ?, ?, 'instance_type')`,
        ).run(gitlab, `j${next()}`, id, status, finished, minutes * 60);
      }
    },
    event(o: { at: string; type: string; ticket?: string; run?: string; parent?: string; credits?: number; amount?: number; mr?: number; workspace?: string }) {
      db.prepare(
        `INSERT INTO run_events (event_id, occurred_at, workspace, event_type, ticket_key, run_id, parent_run_id, run_credits_micros, amount_micros, currency, mr_url)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'GBP', ?)`,
      ).run(`e${next()}`, o.at, o.workspace ?? 'w', o.type, o.ticket ?? null, o.run ?? null, o.parent ?? null, (o.credits ?? 0) * 1e6, (o.amount ?? 0) * 1e6, o.mr ? mrUrl(o.mr) : null);
    },
  };
}

export const mrUrl = (iid: number) => `https://gitlab.test/pay/app/-/merge_requests/${iid}`;
