// Session state of the studio window (Svelte 5 runes in a class). Talks only to the StudioClient.
import type { AppInfo, EngineStatus, JobProgress } from '../../../src-main/shared/schemas/app';
import type { FileSource } from '../../../src-main/shared/schemas/common';
import type { DatasetInfo, ImportChoices, ParseOptions, SeriesWindow } from '../../../src-main/shared/schemas/dataset';
import type { StudioError } from '../../../src-main/shared/result';
import type { StudioClient } from '../studioClient';

export interface ActiveJob {
  label: string;
  progress: JobProgress | null;
  cancel: () => Promise<void>;
}

export class StudioState {
  info = $state<AppInfo | null>(null);
  engine = $state<EngineStatus | null>(null);
  datasets = $state<DatasetInfo[]>([]);
  currentId = $state<string | null>(null);
  selectedColumns = $state<string[]>([]);
  series = $state<SeriesWindow | null>(null);
  error = $state<StudioError | null>(null);
  job = $state<ActiveJob | null>(null);
  samples = $state<string[]>([]);

  current = $derived(this.datasets.find((d) => d.datasetId === this.currentId) ?? null);

  constructor(readonly client: StudioClient) {
    client.on('engine:status', (status) => {
      this.engine = status;
    });
  }

  async start(): Promise<void> {
    const [info, samples] = await Promise.all([
      this.client.call('app:info', {}),
      this.client.call('datasets:samples', {}),
    ]);
    if (info.ok) this.info = info.value;
    else this.error = info.error;
    if (samples.ok) this.samples = samples.value.map((s) => s.name);
    const sample = info.ok ? info.value.sampleDataset : 'AirPassengers.csv';
    await this.open({ kind: 'sample', name: sample });
  }

  async open(source: FileSource, options?: ParseOptions, choices?: ImportChoices): Promise<DatasetInfo | null> {
    this.error = null;
    const label = source.kind === 'sample' ? source.name : source.kind === 'path' ? source.path : 'upload';
    const job = this.client.job(
      'datasets:open',
      { source, ...(options ? { options } : {}), ...(choices ? { choices } : {}) },
      (progress) => {
        if (this.job) this.job.progress = progress;
      },
    );
    this.job = { label: `Importing ${label}`, progress: null, cancel: job.cancel };
    const result = await job.result;
    this.job = null;
    if (!result.ok) {
      this.error = result.error;
      return null;
    }
    const dataset = result.value;
    this.datasets = [...this.datasets.filter((d) => d.datasetId !== dataset.datasetId), dataset];
    this.currentId = dataset.datasetId;
    this.selectedColumns = dataset.columns.slice(0, 1).map((c) => c.name);
    await this.loadSeries();
    return dataset;
  }

  select(datasetId: string): void {
    const dataset = this.datasets.find((d) => d.datasetId === datasetId);
    if (!dataset) return;
    this.currentId = datasetId;
    this.selectedColumns = dataset.columns.slice(0, 1).map((c) => c.name);
    void this.loadSeries();
  }

  toggleColumn(name: string): void {
    this.selectedColumns = this.selectedColumns.includes(name)
      ? this.selectedColumns.filter((c) => c !== name)
      : [...this.selectedColumns, name];
    void this.loadSeries();
  }

  async loadSeries(range?: { start: number; end: number }): Promise<void> {
    const dataset = this.current;
    if (!dataset || this.selectedColumns.length === 0) {
      this.series = null;
      return;
    }
    const result = await this.client.call('datasets:series', {
      datasetId: dataset.datasetId,
      columns: this.selectedColumns,
      maxPoints: 2000,
      ...(range ?? {}),
    });
    if (result.ok) this.series = result.value;
    else this.error = result.error;
  }
}
