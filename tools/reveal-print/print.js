#!/usr/bin/env node
// A deck as reveal.js shows it: the Pug deck compiled by pug.js, put in reveal.js's page with
// the theme its front matter names (or --theme), opened in headless Chromium, one PNG per slide
// (final state: every fragment shown). A development oracle only; deckpdf never runs it.
// A Markdown deck (.md) is handed to reveal.js's markdown plugin as reveal-md does (its front
// matter's separators, else reveal-md's); an HTML deck (.html) is opened as it is, with its own
// Reveal.initialize.
//
//   node tools/reveal-print/print.js DECK.pug|DECK.md|DECK.html OUTDIR [--theme NAME]
//        [--size WxH] [--locals F.json] [--pages]
//        [--katex DIR]  (reveal.js's math plugin with KaTeX from DIR, npm's katex package)
//
// Writes OUTDIR/NAME-1.png, NAME-2.png ... (vertical slides in reading order) at the viewport
// size (default 1280x720, 16:9 like deckpdf's default page), reveal.js configured as a deck
// without configuration gets it (960x700, 4% margin), so pictures compare with deckpdf pages.
// --pages: instead, the page opened with ?print-pdf (pdfSeparateFragments on, reveal.js's
// default) and the number of PDF pages reveal.js lays out printed: deckpdf --builds's count.
'use strict';
const fs = require('fs');
const path = require('path');
const pug = require('pug');
const puppeteer = require('puppeteer-core');

function usage(message) {
  if (message) console.error('reveal-print: ' + message);
  console.error('usage: print.js DECK.pug|.md|.html OUTDIR [--theme NAME] [--size WxH] [--locals F.json] [--pages] [--katex DIR]');
  process.exit(2);
}

const args = process.argv.slice(2);
const positional = [];
const options = {theme: null, width: 1280, height: 720, locals: {}, pages: false};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--theme') options.theme = args[++i];
  else if (a === '--size') {
    const m = /^(\d+)x(\d+)$/.exec(args[++i] || '');
    if (!m) usage('--size wants WxH');
    options.width = +m[1];
    options.height = +m[2];
  } else if (a === '--locals') options.locals = JSON.parse(fs.readFileSync(args[++i], 'utf8'));
  else if (a === '--pages') options.pages = true;
  else if (a === '--katex') options.katex = path.resolve(args[++i]);
  else if (a.startsWith('--')) usage('unknown option ' + a);
  else positional.push(a);
}
if (positional.length !== 2) usage();
const [deckPath, outDir] = positional;

// Front matter: deckpdf's `---` block; only `theme:` and a flat `locals:` map matter here.
let text = fs.readFileSync(deckPath, 'utf8');
const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
if (front) {
  text = text.slice(front[0].length);
  const theme = /^theme:\s*["']?([\w.-]+)["']?\s*$/m.exec(front[1]);
  if (theme && !options.theme) options.theme = theme[1].replace(/\.css$/, '');
}
const kind = /\.(md|markdown)$/i.test(deckPath) ? 'md' : /\.html?$/i.test(deckPath) ? 'html' : 'pug';
const theme = options.theme || (kind === 'md' ? 'black' : 'white');
const revealDir = path.join(__dirname, 'node_modules', 'reveal.js');
const themeCss = path.join(revealDir, 'dist', 'theme', theme + '.css');
if (!fs.existsSync(themeCss)) usage('reveal.js has no theme ' + theme);

// reveal-md's separators (lib/defaults.json), or the front matter's.
function frontValue(key, fallback) {
  if (!front) return fallback;
  const m = new RegExp('^' + key + ':\\s*(.*)$', 'm').exec(front[1]);
  if (!m) return fallback;
  const v = m[1].trim();
  return /^".*"$/.test(v) ? JSON.parse(v) : v.replace(/^'(.*)'$/, '$1');
}
const attr = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const tmp = fs.mkdtempSync('/tmp/reveal-print-');
let html;
if (kind === 'md') {
  fs.writeFileSync(path.join(tmp, 'deck.md'), text);
  html = `<section data-markdown="file://${tmp}/deck.md"` +
      ` data-separator="${attr(frontValue('separator', '^(\r\n?|\n)---(\r\n?|\n)$'))}"` +
      ` data-separator-vertical="${attr(frontValue('verticalSeparator', '^(\r\n?|\n)----(\r\n?|\n)$'))}"` +
      ` data-separator-notes="${attr(frontValue('notesSeparator', '^s*notes?:'))}"></section>`;
} else if (kind === 'pug') {
  html = pug.render(text, {
    filename: path.resolve(deckPath),
    basedir: path.dirname(path.resolve(deckPath)),
    pretty: false,
    ...options.locals,
  });
}

// A deck that is a whole page (a layout it extends) brings its own .slides; keep only those.
const page = `<!doctype html><html><head><meta charset="utf-8">
<base href="file://${path.dirname(path.resolve(deckPath))}/">
<link rel="stylesheet" href="file://${revealDir}/dist/reset.css">
<link rel="stylesheet" href="file://${revealDir}/dist/reveal.css">
<link rel="stylesheet" href="file://${themeCss}">
<link rel="stylesheet" href="file://${revealDir}/dist/plugin/highlight/monokai.css">
</head><body><div class="reveal"><div class="slides" id="deck-slides"></div></div>
<template id="deck-html">${html}</template>
<script>
async function initialize(print, katex) {
  const source = document.getElementById('deck-html').content;
  const own = source.querySelector('.reveal .slides') || source.querySelector('.slides');
  const target = document.getElementById('deck-slides');
  if (own) target.append(...own.childNodes);
  else target.append(source.cloneNode(true));
  await Reveal.initialize({
    hash: false, controls: false, progress: false, transition: 'none',
    backgroundTransition: 'none', fragments: print,
    center: ${frontValue('center', 'true') === 'false' ? 'false' : 'true'},  // the front matter's
    // as reveal.js's demo.html: Markdown first
    plugins: katex ? [RevealMarkdown, RevealHighlight, RevealMath.KaTeX]
                   : [RevealMarkdown, RevealHighlight],
    katex: katex ? {local: 'file://' + katex} : undefined,
  });
  // The math plugin loads KaTeX and typesets after initialize resolves.
  if (katex) await new Promise((r) => setTimeout(r, 1500));
}
</script>
<script src="file://${revealDir}/dist/reveal.js"></script>
<script src="file://${revealDir}/dist/plugin/highlight.js"></script>
<script src="file://${revealDir}/dist/plugin/markdown.js"></script>
<script src="file://${revealDir}/dist/plugin/math.js"></script>
</body></html>`;

(async () => {
  fs.mkdirSync(outDir, {recursive: true});
  const pagePath = kind === 'html' ? path.resolve(deckPath) : path.join(tmp, 'deck.html');
  if (kind !== 'html') fs.writeFileSync(pagePath, page);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--allow-file-access-from-files', '--font-render-hinting=none'],
  });
  try {
    const tab = await browser.newPage();
    await tab.setViewport({width: options.width, height: options.height});
    tab.on('pageerror', (e) => console.error('reveal-print: page error: ' + e.message));
    if (options.pages) {
      await tab.goto('file://' + pagePath + '?print-pdf', {waitUntil: 'load'});
      const pages = await tab.evaluate(async (own, katex) => {
        if (own) await initialize(true, katex);
        if (!document.querySelector('.pdf-page')) {
          await new Promise((r) => Reveal.on('pdf-ready', r));
        }
        return document.querySelectorAll('.pdf-page').length;
      }, kind !== 'html', options.katex || null);
      console.log(`reveal-print: ${pages} print-pdf pages of ${deckPath}`);
      return;
    }
    await tab.goto('file://' + pagePath, {waitUntil: 'load'});
    if (kind === 'html') {
      await tab.evaluate(() => new Promise((r) => (Reveal.isReady() ? r() : Reveal.on('ready', r))));
      await tab.evaluate(() => Reveal.configure({controls: false, progress: false, fragments: false,
                                                 transition: 'none', hash: false}));
    }
    const count = await tab.evaluate(async (own, katex) => {
      if (own) await initialize(false, katex);
      await document.fonts.ready;
      return Reveal.getSlides().length;
    }, kind !== 'html', options.katex || null);
    const name = path.basename(deckPath).replace(/\.[^.]*$/, '');
    for (let i = 0; i < count; i++) {
      await tab.evaluate((n) => {
        const slide = Reveal.getSlides()[n];
        const where = Reveal.getIndices(slide);
        Reveal.slide(where.h, where.v);
      }, i);
      await new Promise((r) => setTimeout(r, 50));
      await tab.screenshot({path: path.join(outDir, `${name}-${i + 1}.png`)});
    }
    console.log(`reveal-print: ${count} slides of ${deckPath} in theme ${theme} -> ${outDir}`);
  } finally {
    await browser.close();
    fs.rmSync(tmp, {recursive: true, force: true});
  }
})().catch((e) => {
  console.error('reveal-print: ' + e.message);
  process.exit(1);
});
