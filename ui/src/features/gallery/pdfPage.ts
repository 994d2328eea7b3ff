// Draws a PDF's first page into a canvas with pdf.js, for the gallery (loaded only when a PDF tile is on
// screen). One worker, bundled with the app (CSP 'self'); no WebAssembly, fonts and character maps
// from the app's own files.
import * as pdfjs from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
let worker: pdfjs.PDFWorker | null = null;

/** Renders page 1 of `data` to fit `box` CSS pixels into `canvas`. */
export async function drawFirstPage(data: ArrayBuffer, canvas: HTMLCanvasElement, box: number): Promise<void> {
  worker ??= new pdfjs.PDFWorker();
  const task = pdfjs.getDocument({
    data,
    worker,
    useWasm: false,
    cMapUrl: "/pdfjs/cmaps/",
    cMapPacked: true,
    standardFontDataUrl: "/pdfjs/standard_fonts/",
  });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const scale = (box / Math.max(natural.width, natural.height)) * Math.min(2, window.devicePixelRatio || 1);
    const viewport = page.getViewport({ scale });
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, viewport }).promise;
  } finally {
    await task.destroy();
  }
}
