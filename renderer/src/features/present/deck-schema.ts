import { z } from 'zod';

/*
 * A deck as stored. Pure zod with no DOM or app imports, so it can move to shared/domain unchanged
 * once decks are kept in the workspace (saved_views kind 'deck'); until then deck-storage.ts keeps
 * them in the browser's storage.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A fixed period (an Overview quarter); null on a slide means "the latest full quarter", which moves with the data. */
export const SlidePeriodSchema = z.object({ from: IsoDate, to: IsoDate }).strict();
export type SlidePeriod = z.infer<typeof SlidePeriodSchema>;

/** A pilot by id, with its name when pinned: a pilot deleted and restored gets a new id, and is found again by name. */
export const PilotRefSchema = z.object({ id: z.number().int(), name: z.string().trim().min(1).max(80) }).strict();
export type PilotRef = z.infer<typeof PilotRefSchema>;

const ScenarioName = z.string().trim().min(1).max(80);

/**
 * What a slide shows: one of the app's charts with its parameters, or a view of headline figures.
 * Slides hold references, never numbers: the figures are fetched when the deck plays.
 */
export const SlideViewSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('overview-cost'), period: SlidePeriodSchema.nullable() }).strict(),
  z.object({ view: z.literal('overview-figures'), period: SlidePeriodSchema.nullable() }).strict(),
  z.object({ view: z.literal('pilot-monthly'), pilot: PilotRefSchema }).strict(),
  z.object({ view: z.literal('pilot-figures'), pilot: PilotRefSchema }).strict(),
  z.object({ view: z.literal('scenario-cost'), scenario: ScenarioName }).strict(),
  z.object({ view: z.literal('scenario-figures'), scenario: ScenarioName }).strict(),
]);
export type SlideView = z.infer<typeof SlideViewSchema>;
export type SlideViewId = SlideView['view'];

export const MAX_SLIDES = 100;
export const MAX_DECKS = 50;

export const SlideSchema = z
  .object({
    id: z.string().min(1).max(64),
    view: SlideViewSchema,
    /** The slide's own title; null shows the view's default title. */
    title: z.string().max(120).nullable(),
    notes: z.string().max(4000),
  })
  .strict();
export type Slide = z.infer<typeof SlideSchema>;

export const DeckSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(80),
    slides: z.array(SlideSchema).max(MAX_SLIDES),
    updatedAt: z.string(),
  })
  .strict();
export type Deck = z.infer<typeof DeckSchema>;

/** Every deck of a workspace and the one the "Pin to deck" buttons add to. */
export const DecksSchema = z
  .object({
    version: z.literal(1),
    decks: z.array(DeckSchema).max(MAX_DECKS),
    currentId: z.string().nullable(),
  })
  .strict();
export type Decks = z.infer<typeof DecksSchema>;

export const EMPTY_DECKS: Decks = { version: 1, decks: [], currentId: null };
