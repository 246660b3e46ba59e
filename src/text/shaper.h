// text/shaper — HarfBuzz shaping with a cache per (face, size, text).
//
// Slides repeat the same words at the same sizes many times; a shaped run is
// immutable, so it is shaped once and shared.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/glyph_run.h"

struct hb_buffer_t;

namespace deckpdf::text {

class Shaper {
 public:
  explicit Shaper(const FontSet& fonts);
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // Shapes `text` in `font` at `size` px. Direction and script come from
  // the text itself (HarfBuzz's guess); kerning and ligatures on.
  std::shared_ptr<const GlyphRun> shape(FontId font, float size, std::string_view text);

  // Font metrics at a size, in px.
  float ascent(FontId font, float size) const;
  float descent(FontId font, float size) const;  // positive
  const FontSet& fonts() const { return fonts_; }

 private:
  const FontSet& fonts_;
  hb_buffer_t* buffer_ = nullptr;
  std::unordered_map<std::string, std::shared_ptr<const GlyphRun>> cache_;
};

}  // namespace deckpdf::text
