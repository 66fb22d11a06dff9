// What the desktop menu's commands do in the window (they arrive as `menu:command` events).
import type { EventPayload } from '../../src-main/shared/contract';
import type { StudioState } from './state/studioState.svelte';
import { downloadBlob } from './state/download';

export async function runMenuCommand(
  studio: StudioState,
  event: EventPayload<'menu:command'>,
  openCsv: () => void,
): Promise<void> {
  const project = studio.project;
  switch (event.command) {
    case 'open-csv':
      return openCsv();
    case 'open-project':
      project.setPath('');
      await project.openProject('');
      return;
    case 'open-recent':
      if (!event.path) return;
      if (event.path.endsWith('.seriesstudio')) await project.openProject(event.path);
      else await studio.importer.begin({ kind: 'path', path: event.path });
      return;
    case 'save-project':
      // Save to the project's file when it has one; otherwise ask where, as Save As does.
      project.setPath(project.savedPath ?? '');
      await project.save();
      return;
    case 'save-project-as':
      project.setPath('');
      await project.save();
      return;
    case 'export-report':
      return project.open('report');
    case 'export-predictions': {
      const run = studio.model.state.run;
      if (!run) {
        studio.setStatus('Train or open a run first: predictions are exported per run.');
        return;
      }
      const result = await studio.client.call('runs:export', {
        format: 'predictions',
        runId: run.id,
      });
      if (result.ok)
        downloadBlob(result.value.fileName, result.value.mimeType, result.value.content);
      else studio.showError(result.error);
      return;
    }
    case 'toggle-theme':
      return studio.theme.toggle();
    case 'cancel':
      return studio.cancelJob();
    case 'train':
      studio.showTab('model');
      return studio.model.train();
    case 'about': {
      const info = studio.info;
      const backend = info?.backend;
      studio.setStatus(
        info
          ? `Series Studio ${info.version} · Electron ${info.versions.electron ?? '—'} · Node ${info.versions.node ?? '—'} · backend ${backend?.name ?? '—'} · kernel ${backend?.kernel.name ?? '—'}`
          : 'Series Studio',
      );
      return;
    }
  }
}

/** Drag and drop of a CSV onto the window: upload over HTTP (browser mode) or hand over the text (desktop). */
export async function dropFile(
  studio: StudioState,
  file: File,
  upload: (file: File) => Promise<{ uploadId: string }>,
): Promise<void> {
  if (file.name.endsWith('.seriesstudio')) {
    studio.setStatus(
      'To open a project, use Open project (projects keep their model files beside them).',
    );
    return;
  }
  try {
    const uploaded =
      studio.client.mode === 'browser'
        ? await upload(file)
        : await studio.client
            .call('uploads:create', { name: file.name, text: await file.text() })
            .then((r) => {
              if (!r.ok) throw new Error(r.error.message);
              return r.value;
            });
    await studio.importer.begin({ kind: 'upload', uploadId: uploaded.uploadId });
  } catch (error) {
    studio.showError({
      code: 'unavailable',
      message: `Could not open ${file.name}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
