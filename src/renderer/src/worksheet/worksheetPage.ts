// The worksheet's HTML page for the document in the app: the engine's worksheet and page with the
// bundle's KaTeX stylesheet. Imported on demand (worksheetFlows.ts), with the fonts.

import type { GraphDoc } from '../../../engine';
import { buildWorksheet, worksheetHtml } from '../../../engine/worksheet';
import { bundledKatexCss } from './katexBundle';
import type { WorksheetSettings } from './worksheetSettings';

export function worksheetPage(doc: GraphDoc, fileName: string, settings: WorksheetSettings): string {
  const sheet = buildWorksheet(doc, { example: settings.example, seed: settings.seed, blanks: settings.blanks });
  return worksheetHtml(sheet, { fileName, katexCss: bundledKatexCss() });
}
