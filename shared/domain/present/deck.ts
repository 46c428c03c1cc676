import { z } from 'zod';
import { MeasureIdSchema, PivotSpecSchema } from '../pivot/spec';

/*
 * A presentation deck: slides that reference the app's charts and figures, never their numbers.
 * Kept in the workspace (saved_views, kind 'deck', one row per deck), so decks travel with its
 * backups and outlive a browser tab; the renderer edits them and the decks:* channels store them.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A fixed period (an Overview quarter); null on a slide means "the latest full quarter", which moves with the data. */
export const SlidePeriodSchema = z.object({ from: IsoDate, to: IsoDate }).strict();
export type SlidePeriod = z.infer<typeof SlidePeriodSchema>;

/** A pilot by id, with its name when pinned: a pilot deleted and restored gets a new id, and is found again by name. */
export const PilotRefSchema = z.object({ id: z.number().int(), name: z.string().trim().min(1).max(80) }).strict();
export type PilotRef = z.infer<typeof PilotRefSchema>;

const ScenarioName = z.string().trim().min(1).max(80);

export const MAX_SLIDE_TITLE = 120;

/** How a pinned Explore pivot is drawn: one of Explore's chart kinds, or its grid as a table. */
export const PIVOT_SLIDE_CHARTS = ['bar', 'stacked', 'line', 'heatmap', 'table'] as const;
export const PivotSlideChartSchema = z.enum(PIVOT_SLIDE_CHARTS);
export type PivotSlideChart = z.infer<typeof PivotSlideChartSchema>;

/**
 * The longest pinned pivot spec, as JSON. PivotSpecSchema alone admits filters of 24 × 1,000
 * members of 500 characters (12 MB), which a deck of 100 slides could not be saved with; this
 * still holds a filter of a few hundred members. Explore does not offer to pin a longer one.
 */
export const MAX_PIVOT_SLIDE_SPEC_CHARS = 16_000;

/**
 * An Explore pivot as configured (rows, columns, values, filters, sort), run again by pivot:run
 * whenever the slide shows. `measure` is the one a chart draws, null for the first of the values
 * (a chart) or all of them (a table). The title is kept because it is made from the labels of
 * pivot:fields ("Accepted PR/MRs by Team and Quarter"), which a slide's catalog does not have.
 */
export const PivotSlideViewSchema = z
  .object({
    view: z.literal('pivot'),
    spec: PivotSpecSchema,
    chart: PivotSlideChartSchema,
    measure: MeasureIdSchema.nullable(),
    title: z.string().trim().min(1).max(MAX_SLIDE_TITLE),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.measure !== null && !v.spec.values.includes(v.measure)) ctx.addIssue({ code: 'custom', path: ['measure'], message: `${v.measure} is not one of the pivot's values.` });
    const size = JSON.stringify(v.spec).length;
    if (size > MAX_PIVOT_SLIDE_SPEC_CHARS) ctx.addIssue({ code: 'custom', path: ['spec'], message: `The pivot is too large to pin (${size} characters as JSON; at most ${MAX_PIVOT_SLIDE_SPEC_CHARS}).` });
  });
export type PivotSlideView = z.infer<typeof PivotSlideViewSchema>;

/**
 * What a slide shows: one of the app's charts with its parameters, a view of headline figures, or
 * an Explore pivot. Slides hold references, never numbers: the figures are fetched when the deck plays.
 */
export const SlideViewSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('overview-cost'), period: SlidePeriodSchema.nullable() }).strict(),
  z.object({ view: z.literal('overview-figures'), period: SlidePeriodSchema.nullable() }).strict(),
  z.object({ view: z.literal('pilot-monthly'), pilot: PilotRefSchema }).strict(),
  z.object({ view: z.literal('pilot-figures'), pilot: PilotRefSchema }).strict(),
  z.object({ view: z.literal('scenario-cost'), scenario: ScenarioName }).strict(),
  z.object({ view: z.literal('scenario-figures'), scenario: ScenarioName }).strict(),
  PivotSlideViewSchema,
]);
export type SlideView = z.infer<typeof SlideViewSchema>;
export type SlideViewId = SlideView['view'];

export const MAX_SLIDES = 100;
/** Decks per workspace: the deck picker is a plain list, and each deck is loaded whole. */
export const MAX_DECKS = 50;
export const MAX_DECK_NAME = 80;
export const MAX_SLIDE_NOTES = 4000;

/**
 * Chosen by the client when it creates a deck (a UUID), not by the database: the editor adds a deck
 * and pins to it at once, and saving a deleted deck again (undo) brings it back under the same id.
 */
export const DeckIdSchema = z.string().min(1).max(64);
export const DeckNameSchema = z.string().trim().min(1).max(MAX_DECK_NAME);

export const SlideSchema = z
  .object({
    id: z.string().min(1).max(64),
    view: SlideViewSchema,
    /** The slide's own title; null shows the view's default title. */
    title: z.string().max(MAX_SLIDE_TITLE).nullable(),
    notes: z.string().max(MAX_SLIDE_NOTES),
  })
  .strict();
export type Slide = z.infer<typeof SlideSchema>;

export const DeckSlidesSchema = z.array(SlideSchema).max(MAX_SLIDES);

export const DeckSchema = z
  .object({
    id: DeckIdSchema,
    name: DeckNameSchema,
    slides: DeckSlidesSchema,
    /** When the workspace last stored it: the version a later save must name (see decks:save). */
    updatedAt: z.string(),
  })
  .strict();
export type Deck = z.infer<typeof DeckSchema>;
