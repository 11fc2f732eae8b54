import type { WorksheetFlowDeps } from './worksheetFlows';
import { createWorksheetFlows } from './worksheetFlows';
import { createWorksheetDialog } from './worksheetStore';

// The worksheet's part of the studio: the dialog's store and the flows that print from it.

export function createWorksheet(deps: Omit<WorksheetFlowDeps, 'dialog' | 'loadPage'> & Partial<Pick<WorksheetFlowDeps, 'loadPage'>>) {
  const dialog = createWorksheetDialog();
  const flows = createWorksheetFlows({ ...deps, dialog, loadPage: deps.loadPage ?? (() => import('./worksheetPage')) });
  return { dialog, flows };
}
