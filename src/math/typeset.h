// math/typeset — a math list as boxes of glyphs and rules, set with an
// OpenType MATH font the way TeX and KaTeX set it: the font's MATH
// constants (HarfBuzz's hb_ot_math_*), italic corrections, glyph variants
// and assemblies for big operators, delimiters and radicals, accent
// attachment, TeX's spacing between atom classes.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "math/tex.h"
#include "style/color.h"
#include "text/font_set.h"
#include "text/glyph_run.h"

namespace deckpdf::math {

// The math face (fonts/math/, loaded for decks with formulas) and its family.
inline constexpr const char* font_file = "math/latinmodern-math.otf";
inline constexpr const char* font_family = "Latin Modern Math";
// KaTeX draws formulas at 1.21 times the surrounding text (.katex's font-size).
inline constexpr float size_factor = 1.21f;

// One thing drawn, relative to its box's origin on the baseline, y down:
// a glyph run with its pen at (x, y), or a rule whose top-left is (x, y).
struct Draw {
  float x = 0, y = 0;
  std::shared_ptr<const text::GlyphRun> run;  // null: a rule of w x h
  float w = 0, h = 0;
  std::optional<style::Color> color;  // unset: the surrounding text's colour
};

// A formula, or one piece of an inline formula between break points:
// `height` above the baseline, `depth` below, px.
struct MathBox {
  float width = 0, height = 0, depth = 0;
  std::vector<Draw> draws;
};

// `list` set at `size` px (the em of text style) in `face`, whose id in
// its FontSet is `font`. Display formulas are one piece in display style;
// inline ones are in text style, in pieces that end after each relation or
// binary operator at the top level, where KaTeX lets a line break.
std::vector<MathBox> typeset(const List& list, bool display, const text::FontFace& face,
                             text::FontId font, float size);

}  // namespace deckpdf::math
