// style/color — CSS colours: names, hex forms, rgb()/rgba() (gradients:
// paint.h).
#pragma once

#include <optional>
#include <string_view>

namespace deckpdf::style {

struct Color {
  float r = 0, g = 0, b = 0, a = 1;  // 0..1
  bool operator==(const Color&) const = default;
};
std::optional<Color> parse_color(std::string_view value);

}  // namespace deckpdf::style
