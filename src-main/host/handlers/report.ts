// Report export: the engine renders the HTML; the desktop prints PDF through Electron, browser
// mode and the CLI through the engine's Chromium.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../engine/fsAtomic/writeFileAtomic';
import { engineCall } from '../engineCall';
import type { SessionState } from '../sessionState';
import type { Handlers, HostEnvironment } from '../studioHost';
import { choosePath } from './paths';

/** What report export uses of the host. */
export type ReportEnv = Pick<HostEnvironment, 'engine' | 'emit' | 'files' | 'desktop' | 'workDir'>;

export function reportHandlers(
  env: ReportEnv,
  session: SessionState,
): Pick<Handlers, 'report:export'> {
  return {
    'report:export': async (request, job) => {
      const runs = request.runIds.map((id) => session.runs.get(id));
      const { html } = await engineCall(
        env,
        'report:html',
        {
          title: request.title,
          spec: request.datasetId ? session.datasets.spec(request.datasetId) : null,
          column: request.column,
          runs,
          // Each run's pages use the dataset it was trained on, whichever is selected.
          specs: [...new Set(runs.map((r) => r.datasetId))].flatMap((id) => {
            try {
              return [session.datasets.spec(id)];
            } catch {
              return []; // closed since: the report says the run's dataset is not open
            }
          }),
          sensitivities: Object.fromEntries(
            request.runIds.flatMap((id) => {
              const s = session.sensitivities.get(id);
              return s ? [[id, s]] : [];
            }),
          ),
          sections: request.sections,
        },
        job,
      );
      const ext = request.format;
      const fileName = `${request.title.replace(/[^A-Za-z0-9 _-]/g, '_').trim() || 'report'}.${ext}`;
      const mimeType = ext === 'pdf' ? 'application/pdf' : 'text/html';
      const target =
        request.path !== null || env.desktop
          ? await choosePath(env, request.path, ext, false)
          : null;
      let bytes: Uint8Array;
      if (ext === 'html') bytes = Buffer.from(html, 'utf8');
      else if (env.desktop) bytes = await env.desktop.printToPdf(html);
      else {
        const scratch = path.join(env.workDir, 'reports', `${Date.now()}-${fileName}`);
        await mkdir(path.dirname(scratch), { recursive: true });
        await engineCall(env, 'report:pdf', { html, outPath: scratch }, job);
        bytes = await readFile(scratch);
        await rm(scratch, { force: true });
      }
      if (target !== null) await writeFileAtomic(target, bytes, { backup: false });
      return {
        path: target,
        fileName,
        mimeType,
        base64: target === null ? Buffer.from(bytes).toString('base64') : null,
        sizeBytes: bytes.length,
      };
    },
  };
}
