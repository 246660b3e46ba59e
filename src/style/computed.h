// style/computed — what the cascade gives an element: ComputedStyle, every
// length resolved to px, and which of its properties a child inherits.
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "style/color.h"
#include "style/paint.h"

namespace deckpdf::style {

enum class Display { Block, Inline, InlineBlock, ListItem, None };
enum class TextAlign { Left, Center, Right, Justify };
enum class TextTransform { None, Uppercase, Lowercase, Capitalize };
enum class WhiteSpace { Normal, Pre, PreWrap, PreLine, NoWrap };
enum class ListStyle {
  None,
  Disc,
  Circle,
  Square,
  Decimal,
  LowerAlpha,
  UpperAlpha,
  LowerRoman,
  UpperRoman
};
// Length and Percent raise the baseline by `vertical_align_by` (px, or a
// fraction of the element's line-height).
enum class VerticalAlign {
  Baseline,
  Sub,
  Super,
  Middle,
  Top,
  Bottom,
  TextTop,
  TextBottom,
  Length,
  Percent
};

struct Edges {
  float top = 0, right = 0, bottom = 0, left = 0;
  bool auto_left = false, auto_right = false;  // `margin: 0 auto`
  bool operator==(const Edges&) const = default;
};

// Every length is resolved to px.
struct ComputedStyle {
  Display display = Display::Inline;
  std::string font_family = "sans-serif";
  int font_weight = 400;
  bool italic = false;
  float font_size = 16;
  float line_height = 1.2f * 16;  // px
  Color color;
  TextAlign text_align = TextAlign::Left;
  TextTransform text_transform = TextTransform::None;
  WhiteSpace white_space = WhiteSpace::Normal;
  ListStyle list_style = ListStyle::Disc;
  VerticalAlign vertical_align = VerticalAlign::Baseline;
  float vertical_align_by = 0;
  bool underline = false;
  bool line_through = false;
  bool decoration_dotted = false;  // text-decoration-style: dotted (abbr[title])
  Edges margin;
  Edges padding;
  std::optional<Color> background;
  std::optional<float> width;      // px, content box
  std::optional<float> width_pct;  // of the containing block, when given in %
  std::optional<float> max_width;  // px
  std::optional<float> max_width_pct;
  std::optional<float> height;
  std::optional<float> max_height;
  std::optional<float> max_height_pct;
  float border_width = 0;
  Color border_color;
  float border_bottom_width = 0;  // border-bottom: rules under table rows, headings
  Color border_bottom_color;
  // Painting (paint.h): a gradient drawn over the background colour,
  // rounded corners, shadows, the element's opacity as a group.
  std::optional<CssGradient> background_gradient;
  Radii border_radius;
  std::vector<Shadow> box_shadow;
  TextShadow text_shadow;  // inherited
  float opacity = 1;
  bool operator==(const ComputedStyle&) const = default;
};

// The properties a child takes from its parent (every other one starts at
// its initial value). The one list of them: the cascade copies these, and
// its memo of computed styles is keyed by them, so the two cannot disagree.
inline constexpr auto inherited_properties = std::make_tuple(
    &ComputedStyle::font_family, &ComputedStyle::font_weight, &ComputedStyle::italic,
    &ComputedStyle::font_size, &ComputedStyle::line_height, &ComputedStyle::color,
    &ComputedStyle::text_align, &ComputedStyle::text_transform, &ComputedStyle::white_space,
    &ComputedStyle::list_style, &ComputedStyle::underline, &ComputedStyle::line_through,
    &ComputedStyle::decoration_dotted, &ComputedStyle::text_shadow);

// Calls `f` with each of inherited_properties, a pointer to the member.
template <class F>
void for_each_inherited(F&& f) {
  std::apply([&](auto... member) { (f(member), ...); }, inherited_properties);
}

}  // namespace deckpdf::style
