// Colours shared by the app and the reports, so both look the same.
export const palette = ['#2f6fde', '#e4572e', '#17a398', '#f3a712', '#8e44ad', '#4c5b61'];

export interface ChartTheme {
  text: string;
  axis: string;
  grid: string;
  background: string;
}

export const lightTheme: ChartTheme = { text: '#1d2430', axis: '#6b7280', grid: '#e5e7eb', background: '#ffffff' };
export const darkTheme: ChartTheme = { text: '#e5e7eb', axis: '#9ca3af', grid: '#374151', background: '#111827' };
