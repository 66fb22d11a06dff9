// Remembers the window's size, position and maximised state between runs (userData/window.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface Saved {
  bounds: Rectangle;
  maximized: boolean;
}

export function loadWindowState(file: string): Saved | null {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    const { x, y, width, height } = saved.bounds;
    if (![x, y, width, height].every((v) => Number.isFinite(v))) return null;
    // Ignore a position on a display that is no longer there.
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return x < a.x + a.width && x + width > a.x && y < a.y + a.height && y + height > a.y;
    });
    return visible ? saved : null;
  } catch {
    return null;
  }
}

export function trackWindowState(window: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      const state: Saved = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
      try {
        writeFileSync(file, JSON.stringify(state));
      } catch {
        // best effort
      }
    }, 300);
  };
  window.on('resize', save);
  window.on('move', save);
  window.on('close', save);
}
