// fuzz_math — the math stage on any bytes: TeX parsed within its budgets
// (nesting, macro expansions, tokens, length), dumped, and typeset with the
// bundled math font; every box and draw must be finite, every run whole.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "math/tex.h"
#include "math/typeset.h"
#include "text/font_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace deckpdf;
  static text::FontSet* fonts = [] {
    auto* f = new text::FontSet();
    std::string error;
    if (!f->load_file(std::string(DECKPDF_FUZZ_SOURCE_DIR) + "/fonts/" + math::font_file, error)) {
      __builtin_trap();
    }
    return f;
  }();
  std::string tex(reinterpret_cast<const char*>(data), size);
  math::ParseResult r = math::parse(tex);
  if (!r.ok) {
    if (r.offset > tex.size() || r.error.empty() || !r.list.empty()) __builtin_trap();
    return 0;
  }
  (void)math::dump(r.list);
  for (bool display : {false, true}) {
    for (const math::MathBox& b : math::typeset(r.list, display, fonts->face(0), 0, 24)) {
      if (!std::isfinite(b.width) || !std::isfinite(b.height) || !std::isfinite(b.depth)) {
        __builtin_trap();
      }
      for (const math::Draw& d : b.draws) {
        if (!std::isfinite(d.x) || !std::isfinite(d.y)) __builtin_trap();
        if (d.run && (d.run->glyphs.empty() || d.run->size <= 0)) __builtin_trap();
      }
    }
  }
  return 0;
}
