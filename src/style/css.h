// style/css — reading the CSS subset themes are written in: comments,
// rules, selectors (tags, classes, ids, `*`, descendant and `>`, and the
// structural pseudo-classes `:first-child`, `:last-child`, `:only-child`,
// `:nth-child(An+B)` and `:not(compound)`), declarations and `:root`
// variables.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "source/source.h"

namespace deckpdf::style {

struct Declaration {
  std::string property;
  std::string value;
  Span span;  // from the property to the end of the value, in the text parsed
};

// Parses `a: b; c: d` (an inline style or a rule body).
std::vector<Declaration> parse_declarations(std::string_view text);

struct Selector {
  // Compound selectors from the rightmost (the subject) leftwards; `child`
  // marks `>` between this compound and the next one to the left.
  struct Compound;
  // A pseudo-class: the element is child number a*n+b (1-based, n >= 0) of
  // its parent's elements, counted from the first or from the last; or its
  // parent's only element; or it does not match `negated` (one compound,
  // `:not(...)`).
  struct Pseudo {
    enum class Kind { nth_child, nth_last_child, only_child, not_ } kind = Kind::nth_child;
    int a = 0, b = 1;
    std::vector<Compound> negated;
  };
  struct Compound {
    std::string tag;  // "" or "*" = any
    std::string id;
    std::vector<std::string> classes;
    std::vector<Pseudo> pseudos;
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

// CSS without its /* comments */ (their newlines kept, so that line numbers
// stay right), and where its text was in the CSS given.
struct Uncommented {
  std::string text;
  // From offset `first` in `text` on, the CSS given is `second` bytes
  // further on (ascending by `first`).
  std::vector<std::pair<uint32_t, uint32_t>> shifts;
  // Where offset `offset` of `text` was in the CSS given.
  uint32_t origin(uint32_t offset) const;
  Span origin(Span span) const { return {origin(span.begin), origin(span.end)}; }
};
Uncommented strip_comments(std::string_view css);

// What a theme says that deckpdf skips: where (in the CSS given), a stable
// code ("theme.unsupported-selector") and a message.
struct CssProblem {
  Span span;
  std::string code;
  std::string message;
};

// The rules of `css`, one per selector of a list, numbered from `order` on.
// `:root` declarations go to `root` in order (dropped when it is null).
// `problems` gets what was skipped.
std::vector<Rule> parse_rules(std::string_view css, std::vector<Declaration>* root,
                              std::vector<CssProblem>& problems, uint32_t& order);

}  // namespace deckpdf::style
