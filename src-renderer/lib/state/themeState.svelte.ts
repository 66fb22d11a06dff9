// Light/dark theme: follows the OS until the analyst picks one, which is remembered.
import { darkTheme, lightTheme, type ChartTheme } from '../../../src-main/shared/charts/chartTheme';

export type ThemePreference = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'series-studio.theme';

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

export class ThemeState {
  preference = $state<ThemePreference>(readPreference());
  systemDark = $state(false);
  resolved = $derived<'light' | 'dark'>(
    this.preference === 'system' ? (this.systemDark ? 'dark' : 'light') : this.preference,
  );
  /** Colours for the chart option builders. */
  chart = $derived<ChartTheme>(this.resolved === 'dark' ? darkTheme : lightTheme);

  constructor() {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = query.matches;
    query.addEventListener('change', (e) => {
      this.systemDark = e.matches;
    });
  }

  set(preference: ThemePreference): void {
    this.preference = preference;
    try {
      if (preference === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, preference);
    } catch {
      // Storage can be disabled; the choice then lasts for this window only.
    }
  }

  toggle(): void {
    this.set(this.resolved === 'dark' ? 'light' : 'dark');
  }
}
