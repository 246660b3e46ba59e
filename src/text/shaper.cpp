#include "text/shaper.h"

#include <hb.h>

#include <cstring>

namespace deckpdf::text {

std::string GlyphRun::glyph_text(size_t i) const {
  if (i >= glyphs.size()) return {};
  uint32_t start = glyphs[i].cluster;
  // The first glyph of a cluster in logical order carries the text; for a
  // right-to-left run the visual order is reversed.
  if (!rtl && i > 0 && glyphs[i - 1].cluster == start) return {};
  if (rtl && i + 1 < glyphs.size() && glyphs[i + 1].cluster == start) return {};
  uint32_t end = static_cast<uint32_t>(text.size());
  for (const Glyph& g : glyphs) {
    if (g.cluster > start && g.cluster < end) end = g.cluster;
  }
  return text.substr(start, end - start);
}

Shaper::Shaper(const FontSet& fonts) : fonts_(fonts), buffer_(hb_buffer_create()) {}

Shaper::~Shaper() { hb_buffer_destroy(buffer_); }

std::shared_ptr<const GlyphRun> Shaper::shape(FontId font, float size, std::string_view text) {
  std::string key;
  key.reserve(text.size() + 16);
  key.append(reinterpret_cast<const char*>(&font), sizeof font);
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
  key.append(text);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;

  const FontFace& face = fonts_.face(font);
  hb_buffer_clear_contents(buffer_);
  hb_buffer_add_utf8(buffer_, text.data(), static_cast<int>(text.size()), 0,
                     static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buffer_);
  hb_shape(face.hb_font, buffer_, nullptr, 0);

  auto run = std::make_shared<GlyphRun>();
  run->font = font;
  run->size = size;
  run->rtl = hb_buffer_get_direction(buffer_) == HB_DIRECTION_RTL;
  run->text.assign(text);
  unsigned count = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_, &count);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer_, &count);
  float scale = size / static_cast<float>(face.units_per_em);
  run->glyphs.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    Glyph g;
    g.id = info[i].codepoint;
    g.cluster = info[i].cluster;
    g.x_advance = static_cast<float>(pos[i].x_advance) * scale;
    g.x_offset = static_cast<float>(pos[i].x_offset) * scale;
    g.y_offset = static_cast<float>(pos[i].y_offset) * scale;
    run->width += g.x_advance;
    run->glyphs.push_back(g);
  }
  cache_.emplace(std::move(key), run);
  return run;
}

float Shaper::ascent(FontId font, float size) const {
  const FontFace& f = fonts_.face(font);
  return static_cast<float>(f.ascender) * size / static_cast<float>(f.units_per_em);
}

float Shaper::descent(FontId font, float size) const {
  const FontFace& f = fonts_.face(font);
  return -static_cast<float>(f.descender) * size / static_cast<float>(f.units_per_em);
}

}  // namespace deckpdf::text
