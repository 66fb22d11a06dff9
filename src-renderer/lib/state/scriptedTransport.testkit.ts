// A StudioTransport for the state classes' tests: the real StudioClient runs over it, so a test
// sees exactly the channel calls a state makes (in order, with their requests, job ids included)
// and answers each one as the host would — at once, or later when the test chooses, to play out
// races. Events (`job:progress`, `engine:status`, …) are pushed with `emit`.
import type {
  Channel,
  EventPayload,
  RequestOf,
  ResponseOf,
} from '../../../src-main/shared/contract';
import type { EventName } from '../../../src-main/shared/channelNames';
import type { Result, StudioError } from '../../../src-main/shared/result';
import type { StudioTransport } from '../../../src-main/shared/studioApi';
import { StudioClient } from '../studioClient';

export interface RecordedCall {
  channel: Channel;
  request: unknown;
}

type Answer = (request: unknown) => Result<unknown> | Promise<Result<unknown>>;

/** A call the test answers when it chooses (see `ScriptedTransport.hold`). */
export interface HeldCall<C extends Channel> {
  /** Resolves once the state has made the call, with its request. */
  readonly called: Promise<RequestOf<C>>;
  answer(result: Result<ResponseOf<C>>): void;
}

export class ScriptedTransport implements StudioTransport {
  readonly calls: RecordedCall[] = [];
  readonly #answers = new Map<Channel, Answer>();
  readonly #held = new Map<Channel, Answer[]>();
  readonly #listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  constructor(readonly kind: 'desktop' | 'browser' = 'browser') {}

  /** Every later call of `channel` gets this value (or what the function makes of its request). */
  answer<C extends Channel>(
    channel: C,
    value: ResponseOf<C> | ((request: RequestOf<C>) => Result<ResponseOf<C>>),
  ): this {
    this.#answers.set(channel, (request) =>
      typeof value === 'function'
        ? (value as (r: RequestOf<C>) => Result<ResponseOf<C>>)(request as RequestOf<C>)
        : { ok: true, value },
    );
    return this;
  }

  /** Every later call of `channel` fails with `error`. */
  fail(channel: Channel, error: StudioError): this {
    this.#answers.set(channel, () => ({ ok: false, error }));
    return this;
  }

  /** The next call of `channel` waits until the test answers it (before any standing answer). */
  hold<C extends Channel>(channel: C): HeldCall<C> {
    let settle: (result: Result<ResponseOf<C>>) => void = () => undefined;
    let seen: (request: RequestOf<C>) => void = () => undefined;
    const called = new Promise<RequestOf<C>>((resolve) => (seen = resolve));
    const result = new Promise<Result<ResponseOf<C>>>((resolve) => (settle = resolve));
    const queue = this.#held.get(channel) ?? [];
    queue.push((request) => {
      seen(request as RequestOf<C>);
      return result;
    });
    this.#held.set(channel, queue);
    return { called, answer: (r) => settle(r) };
  }

  /** The channels called so far, in order. */
  channels(): Channel[] {
    return this.calls.map((c) => c.channel);
  }

  /** The requests of the calls of one channel, in order. */
  requestsOf<C extends Channel>(channel: C): RequestOf<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.request as RequestOf<C>);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(payload);
  }

  call = <C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> => {
    this.calls.push({ channel, request });
    const held = this.#held.get(channel)?.shift();
    const answer = held ?? this.#answers.get(channel);
    if (!answer)
      return Promise.resolve({
        ok: false,
        error: { code: 'internal', message: `no answer scripted for ${channel}` },
      });
    return Promise.resolve(answer(request)) as Promise<Result<ResponseOf<C>>>;
  };

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    this.#listeners.set(event, set);
    return () => set.delete(untyped);
  }
}

/** A real StudioClient over a fresh ScriptedTransport. */
export function scriptedClient(kind: 'desktop' | 'browser' = 'browser'): {
  client: StudioClient;
  transport: ScriptedTransport;
} {
  const transport = new ScriptedTransport(kind);
  return { client: new StudioClient(transport), transport };
}

/** Lets every promise callback already queued run (a macrotask comes after all of them). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
