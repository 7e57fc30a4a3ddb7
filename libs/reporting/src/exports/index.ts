export * from './report-csv';
export * from './report-html';
export * from './report-styles';
export * from './report-xlsx';
