#!/usr/bin/env node
// tests/pug/pugjs-oracle.js — renders a Pug file with the reference
// compiler (pug.js), for comparing with `deckpdf --dump=html`. A dev tool:
// deckpdf never runs it; tests call it only when node and pug are present.
//
//   npm install pug            # in a scratch folder outside the repository
//   NODE_PATH=/tmp/pugref/node_modules node tests/pug/pugjs-oracle.js deck.pug [--basedir DIR]
//       [--plain-highlight]
//
// Prints the HTML on stdout; a compile or runtime error goes to stderr
// with exit code 1. Filters pug.js would need a package for (markdown-it,
// highlight) are rendered only when that package is installed too.
'use strict';

const path = require('path');

function main(argv) {
  const args = argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--basedir');
  const at = args.indexOf('--basedir');
  if (!file) {
    process.stderr.write('usage: pugjs-oracle.js FILE.pug [--basedir DIR]\n');
    return 2;
  }
  let pug;
  try {
    pug = require('pug');
  } catch (e) {
    process.stderr.write('pug is not installed: set NODE_PATH to a node_modules holding it\n');
    return 3;
  }
  const options = {basedir: at >= 0 ? args[at + 1] : path.dirname(path.resolve(file))};
  if (args.includes('--plain-highlight')) {
    // `:highlight` as deckpdf renders it until it colours code: the text
    // escaped, no markup (jstransformer-highlight need not be installed).
    const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    options.filters = {highlight: (text) => escape(text)};
  }
  try {
    process.stdout.write(pug.renderFile(file, options));
  } catch (e) {
    process.stderr.write(String(e.message || e) + '\n');
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv);
