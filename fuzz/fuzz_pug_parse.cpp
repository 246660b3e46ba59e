// fuzz_pug_parse — the Pug lexer and parser (pug::parse), as job_run calls
// them: encoding checks, front matter, then the body; the tree is then
// serialised to HTML (what --dump=html prints) and every diagnostic is
// formatted, so spans that point outside the text are caught too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "dom/node.h"
#include "pug/parse.h"
#include "source/diagnostic.h"
#include "source/source.h"

namespace {

// A broken promise: says which, then stops the fuzzer.
void check(bool ok, const char* what, deckpdf::Span span, size_t size) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_pug_parse: %s: span [%u, %u) in %zu bytes\n", what, span.begin,
               span.end, size);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace deckpdf;
  Source source("fuzz.pug", std::string(reinterpret_cast<const char*>(data), size));
  Diagnostics diags;
  // Like job_run, parse only what passes the encoding checks; the parser's
  // own robustness to invalid UTF-8 is reached through source_check_encoding
  // accepting it (a BOM-less file with stray bytes is a warning, not fatal).
  if (!source_check_encoding(source, diags)) return 0;
  uint32_t body = 0;
  source_parse_front_matter(source, diags, body);
  // No file is included (the root is a folder that does not exist) and
  // the deck's JavaScript runs for a short while only.
  pug::ParseOptions options;
  options.basedir = "/nonexistent/deckpdf-fuzz-root";
  options.js.seconds = 0.05;
  dom::Document doc = pug::parse(source, body, diags, options);
  std::string html = dom::to_html(doc);
  for (const Diagnostic& d : diags.items()) {
    check(d.span.begin <= d.span.end && d.span.end <= source.text().size(),
          ("diagnostic " + d.code).c_str(), d.span, source.text().size());
    std::string line = diagnostic_format(source, d, /*color*/ false);
    (void)line;
  }
  for (const dom::Node& n : doc.nodes) {
    check(n.span.begin <= n.span.end && n.span.end <= source.text().size(),
          ("node " + n.tag).c_str(), n.span, source.text().size());
  }
  return 0;
}
