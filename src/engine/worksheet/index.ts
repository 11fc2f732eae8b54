// The printable worksheet: one example's forward pass, backward pass and update as rows with
// blanks, and its HTML page with an answer key.

export * from './blanks';
export * from './errors';
export * from './worksheet';
export { worksheetHtml, type PageOptions } from './page';
export { katexStyle, WORKSHEET_FONTS } from './katexStyle';
