// style — the cascade (see style.h): the rules that match an element in
// cascade order, and its ComputedStyle from them, its inline style and its
// parent.
#include "style/style.h"

#include <string>
#include <type_traits>

#include "style/apply.h"
#include "style/defaults.h"

namespace deckpdf::style {

Resolver::Resolver(const Theme& theme, const dom::Document& doc, Diagnostics& diags)
    : theme_(theme), doc_(doc), diags_(&diags), index_(std::make_shared<RuleIndex>(theme.rules)) {}

Resolver::Resolver(const Resolver& other, Diagnostics& diags)
    : theme_(other.theme_), doc_(other.doc_), diags_(&diags), index_(other.index_) {}

std::vector<const Rule*> Resolver::matched_rules(dom::NodeId id) const {
  std::vector<const Rule*> matched;
  matched_into(id, matched);
  return matched;
}

void Resolver::matched_into(dom::NodeId id, std::vector<const Rule*>& matched) const {
  // Matching rules, by specificity then order; defaults first.
  matched.clear();
  matches_append(default_rules(), default_index(), doc_, id, candidates_, matched);
  size_t defaults = matched.size();
  matches_append(reveal_rules(), reveal_index(), doc_, id, candidates_, matched);
  matches_append(theme_.rules, *index_, doc_, id, candidates_, matched);
  // A stable sort of each part by specificity: an insertion sort, as an
  // element matches a handful of rules (std::stable_sort would allocate).
  auto sort = [](const Rule** first, const Rule** last) {
    for (const Rule** i = first; i != last; ++i) {
      const Rule* r = *i;
      const Rule** j = i;
      for (; j != first && (*(j - 1))->selector.specificity > r->selector.specificity; --j) {
        *j = *(j - 1);
      }
      *j = r;
    }
  };
  sort(matched.data() + defaults, matched.data() + matched.size());
  sort(matched.data(), matched.data() + defaults);
}

ComputedStyle Resolver::root_style() const {
  ComputedStyle s;
  s.display = Display::Block;
  s.font_size = 16;
  s.line_height = 1.2f * 16;
  return s;
}

namespace {

// A fresh style for a child of `parent`: the inherited properties copied,
// every other one at its initial value.
ComputedStyle inherited_from(const ComputedStyle& parent) {
  ComputedStyle s;
  for_each_inherited([&](auto member) { s.*member = parent.*member; });
  return s;
}

// What a style computed without a style attribute depends on, as bytes in
// `key`: the rules and what the parent passes on, its inherited properties
// (which are all that relative values such as `2em` or `bolder` read).
void memo_key(const std::vector<const Rule*>& matched, const ComputedStyle& parent,
              std::string& key) {
  key.clear();
  auto add = [&](const auto& v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
  add(matched.size());
  for (const Rule* r : matched) add(r);
  for_each_inherited([&](auto member) {
    const auto& value = parent.*member;
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::string>) {
      add(value.size());
      key.append(value);
    } else {
      add(value);
    }
  });
}

}  // namespace

ComputedStyle Resolver::compute(dom::NodeId id, const ComputedStyle& parent) const {
  const dom::Node& node = doc_[id];
  ComputedStyle s = inherited_from(parent);

  std::vector<const Rule*>& matched = matched_;
  matched_into(id, matched);
  const std::string* inline_style = node.attr("style");
  // Styles without a style attribute are kept by what they depend on.
  std::string& key = memo_key_;
  if (!inline_style) {
    memo_key(matched, parent, key);
    if (auto hit = memo_.find(key); hit != memo_.end()) return hit->second;
  }
  float root_size = 16;
  Applier ap{s, parent, root_size};
  // Inherited line-height is kept as a factor when the parent's was one.
  float parent_factor = parent.font_size > 0 ? parent.line_height / parent.font_size : 1.2f;
  auto apply_list = [&](const std::vector<Declaration>& decls) {
    // font-size first so that em lengths in the same rule use it.
    for (const auto& d : decls) {
      if (d.property == "font-size") ap.apply(d);
    }
    for (const auto& d : decls) {
      if (d.property != "font-size") ap.apply(d);
    }
  };
  for (const Rule* r : matched) apply_list(r->declarations);
  Span style_span = node.span;
  for (const dom::Attr& a : node.attrs) {
    if (a.name == "style" && a.span.end > a.span.begin) style_span = a.span;
  }
  if (inline_style) {
    auto decls = parse_declarations(*inline_style);
    for (const auto& d : decls) {
      if (d.property == "font-size") ap.apply(d);
    }
    for (const auto& d : decls) {
      if (d.property == "font-size") continue;
      if (ap.apply(d)) continue;
      if (ap.known) {  // a value deckpdf cannot read: said where it is
        diags_->warning(style_span, "style.unsupported",
                        "'" + d.property + ": " + d.value + "' is not supported; it is ignored");
      } else {  // a property deckpdf does not draw: said once, where first used
        diags_->add({Severity::Warning, "style.not-drawn",
                     "deckpdf does not draw '" + d.property +
                         "'; it is ignored here and in every other style attribute",
                     style_span, nullptr, "style.not-drawn:" + d.property});
      }
    }
  }
  ap.finish();
  if (ap.line_height_factor > 0)
    s.line_height = ap.line_height_factor * s.font_size;
  else if (!ap.line_height_set)
    s.line_height = parent_factor * s.font_size;
  if (!inline_style) {
    if (memo_.size() >= 4096) memo_.clear();
    memo_.emplace(key, s);
  }
  return s;
}

}  // namespace deckpdf::style
