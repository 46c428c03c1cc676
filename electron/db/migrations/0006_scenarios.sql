-- Earlier versions of each scenario, newest last, so every change to a scenario (save, rename,
-- duplicate, delete) can be undone: undo restores the latest entry and removes it. An entry with
-- a NULL name means the scenario did not exist before the change (undo deletes it). There is no
-- foreign key to scenarios on purpose: a deleted scenario's history must outlive its row, so the
-- deletion itself can be undone (scenario ids are never reused; the repository allocates them
-- above every id this table has seen).
CREATE TABLE scenario_history (
  id               INTEGER PRIMARY KEY,
  scenario_id      INTEGER NOT NULL,
  action           TEXT NOT NULL CHECK (action IN ('create', 'save', 'rename', 'duplicate', 'delete')),
  name             TEXT,
  pilot_id         INTEGER,
  assumptions_json TEXT,
  created_at       TEXT,
  updated_at       TEXT,
  recorded_at      TEXT NOT NULL
);
CREATE INDEX scenario_history_scenario ON scenario_history(scenario_id, id);
CREATE INDEX scenario_history_deleted ON scenario_history(action, name COLLATE NOCASE);
