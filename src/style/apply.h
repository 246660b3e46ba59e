// style/apply — one declaration applied to an element's ComputedStyle: the
// properties deckpdf draws, their values and units, and the ones it accepts
// but ignores because they do not change a printed page.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "style/computed.h"
#include "style/css.h"

namespace deckpdf::style {

// Applies the declarations of one element, in cascade order, to `s`, which
// starts with what `parent` passes on.
struct Applier {
  ComputedStyle& s;
  const ComputedStyle& parent;
  float root_size;
  bool line_height_set = false;
  float line_height_factor = -1;  // unitless line-height, applied after font-size
  // Which colours are the element's `currentColor`, resolved by finish().
  bool border_current = false, border_bottom_current = false, background_current = false;

  // Returns false when the property or value is not understood.
  bool apply(const Declaration& d);
  // After the last declaration: colours given as `currentColor` (or left
  // out of a border shorthand) take the element's final colour.
  void finish();

  // Set by apply(): the property is accepted but not drawn (box-shadow,
  // transition...), for the deck's own CSS to warn about.
  bool ignored = false;
  // Set by apply(): the property is one deckpdf reads (its value may still
  // be wrong).
  bool known = false;

 private:
  // A length in px at this element's font size.
  std::optional<float> length(std::string_view v, float pct_base) const;
  // A colour value for a property other than `color`; `current` tells
  // whether it was `currentColor`.
  std::optional<Color> color_of(std::string_view v, bool& current) const;
  // The properties by what they set, `v` the value in lower case; each
  // gives nullopt for a property that is not its own.
  std::optional<bool> font(const Declaration& d, const std::string& v);  // and line-height
  std::optional<bool> text(const Declaration& d, const std::string& v);  // colour, alignment, lists
  std::optional<bool> box(const Declaration& d, const std::string& v);   // display, edges, sizes
  std::optional<bool> paint(const Declaration& d,
                            const std::string& v);  // paint.cpp: opacity, shadows
  // apply_layout.cpp: flex, grid, float, position.
  std::optional<bool> placement(const Declaration& d, const std::string& v);
  std::optional<Length> length_or_pct(std::string_view v) const;
  std::optional<GridTrack> track(std::string_view v) const;
  std::optional<std::vector<GridTrack>> track_list(std::string_view v) const;
};

}  // namespace deckpdf::style
