// A scripted host with the real job runner, and what a state reports back through its
// dependencies (status lines, runs-list refreshes) recorded, for the tests of the job-running states.
import type { StudioClient } from '../studioClient';
import { scriptedClient, type ScriptedTransport } from './scriptedTransport.testkit';
import { StudioJobs } from './studioJobs.svelte';

export interface JobHarness {
  transport: ScriptedTransport;
  /** What the job-running states take from the studio: spread them into a state's deps. */
  deps: {
    client: StudioClient;
    jobs: StudioJobs;
    report: (status: string) => void;
    runsChanged: () => Promise<void>;
  };
  /** The status lines reported, in order. */
  statuses: string[];
  /** How many times the runs list was said to be stale. */
  refreshed: () => number;
}

export function jobHarness(): JobHarness {
  const { client, transport } = scriptedClient();
  const statuses: string[] = [];
  let refreshed = 0;
  return {
    transport,
    deps: {
      client,
      jobs: new StudioJobs(client),
      report: (status) => {
        statuses.push(status);
      },
      runsChanged: async () => {
        refreshed++;
      },
    },
    statuses,
    refreshed: () => refreshed,
  };
}
