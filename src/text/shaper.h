// text/shaper — HarfBuzz shaping with a cache per (face, size, text).
//
// Slides repeat the same words at the same sizes many times; a shaped run is
// immutable, so it is shaped once and shared.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/glyph_run.h"

struct hb_buffer_t;

namespace deckpdf::text {

// A piece of a text shaped in one face: `offset` is where its text starts
// in the text that was shaped.
struct ShapedPart {
  size_t offset = 0;
  std::shared_ptr<const GlyphRun> run;
};

class Shaper {
 public:
  explicit Shaper(FontSet& fonts);
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // Shapes `text` in `font` at `size` px as one run. Direction and script
  // come from the text itself (HarfBuzz's guess); kerning and ligatures on.
  std::shared_ptr<const GlyphRun> shape(FontId font, float size, std::string_view text);

  // Shapes text of one style and one bidi direction: itemized by script
  // and by font (characters `font` lacks go to FontSet::fallback), each
  // part shaped in its own face. Parts are in logical order.
  const std::vector<ShapedPart>& shape_text(FontId font, float size, std::string_view text,
                                            bool rtl);
  // Sum of the advances of shape_text().
  float measure(FontId font, float size, std::string_view text, bool rtl);

  // Code points that no font had since the last call (drawn as .notdef).
  std::vector<uint32_t> take_missing();

  // Font metrics at a size, in px.
  float ascent(FontId font, float size) const;
  float descent(FontId font, float size) const;  // positive
  const FontSet& fonts() const { return fonts_; }

 private:
  std::shared_ptr<const GlyphRun> shape_one(FontId font, float size, std::string_view text,
                                            int direction, uint32_t script);

  FontSet& fonts_;
  hb_buffer_t* buffer_ = nullptr;
  std::unordered_map<std::string, std::shared_ptr<const GlyphRun>> cache_;
  std::unordered_map<std::string, std::vector<ShapedPart>> parts_cache_;
  std::vector<uint32_t> missing_;
};

}  // namespace deckpdf::text
