// style/color — CSS colours: names, hex forms, rgb()/rgba(), and gradients
// drawn as one colour.
#pragma once

#include <optional>
#include <string_view>

namespace deckpdf::style {

struct Color {
  float r = 0, g = 0, b = 0, a = 1;  // 0..1
  bool operator==(const Color&) const = default;
};
std::optional<Color> parse_color(std::string_view value);
// A CSS gradient (`linear-gradient(...)`, `radial-gradient(...)`) drawn as
// one solid colour, the average of its colour stops: deckpdf's best effort,
// since slides draw gradients mostly as quiet backgrounds.
std::optional<Color> gradient_average(std::string_view value);

}  // namespace deckpdf::style
