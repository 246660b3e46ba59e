// style/value — the pieces of a CSS value that every property shares:
// splitting at spaces, lengths in px, plain numbers, percentages, keywords.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deckpdf::style {

// `v` split at white space outside parentheses (`1px solid rgb(1, 2, 3)`
// gives three parts).
std::vector<std::string> split_values(std::string_view v);
// `v` cut at commas outside parentheses, empty pieces kept: a function's
// arguments ("red, rgb(0, 0, 0) 50%").
std::vector<std::string> split_commas(std::string_view v);

// A length in px. `em` is the reference size for em, `rem` the root's and
// `pct_base` what 100% is. A unitless length must be 0; vw and vh are not
// supported.
std::optional<float> parse_length(std::string_view v, float em, float rem, float pct_base);

// Whether `v` is written as a percentage.
bool is_percentage(std::string_view v);

// `calc(100% - 1em)`: a sum of lengths and percentages (`+`, `-`, and `*`
// or `/` by a plain number), the percentages kept apart since what they are
// of is known only at layout. Nothing when `v` is not such a calc().
struct CalcSum {
  float pct = 0;  // percent of the containing block
  float px = 0;
  bool has_pct = false;
};
std::optional<CalcSum> parse_calc(std::string_view v, float em, float rem);

// The number `v` starts with, or `fallback` when it does not start with one.
float parse_number(std::string_view v, float fallback);

// A keyword property's table: each keyword it takes and what it means.
template <class T>
using KeywordTable = std::pair<std::string_view, T>;

// What keyword `v` (in lower case) means in `table`, nullopt when the
// table does not list it.
template <class T, size_t N>
std::optional<T> keyword(const KeywordTable<T> (&table)[N], std::string_view v) {
  for (const auto& [name, value] : table) {
    if (name == v) return value;
  }
  return std::nullopt;
}

}  // namespace deckpdf::style
