// The studio's session state shared by typed context instead of a `studio` prop threaded through
// every component. App.svelte calls `provideStudio` once, at its top level; any component below it
// calls `useStudio()` during its own initialisation and takes the sub-states it needs:
//
//   const { model, runs } = useStudio();
//
// The key is private to this module, so nothing else can provide or read another value under it.
import { getContext, hasContext, setContext } from 'svelte';
import type { StudioState } from './studioState.svelte';

const key = Symbol('studio');

/** Makes `studio` the state every component below the caller reads; returns it. */
export function provideStudio(studio: StudioState): StudioState {
  return setContext(key, studio);
}

/** The studio state provided by an ancestor; throws (naming the cause) when none was. */
export function useStudio(): StudioState {
  if (!hasContext(key))
    throw new Error('useStudio() needs provideStudio() in an ancestor component (App.svelte).');
  return getContext<StudioState>(key);
}
