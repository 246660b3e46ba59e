// math/typesetter (internal) — what the typeset files share: the box, the
// style (display, text, script, scriptscript; cramped), and the
// Typesetter that holds the font and its MATH constants.
#pragma once

#include <hb-ot.h>
#include <hb.h>

#include <string>
#include <string_view>

#include "math/typeset.h"

namespace deckpdf::math::detail {

// A box being built: its draws relative to its origin, y down.
struct Box {
  float w = 0, h = 0, d = 0;
  std::vector<Draw> draws;
  float italic = 0;    // italic correction of its last glyph, px
  uint32_t glyph = 0;  // its one glyph, when it is one (accents attach to it)

  // `b` drawn with its origin at (dx, up) of this box's origin.
  void add(const Box& b, float dx, float up);
};

// TeX's styles: D, T, S, SS, each cramped or not.
struct St {
  int level = 1;
  bool cramped = false;
  St sup() const { return {level < 2 ? 2 : 3, cramped}; }
  St sub() const { return {level < 2 ? 2 : 3, true}; }
  St num() const { return {level == 0 ? 1 : level == 1 ? 2 : 3, cramped}; }
  St den() const { return {level == 0 ? 1 : level == 1 ? 2 : 3, true}; }
  St crampd() const { return {level, true}; }
};

// Where an inline formula may break: the x and the number of draws before it.
struct Break {
  float x;
  size_t draws;
};

class Typesetter {
 public:
  Typesetter(const text::FontFace& face, text::FontId id, float size);

  // An atom list set horizontally; with `breaks`, the place after each
  // relation or binary operator (where a line may break) is recorded.
  Box hlist(const List& list, St st, std::vector<Break>* breaks = nullptr);

 private:
  struct Atom {
    Class cls;
    Box box;
    bool space = false;  // a kern, not an atom: no class spacing around it
  };
  void atoms(const List& list, St st, std::vector<Atom>& out);
  Box node(const Node& n, St st);

  // Glyphs.
  float em(St st) const;
  float k(hb_ot_math_constant_t c, St st) const;  // a MATH constant in px
  float px(hb_position_t v, St st) const { return v * em(st) / upem_; }
  Box shape(std::string_view utf8, St st, const std::string& extracted);
  Box glyph(hb_codepoint_t g, St st, const std::string& extracted);
  Box symbol(const Node& n, St st);
  // A glyph grown to `target` px along `vertical` or horizontal: the first
  // variant that reaches it, else the assembly of parts, else the largest.
  Box stretch(uint32_t cp, float target, bool vertical, St st);
  Box assembly(hb_codepoint_t g, float target, bool vertical, St st, const std::string& extracted);

  // Constructs (typeset_parts.cpp).
  Box op(const Node& n, St st);
  Box scripts(const Node& n, St st);
  Box frac(const Node& n, St st);
  Box sqrt(const Node& n, St st);
  Box left_right(const Node& n, St st);
  float delim_target(float h, float d, St st) const;
  Box delimited(const Box& body, const std::string& open, const std::string& close, St st);
  Box fixed_delim(const std::string& d, int size, St st);
  Box accent(const Node& n, St st);
  Box array(const Node& n, St st);
  Box text(const Node& n, St st);
  Box axis_centred(Box b, St st) const;

  const text::FontFace& face_;
  hb_font_t* font_;
  text::FontId id_;
  float size_, upem_;
  std::optional<style::Color> color_;
};

}  // namespace deckpdf::math::detail
