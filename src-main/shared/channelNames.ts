// Channel and event names without their schemas, so the sandboxed preload can expose one method per
// channel without bundling zod. `contract.ts` must cover exactly these (checked by `satisfies`).
export const channelNames = [
  'app:info',
  'datasets:samples',
  'datasets:sniff',
  'datasets:open',
  'datasets:series',
  'datasets:close',
  'collections:open',
  'collections:series',
  'collections:fit',
  'collections:state',
  'analysis:diagnostics',
  'analysis:stl',
  'analysis:transform',
  'model:defaults',
  'model:fit',
  'runs:list',
  'runs:get',
  'runs:delete',
  'runs:residuals',
  'runs:compare',
  'runs:sensitivity',
  'runs:export',
  'search:run',
  'backtest:run',
  'project:save',
  'project:open',
  'project:recovery',
  'session:state',
  'report:export',
  'jobs:cancel',
  'dialog:openCsv',
  'uploads:create',
] as const;
export type ChannelName = (typeof channelNames)[number];

export const eventNames = ['job:progress', 'app:log', 'engine:status', 'menu:command'] as const;
export type EventName = (typeof eventNames)[number];
