import { z } from 'zod';
import { DeckIdSchema, DeckNameSchema, DeckSchema, DeckSlidesSchema, MAX_PIVOT_SLIDE_SPEC_CHARS, MAX_SLIDE_NOTES, MAX_SLIDE_TITLE, MAX_SLIDES } from '../domain/present/deck';

/** The `updatedAt` a client last read; ISO timestamps are 24 characters. */
const Version = z.string().min(1).max(40);

export const DeckListSchema = z.object({
  /** In the order they were created. */
  decks: z.array(DeckSchema),
  /** Deck rows this version cannot read (written by a newer one?): left untouched, named so the UI can say so. */
  unreadable: z.array(z.object({ name: z.string(), problem: z.string() })),
});
export type DeckList = z.infer<typeof DeckListSchema>;

export const DeckSaveInputSchema = z
  .object({
    id: DeckIdSchema,
    name: DeckNameSchema,
    slides: DeckSlidesSchema,
    /**
     * The `updatedAt` of the deck as this client last read it, or null to create it. A save whose
     * version is not the stored one is refused (CONFLICT, details DeckConflict), so a window that
     * missed another's change never overwrites it silently.
     */
    expectedUpdatedAt: Version.nullable(),
  })
  .strict();
export type DeckSaveInput = z.infer<typeof DeckSaveInputSchema>;

/** The `details` of a CONFLICT from decks:save or decks:delete: why, and what is stored now. */
export const DeckConflictSchema = z.discriminatedUnion('reason', [
  /** Changed (or created) by someone else since the client read it; `current` is what is stored. */
  z.object({ reason: z.literal('changed'), current: DeckSchema }),
  /** Deleted since the client read it. */
  z.object({ reason: z.literal('deleted') }),
  /** Another deck has this name (case-insensitively). */
  z.object({ reason: z.literal('name-taken'), name: z.string() }),
  z.object({ reason: z.literal('too-many'), limit: z.number().int() }),
]);
export type DeckConflict = z.infer<typeof DeckConflictSchema>;

/** JSON escapes a control character into six (\u0001). */
const JSON_ESCAPE = 6;
/** Per slide, besides its text and a pivot's spec: keys, the slide's id, a pilot's or scenario's name. */
const SLIDE_OVERHEAD = 2_000;

/**
 * Worst-case size of one decks:save input: every slide at its longest notes and title (its own and
 * a pivot's), each character escaped by JSON into six, with a pivot spec at its longest (whose
 * bound is already its JSON length), plus ids and keys: about 4.4 MB. The dispatcher's default is 1 MB.
 */
export const DECK_SAVE_MAX_INPUT_BYTES = MAX_SLIDES * (JSON_ESCAPE * (MAX_SLIDE_NOTES + 2 * MAX_SLIDE_TITLE) + MAX_PIVOT_SLIDE_SPEC_CHARS + SLIDE_OVERHEAD) + 10_000;

export const DECKS_CONTRACT = {
  /** Every deck of the workspace (saved_views, kind 'deck'); views:list never returns them. */
  'decks:list': { input: z.object({}).strict(), output: DeckListSchema },
  /** Creates a deck (expectedUpdatedAt null) or replaces one; names are unique, case-insensitively. Returns it as stored. */
  'decks:save': { input: DeckSaveInputSchema, output: DeckSchema },
  /**
   * Deletes a deck and returns it as it was (null when there was none), so Undo can save it again.
   * With expectedUpdatedAt, refused (CONFLICT) when it changed since.
   */
  'decks:delete': { input: z.object({ id: DeckIdSchema, expectedUpdatedAt: Version.optional() }).strict(), output: z.object({ deleted: DeckSchema.nullable() }) },
} as const;
