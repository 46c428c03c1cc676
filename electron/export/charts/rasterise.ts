import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsync, type RenderedImage } from '@resvg/resvg-js';

/** Folders that hold the fonts the export palette names, per platform; scanned instead of every system font. */
const FONT_DIRS = [
  '/usr/share/fonts/truetype/liberation',
  '/usr/share/fonts/truetype/liberation2',
  '/usr/share/fonts/liberation',
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/System/Library/Fonts/Supplemental',
  '/Library/Fonts',
  'C:\\Windows\\Fonts',
];

/** Font files for Arial or its stand-ins (Liberation Sans, DejaVu Sans); empty when none is found where expected. */
function exportFontFiles(): string[] {
  const wanted = /^(arial|arialbd|Arial( Bold)?|LiberationSans-(Regular|Bold)|DejaVuSans(-Bold)?)\.ttf$/i;
  const files: string[] = [];
  for (const dir of FONT_DIRS) {
    if (!existsSync(dir)) continue;
    try {
      for (const name of readdirSync(dir)) if (wanted.test(name)) files.push(join(dir, name));
    } catch {
      // unreadable folder: the system scan below still runs
    }
  }
  return files;
}

let fontFiles: string[] | null = null;

/**
 * The SVG rasterised by resvg at `scale` (2 for slides). resvg draws text only with fonts it has
 * loaded: the export fonts are loaded by file when found (fast), otherwise every system font is
 * scanned; a family the SVG names but the system lacks falls back to the first one found.
 */
export async function rasterise(svg: string, scale: number, signal?: AbortSignal): Promise<RenderedImage> {
  fontFiles ??= exportFontFiles();
  const haveLiberation = fontFiles.some((f) => /LiberationSans/i.test(f));
  const haveArial = fontFiles.some((f) => /arial/i.test(f));
  const family = haveArial ? 'Arial' : haveLiberation ? 'Liberation Sans' : 'DejaVu Sans';
  return renderAsync(
    svg,
    {
      fitTo: { mode: 'zoom', value: scale },
      font: { loadSystemFonts: fontFiles.length === 0, fontFiles, defaultFontFamily: family, sansSerifFamily: family },
      shapeRendering: 2,
      textRendering: 1,
      logLevel: 'off',
    },
    signal ?? null,
  );
}

/** The SVG as PNG bytes at `scale`, with the image's pixel size. */
export async function svgToPng(svg: string, scale: number, signal?: AbortSignal): Promise<{ png: Buffer; width: number; height: number }> {
  const image = await rasterise(svg, scale, signal);
  return { png: image.asPng(), width: image.width, height: image.height };
}
