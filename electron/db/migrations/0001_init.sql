-- The whole accepted-work model (PRODUCT.md). Later issues fill tables that start empty here.
-- Money: integer micro-units of the major unit plus an ISO 4217 currency; never converted in storage.
-- Time: UTC ISO-8601 text with Z.

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
);

-- Sources: a Jira site, a GitLab instance, or a family of imported files. secret_ref names the
-- keychain entry; the secret itself never enters this database.
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('jira', 'gitlab', 'import')),
  name        TEXT NOT NULL UNIQUE,
  base_url    TEXT,
  config_json TEXT NOT NULL DEFAULT '{}',
  secret_ref  TEXT,
  created_at  TEXT NOT NULL
);

-- A cursor is committed in the same transaction as the rows it covers.
CREATE TABLE sync_cursors (
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  entity     TEXT NOT NULL,
  cursor     TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (source_id, entity)
);

CREATE TABLE sync_runs (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  status      TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
  full_sync   INTEGER NOT NULL DEFAULT 0,
  stats_json  TEXT NOT NULL DEFAULT '{}',
  error       TEXT
);

CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT NOT NULL,
  file_sha256   TEXT NOT NULL,
  preset        TEXT NOT NULL,
  rows_total    INTEGER NOT NULL DEFAULT 0,
  rows_imported INTEGER NOT NULL DEFAULT 0,
  rows_skipped  INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  status        TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'undone', 'interrupted')),
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  undone_at     TEXT
);
CREATE INDEX imports_sha ON imports(file_sha256);

CREATE TABLE import_rejections (
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line      INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  raw       TEXT,
  PRIMARY KEY (import_id, line)
);

CREATE TABLE column_mappings (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  mapping_json TEXT NOT NULL,
  created_at   TEXT NOT NULL
);

CREATE TABLE exchange_rates (
  from_currency TEXT NOT NULL,
  to_currency   TEXT NOT NULL,
  valid_from    TEXT NOT NULL,
  rate          REAL NOT NULL CHECK (rate > 0),
  PRIMARY KEY (from_currency, to_currency, valid_from)
);

CREATE TABLE teams (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

-- People are kept for linking (authors, reviewers); person-level views are off by default.
CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  external_id  TEXT NOT NULL,
  username     TEXT,
  display_name TEXT,
  is_bot       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (source_id, external_id)
);

---------------------------------------------------------------------------------------------------
-- Jira
CREATE TABLE jira_projects (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  key         TEXT NOT NULL,
  name        TEXT,
  team_id     INTEGER REFERENCES teams(id),
  UNIQUE (source_id, external_id)
);

CREATE TABLE jira_statuses (
  source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  external_id  TEXT NOT NULL,
  name         TEXT NOT NULL,
  category_key TEXT NOT NULL,
  PRIMARY KEY (source_id, external_id)
);

CREATE TABLE work_items (
  id              INTEGER PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  external_id     TEXT NOT NULL,
  key             TEXT NOT NULL,
  project_id      INTEGER REFERENCES jira_projects(id),
  issue_type      TEXT NOT NULL,
  summary         TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL,
  status_category TEXT NOT NULL CHECK (status_category IN ('new', 'indeterminate', 'done', 'unknown')),
  resolution      TEXT,
  story_points    REAL,
  labels_json     TEXT NOT NULL DEFAULT '[]',
  components_json TEXT NOT NULL DEFAULT '[]',
  assignee_id     INTEGER REFERENCES people(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  resolved_at     TEXT,
  web_url         TEXT,
  UNIQUE (source_id, external_id)
);
CREATE INDEX work_items_key ON work_items(key);

CREATE TABLE work_item_status_changes (
  work_item_id    INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  changelog_id    TEXT NOT NULL,
  item_index      INTEGER NOT NULL,
  changed_at      TEXT NOT NULL,
  field           TEXT NOT NULL,
  from_value      TEXT,
  to_value        TEXT,
  from_string     TEXT,
  to_string       TEXT,
  author_id       INTEGER REFERENCES people(id),
  PRIMARY KEY (work_item_id, changelog_id, item_index)
);

CREATE TABLE work_item_links (
  work_item_id INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  external_id  TEXT NOT NULL,
  link_type    TEXT NOT NULL,
  direction    TEXT NOT NULL CHECK (direction IN ('inward', 'outward')),
  description  TEXT NOT NULL,
  other_key    TEXT NOT NULL,
  PRIMARY KEY (work_item_id, external_id)
);

CREATE TABLE worklogs (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  external_id   TEXT NOT NULL,
  work_item_id  INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
  author_id     INTEGER REFERENCES people(id),
  started_at    TEXT NOT NULL,
  seconds       INTEGER NOT NULL,
  comment       TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (source_id, external_id)
);
CREATE INDEX worklogs_item ON worklogs(work_item_id);

---------------------------------------------------------------------------------------------------
-- GitLab (changes, review, CI)
CREATE TABLE repositories (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  path        TEXT NOT NULL,
  name        TEXT NOT NULL,
  web_url     TEXT,
  team_id     INTEGER REFERENCES teams(id),
  UNIQUE (source_id, external_id)
);

CREATE TABLE merge_requests (
  id               INTEGER PRIMARY KEY,
  source_id        INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  external_id      TEXT NOT NULL,
  repository_id    INTEGER NOT NULL REFERENCES repositories(id),
  iid              INTEGER NOT NULL,
  title            TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  state            TEXT NOT NULL CHECK (state IN ('opened', 'closed', 'locked', 'merged')),
  draft            INTEGER NOT NULL DEFAULT 0,
  source_branch    TEXT NOT NULL,
  target_branch    TEXT NOT NULL,
  author_id        INTEGER REFERENCES people(id),
  labels_json      TEXT NOT NULL DEFAULT '[]',
  sha              TEXT,
  merge_commit_sha TEXT,
  squash_commit_sha TEXT,
  changes_count    INTEGER,
  changes_capped   INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  merged_at        TEXT,
  closed_at        TEXT,
  web_url          TEXT NOT NULL,
  UNIQUE (source_id, external_id),
  UNIQUE (repository_id, iid)
);
CREATE INDEX merge_requests_url ON merge_requests(web_url);

CREATE TABLE mr_commits (
  merge_request_id INTEGER NOT NULL REFERENCES merge_requests(id) ON DELETE CASCADE,
  sha              TEXT NOT NULL,
  title            TEXT NOT NULL,
  message          TEXT NOT NULL DEFAULT '',
  authored_at      TEXT,
  PRIMARY KEY (merge_request_id, sha)
);
CREATE INDEX mr_commits_sha ON mr_commits(sha);

-- Review events from discussions and system notes: comments, requested changes, approvals.
CREATE TABLE review_events (
  merge_request_id INTEGER NOT NULL REFERENCES merge_requests(id) ON DELETE CASCADE,
  external_id      TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('comment', 'diff_comment', 'requested_changes', 'approved', 'unapproved', 'mentioned', 'system')),
  author_id        INTEGER REFERENCES people(id),
  created_at       TEXT NOT NULL,
  body             TEXT,
  PRIMARY KEY (merge_request_id, external_id)
);

CREATE TABLE approvals (
  merge_request_id INTEGER NOT NULL REFERENCES merge_requests(id) ON DELETE CASCADE,
  user_id          INTEGER NOT NULL REFERENCES people(id),
  approved_at      TEXT,
  PRIMARY KEY (merge_request_id, user_id)
);

CREATE TABLE pipelines (
  id                INTEGER PRIMARY KEY,
  source_id         INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  external_id       TEXT NOT NULL,
  repository_id     INTEGER NOT NULL REFERENCES repositories(id),
  merge_request_iid INTEGER,
  sha               TEXT NOT NULL,
  ref               TEXT NOT NULL,
  status            TEXT NOT NULL,
  trigger_source    TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  started_at        TEXT,
  finished_at       TEXT,
  duration_s        REAL,
  queued_duration_s REAL,
  web_url           TEXT,
  UNIQUE (source_id, external_id)
);
CREATE INDEX pipelines_mr ON pipelines(repository_id, merge_request_iid);
CREATE INDEX pipelines_sha ON pipelines(sha);

CREATE TABLE ci_jobs (
  id                INTEGER PRIMARY KEY,
  source_id         INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  external_id       TEXT NOT NULL,
  pipeline_id       INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  stage             TEXT NOT NULL,
  status            TEXT NOT NULL,
  allow_failure     INTEGER NOT NULL DEFAULT 0,
  retried           INTEGER NOT NULL DEFAULT 0,
  failure_reason    TEXT,
  created_at        TEXT NOT NULL,
  started_at        TEXT,
  finished_at       TEXT,
  duration_s        REAL,
  queued_duration_s REAL,
  runner_type       TEXT,
  runner_external_id TEXT,
  runner_description TEXT,
  web_url           TEXT,
  UNIQUE (source_id, external_id)
);
CREATE INDEX ci_jobs_pipeline ON ci_jobs(pipeline_id);

---------------------------------------------------------------------------------------------------
-- AI runs and billing imports
CREATE TABLE run_events (
  event_id            TEXT PRIMARY KEY,
  import_id           INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  source_line         INTEGER,
  occurred_at         TEXT NOT NULL,
  workspace           TEXT NOT NULL,
  event_type          TEXT NOT NULL CHECK (event_type IN (
                        'ticket_denied', 'run_blocked', 'validation_failed', 'pr_created', 'pr_updated',
                        'retry_publish', 'continuation_run', 'model_call_reserved', 'model_call_settled')),
  ticket_key          TEXT,
  run_id              TEXT,
  parent_run_id       TEXT,
  reason_code         TEXT,
  reason_detail       TEXT,
  run_credits_micros  INTEGER NOT NULL DEFAULT 0,
  ai_credits_micros   INTEGER NOT NULL DEFAULT 0,
  ai_reserved_micros  INTEGER,
  reservation_id      TEXT,
  amount_micros       INTEGER NOT NULL DEFAULT 0,
  currency            TEXT NOT NULL,
  provider            TEXT,
  model               TEXT,
  input_tokens        INTEGER,
  output_tokens       INTEGER,
  cache_read_tokens   INTEGER,
  cache_write_tokens  INTEGER,
  vcs                 TEXT,
  repository          TEXT,
  mr_url              TEXT,
  mr_iid              INTEGER,
  commit_sha          TEXT,
  supersedes_event_id TEXT,
  metadata_json       TEXT
);
CREATE INDEX run_events_ticket ON run_events(ticket_key);
CREATE INDEX run_events_run ON run_events(run_id);
CREATE INDEX run_events_mr ON run_events(mr_url);

-- Runs derived from run events (one row per vendor run id).
CREATE TABLE runs (
  run_id        TEXT PRIMARY KEY,
  ticket_key    TEXT,
  parent_run_id TEXT,
  kind          TEXT NOT NULL CHECK (kind IN ('initial', 'continuation', 'retry')),
  started_at    TEXT NOT NULL,
  ended_at      TEXT NOT NULL,
  final_event   TEXT NOT NULL,
  mr_url        TEXT
);

-- Copilot per-user daily usage: a consumption signal, attached to workflows, never a person's scorecard.
CREATE TABLE copilot_usage (
  import_id        INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  scope_id         TEXT NOT NULL,
  user_external_id TEXT NOT NULL,
  user_login       TEXT,
  day              TEXT NOT NULL,
  ai_credits_used_micros INTEGER NOT NULL DEFAULT 0,
  interactions     INTEGER NOT NULL DEFAULT 0,
  used_agent       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scope_id, user_external_id, day)
);

-- Billing lines from every priced export (GitHub billing, provider cost reports, custom CSV).
CREATE TABLE billing_lines (
  id             INTEGER PRIMARY KEY,
  import_id      INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  source_line    INTEGER,
  natural_key    TEXT NOT NULL UNIQUE,
  ledger         TEXT NOT NULL CHECK (ledger IN ('run_credits', 'ai_credits', 'provider', 'copilot', 'ci', 'other')),
  vendor         TEXT NOT NULL,
  occurred_on    TEXT NOT NULL,
  amount_micros  INTEGER NOT NULL,
  currency       TEXT NOT NULL,
  quantity       REAL,
  unit           TEXT,
  sku            TEXT,
  model          TEXT,
  description    TEXT,
  ticket_key     TEXT,
  run_id         TEXT,
  mr_ref         TEXT,
  repository     TEXT,
  team           TEXT,
  user_ref       TEXT
);
CREATE INDEX billing_lines_day ON billing_lines(occurred_on);

CREATE TABLE plans (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  rules_json TEXT NOT NULL
);

---------------------------------------------------------------------------------------------------
-- Accepted-work records (derived; rebuilt from the tables above, never edited by hand)
CREATE TABLE records (
  id               INTEGER PRIMARY KEY,
  record_key       TEXT NOT NULL UNIQUE,
  work_item_id     INTEGER REFERENCES work_items(id) ON DELETE SET NULL,
  ticket_key       TEXT,
  team             TEXT,
  project_key      TEXT,
  repository       TEXT,
  issue_type       TEXT,
  size             TEXT,
  outcome          TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'rolled_back', 'open', 'denied', 'blocked', 'failed', 'no_change')),
  period_month     TEXT NOT NULL,
  started_at       TEXT,
  ended_at         TEXT,
  mrs_opened       INTEGER NOT NULL DEFAULT 0,
  mrs_reached_review INTEGER NOT NULL DEFAULT 0,
  mrs_merged       INTEGER NOT NULL DEFAULT 0,
  accepted         INTEGER NOT NULL DEFAULT 0,
  mrs_rolled_back  INTEGER NOT NULL DEFAULT 0,
  runs             INTEGER NOT NULL DEFAULT 0,
  runs_reached_validation INTEGER NOT NULL DEFAULT 0,
  runs_first_pass  INTEGER NOT NULL DEFAULT 0,
  repair_runs      INTEGER NOT NULL DEFAULT 0,
  review_rounds    INTEGER NOT NULL DEFAULT 0,
  ci_minutes       REAL NOT NULL DEFAULT 0,
  human_hours      REAL NOT NULL DEFAULT 0,
  review_hours     REAL NOT NULL DEFAULT 0,
  baseline_hours   REAL NOT NULL DEFAULT 0,
  built_at         TEXT NOT NULL
);
CREATE INDEX records_period ON records(period_month);

CREATE TABLE record_merge_requests (
  record_id        INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  merge_request_id INTEGER NOT NULL REFERENCES merge_requests(id) ON DELETE CASCADE,
  role             TEXT NOT NULL CHECK (role IN ('change', 'revert')),
  PRIMARY KEY (record_id, merge_request_id)
);

CREATE TABLE record_runs (
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  run_id    TEXT NOT NULL,
  PRIMARY KEY (record_id, run_id)
);

-- Every cost of a record, each saying whether it is measured or estimated and from what.
CREATE TABLE record_cost_lines (
  record_id     INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  line_no       INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('run_credits', 'ai_credits', 'provider', 'ci', 'human')),
  basis         TEXT NOT NULL CHECK (basis IN ('measured', 'estimated')),
  evidence      TEXT NOT NULL,
  occurred_on   TEXT NOT NULL,
  quantity      REAL,
  unit          TEXT,
  amount_micros INTEGER NOT NULL,
  currency      TEXT NOT NULL,
  PRIMARY KEY (record_id, line_no)
);

---------------------------------------------------------------------------------------------------
-- Planning
CREATE TABLE pilots (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  owner          TEXT,
  scope_json     TEXT NOT NULL DEFAULT '{}',
  decisions_json TEXT NOT NULL DEFAULT '{}',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE scenarios (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  pilot_id         INTEGER REFERENCES pilots(id) ON DELETE SET NULL,
  assumptions_json TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('pivot', 'chart', 'records', 'deck')),
  name       TEXT NOT NULL,
  spec_json  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (kind, name)
);
