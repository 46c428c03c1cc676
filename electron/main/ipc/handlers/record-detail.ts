import { converter } from '../../../../shared/domain/money';
import { buildTimeline } from '../../../../shared/domain/records/evidence';
import { RECORD_SIGNALS } from '../../../../shared/domain/records/types';
import { AppError } from '../../../../shared/ipc/result';
import { loadRecordEvidence } from '../../../db/repositories/record-evidence';
import { recordRowOf } from '../../../db/repositories/record-queries';
import { loadRates } from '../../../db/repositories/records';
import type { HandlerMap } from '../handler-types';

export const recordDetailHandlers: Pick<HandlerMap, 'records:get'> = {
  'records:get': ({ id }, ctx) => {
    const evidence = loadRecordEvidence(ctx.workspace.db, id);
    // Ids survive rebuilds only while the record's key does; a stale link lands here.
    if (!evidence) throw new AppError('NOT_FOUND', `No accepted-work record has id ${id}; the records may have been rebuilt since it was listed.`);
    const settings = ctx.workspace.settings();
    const peopleViews = settings.peopleViewsEnabled;
    // The same conversion the record builder summed into the totals, so each line can be checked against its subtotal.
    const convert = converter(loadRates(ctx.workspace.db), settings.currency);
    const { steps, truncated } = buildTimeline(evidence.parts, { peopleViews });
    return {
      record: recordRowOf(evidence.row, { people: peopleViews }),
      costLines: evidence.costLines.map((l) => ({ ...l, convertedMicros: convert(l.amountMicros, l.currency, l.occurredOn) })),
      signals: evidence.signals.map((s) => ({ code: s.code, label: RECORD_SIGNALS[s.code], detail: s.detail })),
      timeline: steps,
      truncated,
    };
  },
};
