// style/css — reading the CSS subset themes are written in: comments,
// rules, selectors (tags, classes, ids, `*`, descendant and `>`),
// declarations and `:root` variables.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace deckpdf::style {

struct Declaration {
  std::string property;
  std::string value;
  uint32_t line = 0;  // in the theme file, or offset in the deck for inline styles
};

// Parses `a: b; c: d` (an inline style or a rule body).
std::vector<Declaration> parse_declarations(std::string_view text);

struct Selector {
  // Compound selectors from the rightmost (the subject) leftwards; `child`
  // marks `>` between this compound and the next one to the left.
  struct Compound {
    std::string tag;  // "" or "*" = any
    std::string id;
    std::vector<std::string> classes;
    bool child = false;
  };
  std::vector<Compound> parts;
  int specificity = 0;
};

struct Rule {
  Selector selector;
  std::vector<Declaration> declarations;
  uint32_t order = 0;
};

// Removes /* comments */, keeping newlines so line numbers stay right.
std::string strip_comments(std::string_view css);

// The rules of `css`, one per selector of a list, numbered from `order` on.
// `:root` declarations go to `vars` (dropped when it is null). `errors` gets
// "line: message" strings for what was skipped.
std::vector<Rule> parse_rules(std::string_view css, std::map<std::string, std::string>* vars,
                              std::vector<std::string>& errors, uint32_t& order);

}  // namespace deckpdf::style
