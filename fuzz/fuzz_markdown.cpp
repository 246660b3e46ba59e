// fuzz_markdown — the Markdown notes path: markdown::render (md4c into the
// dom tree) on the input, as a `:markdown-it` filter's block hands it over.
// Like md4c's own fuzz target, the first byte holds the option flags:
//   bit 0 linkify, bit 1 html, bit 2 breaks, bit 3 indent every line by
//   two spaces in the "deck" (so source offsets are not the text offsets).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dom/node.h"
#include "markdown/markdown.h"
#include "source/diagnostic.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace deckpdf;
  if (size < 1) return 0;
  uint8_t flags = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  // The source stage refuses a deck with NUL bytes before any Markdown is
  // read (md4c would turn each into U+FFFD, three bytes for one).
  if (text.find('\0') != std::string_view::npos) return 0;
  markdown::Options options;
  options.linkify = flags & 1;
  options.html = flags & 2;
  options.breaks = flags & 4;
  uint32_t indent = (flags & 8) ? 2 : 0;

  // Assemble the text line by line, as the pug filter does.
  markdown::MarkdownText md;
  uint32_t source_at = 100;  // where the filter's block starts in the deck
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (start > 0) md.append_synthetic("\n");
    md.append(text.substr(start, end - start), source_at + indent);
    source_at += static_cast<uint32_t>(end - start) + indent + 1;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  dom::Document doc;
  dom::Node aside;
  aside.tag = "aside";
  aside.classes = {"notes"};
  dom::NodeId parent = doc.add(aside, doc.root);
  Diagnostics diags;
  // The filter line (`:markdown-it`) sits at [90, 100), just before the block.
  markdown::render(md, options, doc, parent, Span{90, 100}, diags);
  std::string html = dom::to_html(doc);
  std::string all = doc.text_content(doc.root);
  for (const dom::Node& n : doc.nodes) {
    if (n.span.begin > n.span.end || n.span.end > source_at + 1) {
      std::fprintf(stderr, "fuzz_markdown: <%s> span [%u, %u) past the block's end %u\n",
                   n.tag.c_str(), n.span.begin, n.span.end, source_at + 1);
      std::abort();
    }
  }
  (void)markdown::url_normalize(text);
  return 0;
}
