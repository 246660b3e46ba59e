// fuzz_front_matter — the source stage on any bytes: the encoding checks,
// the front matter, the line table, and diagnostic printing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "source/diagnostic.h"
#include "source/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace deckpdf;
  Source source("fuzz.pug", std::string(reinterpret_cast<const char*>(data), size));
  Diagnostics diags;
  bool usable = source_check_encoding(source, diags);
  uint32_t body = 0;
  FrontMatter front = source_parse_front_matter(source, diags, body);
  if (body > source.text().size()) __builtin_trap();
  if (front.present && front.span.end > source.text().size()) __builtin_trap();
  for (const char* key : {"title", "author", "theme", "size"}) (void)front.get(key);
  for (const Diagnostic& d : diags.items()) {
    if (d.span.begin > d.span.end || d.span.end > source.text().size()) __builtin_trap();
    (void)diagnostic_format(source, d, /*color*/ usable);
  }
  // Every offset maps to a line and back.
  uint32_t n = static_cast<uint32_t>(source.text().size());
  for (uint32_t at : {0u, n / 2, n}) {
    LineCol lc = source.line_col(at);
    if (lc.line < 1 || lc.line > source.line_count()) __builtin_trap();
    (void)source.line_text(lc.line);
  }
  return 0;
}
