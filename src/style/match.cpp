// style/match — selectors against elements, and the rule index (see match.h).
#include "style/match.h"

#include <algorithm>

namespace deckpdf::style {

std::pair<uint32_t, uint32_t> SiblingPositions::of(const dom::Document& doc, dom::NodeId id) {
  const dom::NodeId parent = doc[id].parent;
  if (parent == dom::no_node) return {1, 1};
  if (parent != parent_ || &doc != doc_) {
    parent_ = parent;
    doc_ = &doc;
    position_.clear();
    count_ = 0;
    for (dom::NodeId child : doc[parent].children) {
      if (doc[child].kind == dom::NodeKind::Element) position_[child] = ++count_;
    }
  }
  auto it = position_.find(id);
  return {it == position_.end() ? 1 : it->second, count_};
}

namespace {

// Whether the 1-based `position` is a*n+b for some n >= 0.
bool nth(int a, int b, uint32_t position) {
  const long long offset = static_cast<long long>(position) - b;
  if (a == 0) return offset == 0;
  return offset % a == 0 && offset / a >= 0;
}

bool compound_matches(const Selector::Compound& c, const dom::Document& doc, dom::NodeId id,
                      SiblingPositions& siblings) {
  const dom::Node& n = doc[id];
  if (n.kind != dom::NodeKind::Element) return false;
  if (!c.tag.empty() && c.tag != "*" && c.tag != n.tag) return false;
  if (!c.id.empty()) {
    const std::string* value = n.attr("id");
    if (!value || *value != c.id) return false;
  }
  for (const auto& cls : c.classes) {
    if (!n.has_class(cls)) return false;
  }
  for (const Selector::Pseudo& p : c.pseudos) {
    using Kind = Selector::Pseudo::Kind;
    if (p.kind == Kind::not_) {
      if (compound_matches(p.negated[0], doc, id, siblings)) return false;
      continue;
    }
    auto [position, count] = siblings.of(doc, id);
    if (p.kind == Kind::only_child && count != 1) return false;
    if (p.kind == Kind::nth_child && !nth(p.a, p.b, position)) return false;
    if (p.kind == Kind::nth_last_child && !nth(p.a, p.b, count + 1 - position)) return false;
  }
  return true;
}

}  // namespace

bool selector_matches(const Selector& sel, const dom::Document& doc, dom::NodeId id) {
  SiblingPositions siblings;
  return selector_matches(sel, doc, id, siblings);
}

bool selector_matches(const Selector& sel, const dom::Document& doc, dom::NodeId id,
                      SiblingPositions& siblings) {
  if (sel.parts.empty()) return false;
  if (!compound_matches(sel.parts[0], doc, id, siblings)) return false;
  dom::NodeId at = id;
  for (size_t k = 1; k < sel.parts.size(); ++k) {
    bool child = sel.parts[k - 1].child;
    dom::NodeId p = doc[at].parent;
    bool found = false;
    while (p != dom::no_node) {
      if (compound_matches(sel.parts[k], doc, p, siblings)) {
        found = true;
        break;
      }
      if (child) break;
      p = doc[p].parent;
    }
    if (!found) return false;
    at = p;
  }
  return true;
}

RuleIndex::RuleIndex(const std::vector<Rule>& rules) {
  for (size_t k = 0; k < rules.size(); ++k) {
    const Selector& sel = rules[k].selector;
    uint32_t at = static_cast<uint32_t>(k);
    if (sel.parts.empty()) continue;  // matches nothing
    const Selector::Compound& subject = sel.parts[0];
    if (!subject.id.empty()) {
      by_id_[subject.id].push_back(at);
    } else if (!subject.classes.empty()) {
      by_class_[subject.classes[0]].push_back(at);
    } else if (!subject.tag.empty() && subject.tag != "*") {
      by_tag_[subject.tag].push_back(at);
    } else {
      universal_.push_back(at);
    }
  }
}

void RuleIndex::candidates(const dom::Node& node, std::vector<uint32_t>& out) const {
  out.clear();
  if (node.kind != dom::NodeKind::Element) return;
  size_t lists = 0;
  auto add = [&](const std::vector<uint32_t>& bucket) {
    if (bucket.empty()) return;
    out.insert(out.end(), bucket.begin(), bucket.end());
    ++lists;
  };
  auto add_from = [&](const std::unordered_map<std::string, std::vector<uint32_t>>& map,
                      const std::string& key) {
    if (map.empty()) return;
    auto it = map.find(key);
    if (it != map.end()) add(it->second);
  };
  if (!by_id_.empty()) {
    if (const std::string* id = node.attr("id")) add_from(by_id_, *id);
  }
  for (const std::string& cls : node.classes) add_from(by_class_, cls);
  add_from(by_tag_, node.tag);
  add(universal_);
  // Each bucket is in source order; more than one is merged (an element
  // may name a class twice, so duplicates go too).
  if (lists > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

void matches_append(const std::vector<Rule>& rules, const RuleIndex& index,
                    const dom::Document& doc, dom::NodeId id, MatchScratch& scratch,
                    std::vector<const Rule*>& out) {
  index.candidates(doc[id], scratch.candidates);
  for (uint32_t k : scratch.candidates) {
    if (selector_matches(rules[k].selector, doc, id, scratch.siblings)) out.push_back(&rules[k]);
  }
}

}  // namespace deckpdf::style
