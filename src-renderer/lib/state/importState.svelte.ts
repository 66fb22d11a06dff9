// The import dialog: sniff a file, show what was detected, let the analyst override any setting
// (each change re-sniffs the preview) and import with those options.
import type { FileSource } from '../../../src-main/shared/schemas/common';
import type { CsvSniff, ParseOptions } from '../../../src-main/shared/schemas/dataset';
import type { StudioError } from '../../../src-main/shared/result';
import type { DatasetInfo, ImportChoices } from '../../../src-main/shared/schemas/dataset';
import type { StudioClient } from '../studioClient';
import { sourceKey } from './sameSource';
import { LatestRequest } from './latestRequest.svelte';
import type { JobRunner } from './studioJobs.svelte';

/** What the import dialog needs: the sniffer, the current dataset and the studio's import. */
export interface ImportDeps {
  client: Pick<StudioClient, 'call'>;
  jobs: Pick<JobRunner, 'active' | 'cancel'>;
  /** The dataset shown now (null when none is open). */
  current: () => DatasetInfo | null;
  /** Imports a file (as the studio's job) and makes it current; null when it failed or was superseded. */
  open: (
    source: FileSource,
    options?: ParseOptions,
    choices?: ImportChoices,
  ) => Promise<DatasetInfo | null>;
}

function sameOptions(a: ParseOptions, b: ParseOptions): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class ImportState {
  #source = $state<FileSource | null>(null);
  /** The latest sniff; a failed one (unreadable, binary, UTF-16 files) leaves the last preview. */
  readonly #sniff = new LatestRequest<CsvSniff>({ keepValueOnError: true });
  /** Settings the analyst changed; everything else is what the sniffer detected. */
  #overrides = $state<Partial<ParseOptions>>({});

  readonly isOpen = $derived(this.#source !== null);
  /** The options an import would use now: detected settings with the overrides applied. */
  readonly options = $derived<ParseOptions | null>(this.#sniff.value?.options ?? null);
  /** The preview being updated (null when none): Import waits for it (a field's change fires on the click). */
  #pendingSniff: Promise<CsvSniff | null> | null = null;
  /** An import started by Import and not finished yet: closing the dialog cancels it. */
  #importing = false;
  readonly #deps: ImportDeps;

  constructor(deps: ImportDeps) {
    this.#deps = deps;
  }

  get source(): FileSource | null {
    return this.#source;
  }
  get sniff(): CsvSniff | null {
    return this.#sniff.value;
  }
  get overrides(): Readonly<Partial<ParseOptions>> {
    return this.#overrides;
  }
  get sniffing(): boolean {
    return this.#sniff.loading;
  }
  /** Sniff failures, shown in the dialog. */
  get error(): StudioError | null {
    return this.#sniff.error;
  }

  /**
   * Opens the dialog for a file: the preview shows what the sniffer detected, and nothing is opened
   * until the analyst clicks Import (Esc, × or Close cancel). `openNow` opens it at once as well.
   */
  async begin(source: FileSource, opts: { openNow?: boolean } = {}): Promise<void> {
    this.#source = source;
    this.#overrides = {};
    this.#sniff.clear();
    const sniffed = await this.#resniff();
    if (sniffed && opts.openNow === true) await this.#deps.open(source, sniffed.options);
  }

  /** Opens the dialog on the current dataset's file with the settings it was imported with. */
  async review(): Promise<void> {
    const dataset = this.#deps.current();
    if (!dataset) return;
    this.#source = dataset.source;
    this.#overrides = { ...dataset.options };
    this.#sniff.clear();
    await this.#resniff();
  }

  async setOverride<K extends keyof ParseOptions>(key: K, value: ParseOptions[K]): Promise<void> {
    this.#overrides = { ...this.#overrides, [key]: value };
    // A new time column brings its own format: let the sniffer guess it again.
    if (key === 'timeColumn') delete this.#overrides.timeFormat;
    await this.#resniff();
  }

  /** Several settings changed at once (one preview for all of them). */
  async setOverrides(values: Partial<ParseOptions>): Promise<void> {
    this.#overrides = { ...this.#overrides, ...values };
    await this.#resniff();
  }

  /**
   * Ticks or unticks a column in "Text columns". A numeric column ticked is read as text; unticked,
   * as numbers again. A column whose content is text cannot be read as numbers: unticked, it is
   * left out of the import (ParseOptions.skipColumns, kept in the dataset's spec); ticked again, it
   * is kept as a text column.
   */
  async toggleTextColumn(name: string): Promise<void> {
    const o = this.options;
    if (!o) return;
    const skipped = o.skipColumns ?? [];
    const isText = this.#sniff.value?.columns.find((c) => c.name === name)?.kind === 'text';
    if (skipped.includes(name)) {
      await this.setOverrides({
        skipColumns: skipped.filter((c) => c !== name),
        textColumns: [...o.textColumns, name],
      });
    } else if (o.textColumns.includes(name)) {
      const textColumns = o.textColumns.filter((c) => c !== name);
      await this.setOverrides(
        isText ? { textColumns, skipColumns: [...skipped, name] } : { textColumns },
      );
    } else {
      await this.setOverrides({ textColumns: [...o.textColumns, name] });
    }
  }

  async resetOverrides(): Promise<void> {
    this.#overrides = {};
    await this.#resniff();
  }

  isOverridden(key: keyof ParseOptions): boolean {
    return Object.prototype.hasOwnProperty.call(this.#overrides, key);
  }

  /** Imports with the shown settings; closes the dialog once the dataset is open. */
  async confirm(): Promise<boolean> {
    // A text field's change event fires as Import is clicked: import what it asked for.
    while (this.#pendingSniff) await this.#pendingSniff;
    if (this.#sniff.error) return false;
    const source = this.#source;
    const options = this.options;
    if (!source || !options) return false;
    const current = this.#deps.current();
    const alreadyOpen =
      current !== null &&
      sourceKey(current.source) === sourceKey(source) &&
      sameOptions(current.options, options);
    if (alreadyOpen && !this.#deps.jobs.active) {
      this.close();
      return true;
    }
    this.#importing = true;
    const dataset = await this.#deps.open(
      source,
      options,
      alreadyOpen ? current.choices : undefined,
    );
    const cancelled = !this.#importing;
    this.#importing = false;
    if (dataset && !cancelled) this.close();
    return dataset !== null && !cancelled;
  }

  /** Closes the dialog; an import it started that is still running is cancelled. */
  close(): void {
    if (this.#importing) {
      this.#importing = false;
      if (this.#deps.jobs.active) void this.#deps.jobs.cancel();
    }
    this.#sniff.clear();
    this.#source = null;
    this.#overrides = {};
  }

  #resniff(): Promise<CsvSniff | null> {
    const pending = this.#sniffNow();
    this.#pendingSniff = pending;
    void pending.finally(() => {
      if (this.#pendingSniff === pending) this.#pendingSniff = null;
    });
    return pending;
  }

  async #sniffNow(): Promise<CsvSniff | null> {
    const source = this.#source;
    if (!source) return null;
    const overrides = $state.snapshot(this.#overrides);
    const result = await this.#sniff.load(() =>
      this.#deps.client.call('datasets:sniff', { source, overrides }),
    );
    return result?.ok ? result.value : null;
  }
}
