// The app's named operations. Menus (main process), keyboard shortcuts, toolbar buttons and
// tests all run these by id, so one operation has one implementation.
export const COMMAND_IDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.exportPng',
  'file.exportSvg',
  'file.exportPytorch',
  'file.exportNumpy',
  'file.exportNotebook',
  'file.exportCsv',
  'file.importCsv',
  'file.printWorksheet',
  'file.close',
  'file.copyShareLink',
  'edit.undo',
  'edit.redo',
  'edit.cut',
  'edit.copy',
  'edit.paste',
  'edit.delete',
  'edit.duplicate',
  'edit.selectAll',
  'edit.toggleOff',
  'view.zoomIn',
  'view.zoomOut',
  'view.fit',
  'view.layout',
  'view.togglePanels',
  'view.present',
  'training.playPause',
  'training.step',
  'training.epoch',
  'training.reset',
  'help.about',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && (COMMAND_IDS as readonly string[]).includes(value);
}
