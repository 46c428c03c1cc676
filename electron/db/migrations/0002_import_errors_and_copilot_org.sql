-- Why an import failed or was cancelled, shown in the import list.
ALTER TABLE imports ADD COLUMN error TEXT;
-- The process running an import: a 'running' import whose process is gone was interrupted (kill -9, crash).
ALTER TABLE imports ADD COLUMN pid INTEGER;

-- Organisation- or enterprise-level Copilot usage per day (reference §3.2 day_totals): adoption and
-- pull-request signals for a workflow, never a per-person scorecard.
CREATE TABLE copilot_org_daily (
  import_id                   INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  scope_id                    TEXT NOT NULL,
  day                         TEXT NOT NULL,
  daily_active_users          INTEGER,
  weekly_active_users         INTEGER,
  monthly_active_users        INTEGER,
  monthly_active_agent_users  INTEGER,
  code_generation_activity    INTEGER,
  code_acceptance_activity    INTEGER,
  prs_created                 INTEGER,
  prs_merged                  INTEGER,
  prs_created_by_copilot      INTEGER,
  prs_merged_created_by_copilot INTEGER,
  PRIMARY KEY (scope_id, day)
);
