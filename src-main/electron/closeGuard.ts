// Asks before a window with unsaved work closes. "Keep for next time" writes the session to the
// recovery file, so the next start offers to restore it; "Discard" closes cleanly.
import { dialog, type BrowserWindow } from 'electron';

export type CloseDecision = 'cancel' | 'discard' | 'keep';

export async function askBeforeClosing(window: BrowserWindow): Promise<CloseDecision> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    title: 'Unsaved work',
    message: 'This session has work that is not saved in a project.',
    detail:
      'Save it with File ▸ Save Project, keep it to restore at the next start, or discard it.',
    buttons: ['Cancel', 'Keep for next time', 'Discard and quit'],
    defaultId: 1,
    cancelId: 0,
    noLink: true,
  });
  return response === 1 ? 'keep' : response === 2 ? 'discard' : 'cancel';
}
