// text/shaper — HarfBuzz shaping with a cache per (face, size, text).
//
// Slides repeat the same words at the same sizes many times; a shaped run is
// immutable, so it is shaped once and shared.
#pragma once

#include <cstdint>
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

  // The longest text shaped as one run so far, in bytes: what one shaping
  // cost at most (HarfBuzz's buffer and the glyphs grow with it).
  size_t longest_shaped() const { return longest_shaped_; }

  // A code point that no font had: drawn as the .notdef glyph of the face
  // asked for, which is a box in most faces and nothing in some.
  struct Missing {
    uint32_t cp = 0;
    bool box = false;  // that .notdef has a shape (else nothing is seen)
    bool operator==(const Missing&) const = default;
  };
  // The code points that no font had since the last call, in order, once each.
  std::vector<Missing> take_missing();

  // FontSet::match(), remembered here too (a hash lookup without building
  // FontSet's key).
  FontId match(const std::string& family_list, int weight, bool italic);

  // For a shaper on a helper thread, beside others on the same FontSet.
  // FontSet::fallback() loads faces on demand and numbers them in the order
  // asked for, so only one thread, in document order, may call it: with
  // `on`, text that needs a face other than the one asked for is shaped in
  // that face anyway (its missing characters drawn as .notdef, none
  // reported) and fallback_wanted() turns true, telling the caller to throw
  // the result away and shape the text again without this mode. match()
  // then reads FontSet's cache without adding to it (FontSet::match_peek),
  // and lists what it answered (take_matches), for the caller to check
  // against FontSet::match() when it takes the result.
  void defer_fallback(bool on) { defer_fallback_ = on; }
  bool take_fallback_wanted() {
    bool wanted = fallback_wanted_;
    fallback_wanted_ = false;
    return wanted;
  }
  struct MatchUse {
    std::string family_list;
    int weight = 400;
    bool italic = false;
    FontId font = 0;
  };
  std::vector<MatchUse> take_matches();

  // Font metrics at a size, in px.
  float ascent(FontId font, float size) const;
  float descent(FontId font, float size) const;  // positive
  const FontSet& fonts() const { return fonts_; }
  FontSet& font_set() { return fonts_; }  // for another shaper on the same faces

 private:
  std::shared_ptr<const GlyphRun> shape_one(FontId font, float size, std::string_view text,
                                            int direction, uint32_t script);

  bool has_codepoint(FontId font, uint32_t cp);
  bool notdef_box(FontId font) const;
  const std::vector<uint32_t>& run_wanted(std::string_view text, size_t at, FontId font,
                                          bool emoji);

  FontSet& fonts_;
  hb_buffer_t* buffer_ = nullptr;
  struct AsciiCoverage {
    uint64_t bits[2] = {0, 0};
    bool known = false;
  };
  std::vector<AsciiCoverage> ascii_;  // by FontId: which of U+0000..U+007F it has
  std::unordered_map<std::string, std::shared_ptr<const GlyphRun>> cache_;
  struct Parts {
    std::vector<ShapedPart> parts;
    bool fallback = false;  // itemizing asked for another face
  };
  std::unordered_map<std::string, Parts> parts_cache_;
  std::vector<Missing> missing_;
  std::vector<uint32_t> want_;                   // fallback(): the characters its face should have
  std::string run_key_, parts_key_, match_key_;  // cache keys, built in place
  struct Match {
    FontId font = 0;
    size_t listed = SIZE_MAX;  // the take_matches() round it was last listed in
  };
  std::unordered_map<std::string, Match> match_cache_;
  size_t longest_shaped_ = 0;
  bool defer_fallback_ = false;
  bool fallback_wanted_ = false;
  std::vector<MatchUse> matches_;  // deferred mode: answered since take_matches()
  size_t match_round_ = 0;
};

}  // namespace deckpdf::text
