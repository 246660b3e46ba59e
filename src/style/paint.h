// style/paint — how a box is painted beyond its colours: CSS gradients
// (`linear-gradient()`, `radial-gradient()`) as the cascade keeps them,
// shadows (`box-shadow`, `text-shadow`) and corner radii, and their
// readers. Lengths are resolved to px here; percentages are kept as such,
// since they refer to a box that only layout knows.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "style/color.h"

namespace deckpdf::style {

// A length that may be a percentage of something layout knows.
struct LengthPct {
  float value = 0;  // px, or percent when `pct`
  bool pct = false;
  float resolve(float base) const { return pct ? value * base / 100 : value; }
  bool operator==(const LengthPct&) const = default;
};

struct CssGradient {
  bool radial = false;
  // Linear: the direction as CSS gives it, an angle (0 = towards the top,
  // clockwise) or `to` a side or corner (dx, dy each -1, 0 or 1; y down),
  // which for a corner depends on the box's shape.
  float angle = 180;
  int to_x = 0, to_y = 0;
  // Radial: the ending shape and size, and the centre.
  bool circle = false;
  enum class Extent : uint8_t {
    FarthestCorner,
    FarthestSide,
    ClosestCorner,
    ClosestSide,
    Explicit
  } extent = Extent::FarthestCorner;
  LengthPct rx, ry;  // Explicit
  LengthPct cx{50, true}, cy{50, true};
  struct Stop {
    Color color;
    std::optional<LengthPct> at;  // along the gradient line (linear) or ray (radial)
    bool operator==(const Stop&) const = default;
  };
  std::vector<Stop> stops;  // at least two
  bool operator==(const CssGradient&) const = default;
};

// `value` (lower case) as a gradient, if it is one; `em` and `rem` size
// its em lengths.
std::optional<CssGradient> parse_gradient(std::string_view value, float em, float rem);

struct Shadow {
  float x = 0, y = 0, blur = 0, spread = 0;
  Color color{0, 0, 0, 1};
  bool operator==(const Shadow&) const = default;
};

// `box-shadow`'s list (lower case, not `none`); inset shadows are left
// out (deckpdf does not draw them). Nullopt when it does not read.
std::optional<std::vector<Shadow>> parse_box_shadows(std::string_view value, float em, float rem,
                                                     const Color& current);

// One text shadow, kept in a fixed-size form because `text-shadow` is
// inherited and the cascade's memo keys inherited values by their bytes:
// no shadow is a transparent one. The first of a list is kept.
struct TextShadow {
  float x = 0, y = 0, blur = 0;
  Color color{0, 0, 0, 0};
  bool operator==(const TextShadow&) const = default;
};
std::optional<TextShadow> parse_text_shadow(std::string_view value, float em, float rem,
                                            const Color& current);

// `border-radius`: top-left, top-right, bottom-right, bottom-left, each one
// value for both axes (a percentage is of the box's width horizontally and
// of its height vertically). The `/` form keeps its horizontal radii.
struct Radii {
  LengthPct corner[4];
  bool any() const {
    for (const LengthPct& c : corner) {
      if (c.value > 0) return true;
    }
    return false;
  }
  bool operator==(const Radii&) const = default;
};
std::optional<Radii> parse_radii(std::string_view value, float em, float rem);

}  // namespace deckpdf::style
