/*
 * Draws the PNG icons of the web app manifest from the SVG icons in public/icons, with
 * the same headless Chromium the browser tests use. Run after changing an SVG icon:
 *   npx tsx src/build/render-icons.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { launchBrowser } from '../../test/support/browser';

const icons = new URL('../../public/icons/', import.meta.url);
const targets = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 }
];

const browser = await launchBrowser();
try {
  for (const { svg, png, size } of targets) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const markup = readFileSync(new URL(svg, icons), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${markup}`);
    writeFileSync(new URL(png, icons), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
    console.log(`${png}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
