// style/computed — what the cascade gives an element: ComputedStyle, every
// length resolved to px, and which of its properties a child inherits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "style/color.h"
#include "style/paint.h"

namespace deckpdf::style {

enum class Display {
  Block,
  Inline,
  InlineBlock,
  ListItem,
  None,
  Flex,
  InlineFlex,
  Grid,
  InlineGrid
};
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

// How boxes are placed beyond the block and inline flow: flex and grid
// containers and their items, floats, positioned boxes (layout/flex.cpp,
// grid.cpp, position.cpp, float.cpp read these).
enum class FlexDirection { Row, RowReverse, Column, ColumnReverse };
// justify-content, align-items, align-self, align-content, justify-items
// and justify-self share one keyword set; Auto only for the *-self ones.
enum class Align {
  Auto,
  Normal,
  Stretch,
  Start,
  End,
  Center,
  Baseline,
  SpaceBetween,
  SpaceAround,
  SpaceEvenly
};
enum class Float { None, Left, Right };
enum class Clear { None, Left, Right, Both };
enum class Position { Static, Relative, Absolute };  // `fixed` is Absolute: a slide does not scroll

// A length that may be a percentage of what the layout gives it.
struct Length {
  float value = 0;
  bool pct = false;
  float resolve(float base) const { return pct ? base * value / 100 : value; }
  bool operator==(const Length&) const = default;
};

// One grid track: its minimum and maximum sizing function (a plain size
// is both; `minmax(a, b)` two). Fr only as a maximum; Auto as a minimum is
// the content's min-content width, as a maximum its max-content width.
struct GridTrack {
  enum class Kind : uint8_t { Fixed, Fr, Auto, MinContent, MaxContent };
  Kind min = Kind::Auto, max = Kind::Auto;
  Length min_len, max_len;  // Fixed
  float fr = 0;             // Fr
  bool operator==(const GridTrack&) const = default;
};

// grid-column or grid-row: lines counted from 1 (negative from the end),
// 0 when auto; `span` tracks when the end is not given.
struct GridLines {
  int start = 0, end = 0, span = 1;
  bool operator==(const GridLines&) const = default;
};

struct BoxPlacement {
  FlexDirection direction = FlexDirection::Row;
  bool wrap = false, wrap_reverse = false;
  Align justify_content = Align::Normal, align_items = Align::Normal, align_self = Align::Auto,
        align_content = Align::Normal, justify_items = Align::Normal, justify_self = Align::Auto;
  float grow = 0, shrink = 1;
  std::optional<Length> basis;  // none: auto
  int order = 0;
  Length row_gap, column_gap;
  std::vector<GridTrack> columns, rows;  // grid-template-*
  GridTrack auto_rows, auto_columns;     // grid-auto-rows, grid-auto-columns
  GridLines column, row;                 // grid-column, grid-row
  Float floating = Float::None;
  Clear clear = Clear::None;
  Position position = Position::Static;
  std::optional<Length> top, right, bottom, left;
  std::optional<Length> min_width, min_height;  // none: auto
  bool operator==(const BoxPlacement&) const = default;
};

struct Edges {
  float top = 0, right = 0, bottom = 0, left = 0;
  bool auto_left = false, auto_right = false;  // `margin: 0 auto`
  bool auto_top = false, auto_bottom = false;  // `margin: auto`: centres grid items
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
  float width_pct_px = 0;          // added to width_pct's width: `calc(100% - 1em)`
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
  BoxPlacement place;  // flex, grid, float, position
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
