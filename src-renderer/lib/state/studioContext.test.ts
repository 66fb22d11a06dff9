// provideStudio/useStudio through real Svelte components rendered with svelte/server: a reader
// below the provider gets the very state provided.
import { render } from 'svelte/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scriptedClient } from './scriptedTransport.testkit';
import StudioProvider from './testing/StudioProvider.svelte';
import { StudioState } from './studioState.svelte';
import { stubWindow } from './studioRoot.testkit';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('studio context', () => {
  it('a component below the provider reads the state provided', () => {
    stubWindow();
    const state = new StudioState(scriptedClient().client);
    state.setStatus('Opened AirPassengers.csv');
    state.showTab('runs');
    state.project.setTitle('Airline study');
    const { body } = render(StudioProvider, { props: { state } });
    expect(body).toContain('<p>Opened AirPassengers.csv · runs · Airline study</p>');
  });
});
