#include "text/shaper.h"

#include <hb.h>

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

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

void GlyphRun::glyph_texts(std::vector<std::string_view>& out) const {
  size_t n = glyphs.size();
  out.assign(n, std::string_view());
  std::string_view all(text);
  bool ascending = true, descending = true;
  for (size_t i = 1; i < n; ++i) {
    if (glyphs[i].cluster < glyphs[i - 1].cluster) ascending = false;
    if (glyphs[i].cluster > glyphs[i - 1].cluster) descending = false;
  }
  if (ascending || descending) {
    // HarfBuzz's clusters run monotonically through the glyphs (up for a
    // left-to-right run, down for a right-to-left one): a cluster's text
    // ends where the next different cluster in that direction starts, which
    // is what the sorted starts below give, without sorting or searching.
    uint32_t end = static_cast<uint32_t>(text.size());
    auto piece = [&](size_t i) {
      uint32_t start = glyphs[i].cluster;
      if (!rtl && i > 0 && glyphs[i - 1].cluster == start) return;
      if (rtl && i + 1 < n && glyphs[i + 1].cluster == start) return;
      if (start <= text.size()) {
        out[i] = all.substr(start, std::min<size_t>(end, text.size()) - start);
      }
    };
    if (ascending) {
      for (size_t i = n; i-- > 0;) {
        if (i + 1 < n && glyphs[i + 1].cluster != glyphs[i].cluster) end = glyphs[i + 1].cluster;
        piece(i);
      }
    } else {
      for (size_t i = 0; i < n; ++i) {
        if (i > 0 && glyphs[i - 1].cluster != glyphs[i].cluster) end = glyphs[i - 1].cluster;
        piece(i);
      }
    }
    return;
  }
  // Cluster starts, sorted: a cluster's text runs to the next start.
  std::vector<uint32_t> starts;
  starts.reserve(glyphs.size());
  for (const Glyph& g : glyphs) starts.push_back(g.cluster);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (size_t i = 0; i < glyphs.size(); ++i) {
    uint32_t start = glyphs[i].cluster;
    if (!rtl && i > 0 && glyphs[i - 1].cluster == start) continue;
    if (rtl && i + 1 < glyphs.size() && glyphs[i + 1].cluster == start) continue;
    auto next = std::upper_bound(starts.begin(), starts.end(), start);
    uint32_t end = next == starts.end() ? static_cast<uint32_t>(text.size()) : *next;
    if (start <= text.size())
      out[i] = all.substr(start, std::min<size_t>(end, text.size()) - start);
  }
}

std::vector<std::string_view> GlyphRun::glyph_texts() const {
  std::vector<std::string_view> out;
  glyph_texts(out);
  return out;
}

Shaper::Shaper(FontSet& fonts) : fonts_(fonts), buffer_(hb_buffer_create()) {
  // HarfBuzz reads the locale's language the first time a buffer guesses
  // its properties and keeps it, initialised lock-free: asked for here, it
  // is there before a helper thread's shaper first shapes.
  hb_language_get_default();
}

Shaper::~Shaper() {
  hb_buffer_destroy(buffer_);
}

std::shared_ptr<const GlyphRun> Shaper::shape(FontId font, float size, std::string_view text) {
  return shape_one(font, size, text, HB_DIRECTION_INVALID, HB_SCRIPT_INVALID);
}

std::shared_ptr<const GlyphRun> Shaper::shape_one(FontId font, float size, std::string_view text,
                                                  int direction, uint32_t script) {
  // The key is built in a buffer kept between calls: a cache hit (the
  // common case) allocates nothing.
  std::string& key = run_key_;
  key.clear();
  key.append(reinterpret_cast<const char*>(&font), sizeof font);
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
  key.append(reinterpret_cast<const char*>(&direction), sizeof direction);
  key.append(reinterpret_cast<const char*>(&script), sizeof script);
  key.append(text);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;

  const FontFace& face = fonts_.face(font);
  longest_shaped_ = std::max(longest_shaped_, text.size());
  hb_buffer_clear_contents(buffer_);
  hb_buffer_add_utf8(buffer_, text.data(), static_cast<int>(text.size()), 0,
                     static_cast<int>(text.size()));
  if (direction != HB_DIRECTION_INVALID) {
    hb_buffer_set_direction(buffer_, static_cast<hb_direction_t>(direction));
  }
  if (script != HB_SCRIPT_INVALID) hb_buffer_set_script(buffer_, static_cast<hb_script_t>(script));
  hb_buffer_guess_segment_properties(buffer_);
  // Code is drawn as typed: a monospace face's programming ligatures
  // (`->` as an arrow, `<=` as a sign) are off, as browsers show code
  // unless the page asks for them.
  static const hb_feature_t as_typed[] = {{HB_TAG('l', 'i', 'g', 'a'), 0, 0, ~0u},
                                          {HB_TAG('c', 'a', 'l', 't'), 0, 0, ~0u},
                                          {HB_TAG('d', 'l', 'i', 'g'), 0, 0, ~0u}};
  hb_shape(face.hb_font, buffer_, face.monospace ? as_typed : nullptr, face.monospace ? 3 : 0);

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
  cache_.emplace(key, run);
  return run;
}

namespace {

// Characters that belong with the one before them: marks, joiners,
// variation selectors and emoji modifiers never start a new font run.
bool joins_previous(uint32_t cp) {
  hb_unicode_general_category_t gc =
      hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
  return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
         gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK ||
         gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK || cp == 0x200D || cp == 0x200C ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
         (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

// Code points drawn as emoji by default (Emoji_Presentation): the
// pictographic blocks of plane 1, and those of the BMP's symbol blocks
// that Unicode's emoji-data.txt gives emoji presentation (✅, ⭐, ⚡, ...).
bool is_emoji(uint32_t cp) {
  if (cp >= 0x1F000) {
    return (cp >= 0x1F300 && cp <= 0x1FAFF) || cp <= 0x1F0FF || (cp >= 0x1F1E6 && cp <= 0x1F1FF);
  }
  if (cp < 0x231A || cp > 0x2B55) return false;
  static const uint32_t ranges[][2] = {
      {0x231A, 0x231B}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE},
      {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
      {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE}, {0x26D4, 0x26D4},
      {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA}, {0x26FD, 0x26FD},
      {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E},
      {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
      {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}};
  for (const auto& r : ranges) {
    if (cp >= r[0] && cp <= r[1]) return true;
  }
  return false;
}

bool next_is_vs16(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  size_t j = i;
  return utf8_next(text, j) == 0xFE0F;
}

bool is_neutral_space(uint32_t cp) {
  return cp == ' ' || cp == 0xA0 || cp == '\t';
}

}  // namespace

const std::vector<ShapedPart>& Shaper::shape_text(FontId font, float size, std::string_view text,
                                                  bool rtl) {
  std::string& key = parts_key_;
  key.clear();
  key.append(reinterpret_cast<const char*>(&font), sizeof font);
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
  key.push_back(rtl ? 'r' : 'l');
  key.append(text);
  auto cached = parts_cache_.find(key);
  if (cached != parts_cache_.end()) {
    if (cached->second.fallback) fallback_wanted_ = true;
    return cached->second.parts;
  }
  bool fallback = false;

  // 1. Each code point's font and script. Spaces, marks and joiners take
  //    their neighbour's, so that a run is not cut inside a cluster.
  struct Cp {
    size_t offset;
    FontId font;
    hb_script_t script;
  };
  std::vector<Cp> cps;
  hb_unicode_funcs_t* ufuncs = hb_unicode_funcs_get_default();
  FontId prev_font = font;
  hb_script_t prev_script = HB_SCRIPT_COMMON;
  bool have_prev = false;
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    uint32_t cp = utf8_next(text, i);
    FontId f = font;
    // ASCII letters are Latin, the rest of ASCII Common (Scripts.txt).
    hb_script_t script = cp >= 0x80 ? hb_unicode_script(ufuncs, cp)
                         : ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? HB_SCRIPT_LATIN
                                                                      : HB_SCRIPT_COMMON;
    bool inherit =
        script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN;
    // A space stays in its neighbour's face (one run, not three) unless that
    // face draws pictures (an emoji font's space is as wide as an emoji).
    // (No mark comes before U+0300.)
    if (have_prev && ((cp >= 0x300 && joins_previous(cp)) ||
                      (is_neutral_space(cp) && fonts_.face(prev_font).outlines &&
                       has_codepoint(prev_font, cp)))) {
      f = prev_font;
    } else if (bool emoji = is_emoji(cp) || next_is_vs16(text, i);
               emoji || (!has_codepoint(font, cp) && cp >= 0x20)) {
      fallback = true;
      // Stay in the fallback face the text is already in when it has the
      // character (CJK punctuation after CJK), else ask for one.
      const FontFace& prev = fonts_.face(prev_font);
      if (defer_fallback_) {
        fallback_wanted_ = true;  // f stays `font`; the caller shapes it again
      } else if (have_prev && prev_font != font && prev.has_codepoint(cp) &&
                 (!emoji || prev.color_bitmaps)) {
        f = prev_font;
      } else if (auto fb = fonts_.fallback(run_wanted(text, at, font, emoji), font, emoji)) {
        f = *fb;
      } else {
        missing_.push_back({cp, notdef_box(font)});
      }
    }
    if (inherit) script = prev_script;
    cps.push_back({at, f, script});
    prev_font = f;
    if (!inherit) prev_script = script;
    have_prev = true;
  }
  // Leading Common characters take the script of the first real one.
  hb_script_t first_real = HB_SCRIPT_COMMON;
  for (const Cp& c : cps) {
    if (c.script != HB_SCRIPT_COMMON) {
      first_real = c.script;
      break;
    }
  }
  for (Cp& c : cps) {
    if (c.script != HB_SCRIPT_COMMON) break;
    c.script = first_real;
  }

  // 2. Runs of equal font and script, each shaped on its own.
  std::vector<ShapedPart> parts;
  int dir = rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR;
  size_t k = 0;
  while (k < cps.size()) {
    size_t j = k + 1;
    while (j < cps.size() && cps[j].font == cps[k].font && cps[j].script == cps[k].script) ++j;
    size_t begin = cps[k].offset;
    size_t end = j < cps.size() ? cps[j].offset : text.size();
    hb_script_t script = cps[k].script == HB_SCRIPT_COMMON ? HB_SCRIPT_LATIN : cps[k].script;
    std::shared_ptr<const GlyphRun> run = shape_one(
        cps[k].font, size, text.substr(begin, end - begin), dir, static_cast<uint32_t>(script));
    const FontFace& asked = fonts_.face(font);
    const FontFace& drawn = fonts_.face(cps[k].font);
    // Bold or italic asked for, a fallback face without it: emboldened or
    // slanted, as browsers do (a copy, not the run cached for plain text).
    bool bold = asked.weight >= 600 && drawn.weight < 600;
    bool oblique = asked.italic && !drawn.italic;
    if (cps[k].font != font && drawn.outlines && (bold || oblique)) {
      auto styled = std::make_shared<GlyphRun>(*run);
      styled->synthetic_bold = bold;
      styled->synthetic_oblique = oblique;
      run = std::move(styled);
    }
    parts.push_back({begin, std::move(run)});
    k = j;
  }
  return parts_cache_.emplace(key, Parts{std::move(parts), fallback}).first->second.parts;
}

float Shaper::measure(FontId font, float size, std::string_view text, bool rtl) {
  float w = 0;
  for (const ShapedPart& p : shape_text(font, size, text, rtl)) w += p.run->width;
  return w;
}

bool Shaper::has_codepoint(FontId font, uint32_t cp) {
  const FontFace& face = fonts_.face(font);
  if (cp >= 0x80) return face.has_codepoint(cp);
  // ASCII, asked for every character of every text: the face's answers,
  // kept as a bit set.
  if (font >= ascii_.size()) ascii_.resize(font + 1);
  AsciiCoverage& a = ascii_[font];
  if (!a.known) {
    for (uint32_t c = 0; c < 0x80; ++c) {
      if (face.has_codepoint(c)) a.bits[c >> 6] |= uint64_t{1} << (c & 63);
    }
    a.known = true;
  }
  return (a.bits[cp >> 6] >> (cp & 63)) & 1;
}

FontId Shaper::match(const std::string& family_list, int weight, bool italic) {
  std::string& key = match_key_;
  key.clear();
  key.append(reinterpret_cast<const char*>(&weight), sizeof weight);
  key.push_back(italic ? 'i' : 'n');
  key.append(family_list);
  auto it = match_cache_.find(key);
  if (it == match_cache_.end()) {
    FontId font = defer_fallback_ ? fonts_.match_peek(family_list, weight, italic)
                                  : fonts_.match(family_list, weight, italic);
    it = match_cache_.emplace(key, Match{font, SIZE_MAX}).first;
  }
  if (defer_fallback_ && it->second.listed != match_round_) {
    it->second.listed = match_round_;
    matches_.push_back({family_list, weight, italic, it->second.font});
  }
  return it->second.font;
}

std::vector<Shaper::MatchUse> Shaper::take_matches() {
  std::vector<MatchUse> out;
  out.swap(matches_);
  ++match_round_;
  return out;
}

std::vector<Shaper::Missing> Shaper::take_missing() {
  std::vector<Missing> out;
  out.swap(missing_);
  std::sort(out.begin(), out.end(), [](const Missing& a, const Missing& b) {
    return a.cp < b.cp || (a.cp == b.cp && a.box < b.box);
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool Shaper::notdef_box(FontId font) const {
  hb_glyph_extents_t ext{};
  return hb_font_get_glyph_extents(fonts_.face(font).hb_font, 0, &ext) && ext.width != 0 &&
         ext.height != 0;
}

const std::vector<uint32_t>& Shaper::run_wanted(std::string_view text, size_t at, FontId font,
                                                bool emoji) {
  // The characters from `at` on that `font` lacks, up to the next letter it
  // has: the fallback face is chosen to draw all of them where one can, so
  // that a CJK sentence is one face, not a face per character.
  want_.clear();
  size_t i = at;
  want_.push_back(utf8_next(text, i));
  if (emoji) return want_;
  while (i < text.size() && want_.size() < 32) {
    uint32_t cp = utf8_next(text, i);
    if (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) break;
    if (cp < 0x20 || is_neutral_space(cp) || joins_previous(cp) || is_emoji(cp)) continue;
    if (has_codepoint(font, cp)) {
      if (cp >= 0x80 && hb_unicode_script(hb_unicode_funcs_get_default(), cp) != HB_SCRIPT_COMMON) {
        break;
      }
      continue;
    }
    if (std::find(want_.begin(), want_.end(), cp) == want_.end()) want_.push_back(cp);
  }
  return want_;
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
