// style/defaults — the element defaults below every theme, as a browser's
// user-agent sheet gives them, parsed once.
#pragma once

#include <vector>

#include "style/css.h"
#include "style/match.h"

namespace deckpdf::style {

const std::vector<Rule>& default_rules();
const RuleIndex& default_index();  // of default_rules()
// reveal.css's rules that every theme has (its layout helpers): in the
// theme's cascade, before the theme's rules.
const std::vector<Rule>& reveal_rules();
const RuleIndex& reveal_index();  // of reveal_rules()

}  // namespace deckpdf::style
