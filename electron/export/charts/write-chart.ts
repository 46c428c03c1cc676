import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, isAbsolute } from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import { renderChartSvg } from './render-svg';
import { svgToPng } from './rasterise';
import type { ChartSpec } from './chart-data';

/**
 * Refuses a path the export cannot or should not write: relative (the app and CLI always give
 * absolute paths), in a folder that does not exist, or with another extension than the format's.
 */
export function checkOutPath(path: string, extensions: readonly string[]): void {
  if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', `The output path must be absolute: "${path}".`);
  const ext = extname(path).toLowerCase();
  if (!extensions.includes(ext)) throw new AppError('INVALID_INPUT', `The output file must end in ${extensions.join(' or ')}, not "${ext || '(none)'}".`);
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('INVALID_INPUT', `The folder ${dir} does not exist.`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new AppError('INVALID_INPUT', `${path} is a folder.`);
}

/** Writes beside the target and renames, so a failed or cancelled export never leaves half a file. */
export function writeAtomically(path: string, data: Buffer | string): number {
  const temp = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return statSync(path).size;
}

/** Draws the chart and writes it as SVG, or as PNG at `scale` pixels per CSS pixel. */
export async function writeChart(spec: ChartSpec, opts: { format: 'svg' | 'png'; path: string; scale: number; signal?: AbortSignal | undefined }) {
  checkOutPath(opts.path, [`.${opts.format}`]);
  const size = { width: spec.frame.width, height: spec.frame.height };
  const svg = renderChartSvg(spec.option, size);
  if (opts.format === 'svg') {
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
    return { path: opts.path, bytes: writeAtomically(opts.path, text), ...size };
  }
  const png = await svgToPng(svg, opts.scale, opts.signal);
  return { path: opts.path, bytes: writeAtomically(opts.path, png.png), width: png.width, height: png.height };
}
