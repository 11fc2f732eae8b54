// Export the canvas as a picture. The React Flow viewport (edges are SVG, nodes are HTML) is
// cloned at scale 1 around the graph's bounds and wrapped, with the page's styles, in an SVG
// <foreignObject>; PNG draws that SVG onto a canvas at twice the resolution.

const PADDING = 24;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function canvasSvg(root: ParentNode = document): string | null {
  const flow = root.querySelector<HTMLElement>('.react-flow');
  const viewport = flow?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !viewport) return null;
  const box = graphBounds(viewport);
  const clone = viewport.cloneNode(true) as HTMLElement;
  clone.style.transform = `translate(${PADDING - box.x}px, ${PADDING - box.y}px) scale(1)`;
  clone.querySelectorAll('.react-flow__resize-control').forEach((e) => e.remove());
  clone.querySelectorAll('.selected').forEach((e) => e.classList.remove('selected'));
  // a big graph paints its edges on a canvas under the viewport: the picture shows their own curves
  clone.querySelectorAll('.bp-edge-on-canvas').forEach((e) => e.classList.remove('bp-edge-on-canvas'));
  paintCanvases(viewport, clone);
  const width = Math.ceil(box.width + 2 * PADDING);
  const height = Math.ceil(box.height + 2 * PADDING);
  const host = document.createElement('div');
  host.setAttribute('xmlns', 'http://www.w3.org/1999/xhtml');
  host.setAttribute('style', `${inheritedVars(flow)}position:relative;width:${width}px;height:${height}px;overflow:hidden;background:#ffffff;`);
  const style = document.createElement('style');
  style.textContent = pageCss();
  host.append(style, withAncestors(flow, clone, width, height));
  const body = new XMLSerializer().serializeToString(host);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<foreignObject x="0" y="0" width="${width}" height="${height}">${body}</foreignObject></svg>`
  );
}

/** canvases (node thumbnails) do not survive cloning: replace each clone with a picture of its original */
function paintCanvases(original: HTMLElement, clone: HTMLElement): void {
  const sources = Array.from(original.querySelectorAll('canvas'));
  Array.from(clone.querySelectorAll('canvas')).forEach((copy, i) => {
    const source = sources[i];
    if (!source || source.width === 0 || source.height === 0) return;
    const img = document.createElement('img');
    try {
      img.src = source.toDataURL('image/png');
    } catch {
      return;
    }
    img.className = source.className;
    img.setAttribute('style', `${source.getAttribute('style') ?? ''};width:${source.clientWidth}px;height:${source.clientHeight}px;`);
    copy.replaceWith(img);
  });
}

/** rebuild the flow's ancestors (their classes and ids) so styles scoped by them still apply */
function withAncestors(flow: HTMLElement, content: HTMLElement, width: number, height: number): HTMLElement {
  let inner: HTMLElement = content;
  for (let el: HTMLElement | null = flow; el && el !== document.body; el = el.parentElement) {
    const wrapper = document.createElement('div');
    if (el.className) wrapper.className = el.className;
    if (el.id) wrapper.id = el.id;
    wrapper.setAttribute('style', `position:relative;width:${width}px;height:${height}px;overflow:hidden;display:block;background:transparent;border:0;`);
    wrapper.append(inner);
    inner = wrapper;
  }
  return inner;
}

/** the bounds of every node, in flow coordinates (the viewport's own, before zoom/pan) */
export function graphBounds(viewport: HTMLElement): Box {
  const nodes = Array.from(viewport.querySelectorAll<HTMLElement>('.react-flow__node'));
  if (nodes.length === 0) return { x: 0, y: 0, width: 200, height: 120 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const { x, y } = translateOf(node.style.transform);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + node.offsetWidth);
    maxY = Math.max(maxY, y + node.offsetHeight);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function translateOf(transform: string): { x: number; y: number } {
  const m = /translate\(\s*(-?[\d.e+-]+)px\s*,\s*(-?[\d.e+-]+)px\s*\)/.exec(transform);
  return m ? { x: Number(m[1]), y: Number(m[2]) } : { x: 0, y: 0 };
}

/** the CSS custom properties set on :root, so var(--…) resolves inside the picture */
function inheritedVars(flow: HTMLElement): string {
  const computed = getComputedStyle(flow);
  const names = new Set<string>();
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of safeRules(sheet)) {
      if (rule instanceof CSSStyleRule) {
        for (const name of Array.from(rule.style)) if (name.startsWith('--')) names.add(name);
      }
    }
  }
  const fontFamily = computed.fontFamily.replace(/"/g, "'");
  return [...names].map((n) => `${n}:${computed.getPropertyValue(n).trim()};`).join('') + `font-family:${fontFamily};font-size:${computed.fontSize};color:${computed.color};`;
}

function pageCss(): string {
  return Array.from(document.styleSheets)
    .flatMap((sheet) => safeRules(sheet).map((r) => r.cssText))
    .filter((css) => !css.startsWith('@font-face') && !css.startsWith('@import'))
    .join('\n');
}

function safeRules(sheet: CSSStyleSheet): CSSRule[] {
  try {
    return Array.from(sheet.cssRules);
  } catch {
    return [];
  }
}

export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const image = new Image();
  // a data: URL, not a blob: one — Chromium taints a canvas that drew a blob: SVG with foreignObject
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(image.naturalWidth * scale);
  canvas.height = Math.ceil(image.naturalHeight * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw to a canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))), 'image/png'),
  );
}
