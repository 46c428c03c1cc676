-- The triggers of 0005 relied on conflict-ignoring inserts, but SQLite applies the outer statement's
-- conflict handling inside triggers: under an upsert (INSERT ... ON CONFLICT DO UPDATE, which sync
-- uses) a second change to the same ref failed with a UNIQUE error and failed the sync. These
-- versions insert only what is not there yet, whatever statement fires them.

DROP TRIGGER work_items_changed_ins;
CREATE TRIGGER work_items_changed_ins AFTER INSERT ON work_items BEGIN
  INSERT INTO record_changes SELECT 'ticket', new.key WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'ticket' AND ref = new.key);
END;

DROP TRIGGER work_items_changed_upd;
CREATE TRIGGER work_items_changed_upd AFTER UPDATE ON work_items
  WHEN old.updated_at IS NOT new.updated_at OR old.key IS NOT new.key OR old.status_category IS NOT new.status_category
    OR old.story_points IS NOT new.story_points OR old.issue_type IS NOT new.issue_type OR old.labels_json IS NOT new.labels_json
    OR old.summary IS NOT new.summary OR old.assignee_id IS NOT new.assignee_id
BEGIN
  INSERT INTO record_changes SELECT 'ticket', old.key WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'ticket' AND ref = old.key);
  INSERT INTO record_changes SELECT 'ticket', new.key WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'ticket' AND ref = new.key);
END;

DROP TRIGGER work_items_changed_del;
CREATE TRIGGER work_items_changed_del AFTER DELETE ON work_items BEGIN
  INSERT INTO record_changes SELECT 'ticket', old.key WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'ticket' AND ref = old.key);
END;

DROP TRIGGER worklogs_changed_ins;
CREATE TRIGGER worklogs_changed_ins AFTER INSERT ON worklogs BEGIN
  INSERT INTO record_changes SELECT 'work_item', new.work_item_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'work_item' AND ref = new.work_item_id);
END;

DROP TRIGGER worklogs_changed_upd;
CREATE TRIGGER worklogs_changed_upd AFTER UPDATE ON worklogs
  WHEN old.seconds IS NOT new.seconds OR old.started_at IS NOT new.started_at OR old.comment IS NOT new.comment OR old.work_item_id IS NOT new.work_item_id
BEGIN
  INSERT INTO record_changes SELECT 'work_item', old.work_item_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'work_item' AND ref = old.work_item_id);
  INSERT INTO record_changes SELECT 'work_item', new.work_item_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'work_item' AND ref = new.work_item_id);
END;

DROP TRIGGER worklogs_changed_del;
CREATE TRIGGER worklogs_changed_del AFTER DELETE ON worklogs BEGIN
  INSERT INTO record_changes SELECT 'work_item', old.work_item_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'work_item' AND ref = old.work_item_id);
END;

DROP TRIGGER work_item_links_changed_ins;
CREATE TRIGGER work_item_links_changed_ins AFTER INSERT ON work_item_links BEGIN
  INSERT INTO record_changes SELECT 'work_item', new.work_item_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'work_item' AND ref = new.work_item_id);
  INSERT INTO record_changes SELECT 'ticket', new.other_key WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'ticket' AND ref = new.other_key);
END;

DROP TRIGGER work_item_links_changed_del;
CREATE TRIGGER work_item_links_changed_del AFTER DELETE ON work_item_links BEGIN
  INSERT INTO record_changes SELECT 'work_item', old.work_item_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'work_item' AND ref = old.work_item_id);
  INSERT INTO record_changes SELECT 'ticket', old.other_key WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'ticket' AND ref = old.other_key);
END;

DROP TRIGGER merge_requests_changed_ins;
CREATE TRIGGER merge_requests_changed_ins AFTER INSERT ON merge_requests BEGIN
  INSERT INTO record_changes SELECT 'mr', new.id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr' AND ref = new.id);
END;

DROP TRIGGER merge_requests_changed_upd;
CREATE TRIGGER merge_requests_changed_upd AFTER UPDATE ON merge_requests
  WHEN old.updated_at IS NOT new.updated_at OR old.state IS NOT new.state OR old.title IS NOT new.title OR old.description IS NOT new.description
    OR old.source_branch IS NOT new.source_branch OR old.labels_json IS NOT new.labels_json OR old.merged_at IS NOT new.merged_at
    OR old.draft IS NOT new.draft OR old.author_id IS NOT new.author_id
BEGIN
  INSERT INTO record_changes SELECT 'mr', new.id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr' AND ref = new.id);
END;

DROP TRIGGER merge_requests_changed_del;
CREATE TRIGGER merge_requests_changed_del AFTER DELETE ON merge_requests BEGIN
  INSERT INTO record_changes SELECT 'mr', old.id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr' AND ref = old.id);
END;

DROP TRIGGER review_events_changed_ins;
CREATE TRIGGER review_events_changed_ins AFTER INSERT ON review_events BEGIN
  INSERT INTO record_changes SELECT 'mr', new.merge_request_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr' AND ref = new.merge_request_id);
END;

DROP TRIGGER review_events_changed_del;
CREATE TRIGGER review_events_changed_del AFTER DELETE ON review_events BEGIN
  INSERT INTO record_changes SELECT 'mr', old.merge_request_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr' AND ref = old.merge_request_id);
END;

DROP TRIGGER approvals_changed_ins;
CREATE TRIGGER approvals_changed_ins AFTER INSERT ON approvals BEGIN
  INSERT INTO record_changes SELECT 'mr', new.merge_request_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr' AND ref = new.merge_request_id);
END;

DROP TRIGGER approvals_changed_del;
CREATE TRIGGER approvals_changed_del AFTER DELETE ON approvals BEGIN
  INSERT INTO record_changes SELECT 'mr', old.merge_request_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr' AND ref = old.merge_request_id);
END;

DROP TRIGGER mr_commits_changed_ins;
CREATE TRIGGER mr_commits_changed_ins AFTER INSERT ON mr_commits BEGIN
  INSERT INTO record_changes SELECT 'mr', new.merge_request_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr' AND ref = new.merge_request_id);
END;

DROP TRIGGER mr_commits_changed_del;
CREATE TRIGGER mr_commits_changed_del AFTER DELETE ON mr_commits BEGIN
  INSERT INTO record_changes SELECT 'mr', old.merge_request_id WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr' AND ref = old.merge_request_id);
END;

DROP TRIGGER pipelines_changed_ins;
CREATE TRIGGER pipelines_changed_ins AFTER INSERT ON pipelines WHEN new.merge_request_iid IS NOT NULL BEGIN
  INSERT INTO record_changes SELECT 'mr_iid', new.repository_id || ':' || new.merge_request_iid WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr_iid' AND ref = new.repository_id || ':' || new.merge_request_iid);
END;

DROP TRIGGER pipelines_changed_upd;
CREATE TRIGGER pipelines_changed_upd AFTER UPDATE ON pipelines
  WHEN new.merge_request_iid IS NOT NULL AND (old.status IS NOT new.status OR old.finished_at IS NOT new.finished_at OR old.updated_at IS NOT new.updated_at)
BEGIN
  INSERT INTO record_changes SELECT 'mr_iid', new.repository_id || ':' || new.merge_request_iid WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr_iid' AND ref = new.repository_id || ':' || new.merge_request_iid);
END;

DROP TRIGGER pipelines_changed_del;
CREATE TRIGGER pipelines_changed_del AFTER DELETE ON pipelines WHEN old.merge_request_iid IS NOT NULL BEGIN
  INSERT INTO record_changes SELECT 'mr_iid', old.repository_id || ':' || old.merge_request_iid WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'mr_iid' AND ref = old.repository_id || ':' || old.merge_request_iid);
END;

DROP TRIGGER ci_jobs_changed_ins;
CREATE TRIGGER ci_jobs_changed_ins AFTER INSERT ON ci_jobs BEGIN
  INSERT INTO record_changes
    SELECT 'mr_iid', p.repository_id || ':' || p.merge_request_iid FROM pipelines p WHERE p.id = new.pipeline_id AND p.merge_request_iid IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM record_changes c WHERE c.kind = 'mr_iid' AND c.ref = p.repository_id || ':' || p.merge_request_iid);
END;

DROP TRIGGER ci_jobs_changed_upd;
CREATE TRIGGER ci_jobs_changed_upd AFTER UPDATE ON ci_jobs
  WHEN old.duration_s IS NOT new.duration_s OR old.runner_type IS NOT new.runner_type OR old.status IS NOT new.status
BEGIN
  INSERT INTO record_changes
    SELECT 'mr_iid', p.repository_id || ':' || p.merge_request_iid FROM pipelines p WHERE p.id = new.pipeline_id AND p.merge_request_iid IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM record_changes c WHERE c.kind = 'mr_iid' AND c.ref = p.repository_id || ':' || p.merge_request_iid);
END;

DROP TRIGGER run_events_changed_ins;
CREATE TRIGGER run_events_changed_ins AFTER INSERT ON run_events BEGIN
  INSERT INTO record_changes SELECT 'ticket', new.ticket_key WHERE new.ticket_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'ticket' AND ref = new.ticket_key);
  INSERT INTO record_changes SELECT 'run', new.run_id WHERE new.run_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'run' AND ref = new.run_id);
  INSERT INTO record_changes SELECT 'bucket', new.workspace || '|' || substr(new.occurred_at, 1, 7) WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'bucket' AND ref = new.workspace || '|' || substr(new.occurred_at, 1, 7));
  INSERT INTO record_changes SELECT 'provider_day', substr(new.occurred_at, 1, 10) WHERE new.event_type = 'model_call_settled' AND NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'provider_day' AND ref = substr(new.occurred_at, 1, 10));
END;

DROP TRIGGER run_events_changed_del;
CREATE TRIGGER run_events_changed_del AFTER DELETE ON run_events BEGIN
  INSERT INTO record_changes SELECT 'ticket', old.ticket_key WHERE old.ticket_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'ticket' AND ref = old.ticket_key);
  INSERT INTO record_changes SELECT 'run', old.run_id WHERE old.run_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'run' AND ref = old.run_id);
  INSERT INTO record_changes SELECT 'bucket', old.workspace || '|' || substr(old.occurred_at, 1, 7) WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'bucket' AND ref = old.workspace || '|' || substr(old.occurred_at, 1, 7));
  INSERT INTO record_changes SELECT 'provider_day', substr(old.occurred_at, 1, 10) WHERE old.event_type = 'model_call_settled' AND NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'provider_day' AND ref = substr(old.occurred_at, 1, 10));
END;

DROP TRIGGER billing_lines_changed_ins;
CREATE TRIGGER billing_lines_changed_ins AFTER INSERT ON billing_lines WHEN new.ledger = 'provider' BEGIN
  INSERT INTO record_changes SELECT 'provider_day', new.occurred_on WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'provider_day' AND ref = new.occurred_on);
END;

DROP TRIGGER billing_lines_changed_del;
CREATE TRIGGER billing_lines_changed_del AFTER DELETE ON billing_lines WHEN old.ledger = 'provider' BEGIN
  INSERT INTO record_changes SELECT 'provider_day', old.occurred_on WHERE NOT EXISTS (SELECT 1 FROM record_changes WHERE kind = 'provider_day' AND ref = old.occurred_on);
END;
