import { memo } from 'react';
import type { CommandId } from '../../../shared/commands';
import { selectDirty } from '../store/document';
import { displayName } from '../files/names';
import { FilesHost } from '../files/FilesHost';
import './topbar.css';
import { useDocument, useView } from '../studio/hooks';
import { useStudio } from '../studio/StudioContext';
import { LessonsMenu } from '../lessons/LessonsMenu';

// The top bar: the app, the open document (with its unsaved marker), and the file commands.
export const TopBar = memo(function TopBar() {
  return (
    <div className="topbar">
      <span className="topbar-brand">Backprop Studio</span>
      <DocumentName />
      <nav className="topbar-actions" aria-label="File">
        <CommandButton id="file.new" label="New" title="New graph (Ctrl+N)" />
        <CommandButton id="file.open" label="Open…" title="Open a graph file (Ctrl+O)" />
        <CommandButton id="file.save" label="Save" title="Save (Ctrl+S)" />
        <CommandButton id="file.saveAs" label="Save As…" title="Save to a new file (Ctrl+Shift+S)" />
        <ShareButton />
        <span className="topbar-sep" aria-hidden="true" />
        <ExportMenu />
        <CommandButton id="file.printWorksheet" label="Print worksheet…" title="A worksheet of one example's forward and backward pass to work by hand, with an answer key" />
      </nav>
      <nav className="topbar-actions topbar-view" aria-label="View">
        <LessonsMenu />
        <PanelsButton />
        <CommandButton id="help.about" label="About" title="About Backprop Studio" />
      </nav>
      <FilesHost />
    </div>
  );
});

/** File › Export: the canvas as a picture, or the network as code that trains it with the same weights (one menu: the top bar fits a 1280 px projector with the file's name readable) */
const ExportMenu = memo(function ExportMenu() {
  return (
    <details className="topbar-menu">
      <summary className="topbar-button" title="Export the canvas as a picture, or the network as code that trains it with the same weights">
        Export
      </summary>
      {/* a choice closes the menu */}
      <div className="topbar-menu-items" role="group" aria-label="Export" onClick={(e) => e.currentTarget.parentElement?.removeAttribute('open')}>
        <span className="topbar-menu-heading">Picture of the canvas</span>
        <CommandButton id="file.exportPng" label="PNG picture" title="Export the canvas as a PNG picture" />
        <CommandButton id="file.exportSvg" label="SVG picture" title="Export the canvas as an SVG picture" />
        <span className="topbar-menu-heading">Code with these weights</span>
        <CommandButton id="file.exportPytorch" label="PyTorch script" title="A PyTorch program (float64) with this network's weights, data and training loop" />
        <CommandButton id="file.exportNumpy" label="NumPy script" title="The same with NumPy only: forward and backward written out like the tutorial" />
        <CommandButton id="file.exportNotebook" label="Jupyter notebook" title="The PyTorch program as a notebook, one cell per step, with the formulas" />
      </div>
    </details>
  );
});

const DocumentName = memo(function DocumentName() {
  const fileName = useDocument((s) => s.fileName);
  const filePath = useDocument((s) => s.filePath);
  const dirty = useDocument(selectDirty);
  return (
    <span className="topbar-doc" title={filePath ?? fileName} data-testid="document-name">
      <span className="topbar-doc-name">{displayName(fileName)}</span>
      {dirty && (
        <span className="topbar-dirty" role="status" aria-label="Unsaved changes">
          ● Edited
        </span>
      )}
    </span>
  );
});

/** File › Copy share link: the web page's (the desktop shares files) */
function ShareButton() {
  const studio = useStudio();
  if (!studio.share) return null;
  return <CommandButton id="file.copyShareLink" label="Copy share link" title="Copy a link that holds this whole document, for a slide or a chat" />;
}

/** the canvas alone, for projecting it (Ctrl+\\) */
const PanelsButton = memo(function PanelsButton() {
  const hidden = useView((s) => s.panelsHidden);
  return (
    <CommandButton
      id="view.togglePanels"
      label={hidden ? 'Show panels' : 'Hide panels'}
      title={hidden ? 'Show the side panels (Ctrl+\\)' : 'Hide the side panels: the canvas takes the window (Ctrl+\\)'}
    />
  );
});

function CommandButton({ id, label, title }: { id: CommandId; label: string; title: string }) {
  const studio = useStudio();
  return (
    <button type="button" className="topbar-button" title={title} onClick={() => void studio.commands.run(id)}>
      {label}
    </button>
  );
}
