// style/value — the pieces of a CSS value that every property shares:
// splitting at spaces, lengths in px, plain numbers, percentages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckpdf::style {

// `v` split at white space outside parentheses (`1px solid rgb(1, 2, 3)`
// gives three parts).
std::vector<std::string> split_values(std::string_view v);

// A length in px. `em` is the reference size for em, `rem` the root's and
// `pct_base` what 100% is. A unitless length must be 0; vw and vh are not
// supported.
std::optional<float> parse_length(std::string_view v, float em, float rem, float pct_base);

// Whether `v` is written as a percentage.
bool is_percentage(std::string_view v);

// The number `v` starts with, or `fallback` when it does not start with one.
float parse_number(std::string_view v, float fallback);

}  // namespace deckpdf::style
