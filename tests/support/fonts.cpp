#include "support/fonts.h"

#include <catch2/catch.hpp>

#include "support/paths.h"

namespace deckpdf::test {

text::FontSet& bundled_fonts() {
  static text::FontSet fonts;
  static bool loaded = [] {
    std::string error;
    return fonts.load_dir(source_dir() + "/fonts", error);
  }();
  REQUIRE(loaded);
  return fonts;
}

}  // namespace deckpdf::test
