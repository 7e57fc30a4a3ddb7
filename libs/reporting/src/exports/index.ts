export * from './report-csv';
export * from './report-html';
export * from './report-styles';
export * from './report-xlsx';
export * from './spreadsheet-csv';
export { PROGRAMME_STATE_NAMES, STATE_NAMES, stateName, timeHeading, VIETNAM_TIME_NOTE } from './vietnamese-format';
