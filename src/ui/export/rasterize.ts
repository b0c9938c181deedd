/** Device pixels per CSS pixel of an exported PNG: sharp on a projector and a slide. */
export const PNG_SCALE = 2;

/** Loads an SVG document as an image (from a blob: URL, which the page's policy allows for images). */
function loadSvg(svg: string): Promise<{ image: HTMLImageElement; release: () => void }> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const image = new Image();
  return new Promise((resolve, reject) => {
    image.onload = () => resolve({ image, release: () => URL.revokeObjectURL(url) });
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the drawing could not be turned into an image'));
    };
    image.src = url;
  });
}

/** The SVG drawing as a PNG, `scale` device pixels per CSS pixel. */
export async function svgToPng(svg: string, widthPx: number, heightPx: number, scale = PNG_SCALE): Promise<Blob> {
  const { image, release } = await loadSvg(svg);
  try {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(widthPx * scale);
    canvas.height = Math.round(heightPx * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw the image');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    release();
  }
}
