// style/match — selectors against elements, and the rule index (see match.h).
#include "style/match.h"

#include <algorithm>

namespace deckpdf::style {

namespace {

bool compound_matches(const Selector::Compound& c, const dom::Node& n) {
  if (n.kind != dom::NodeKind::Element) return false;
  if (!c.tag.empty() && c.tag != "*" && c.tag != n.tag) return false;
  if (!c.id.empty()) {
    const std::string* id = n.attr("id");
    if (!id || *id != c.id) return false;
  }
  for (const auto& cls : c.classes) {
    if (!n.has_class(cls)) return false;
  }
  return true;
}

}  // namespace

bool selector_matches(const Selector& sel, const dom::Document& doc, dom::NodeId id) {
  if (sel.parts.empty()) return false;
  if (!compound_matches(sel.parts[0], doc[id])) return false;
  dom::NodeId at = id;
  for (size_t k = 1; k < sel.parts.size(); ++k) {
    bool child = sel.parts[k - 1].child;
    dom::NodeId p = doc[at].parent;
    bool found = false;
    while (p != dom::no_node) {
      if (compound_matches(sel.parts[k], doc[p])) {
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
                    const dom::Document& doc, dom::NodeId id, std::vector<uint32_t>& scratch,
                    std::vector<const Rule*>& out) {
  index.candidates(doc[id], scratch);
  for (uint32_t k : scratch) {
    if (selector_matches(rules[k].selector, doc, id)) out.push_back(&rules[k]);
  }
}

}  // namespace deckpdf::style
