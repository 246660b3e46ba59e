// style/match — which rules apply to an element: matching a selector against
// the element and its ancestors, and an index of rules by what their subject
// requires, so that the cascade tests a few rules instead of all of them.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "dom/node.h"
#include "style/css.h"

namespace deckpdf::style {

// Whether `sel` matches element `id` (descendant and child combinators
// walk up its ancestors).
bool selector_matches(const Selector& sel, const dom::Document& doc, dom::NodeId id);

// Rules bucketed by what their subject (the rightmost compound) requires:
// its id, else its first class, else its tag, else nothing (universal).
// An element can match only the rules in the buckets of its own id, its
// classes, its tag and the universal one, so the cascade tests those
// instead of every rule of the theme.
class RuleIndex {
 public:
  explicit RuleIndex(const std::vector<Rule>& rules);
  // The positions in `rules` of the rules that may match `node`, ascending
  // (source order), each once; `out` is cleared first. Every rule that
  // matches `node` is among them.
  void candidates(const dom::Node& node, std::vector<uint32_t>& out) const;

 private:
  std::unordered_map<std::string, std::vector<uint32_t>> by_id_, by_class_, by_tag_;
  std::vector<uint32_t> universal_;
};

// The rules of `rules` (indexed by `index`) that match `id`, in source
// order, appended to `out`; `scratch` is working space.
void matches_append(const std::vector<Rule>& rules, const RuleIndex& index,
                    const dom::Document& doc, dom::NodeId id, std::vector<uint32_t>& scratch,
                    std::vector<const Rule*>& out);

}  // namespace deckpdf::style
