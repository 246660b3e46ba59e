// style/match — which rules apply to an element: matching a selector against
// the element and its ancestors, and an index of rules by what their subject
// requires, so that the cascade tests a few rules instead of all of them.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dom/node.h"
#include "style/css.h"

namespace deckpdf::style {

// Where elements stand among their parent's elements (for `:nth-child`
// and its kin), kept for the last parent asked about: the cascade visits
// siblings one after another, so a parent's children are counted once, not
// once per child. Valid for one document while it does not change.
class SiblingPositions {
 public:
  // 1-based position of element `id` among its parent's elements, and how
  // many elements the parent has. {1, 1} for an element without a parent.
  std::pair<uint32_t, uint32_t> of(const dom::Document& doc, dom::NodeId id);

 private:
  dom::NodeId parent_ = dom::no_node;
  const dom::Document* doc_ = nullptr;
  std::unordered_map<dom::NodeId, uint32_t> position_;
  uint32_t count_ = 0;
};

// What matching keeps between calls: the candidate list and sibling
// positions. One per Resolver (not shared between threads).
struct MatchScratch {
  std::vector<uint32_t> candidates;
  SiblingPositions siblings;
};

// Whether `sel` matches element `id` (descendant and child combinators
// walk up its ancestors).
bool selector_matches(const Selector& sel, const dom::Document& doc, dom::NodeId id,
                      SiblingPositions& siblings);
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
                    const dom::Document& doc, dom::NodeId id, MatchScratch& scratch,
                    std::vector<const Rule*>& out);

}  // namespace deckpdf::style
