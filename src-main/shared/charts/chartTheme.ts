// Colours shared by the app and the reports, so both look the same.
export const palette = ['#2f6fde', '#e4572e', '#17a398', '#f3a712', '#8e44ad', '#4c5b61'];

export interface ChartTheme {
  text: string;
  axis: string;
  grid: string;
  background: string;
  /** Fill of confidence bands: translucent so bars and lines stay visible through it. */
  band: string;
  /** Bars inside a confidence band, drawn quieter than the significant ones. */
  muted: string;
}

export const lightTheme: ChartTheme = {
  text: '#1d2430',
  axis: '#6b7280',
  grid: '#e5e7eb',
  background: '#ffffff',
  band: 'rgba(47, 111, 222, 0.12)',
  muted: '#9aa5b8',
};
export const darkTheme: ChartTheme = {
  text: '#e5e7eb',
  axis: '#9ca3af',
  grid: '#374151',
  background: '#111827',
  band: 'rgba(96, 165, 250, 0.18)',
  muted: '#6b7a90',
};
