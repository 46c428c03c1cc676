-- The pivot's fact table (issue 7). One row per record, its "record row", with every
-- record-level measure and event_type/provider/model null; plus one row per group of the record's
-- run events of one type, provider and model, its "event rows", with the run events, run credits
-- and AI credits used, and the run-credit, AI-credit and provider money of those events. A
-- record-level measure sits on exactly one row and never fans out; per record, the fact rows add
-- up to its records row. Dimension columns carry the values of shared/domain/pivot/fields.ts under
-- the same names; the record-level ones are copied from records (all rows of a record share them).
-- Derived data, refreshed for changed records by every records rebuild (repositories/facts.ts).
-- Named record_* because, like records, these tables are derived from the raw tables (so
-- bench/records/scale-workspace.ts empties them with the other record_* tables).
CREATE TABLE record_facts (
  id                       INTEGER PRIMARY KEY,
  record_id                INTEGER NOT NULL,
  team                     TEXT,
  project                  TEXT,
  repository               TEXT,
  issue_type               TEXT,
  size                     TEXT,
  outcome                  TEXT,
  month                    TEXT,
  quarter                  TEXT,
  week                     TEXT,
  workspace                TEXT,
  plan                     TEXT,
  person                   TEXT,
  event_type               TEXT,
  provider                 TEXT,
  model                    TEXT,
  records                  INTEGER NOT NULL DEFAULT 0,
  accepted                 INTEGER NOT NULL DEFAULT 0,
  mrs_opened               INTEGER NOT NULL DEFAULT 0,
  mrs_reached_review       INTEGER NOT NULL DEFAULT 0,
  mrs_merged               INTEGER NOT NULL DEFAULT 0,
  mrs_rolled_back          INTEGER NOT NULL DEFAULT 0,
  runs                     INTEGER NOT NULL DEFAULT 0,
  runs_reached_validation  INTEGER NOT NULL DEFAULT 0,
  runs_first_pass          INTEGER NOT NULL DEFAULT 0,
  repair_runs              INTEGER NOT NULL DEFAULT 0,
  review_rounds            INTEGER NOT NULL DEFAULT 0,
  review_hours             REAL NOT NULL DEFAULT 0,
  intake_hours             REAL NOT NULL DEFAULT 0,
  repair_hours             REAL NOT NULL DEFAULT 0,
  rework_hours             REAL NOT NULL DEFAULT 0,
  human_hours              REAL NOT NULL DEFAULT 0,
  baseline_hours           REAL NOT NULL DEFAULT 0,
  ci_minutes               REAL NOT NULL DEFAULT 0,
  tickets_denied           INTEGER NOT NULL DEFAULT 0,
  runs_blocked             INTEGER NOT NULL DEFAULT 0,
  runs_validation_failed   INTEGER NOT NULL DEFAULT 0,
  run_credits_used         REAL NOT NULL DEFAULT 0,
  ai_credits_used          REAL NOT NULL DEFAULT 0,
  follow_up_bugs           INTEGER NOT NULL DEFAULT 0,
  cost_run_credits         INTEGER NOT NULL DEFAULT 0,
  cost_ai_credits          INTEGER NOT NULL DEFAULT 0,
  cost_provider            INTEGER NOT NULL DEFAULT 0,
  cost_ci                  INTEGER NOT NULL DEFAULT 0,
  cost_human               INTEGER NOT NULL DEFAULT 0,
  events                   INTEGER NOT NULL DEFAULT 0,
  cost_lines_run_credits   INTEGER NOT NULL DEFAULT 0,
  cost_lines_ai_credits    INTEGER NOT NULL DEFAULT 0,
  cost_lines_provider      INTEGER NOT NULL DEFAULT 0,
  cost_lines_ci            INTEGER NOT NULL DEFAULT 0,
  cost_lines_human         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX record_facts_record ON record_facts(record_id);
-- A record's rows share its month: cubes are refreshed month by month for the months that changed.
CREATE INDEX record_facts_month ON record_facts(month);

-- Labels are many-to-many: a bridge from records to each of their labels (workflow), joined or
-- tested with EXISTS, so a record under two labels is counted once in any total above the label.
CREATE TABLE record_fact_labels (
  record_id INTEGER NOT NULL,
  label     TEXT NOT NULL,
  PRIMARY KEY (record_id, label)
) WITHOUT ROWID;

-- Each record's run events grouped by type, provider and model, as the record builder priced them
-- (inputs the fact rows cannot be rebuilt from without re-reading every run event). parts_json keeps
-- each group's raw part of the record's cost lines, so money is re-converted here when exchange
-- rates or the workspace currency change; cost_* hold the converted result.
CREATE TABLE record_fact_groups (
  record_id        INTEGER NOT NULL,
  event_type       TEXT NOT NULL,
  provider         TEXT,
  model            TEXT,
  events           INTEGER NOT NULL,
  run_credits_used REAL NOT NULL,
  ai_credits_used  REAL NOT NULL,
  cost_run_credits INTEGER NOT NULL DEFAULT 0,
  cost_ai_credits  INTEGER NOT NULL DEFAULT 0,
  cost_provider    INTEGER NOT NULL DEFAULT 0,
  parts_json       TEXT
);
CREATE INDEX record_fact_groups_record ON record_fact_groups(record_id);

-- Hash of each record's event groups when they were last written: a rebuild rewrites only records
-- whose groups changed.
CREATE TABLE record_fact_hashes (
  record_id INTEGER PRIMARY KEY,
  hash      TEXT NOT NULL
);

-- Records whose fact rows are out of date. Every write to records marks the record here (triggers),
-- whoever writes it (the rebuild, or the money refresh after an exchange-rate change), and the facts
-- refresh empties it; a pivot refreshes first when it is not empty.
CREATE TABLE record_fact_dirty (
  record_id INTEGER PRIMARY KEY
);
CREATE TRIGGER records_mark_facts_insert AFTER INSERT ON records BEGIN
  INSERT OR IGNORE INTO record_fact_dirty (record_id) VALUES (NEW.id);
END;
CREATE TRIGGER records_mark_facts_update AFTER UPDATE ON records BEGIN
  INSERT OR IGNORE INTO record_fact_dirty (record_id) VALUES (NEW.id);
END;
CREATE TRIGGER records_mark_facts_delete AFTER DELETE ON records BEGIN
  INSERT OR IGNORE INTO record_fact_dirty (record_id) VALUES (OLD.id);
END;
-- Records that exist before this migration get their facts on the first refresh.
INSERT INTO record_fact_dirty (record_id) SELECT id FROM records;

-- Pre-aggregations of the facts at the grain of a set of dimensions (CUBES in
-- shared/domain/pivot/cubes.ts), rebuilt in the same transaction as the facts. A pivot reads the
-- smallest one that holds every dimension it groups or filters by; fact_rows counts the fact rows
-- summed into each row.
-- Record-level dimensions: also exact for distinct records (one record row per record).
CREATE TABLE record_fact_cube_records (
  team                     TEXT,
  project                  TEXT,
  repository               TEXT,
  issue_type               TEXT,
  size                     TEXT,
  outcome                  TEXT,
  month                    TEXT,
  quarter                  TEXT,
  week                     TEXT,
  plan                     TEXT,
  fact_rows                INTEGER NOT NULL,
  records                  INTEGER NOT NULL DEFAULT 0,
  accepted                 INTEGER NOT NULL DEFAULT 0,
  mrs_opened               INTEGER NOT NULL DEFAULT 0,
  mrs_reached_review       INTEGER NOT NULL DEFAULT 0,
  mrs_merged               INTEGER NOT NULL DEFAULT 0,
  mrs_rolled_back          INTEGER NOT NULL DEFAULT 0,
  runs                     INTEGER NOT NULL DEFAULT 0,
  runs_reached_validation  INTEGER NOT NULL DEFAULT 0,
  runs_first_pass          INTEGER NOT NULL DEFAULT 0,
  repair_runs              INTEGER NOT NULL DEFAULT 0,
  review_rounds            INTEGER NOT NULL DEFAULT 0,
  review_hours             REAL NOT NULL DEFAULT 0,
  intake_hours             REAL NOT NULL DEFAULT 0,
  repair_hours             REAL NOT NULL DEFAULT 0,
  rework_hours             REAL NOT NULL DEFAULT 0,
  human_hours              REAL NOT NULL DEFAULT 0,
  baseline_hours           REAL NOT NULL DEFAULT 0,
  ci_minutes               REAL NOT NULL DEFAULT 0,
  tickets_denied           INTEGER NOT NULL DEFAULT 0,
  runs_blocked             INTEGER NOT NULL DEFAULT 0,
  runs_validation_failed   INTEGER NOT NULL DEFAULT 0,
  run_credits_used         REAL NOT NULL DEFAULT 0,
  ai_credits_used          REAL NOT NULL DEFAULT 0,
  follow_up_bugs           INTEGER NOT NULL DEFAULT 0,
  cost_run_credits         INTEGER NOT NULL DEFAULT 0,
  cost_ai_credits          INTEGER NOT NULL DEFAULT 0,
  cost_provider            INTEGER NOT NULL DEFAULT 0,
  cost_ci                  INTEGER NOT NULL DEFAULT 0,
  cost_human               INTEGER NOT NULL DEFAULT 0,
  events                   INTEGER NOT NULL DEFAULT 0,
  cost_lines_run_credits   INTEGER NOT NULL DEFAULT 0,
  cost_lines_ai_credits    INTEGER NOT NULL DEFAULT 0,
  cost_lines_provider      INTEGER NOT NULL DEFAULT 0,
  cost_lines_ci            INTEGER NOT NULL DEFAULT 0,
  cost_lines_human         INTEGER NOT NULL DEFAULT 0
);
-- With the run-event dimensions.
CREATE TABLE record_fact_cube_events (
  team                     TEXT,
  project                  TEXT,
  repository               TEXT,
  issue_type               TEXT,
  size                     TEXT,
  outcome                  TEXT,
  month                    TEXT,
  quarter                  TEXT,
  plan                     TEXT,
  event_type               TEXT,
  provider                 TEXT,
  model                    TEXT,
  fact_rows                INTEGER NOT NULL,
  records                  INTEGER NOT NULL DEFAULT 0,
  accepted                 INTEGER NOT NULL DEFAULT 0,
  mrs_opened               INTEGER NOT NULL DEFAULT 0,
  mrs_reached_review       INTEGER NOT NULL DEFAULT 0,
  mrs_merged               INTEGER NOT NULL DEFAULT 0,
  mrs_rolled_back          INTEGER NOT NULL DEFAULT 0,
  runs                     INTEGER NOT NULL DEFAULT 0,
  runs_reached_validation  INTEGER NOT NULL DEFAULT 0,
  runs_first_pass          INTEGER NOT NULL DEFAULT 0,
  repair_runs              INTEGER NOT NULL DEFAULT 0,
  review_rounds            INTEGER NOT NULL DEFAULT 0,
  review_hours             REAL NOT NULL DEFAULT 0,
  intake_hours             REAL NOT NULL DEFAULT 0,
  repair_hours             REAL NOT NULL DEFAULT 0,
  rework_hours             REAL NOT NULL DEFAULT 0,
  human_hours              REAL NOT NULL DEFAULT 0,
  baseline_hours           REAL NOT NULL DEFAULT 0,
  ci_minutes               REAL NOT NULL DEFAULT 0,
  tickets_denied           INTEGER NOT NULL DEFAULT 0,
  runs_blocked             INTEGER NOT NULL DEFAULT 0,
  runs_validation_failed   INTEGER NOT NULL DEFAULT 0,
  run_credits_used         REAL NOT NULL DEFAULT 0,
  ai_credits_used          REAL NOT NULL DEFAULT 0,
  follow_up_bugs           INTEGER NOT NULL DEFAULT 0,
  cost_run_credits         INTEGER NOT NULL DEFAULT 0,
  cost_ai_credits          INTEGER NOT NULL DEFAULT 0,
  cost_provider            INTEGER NOT NULL DEFAULT 0,
  cost_ci                  INTEGER NOT NULL DEFAULT 0,
  cost_human               INTEGER NOT NULL DEFAULT 0,
  events                   INTEGER NOT NULL DEFAULT 0,
  cost_lines_run_credits   INTEGER NOT NULL DEFAULT 0,
  cost_lines_ai_credits    INTEGER NOT NULL DEFAULT 0,
  cost_lines_provider      INTEGER NOT NULL DEFAULT 0,
  cost_lines_ci            INTEGER NOT NULL DEFAULT 0,
  cost_lines_human         INTEGER NOT NULL DEFAULT 0
);
-- By label (null: records without labels): each record once under each of its labels.
CREATE TABLE record_fact_cube_labels (
  label                    TEXT,
  team                     TEXT,
  project                  TEXT,
  repository               TEXT,
  issue_type               TEXT,
  size                     TEXT,
  outcome                  TEXT,
  month                    TEXT,
  quarter                  TEXT,
  plan                     TEXT,
  fact_rows                INTEGER NOT NULL,
  records                  INTEGER NOT NULL DEFAULT 0,
  accepted                 INTEGER NOT NULL DEFAULT 0,
  mrs_opened               INTEGER NOT NULL DEFAULT 0,
  mrs_reached_review       INTEGER NOT NULL DEFAULT 0,
  mrs_merged               INTEGER NOT NULL DEFAULT 0,
  mrs_rolled_back          INTEGER NOT NULL DEFAULT 0,
  runs                     INTEGER NOT NULL DEFAULT 0,
  runs_reached_validation  INTEGER NOT NULL DEFAULT 0,
  runs_first_pass          INTEGER NOT NULL DEFAULT 0,
  repair_runs              INTEGER NOT NULL DEFAULT 0,
  review_rounds            INTEGER NOT NULL DEFAULT 0,
  review_hours             REAL NOT NULL DEFAULT 0,
  intake_hours             REAL NOT NULL DEFAULT 0,
  repair_hours             REAL NOT NULL DEFAULT 0,
  rework_hours             REAL NOT NULL DEFAULT 0,
  human_hours              REAL NOT NULL DEFAULT 0,
  baseline_hours           REAL NOT NULL DEFAULT 0,
  ci_minutes               REAL NOT NULL DEFAULT 0,
  tickets_denied           INTEGER NOT NULL DEFAULT 0,
  runs_blocked             INTEGER NOT NULL DEFAULT 0,
  runs_validation_failed   INTEGER NOT NULL DEFAULT 0,
  run_credits_used         REAL NOT NULL DEFAULT 0,
  ai_credits_used          REAL NOT NULL DEFAULT 0,
  follow_up_bugs           INTEGER NOT NULL DEFAULT 0,
  cost_run_credits         INTEGER NOT NULL DEFAULT 0,
  cost_ai_credits          INTEGER NOT NULL DEFAULT 0,
  cost_provider            INTEGER NOT NULL DEFAULT 0,
  cost_ci                  INTEGER NOT NULL DEFAULT 0,
  cost_human               INTEGER NOT NULL DEFAULT 0,
  events                   INTEGER NOT NULL DEFAULT 0,
  cost_lines_run_credits   INTEGER NOT NULL DEFAULT 0,
  cost_lines_ai_credits    INTEGER NOT NULL DEFAULT 0,
  cost_lines_provider      INTEGER NOT NULL DEFAULT 0,
  cost_lines_ci            INTEGER NOT NULL DEFAULT 0,
  cost_lines_human         INTEGER NOT NULL DEFAULT 0
);

-- What the last facts refresh saw: currencies left out of records for want of a rate, and the row
-- count of each cube (the planner picks the smallest that fits).
CREATE TABLE record_fact_state (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  refreshed_at  TEXT NOT NULL,
  missing_rates TEXT,
  cube_rows_json TEXT NOT NULL DEFAULT '{}'
);
