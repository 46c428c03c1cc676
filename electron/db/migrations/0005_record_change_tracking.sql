-- What changed since the records were last built, written by triggers so that every writer (sync,
-- import, undo, source removal) is covered without each having to remember. The records rebuild
-- reads these, recomputes only the records they touch, and clears them in the same transaction.
CREATE TABLE record_changes (
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'work_item', 'mr', 'mr_iid', 'run', 'bucket', 'provider_day')),
  ref  TEXT NOT NULL,
  PRIMARY KEY (kind, ref)
) WITHOUT ROWID;

-- Jira
CREATE TRIGGER work_items_changed_ins AFTER INSERT ON work_items BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('ticket', new.key);
END;
CREATE TRIGGER work_items_changed_upd AFTER UPDATE ON work_items
  WHEN old.updated_at IS NOT new.updated_at OR old.key IS NOT new.key OR old.status_category IS NOT new.status_category
    OR old.story_points IS NOT new.story_points OR old.issue_type IS NOT new.issue_type OR old.labels_json IS NOT new.labels_json
    OR old.summary IS NOT new.summary OR old.assignee_id IS NOT new.assignee_id
BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('ticket', old.key);
  INSERT OR IGNORE INTO record_changes VALUES ('ticket', new.key);
END;
CREATE TRIGGER work_items_changed_del AFTER DELETE ON work_items BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('ticket', old.key);
END;
CREATE TRIGGER worklogs_changed_ins AFTER INSERT ON worklogs BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('work_item', new.work_item_id);
END;
CREATE TRIGGER worklogs_changed_upd AFTER UPDATE ON worklogs
  WHEN old.seconds IS NOT new.seconds OR old.started_at IS NOT new.started_at OR old.comment IS NOT new.comment OR old.work_item_id IS NOT new.work_item_id
BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('work_item', old.work_item_id);
  INSERT OR IGNORE INTO record_changes VALUES ('work_item', new.work_item_id);
END;
CREATE TRIGGER worklogs_changed_del AFTER DELETE ON worklogs BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('work_item', old.work_item_id);
END;
CREATE TRIGGER work_item_links_changed_ins AFTER INSERT ON work_item_links BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('work_item', new.work_item_id);
  INSERT OR IGNORE INTO record_changes VALUES ('ticket', new.other_key);
END;
CREATE TRIGGER work_item_links_changed_del AFTER DELETE ON work_item_links BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('work_item', old.work_item_id);
  INSERT OR IGNORE INTO record_changes VALUES ('ticket', old.other_key);
END;

-- GitLab
CREATE TRIGGER merge_requests_changed_ins AFTER INSERT ON merge_requests BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr', new.id);
END;
CREATE TRIGGER merge_requests_changed_upd AFTER UPDATE ON merge_requests
  WHEN old.updated_at IS NOT new.updated_at OR old.state IS NOT new.state OR old.title IS NOT new.title OR old.description IS NOT new.description
    OR old.source_branch IS NOT new.source_branch OR old.labels_json IS NOT new.labels_json OR old.merged_at IS NOT new.merged_at
    OR old.draft IS NOT new.draft OR old.author_id IS NOT new.author_id
BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr', new.id);
END;
CREATE TRIGGER merge_requests_changed_del AFTER DELETE ON merge_requests BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr', old.id);
END;
CREATE TRIGGER review_events_changed_ins AFTER INSERT ON review_events BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr', new.merge_request_id);
END;
CREATE TRIGGER review_events_changed_del AFTER DELETE ON review_events BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr', old.merge_request_id);
END;
CREATE TRIGGER approvals_changed_ins AFTER INSERT ON approvals BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr', new.merge_request_id);
END;
CREATE TRIGGER approvals_changed_del AFTER DELETE ON approvals BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr', old.merge_request_id);
END;
CREATE TRIGGER mr_commits_changed_ins AFTER INSERT ON mr_commits BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr', new.merge_request_id);
END;
CREATE TRIGGER mr_commits_changed_del AFTER DELETE ON mr_commits BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr', old.merge_request_id);
END;
CREATE TRIGGER pipelines_changed_ins AFTER INSERT ON pipelines WHEN new.merge_request_iid IS NOT NULL BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr_iid', new.repository_id || ':' || new.merge_request_iid);
END;
CREATE TRIGGER pipelines_changed_upd AFTER UPDATE ON pipelines
  WHEN new.merge_request_iid IS NOT NULL AND (old.status IS NOT new.status OR old.finished_at IS NOT new.finished_at OR old.updated_at IS NOT new.updated_at)
BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr_iid', new.repository_id || ':' || new.merge_request_iid);
END;
CREATE TRIGGER pipelines_changed_del AFTER DELETE ON pipelines WHEN old.merge_request_iid IS NOT NULL BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('mr_iid', old.repository_id || ':' || old.merge_request_iid);
END;
CREATE TRIGGER ci_jobs_changed_ins AFTER INSERT ON ci_jobs BEGIN
  INSERT OR IGNORE INTO record_changes
    SELECT 'mr_iid', p.repository_id || ':' || p.merge_request_iid FROM pipelines p WHERE p.id = new.pipeline_id AND p.merge_request_iid IS NOT NULL;
END;
CREATE TRIGGER ci_jobs_changed_upd AFTER UPDATE ON ci_jobs
  WHEN old.duration_s IS NOT new.duration_s OR old.runner_type IS NOT new.runner_type OR old.status IS NOT new.status
BEGIN
  INSERT OR IGNORE INTO record_changes
    SELECT 'mr_iid', p.repository_id || ':' || p.merge_request_iid FROM pipelines p WHERE p.id = new.pipeline_id AND p.merge_request_iid IS NOT NULL;
END;

-- Billing and usage imports
CREATE TRIGGER run_events_changed_ins AFTER INSERT ON run_events BEGIN
  INSERT OR IGNORE INTO record_changes SELECT 'ticket', new.ticket_key WHERE new.ticket_key IS NOT NULL;
  INSERT OR IGNORE INTO record_changes SELECT 'run', new.run_id WHERE new.run_id IS NOT NULL;
  INSERT OR IGNORE INTO record_changes VALUES ('bucket', new.workspace || '|' || substr(new.occurred_at, 1, 7));
  INSERT OR IGNORE INTO record_changes SELECT 'provider_day', substr(new.occurred_at, 1, 10) WHERE new.event_type = 'model_call_settled';
END;
CREATE TRIGGER run_events_changed_del AFTER DELETE ON run_events BEGIN
  INSERT OR IGNORE INTO record_changes SELECT 'ticket', old.ticket_key WHERE old.ticket_key IS NOT NULL;
  INSERT OR IGNORE INTO record_changes SELECT 'run', old.run_id WHERE old.run_id IS NOT NULL;
  INSERT OR IGNORE INTO record_changes VALUES ('bucket', old.workspace || '|' || substr(old.occurred_at, 1, 7));
  INSERT OR IGNORE INTO record_changes SELECT 'provider_day', substr(old.occurred_at, 1, 10) WHERE old.event_type = 'model_call_settled';
END;
CREATE TRIGGER billing_lines_changed_ins AFTER INSERT ON billing_lines WHEN new.ledger = 'provider' BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('provider_day', new.occurred_on);
END;
CREATE TRIGGER billing_lines_changed_del AFTER DELETE ON billing_lines WHEN old.ledger = 'provider' BEGIN
  INSERT OR IGNORE INTO record_changes VALUES ('provider_day', old.occurred_on);
END;

-- Lookups the incremental rebuild makes.
CREATE INDEX run_events_bucket ON run_events(workspace, occurred_at);
CREATE INDEX run_events_settled_day ON run_events(occurred_at) WHERE event_type = 'model_call_settled';
CREATE INDEX record_merge_requests_mr ON record_merge_requests(merge_request_id);
CREATE INDEX work_item_links_other ON work_item_links(other_key);
