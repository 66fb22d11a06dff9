export { buildReportHtml, runLabel } from './buildReportHtml';
export {
  ChromiumMissingError,
  CHROMIUM_ARGS,
  defaultChromiumPath,
  htmlToPdf,
  type HtmlToPdfOptions,
} from './htmlToPdf';
export { renderChartSvg } from './renderChartSvg';
export {
  REPORT_HEADINGS,
  REPORT_SECTIONS,
  RUN_SECTIONS,
  type ReportSection,
} from './reportSections';
export type {
  ReportComparison,
  ReportDataset,
  ReportInput,
  ReportResiduals,
  ReportRun,
  ReportSensitivity,
} from './reportTypes';
