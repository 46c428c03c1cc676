import { z } from 'zod';
import { DeckIdSchema, DeckSlidesSchema, MAX_DECKS, type Deck } from '../../../shared/domain/present/deck';
import type { DeckConflict, DeckList, DeckSaveInput } from '../../../shared/ipc/contract-decks';
import { AppError } from '../../../shared/ipc/result';
import type { Db } from '../connection';

/*
 * Presentation decks, one saved_views row of kind 'deck' per deck: two windows editing different
 * decks never write the same row. The row keeps the name and times in columns; spec_json holds the
 * client's deck id and the slides. Optimistic concurrency: every write names the updated_at it read.
 */

type DeckRow = { row_id: number; name: string; spec_json: string; updated_at: string };

/** What spec_json holds. Strict and versioned: a row from a newer version is reported, never rewritten by this one. */
const StoredDeckSchema = z.object({ version: z.literal(1), id: DeckIdSchema, slides: DeckSlidesSchema }).strict();

type Parsed = { row: DeckRow; deck: Deck } | { row: DeckRow; deck: null; problem: string };

function parseRow(row: DeckRow): Parsed {
  let parsed: ReturnType<typeof StoredDeckSchema.safeParse> | null = null;
  try {
    parsed = StoredDeckSchema.safeParse(JSON.parse(row.spec_json));
  } catch {
    parsed = null;
  }
  if (parsed?.success) return { row, deck: { id: parsed.data.id, name: row.name, slides: parsed.data.slides, updatedAt: row.updated_at } };
  return { row, deck: null, problem: `This deck was stored in a form this version cannot read${parsed ? `: ${parsed.error.issues.map((i) => i.message).join('; ')}` : ''}.` };
}

// Deck counts are small (MAX_DECKS), so rows are read whole and matched on the deck id here: a
// json_extract() in SQL would fail outright on one malformed row.
const deckRows = (db: Db): Parsed[] =>
  (db.prepare("SELECT id AS row_id, name, spec_json, updated_at FROM saved_views WHERE kind = 'deck' ORDER BY created_at, id").all() as DeckRow[]).map(parseRow);

const findDeck = (rows: Parsed[], id: string): (Parsed & { deck: Deck }) | undefined => rows.find((r): r is Parsed & { deck: Deck } => r.deck?.id === id);

const conflict = (message: string, details: DeckConflict): AppError => new AppError('CONFLICT', message, details);

/**
 * A version strictly after the stored one, even within the same millisecond: a save that reused the
 * previous timestamp would let a stale client's version match again.
 */
export function nextVersion(previous: string | null, now: string): string {
  if (previous === null || now > previous) return now;
  const after = Date.parse(previous);
  return Number.isNaN(after) ? now : new Date(after + 1).toISOString();
}

export function listDecks(db: Db): DeckList {
  const out: DeckList = { decks: [], unreadable: [] };
  for (const r of deckRows(db)) {
    if (r.deck !== null) out.decks.push(r.deck);
    else out.unreadable.push({ name: r.row.name, problem: r.problem });
  }
  return out;
}

/** Creates (expectedUpdatedAt null) or replaces a deck, refusing stale versions, taken names and a full workspace. */
export function saveDeck(db: Db, input: DeckSaveInput, now: string): Deck {
  // IMMEDIATE: the check and the write hold the write lock together, also against the CLI in another process.
  return db
    .transaction((): Deck => {
      const rows = deckRows(db);
      const existing = findDeck(rows, input.id);
      if (input.expectedUpdatedAt === null && existing !== undefined) {
        throw conflict(`The deck "${existing.deck.name}" already exists (saved elsewhere); reload to see it.`, { reason: 'changed', current: existing.deck });
      }
      if (input.expectedUpdatedAt !== null) {
        if (existing === undefined) throw conflict(`The deck "${input.name}" was deleted elsewhere since it was opened here.`, { reason: 'deleted' });
        if (existing.deck.updatedAt !== input.expectedUpdatedAt) {
          throw conflict(`The deck "${existing.deck.name}" was changed elsewhere since it was opened here.`, { reason: 'changed', current: existing.deck });
        }
      }
      const wanted = input.name.toLocaleLowerCase();
      // Unreadable rows count too: their names are taken in the table as well.
      const clash = rows.find((r) => r.row.row_id !== existing?.row.row_id && r.row.name.toLocaleLowerCase() === wanted);
      if (clash !== undefined) throw conflict(`A deck named "${clash.row.name}" already exists.`, { reason: 'name-taken', name: clash.row.name });
      if (existing === undefined && rows.length >= MAX_DECKS) throw conflict(`A workspace keeps at most ${MAX_DECKS} decks; delete one first.`, { reason: 'too-many', limit: MAX_DECKS });

      const json = JSON.stringify({ version: 1, id: input.id, slides: input.slides } satisfies z.infer<typeof StoredDeckSchema>);
      const updatedAt = nextVersion(existing?.deck.updatedAt ?? null, now);
      if (existing !== undefined) {
        db.prepare('UPDATE saved_views SET name = ?, spec_json = ?, updated_at = ? WHERE id = ?').run(input.name, json, updatedAt, existing.row.row_id);
      } else {
        db.prepare("INSERT INTO saved_views (kind, name, spec_json, created_at, updated_at) VALUES ('deck', ?, ?, ?, ?)").run(input.name, json, now, updatedAt);
      }
      return { id: input.id, name: input.name, slides: input.slides, updatedAt };
    })
    .immediate();
}

/** Deletes a deck and returns it as it was, or null when there is none; refuses when it changed since `expectedUpdatedAt`. */
export function deleteDeck(db: Db, id: string, expectedUpdatedAt: string | undefined): Deck | null {
  return db
    .transaction((): Deck | null => {
      const existing = findDeck(deckRows(db), id);
      if (existing === undefined) return null;
      if (expectedUpdatedAt !== undefined && existing.deck.updatedAt !== expectedUpdatedAt) {
        throw conflict(`The deck "${existing.deck.name}" was changed elsewhere since it was opened here; it was not deleted.`, { reason: 'changed', current: existing.deck });
      }
      db.prepare('DELETE FROM saved_views WHERE id = ?').run(existing.row.row_id);
      return existing.deck;
    })
    .immediate();
}
