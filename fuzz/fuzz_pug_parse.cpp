// fuzz_pug_parse — the Pug front end (pug::parse), as job_run calls it:
// encoding checks, front matter, then the body lexed, parsed, linked with
// the files it includes or extends, and evaluated, the deck's JavaScript
// (code, mixins, interpolation) run in the js/ sandbox for a short while.
// The input is a deck and the files beside it (fuzz_files.h: parts split
// at \x01 become a.pug, layout.pug, notes.md, sub/b.pug, mixins.pug). The
// tree is then serialised to HTML (what --dump=html prints) and every
// diagnostic is formatted, so spans that point outside their file are
// caught too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "dom/node.h"
#include "fuzz_files.h"
#include "pug/parse.h"
#include "source/diagnostic.h"
#include "source/source.h"
#include "source/source_set.h"

namespace {

// A broken promise: says which, then stops the fuzzer.
void check(bool ok, const char* what, deckpdf::Span span, size_t size) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_pug_parse: %s: span [%u, %u) in %zu bytes\n", what, span.begin,
               span.end, size);
  std::abort();
}

// `span` lies inside the deck or inside one included file.
void check_span(const deckpdf::SourceSet& files, const deckpdf::Source& deck, deckpdf::Span span,
                const std::string& what) {
  uint32_t base = 0;
  size_t size = deck.text().size();
  if (span.begin > size) {
    const auto* file = files.find(span.begin, base);
    check(file != nullptr, (what + ": in no file").c_str(), span, size);
    size = (*file)->text().size();
  }
  check(span.begin <= span.end && span.end - base <= size, what.c_str(), span, size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace deckpdf;
  static fuzz::FuzzFolder folder;
  std::string deck = folder.take({reinterpret_cast<const char*>(data), size});
  Source source(folder.root() + "/fuzz.pug", std::move(deck));
  Diagnostics diags;
  // Like job_run, parse only what passes the encoding checks; the parser's
  // own robustness to invalid UTF-8 is reached through source_check_encoding
  // accepting it (a BOM-less file with stray bytes is a warning, not fatal).
  if (!source_check_encoding(source, diags)) return 0;
  uint32_t body = 0;
  source_parse_front_matter(source, diags, body);
  // Includes stay inside the folder; the JavaScript runs briefly.
  pug::ParseOptions options;
  options.js.seconds = 0.05;
  SourceSet files(static_cast<uint32_t>(source.text().size()));
  dom::Document doc = pug::parse(source, body, diags, options, &files);
  std::string html = dom::to_html(doc);
  for (const dom::Node& n : doc.nodes) {
    // Adjacent text is one node (dom::HtmlBuilder::add_text), also across
    // an include: its span may run from one file into the next, so only
    // where it starts is held to a file (what diagnostics use).
    Span s = n.kind == dom::NodeKind::Text ? Span{n.span.begin, n.span.begin} : n.span;
    check_span(files, source, s, "node " + n.tag);
  }
  for (Diagnostic d : diags.items()) {
    check_span(files, source, d.span, "diagnostic " + d.code);
    files.localize(d);
    std::string line = diagnostic_format(source, d, /*color*/ false);
    (void)line;
  }
  return 0;
}
