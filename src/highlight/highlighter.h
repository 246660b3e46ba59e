// highlight/highlighter — highlight.js's main loop (`_highlight` in its
// src/highlight.js) over an exported grammar: the mode stack, each mode's
// terminators tried in highlight.js's order, keywords and relevance,
// sub-languages, and auto-detection by relevance. Bounded: a block whose
// regex work exceeds its budget is shown plain.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "highlight/grammar.h"
#include "highlight/tokens.h"

namespace deckpdf::highlight {

class Languages;

// The largest block highlighted; a larger one is shown plain.
constexpr size_t kMaxCodeBytes = size_t{256} << 10;

// highlight.js's highlight(code, {language, ignoreIllegals: true}).
Highlighted highlight_with(Languages& languages, const Grammar& grammar, std::string_view code);

// highlight.js's highlightAuto(code) over `names` (every auto-detected
// language when empty): the most relevant result, plain text winning ties.
Highlighted highlight_auto_with(Languages& languages, std::string_view code,
                                const std::vector<std::string>& names);

}  // namespace deckpdf::highlight
