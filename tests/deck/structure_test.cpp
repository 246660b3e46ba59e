// tests/deck/structure_test.cpp — reveal.js structure the PDF cannot show
// as a browser does: each a warning at its element's line.
#include <catch2/catch.hpp>

#include "deck/deck.h"
#include "pug/parse.h"

using namespace deckpdf;
using V = std::vector<std::string>;

namespace {

V warnings(const std::string& text) {
  Source src("t.pug", text);
  Diagnostics diags;
  dom::Document doc = pug::parse(src, 0, diags);
  deck::deck_build(doc, {}, diags);
  V out;
  for (const Diagnostic& d : diags.items()) {
    LineCol lc = src.line_col(d.span.begin);
    out.push_back(d.code + "@" + std::to_string(lc.line) + ":" + std::to_string(lc.col));
  }
  return out;
}

}  // namespace

TEST_CASE("structure: content beside a vertical stack's slides", "[deck][structure]") {
  CHECK(warnings("section\n  h2 lost\n  section\n    p a\n  section\n    p b\n") ==
        V{"deck.stack-content@2:3"});
  // Notes and blank text beside them are fine.
  CHECK(warnings("section\n  aside.notes n\n  section\n    p a\n") == V{});
}

TEST_CASE("structure: a third level of sections", "[deck][structure]") {
  CHECK(warnings("section\n  section\n    p a\n    section\n      p deep\n") ==
        V{"deck.section-too-deep@4:5"});
}

TEST_CASE("structure: script, iframe, video and audio in a slide", "[deck][structure]") {
  CHECK(warnings("section\n  script.\n    x()\n  div\n    iframe(src='https://x.org')\n"
                 "  video(src='a.mp4')\n  audio(src='a.ogg')\n  p ok\n") ==
        V{"deck.not-printed@2:3", "deck.not-printed@5:5", "deck.not-printed@6:3",
          "deck.not-printed@7:3"});
  CHECK(warnings("section\n  p plain\n") == V{});
}
