// Renders the app icons (public/icons/*.png) from one SVG with Debian's Chromium. Run when the icon changes:
//   node scripts/make-icons.mjs
import { chromium } from 'playwright-core';

const svg = (size, safe) => {
  const scale = safe ? 0.7 : 1;
  const font = Math.round(size * 0.3 * scale);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${safe ? 0 : size * 0.12}" fill="#0b0c0c"/>
  <rect x="${size * (safe ? 0.2 : 0.12)}" y="${size * (safe ? 0.66 : 0.72)}" width="${size * (safe ? 0.6 : 0.76)}" height="${size * 0.06 * scale}" fill="#1d70b8"/>
  <text x="50%" y="${safe ? 56 : 58}%" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-weight="700" font-size="${font}" fill="#ffffff">NRM</text>
</svg>`;
};

const icons = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [file, size, safe] of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:transparent">${svg(size, safe)}</body>`);
  await page.locator('svg').screenshot({ path: `public/icons/${file}`, omitBackground: true });
}
await browser.close();
