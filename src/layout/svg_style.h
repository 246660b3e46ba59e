// layout/svg_style — the CSS an SVG carries: `style` attributes, `<style>`
// elements (type, class, id and universal selectors, compound and
// descendant, by specificity then order) and presentation attributes, in
// SVG's order: presentation attributes < style sheet < `style` attribute.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "layout/svg_tree.h"

namespace deckpdf::layout::svg {

using Declarations = std::map<std::string, std::string>;

// `a: b; c: d` into `out` (later wins; names lower case; !important
// dropped).
void parse_declarations(std::string_view css, Declarations& out);

class StyleSheet {
 public:
  // The rules of a `<style>` element's text; at-rules are skipped.
  void add(std::string_view css);
  // What applies to `node`, whose ancestors (nearest last) are `path`.
  void apply(const Tree& tree, const std::vector<uint32_t>& path, uint32_t node,
             Declarations& out) const;
  bool empty() const { return rules_.empty(); }

 private:
  struct Compound {
    std::string tag, id;  // "" when not given
    std::vector<std::string> classes;
  };
  struct Rule {
    std::vector<Compound> chain;  // descendant combinators between them
    int specificity = 0;
    size_t order = 0;
    Declarations decls;
  };
  static bool matches(const Tree& tree, const Node& n, const Compound& c);
  std::vector<Rule> rules_;
};

// Every declaration that applies to `node` (see the top of this file).
Declarations declared(const Tree& tree, const StyleSheet& sheet, const std::vector<uint32_t>& path,
                      uint32_t node);

}  // namespace deckpdf::layout::svg
