// Regressions found by fuzz/fuzz_markdown, replayed on markdown::render
// directly (the pug filter never hands md4c these exact bytes, so a deck
// cannot replay them): every node's span must lie inside the block; and
// one of fuzz_pug_parse's, Markdown included from a file, through pug::parse.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <string_view>

#include "dom/node.h"
#include "markdown/markdown.h"
#include "pug/parse.h"
#include "source/diagnostic.h"
#include "source/source_set.h"
#include "support/paths.h"

using namespace deckpdf;

namespace {

// As fuzz_markdown assembles it: the filter at [90, 100), then each line
// of `text` indented by `indent` from offset 100 on. Returns the offset
// one past the block.
uint32_t render_block(std::string_view text, uint32_t indent, const markdown::Options& options,
                      dom::Document& doc) {
  markdown::MarkdownText md;
  uint32_t at = 100;
  size_t start = 0;
  for (;;) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (start > 0) md.append_synthetic("\n");
    md.append(text.substr(start, end - start), at + indent);
    at += static_cast<uint32_t>(end - start) + indent + 1;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  dom::Node aside;
  aside.tag = "aside";
  dom::NodeId parent = doc.add(aside, doc.root);
  Diagnostics diags;
  REQUIRE(markdown::render(md, options, doc, parent, Span{90, 100}, diags));
  return at - 1;
}

}  // namespace

TEST_CASE("raw HTML spans stay inside an indented Markdown block", "[reliability][markdown]") {
  // fuzz_markdown crash 5b6889a7: with `html`, an HTML block followed by a
  // line of tabs gave its text a span 1 byte past the block (dom::HtmlBuilder
  // counted offsets as if the lines were not indented).
  markdown::Options options;
  options.html = true;
  options.linkify = true;
  options.breaks = true;
  for (uint32_t indent : {0u, 2u, 6u}) {
    for (std::string_view text :
         {std::string_view("<div>e!{s\n\t\t"), std::string_view("<div>e!{sxxx&xxxx\n\t\t"),
          std::string_view("<div>\na\nb\nc</div>\n\t \t")}) {
      dom::Document doc;
      uint32_t end = render_block(text, indent, options, doc);
      bool has_text = false;
      for (const dom::Node& n : doc.nodes) {
        CAPTURE(indent, text, n.tag, n.text, n.span.begin, n.span.end, end);
        CHECK(n.span.begin <= n.span.end);
        CHECK(n.span.end <= end);
        has_text = has_text || n.kind == dom::NodeKind::Text;
      }
      CHECK(has_text);  // the HTML was read, not dropped
    }
  }
}

TEST_CASE("Markdown included from a file keeps its spans inside that file", "[reliability]") {
  // Found by fuzz_pug_parse with include trees: an empty heading (no text,
  // so no position from md4c) took the filter's span, which ran from the
  // include line in the deck to the end of the included file.
  std::string dir = test::temp_dir() + "/md-include";
  std::filesystem::create_directories(dir);
  test::write_file(dir + "/notes.md", "# \n\n* one\n");
  Source deck(dir + "/deck.pug", "section\n  include:markdown-it notes.md\n");
  SourceSet files(static_cast<uint32_t>(deck.text().size()));
  Diagnostics diags;
  dom::Document doc = pug::parse(deck, 0, diags, {}, &files);
  INFO(dom::to_html(doc));
  REQUIRE(dom::to_html(doc) == "<section><h1></h1><ul><li>one</li></ul></section>");
  for (const dom::Node& n : doc.nodes) {
    if (n.tag != "h1" && n.tag != "ul" && n.tag != "li") continue;
    CAPTURE(n.tag, n.span.begin, n.span.end);
    uint32_t base = 0;
    const auto* file = files.find(n.span.begin, base);
    REQUIRE(file != nullptr);  // in notes.md, not in the deck
    CHECK(n.span.end - base <= (*file)->text().size());
  }
}
