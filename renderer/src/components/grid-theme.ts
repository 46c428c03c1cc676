import { themeQuartz } from 'ag-grid-community';

/** The app's palette (styles.css :root) in ag-grid's Theming API, for every ag-grid in the app. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  foregroundColor: '#1f2933',
  backgroundColor: '#ffffff',
  headerBackgroundColor: '#f8fafb',
  headerTextColor: '#52606d',
  borderColor: '#dce1e7',
  accentColor: '#2f5f96',
  selectedRowBackgroundColor: '#e8f0f9',
  rowHoverColor: '#f4f7fa',
  rowHeight: 36,
  headerHeight: 36,
  spacing: 6,
  wrapperBorderRadius: 6,
  browserColorScheme: 'light',
});
