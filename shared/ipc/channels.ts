/** Every request/response channel. contract.ts must define exactly these (checked by `satisfies`). */
export const CHANNELS = [
  'app:get-info',
  'workspace:get-status',
  'metrics:get-overview',
  'demo:create',
  'sources:list',
  'sources:add',
  'sources:update',
  'sources:remove',
  'sources:test',
  'sync:start',
  'sync:cancel',
  'sync:status',
  'sync:history',
  'imports:formats',
  'imports:preview',
  'imports:run',
  'imports:cancel',
  'imports:list',
  'imports:rejections',
  'imports:undo',
  'mappings:list',
  'mappings:save',
  'mappings:delete',
  'rates:list',
  'rates:set',
  'rates:delete',
  'records:list',
  'records:get',
  'records:unlinked',
  'records:reconciliation',
  'records:signals',
  'metrics:get',
  'settings:get',
  'settings:update',
  'pilots:list',
  'pilots:save',
  'pilots:delete',
  'pilots:scorecard',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Every event main pushes to the renderer. */
export const EVENTS = ['job:progress', 'workspace:data-changed', 'sync:progress', 'import:progress'] as const;
export type EventName = (typeof EVENTS)[number];

export const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);
export const isEventName = (value: string): value is EventName => (EVENTS as readonly string[]).includes(value);
