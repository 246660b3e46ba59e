// style/color — CSS colours: the 148 names, `transparent`, hex forms,
// rgb()/rgba() and hsl()/hsla() in the comma and the space syntax (with
// `/` alpha), `currentColor` (gradients: paint.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace deckpdf::style {

struct Color {
  float r = 0, g = 0, b = 0, a = 1;  // 0..1
  bool operator==(const Color&) const = default;
};
// A colour value. `currentColor` needs the element's own colour: it is
// nullopt here (see is_current_color); an Applier resolves it.
std::optional<Color> parse_color(std::string_view value);
// Whether `value` is the `currentColor` keyword (in any case).
bool is_current_color(std::string_view value);
// One of CSS Color 4's named colours, the name in lower case.
std::optional<Color> named_color(std::string_view lower);
size_t named_color_count();
// Perceived brightness 0..255 as reveal.js computes it for its
// has-dark-background class: (r*299 + g*587 + b*114) / 1000 on 0..255
// channels (alpha ignored).
float color_brightness(const Color& c);
// The first colour stop of a gradient (reveal.js's dark-background test
// reads that one).
std::optional<Color> gradient_first_color(std::string_view value);

}  // namespace deckpdf::style
