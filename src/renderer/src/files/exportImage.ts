// A picture of the graph as PNG: the engine's SVG (files/exportFlows.ts) drawn onto a canvas at
// twice its resolution.

export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const image = new Image();
  // a data: URL, not a blob: one (Chromium taints a canvas that drew some blob: SVGs)
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
