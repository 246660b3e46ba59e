// text/glyph_run — what the text stage hands to layout: shaped glyphs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_set.h"

namespace deckpdf::text {

// One positioned glyph. Lengths are in px at the run's size.
struct Glyph {
  uint32_t id = 0;       // glyph id in the face (CID in the PDF)
  float x_advance = 0;   // pen advance after this glyph
  float x_offset = 0;    // mark and kerning offsets from HarfBuzz
  float y_offset = 0;    // positive up
  uint32_t cluster = 0;  // byte offset into GlyphRun::text where its cluster starts
};

// A run of text in one face, size and direction, shaped by HarfBuzz.
struct GlyphRun {
  FontId font = 0;
  float size = 0;  // px
  bool rtl = false;
  std::string text;           // the source text of the run (UTF-8), for ToUnicode
  std::vector<Glyph> glyphs;  // in visual order
  float width = 0;            // sum of advances, px
  // Drawn emboldened (outlines stroked as well as filled), as browsers do
  // when the text asks for bold and its fallback face has none: CJK,
  // Arabic or Devanagari in a bold heading whose Latin face is bold.
  bool synthetic_bold = false;
  // Drawn slanted (a sheared text matrix), as browsers do when the text
  // asks for italic and its fallback face has no italic.
  bool synthetic_oblique = false;

  // The source text that glyph `i` stands for: its cluster's text for the
  // first glyph of a cluster, empty for the others.
  std::string glyph_text(size_t i) const;
  // glyph_text() of every glyph, in one pass, as views into `text`
  // (into a caller's buffer, so that a loop over runs allocates nothing).
  void glyph_texts(std::vector<std::string_view>& out) const;
  std::vector<std::string_view> glyph_texts() const;
};

}  // namespace deckpdf::text
