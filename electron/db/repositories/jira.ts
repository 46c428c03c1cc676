import type { Db } from '../connection';
import type { JiraChangelog } from '../../sync/jira/schemas';
import { userExternalId, type WorkItemRow, type WorklogRow } from '../../sync/jira/map';
import { toIsoUtc } from '../../../shared/domain/time';
import { peopleWriter } from './people';

/**
 * Idempotent writes of Jira data, keyed on Jira's own ids. Callers wrap a page in one transaction
 * (with its sync cursor), so a crash mid-sync leaves whole pages or nothing.
 */
export function jiraWriter(db: Db, sourceId: number) {
  const person = peopleWriter(db, sourceId);
  const upsertProject = db.prepare(
    `INSERT INTO jira_projects (source_id, external_id, key, name) VALUES (?, ?, ?, ?)
     ON CONFLICT(source_id, external_id) DO UPDATE SET key = excluded.key, name = coalesce(excluded.name, jira_projects.name)
     RETURNING id`,
  );
  const upsertStatus = db.prepare(
    `INSERT INTO jira_statuses (source_id, external_id, name, category_key) VALUES (?, ?, ?, ?)
     ON CONFLICT(source_id, external_id) DO UPDATE SET name = excluded.name, category_key = excluded.category_key`,
  );
  const upsertItem = db.prepare(
    `INSERT INTO work_items (source_id, external_id, key, project_id, issue_type, summary, status, status_category, resolution,
       story_points, labels_json, components_json, assignee_id, created_at, updated_at, resolved_at, web_url)
     VALUES (@sourceId, @externalId, @key, @projectId, @issueType, @summary, @status, @statusCategory, @resolution,
       @storyPoints, @labels, @components, @assigneeId, @createdAt, @updatedAt, @resolvedAt, @webUrl)
     ON CONFLICT(source_id, external_id) DO UPDATE SET key = excluded.key, project_id = excluded.project_id,
       issue_type = excluded.issue_type, summary = excluded.summary, status = excluded.status,
       status_category = excluded.status_category, resolution = excluded.resolution, story_points = excluded.story_points,
       labels_json = excluded.labels_json, components_json = excluded.components_json, assignee_id = excluded.assignee_id,
       created_at = excluded.created_at, updated_at = excluded.updated_at, resolved_at = excluded.resolved_at, web_url = excluded.web_url
     RETURNING id`,
  );
  const deleteLinks = db.prepare('DELETE FROM work_item_links WHERE work_item_id = ?');
  const insertLink = db.prepare(
    'INSERT OR REPLACE INTO work_item_links (work_item_id, external_id, link_type, direction, description, other_key) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const itemIdByExternal = db.prepare('SELECT id FROM work_items WHERE source_id = ? AND external_id = ?');
  const insertChange = db.prepare(
    `INSERT OR REPLACE INTO work_item_status_changes (work_item_id, changelog_id, item_index, changed_at, field, from_value, to_value, from_string, to_string, author_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertWorklog = db.prepare(
    `INSERT INTO worklogs (source_id, external_id, work_item_id, author_id, started_at, seconds, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(source_id, external_id) DO UPDATE SET work_item_id = excluded.work_item_id, author_id = excluded.author_id,
       started_at = excluded.started_at, seconds = excluded.seconds, updated_at = excluded.updated_at`,
  );

  const existingWorklogs = db.prepare('SELECT external_id AS id FROM worklogs WHERE work_item_id = ?');
  const deleteWorklog = db.prepare('DELETE FROM worklogs WHERE source_id = ? AND external_id = ?');

  const workItemId = (externalId: string): number | null =>
    (itemIdByExternal.get(sourceId, externalId) as { id: number } | undefined)?.id ?? null;

  return {
    workItemId,
    upsertIssue(row: WorkItemRow): number {
      const projectId = (upsertProject.get(sourceId, row.projectExternalId, row.projectKey, row.projectName) as { id: number }).id;
      upsertStatus.run(sourceId, row.statusId, row.status, row.statusCategory);
      const assigneeExternal = userExternalId(row.assignee);
      const assigneeId = assigneeExternal ? person({ externalId: assigneeExternal, displayName: row.assignee?.displayName ?? null }) : null;
      const { id } = upsertItem.get({
        sourceId,
        externalId: row.externalId,
        key: row.key,
        projectId,
        issueType: row.issueType,
        summary: row.summary,
        status: row.status,
        statusCategory: row.statusCategory,
        resolution: row.resolution,
        storyPoints: row.storyPoints,
        labels: JSON.stringify(row.labels),
        components: JSON.stringify(row.components),
        assigneeId,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        resolvedAt: row.resolvedAt,
        webUrl: row.webUrl,
      }) as { id: number };
      deleteLinks.run(id);
      for (const l of row.links) insertLink.run(id, l.externalId, l.linkType, l.direction, l.description, l.otherKey);
      return id;
    },
    /** Writes changelog entries (embedded or paged); entries are immutable, so rewriting is safe. */
    upsertChangelog(itemId: number, histories: readonly JiraChangelog[]): void {
      for (const h of histories) {
        const authorExternal = userExternalId(h.author ?? null);
        const authorId = authorExternal ? person({ externalId: authorExternal, displayName: h.author?.displayName ?? null }) : null;
        const at = toIsoUtc(h.created);
        h.items.forEach((item, index) => {
          insertChange.run(itemId, h.id, index, at, item.fieldId ?? item.field, item.from ?? null, item.to ?? null, item.fromString ?? null, item.toString ?? null, authorId);
        });
      }
    },
    upsertWorklog(itemId: number, w: WorklogRow): void {
      const authorExternal = userExternalId(w.author);
      const authorId = authorExternal ? person({ externalId: authorExternal, displayName: w.author?.displayName ?? null }) : null;
      upsertWorklog.run(sourceId, w.externalId, itemId, authorId, w.startedAt, w.seconds, w.createdAt, w.updatedAt);
    },
    /** Sets an issue's worklogs to exactly this list (Data Center has no deletion feed). Returns the count written. */
    replaceWorklogs(itemId: number, worklogs: readonly WorklogRow[]): number {
      const keep = new Set(worklogs.map((w) => w.externalId));
      for (const { id } of existingWorklogs.all(itemId) as { id: string }[]) if (!keep.has(id)) deleteWorklog.run(sourceId, id);
      for (const w of worklogs) this.upsertWorklog(itemId, w);
      return worklogs.length;
    },
    deleteWorklogs(externalIds: readonly string[]): void {
      for (const id of externalIds) deleteWorklog.run(sourceId, id);
    },
  };
}
export type JiraWriter = ReturnType<typeof jiraWriter>;
