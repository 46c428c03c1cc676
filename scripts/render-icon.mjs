// Renders resources/icon.svg to resources/icon.png (1024×1024), the icon electron-builder turns into
// each platform's format. Run after editing the SVG: node scripts/render-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1024 }, background: 'rgba(0,0,0,0)' }).render().asPng();
writeFileSync(join(resources, 'icon.png'), png);
console.log(`resources/icon.png: 1024×1024, ${png.length} bytes`);
