-- Human hours by activity (PRODUCT.md: intake, review, repair, rework), the funnel counts the
-- scenario calibrates from, and credits consumed; all additive per record.
ALTER TABLE records ADD COLUMN intake_hours REAL NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN repair_hours REAL NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN rework_hours REAL NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN tickets_denied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN runs_blocked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN runs_validation_failed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN run_credits_used REAL NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN ai_credits_used REAL NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN follow_up_bugs INTEGER NOT NULL DEFAULT 0;
-- Descriptive fields for the records list and pilot scopes.
ALTER TABLE records ADD COLUMN title TEXT;
ALTER TABLE records ADD COLUMN mr_url TEXT;
ALTER TABLE records ADD COLUMN labels_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE records ADD COLUMN workspace TEXT;
ALTER TABLE records ADD COLUMN plan TEXT;
-- The ticket's assignee: only shown when person-level views are enabled, pseudonymised in exports.
ALTER TABLE records ADD COLUMN person TEXT;
-- Hash of everything a record stores: a rebuild rewrites only records whose hash changed.
ALTER TABLE records ADD COLUMN content_hash TEXT;
-- Money per record and cost kind in the workspace currency, converted at the rate valid on each
-- line's date and refreshed when rates change, so lists and pivots sum columns and never convert
-- (or fan out over cost lines) per query. Lines without a rate are left out and named here.
ALTER TABLE records ADD COLUMN cost_run_credits INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN cost_ai_credits INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN cost_provider INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN cost_ci INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN cost_human INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN missing_rates TEXT;


CREATE TABLE record_signals (
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  code      TEXT NOT NULL,
  detail    TEXT NOT NULL,
  PRIMARY KEY (record_id, code)
);
CREATE INDEX record_signals_code ON record_signals(code);

-- What linking could not attach to a record: shown with counts, never silently dropped.
CREATE TABLE unlinked_items (
  kind          TEXT NOT NULL CHECK (kind IN ('run_without_ticket', 'run_without_mr', 'ai_mr_without_ticket', 'billing_line_without_run')),
  ref           TEXT NOT NULL,
  detail        TEXT NOT NULL,
  url           TEXT,
  occurred_at   TEXT NOT NULL,
  amount_micros INTEGER,
  currency      TEXT,
  PRIMARY KEY (kind, ref)
);

-- Vendor-billed run credits against what the plan rules imply, per month and vendor workspace.
CREATE TABLE reconciliation (
  month             TEXT NOT NULL,
  workspace         TEXT NOT NULL,
  plan              TEXT,
  currency          TEXT NOT NULL,
  billed_credits    REAL NOT NULL,
  implied_credits   REAL NOT NULL,
  billed_micros     INTEGER NOT NULL,
  implied_micros    INTEGER NOT NULL,
  mismatched_events INTEGER NOT NULL,
  PRIMARY KEY (month, workspace, currency)
);

-- Which records fall in each pilot's scope; refreshed when records or a pilot change.
CREATE TABLE record_pilots (
  pilot_id  INTEGER NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  PRIMARY KEY (pilot_id, record_id)
);
CREATE INDEX record_pilots_record ON record_pilots(record_id);
