// highlight.js (BSD-3-Clause, LICENSE.highlight.js beside this file) run on each sample: npm install highlight.js@11.12.0, then
// NODE_PATH=.../node_modules node expect.js tests/highlight/samples
// Writes highlight.js's HTML for each sample: NAME.txt or NAME.LANG.txt -> NAME.html
const fs = require('fs'), path = require('path');
const hljs = require('highlight.js/lib/core');
// The languages layouts/highlight holds, so sub-languages resolve the same way.
for (const name of ['bash', 'shell', 'c', 'cpp', 'csharp', 'css', 'diff', 'dockerfile', 'elixir',
                    'erlang', 'go', 'haskell', 'xml', 'java', 'javascript', 'json', 'kotlin', 'lua',
                    'makefile', 'markdown', 'php', 'python', 'ruby', 'rust', 'scala', 'sql', 'swift',
                    'typescript', 'yaml']) {
  hljs.registerLanguage(name, require(`highlight.js/lib/languages/${name}`));
}
const dir = process.argv[2];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  const parts = f.replace(/\.txt$/, '').split('.');
  const lang = parts[parts.length - 1];
  const code = fs.readFileSync(path.join(dir, f), 'utf8');
  const out = lang === 'auto' ? hljs.highlightAuto(code) : hljs.highlight(code, { language: lang, ignoreIllegals: true });
  fs.writeFileSync(path.join(dir, f.replace(/\.txt$/, '.html')), out.value);
  console.log(f, out.language, out.relevance);
}
