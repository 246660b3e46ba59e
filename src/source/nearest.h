// source/nearest — "did you mean ...?": the known name nearest a mistyped
// one (an option, a theme, a handout layout, a front-matter key), by
// Damerau-Levenshtein distance, ignoring ASCII case.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace deckpdf {

// Edits (insert, delete, replace, swap of two neighbours) from `a` to `b`,
// ASCII case ignored (optimal string alignment). Inputs are names: the
// cost is |a|·|b|, so callers pass short strings.
size_t edit_distance(std::string_view a, std::string_view b);

// The name in `known` nearest `word`, or "" when none is near enough to be
// a typo of it (at most 1 edit, plus 1 per 4 characters of `word`, and at
// most its length less 2: "-x" is near nothing). Ties go to the earlier name.
std::string nearest_name(std::string_view word, const std::vector<std::string>& known);

// `names` joined with ", ".
std::string names_list(const std::vector<std::string>& names);

}  // namespace deckpdf
