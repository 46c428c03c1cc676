import type { WorkItemInput } from './types';

export type HumanHours = {
  intake: number;
  review: number;
  /** Review hours come from worklogs that say "review" (measured), else rounds × minutes (estimated). */
  reviewMeasured: boolean;
  repair: number;
  rework: number;
  /** Hours logged on follow-up bugs (part of rework). */
  followUpHours: number;
};

const REVIEW_WORKLOG = /\breview/i;

/**
 * Splits the human hours spent on one piece of AI-path work by activity (PRODUCT.md: intake,
 * review, repair, rework). Worklogs are placed by when they started: before the first AI activity
 * is intake, until the change was merged (or the AI work ended) is repair, after the merge is
 * rework; worklogs that say they were reviews are review time. Hours logged on follow-up bugs are
 * rework. When the AI path never merged, hours logged after its last activity are a human taking
 * the work over: the human path's cost, not the AI path's, so they are left out.
 */
export function splitHumanHours(x: {
  item: WorkItemInput | null;
  firstAiAt: string | null;
  mergedAt: string | null;
  /** The last AI activity (event or MR update) when nothing merged. */
  aiEndedAt: string | null;
  followUps: readonly WorkItemInput[];
  reviewRounds: number;
  reviewMinutesPerRound: number;
}): HumanHours {
  const h: HumanHours = { intake: 0, review: 0, reviewMeasured: false, repair: 0, rework: 0, followUpHours: 0 };
  let loggedReview = 0;
  for (const log of x.item?.worklogs ?? []) {
    const hours = log.seconds / 3600;
    if (log.comment && REVIEW_WORKLOG.test(log.comment)) loggedReview += hours;
    else if (x.firstAiAt && log.startedAt < x.firstAiAt) h.intake += hours;
    else if (x.mergedAt && log.startedAt > x.mergedAt) h.rework += hours;
    else if (!x.mergedAt && x.aiEndedAt && log.startedAt > x.aiEndedAt) continue;
    else h.repair += hours;
  }
  if (loggedReview > 0) {
    h.review = loggedReview;
    h.reviewMeasured = true;
  } else {
    h.review = (x.reviewRounds * x.reviewMinutesPerRound) / 60;
  }
  for (const bug of x.followUps) h.followUpHours += bug.worklogs.reduce((n, l) => n + l.seconds, 0) / 3600;
  h.rework += h.followUpHours;
  return h;
}
