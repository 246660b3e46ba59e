// highlight-export: highlight.js's grammars, compiled by highlight.js itself,
// written as data deckpdf reads at run time (layouts/highlight/NAME.xml).
//
// Development tool only: deckpdf never runs Node. highlight.js compiles a
// language in place the first time it highlights with it (mode_compiler.js:
// `match`/`beginKeywords`/`variants`/`beforeMatch` expanded, keywords turned
// into a word -> [scope, relevance] dictionary, `illegal` arrays joined, the
// end terminators of `endsWithParent` modes chained), so we highlight one
// character with each language and then walk the compiled mode graph.
// Callbacks cannot be data: the three the listed languages use are written
// as named markers the C++ side emulates; any other one stops the export.
'use strict';
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const outDir = args[0];
const modules = args[1] || path.join(__dirname, 'node_modules');
if (!outDir) {
  console.error('usage: node export.js OUT_DIR [NODE_MODULES]');
  process.exit(2);
}
const hljs = require(path.join(modules, 'highlight.js/lib/core'));
const version = require(path.join(modules, 'highlight.js/package.json')).version;

// The languages issue 20 lists, plus the ones their grammars embed.
const LANGUAGES = ['bash', 'shell', 'c', 'cpp', 'csharp', 'css', 'diff', 'dockerfile', 'elixir',
                   'erlang', 'go', 'haskell', 'xml', 'java', 'javascript', 'json', 'kotlin', 'lua',
                   'makefile', 'markdown', 'php', 'python', 'ruby', 'rust', 'scala', 'sql', 'swift',
                   'typescript', 'yaml'];
for (const name of LANGUAGES) {
  hljs.registerLanguage(name, require(path.join(modules, 'highlight.js/lib/languages', name)));
}

// A callback's marker, recognised by its source text.
function callbackMarker(fn, where) {
  if (!fn) return '';
  const text = fn.toString();
  if (text.includes('_beginMatch = m[1] || m[2]')) return 'same-as-begin-1-or-2';
  if (text.includes('_beginMatch = m[1]')) return 'same-as-begin';
  if (text.includes('_beginMatch !== m[1]')) return 'same-as-begin';
  if (text.includes('afterMatchIndex') && text.includes('extends')) return 'jsx-opening-tag';
  if (text.includes('match.input[match.index - 1]')) return 'not-after-dot';
  if (text.includes('m.index !== 0')) return 'at-start';
  throw new Error(`${where}: a callback deckpdf cannot emulate:\n${text}`);
}

function xmlEscape(s) {
  return String(s).replace(/[&<>"]|[\x00-\x08\x0b\x0c\x0e-\x1f]/g,
                           (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c] ||
                                    `&#${c.charCodeAt(0)};`));
}
const src = (re) => (re == null ? null : (typeof re === 'string' ? re : re.source));

function scopeElements(tag, scope) {
  if (!scope) return '';
  if (scope._wrap) return `<${tag} wrap="${xmlEscape(scope._wrap)}"/>`;
  let out = '';
  for (const key of Object.keys(scope)) {
    if (!/^\d+$/.test(key)) continue;
    const emit = scope._emit && scope._emit[key] ? '1' : '0';
    out += `<${tag} group="${key}" scope="${xmlEscape(scope[key] || '')}" emit="${emit}"/>`;
  }
  return out;
}

function exportLanguage(name) {
  hljs.highlight('x', {language: name, ignoreIllegals: true});
  const lang = hljs.getLanguage(name);
  const ids = new Map();
  const order = [];
  const visit = (mode) => {
    if (ids.has(mode)) return ids.get(mode);
    const id = order.length;
    ids.set(mode, id);
    order.push(mode);
    for (const child of mode.contains) visit(child);
    if (mode.starts) visit(mode.starts);
    return id;
  };
  visit(lang);
  const aliases = (lang.aliases || []).map((a) => `<alias>${xmlEscape(a)}</alias>`).join('');
  const classAliases = Object.keys(lang.classNameAliases || {})
                           .map((k) => `<class-alias from="${xmlEscape(k)}" to="${
                                    xmlEscape(lang.classNameAliases[k])}"/>`)
                           .join('');
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n` +
            `<!-- ${name} from highlight.js ${version} (BSD-3-Clause, see LICENSE.highlight.js), ` +
            `compiled by highlight.js and exported by tools/highlight-export -->\n` +
            `<language name="${xmlEscape(name)}" title="${xmlEscape(lang.name || name)}"` +
            ` case-insensitive="${lang.case_insensitive ? 1 : 0}"` +
            ` unicode="${lang.unicodeRegex ? 1 : 0}"` +
            ` autodetect="${lang.disableAutodetect ? 0 : 1}"` +
            ` superset-of="${xmlEscape(lang.supersetOf || '')}">\n${aliases}${classAliases}\n`;
  order.forEach((mode, id) => {
    const where = `${name} mode ${id}`;
    const attrs = [];
    const flag = (key, attr) => { if (mode[key]) attrs.push(`${attr}="1"`); };
    if (typeof mode.scope === 'string') attrs.push(`scope="${xmlEscape(mode.scope)}"`);
    attrs.push(`relevance="${mode.relevance === undefined ? 1 : mode.relevance}"`);
    flag('endsWithParent', 'ends-with-parent');
    flag('endsParent', 'ends-parent');
    flag('excludeBegin', 'exclude-begin');
    flag('excludeEnd', 'exclude-end');
    flag('returnBegin', 'return-begin');
    flag('returnEnd', 'return-end');
    flag('skip', 'skip');
    if (mode.contains.length) attrs.push(`contains="${mode.contains.map((c) => ids.get(c)).join(' ')}"`);
    if (mode.starts) attrs.push(`starts="${ids.get(mode.starts)}"`);
    if (mode.subLanguage != null) {
      const sub = Array.isArray(mode.subLanguage) ? mode.subLanguage : [mode.subLanguage];
      attrs.push(`sub-language="${xmlEscape(sub.join(' '))}"` +
                 (Array.isArray(mode.subLanguage) ? ' sub-language-auto="1"' : ''));
    }
    const before = callbackMarker(mode.__beforeBegin, where);
    const onBegin = callbackMarker(mode['on:begin'], where);
    const onEnd = callbackMarker(mode['on:end'], where);
    if (before || onBegin) attrs.push(`on-begin="${[before, onBegin].filter(Boolean).join(' ')}"`);
    if (onEnd) attrs.push(`on-end="${onEnd}"`);
    let body = '';
    const re = (tag, value) => { if (value != null && value !== '') body += `<${tag}>${xmlEscape(value)}</${tag}>`; };
    if (id !== 0) re('begin', src(mode.beginRe));
    if (mode.endRe) re('end', src(mode.endRe));
    re('terminator-end', mode.terminatorEnd);
    if (mode.illegalRe) re('illegal', src(mode.illegalRe));
    if (mode.keywords) {
      re('keyword-pattern', src(mode.keywordPatternRe));
      const groups = new Map();
      for (const word of Object.keys(mode.keywords)) {
        const [kind, rel] = mode.keywords[word];
        const key = `${kind}\u0000${rel}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(word);
      }
      for (const [key, words] of groups) {
        const [kind, rel] = key.split('\u0000');
        body += `<keywords scope="${xmlEscape(kind)}" relevance="${rel}">${xmlEscape(words.join(' '))}</keywords>`;
      }
    }
    body += scopeElements('begin-scope', mode.beginScope);
    body += scopeElements('end-scope', mode.endScope);
    out += `<mode id="${id}" ${attrs.join(' ')}>${body}</mode>\n`;
  });
  return out + '</language>\n';
}

fs.mkdirSync(outDir, {recursive: true});
let index = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- the languages in this folder and their aliases (highlight.js ${version}) -->\n<languages>\n`;
for (const name of LANGUAGES) {
  fs.writeFileSync(path.join(outDir, `${name}.xml`), exportLanguage(name));
  const lang = hljs.getLanguage(name);
  index += `<language name="${name}" autodetect="${lang.disableAutodetect ? 0 : 1}">` +
           (lang.aliases || []).map((a) => `<alias>${xmlEscape(a)}</alias>`).join('') + '</language>\n';
}
fs.writeFileSync(path.join(outDir, 'index.xml'), index + '</languages>\n');
console.log(`${LANGUAGES.length} languages from highlight.js ${version} written to ${outDir}`);
