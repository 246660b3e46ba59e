// style — themes (a CSS subset, loaded from layouts/) and the cascade that
// gives every element its ComputedStyle.
//
// The cascade: the built-in element defaults (like a browser's UA sheet),
// then the theme's rules by specificity and order, then the element's own
// `style="..."`. Inherited properties flow from parent to child as in CSS.
//
// The pieces, one file each: color.h, value.h (CSS values), css.h (rules and
// declarations), match.h (selectors and the rule index), defaults.h (the
// element defaults), theme.h (themes and their imports), computed.h
// (ComputedStyle), apply.h (one declaration into a ComputedStyle). Other
// stages include this header for all of them.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dom/node.h"
#include "source/diagnostic.h"
#include "style/color.h"
#include "style/computed.h"
#include "style/css.h"
#include "style/match.h"
#include "style/theme.h"

namespace deckpdf::style {

// Not for concurrent use (it keeps what it computed); a thread takes a
// copy, which shares the rule index and reports to the Diagnostics it is
// given.
class Resolver {
 public:
  Resolver(const Theme& theme, const dom::Document& doc, Diagnostics& diags);
  Resolver(const Resolver& other, Diagnostics& diags);
  Resolver(const Resolver& other) : Resolver(other, *other.diags_) {}
  Resolver& operator=(const Resolver&) = delete;
  // The style of element `id`, given its parent's computed style. For the
  // slide root pass the root style (`root_style()`).
  ComputedStyle compute(dom::NodeId id, const ComputedStyle& parent) const;
  ComputedStyle root_style() const;
  const Theme& theme() const { return theme_; }
  // The rules that apply to element `id`, in cascade order: the built-in
  // element defaults, then the theme's rules, each part by specificity and
  // then source order.
  std::vector<const Rule*> matched_rules(dom::NodeId id) const;
  // Where warnings about inline styles go from now on.
  void diagnostics(Diagnostics& diags) { diags_ = &diags; }

 private:
  const Theme& theme_;
  const dom::Document& doc_;
  Diagnostics* diags_;
  std::shared_ptr<const RuleIndex> index_;  // of theme_.rules
  // Styles computed from the same rules under a parent with the same
  // inherited values are the same: compute() keeps them by those (for
  // elements without a style attribute, whose warnings must be given
  // every time).
  mutable std::unordered_map<std::string, ComputedStyle> memo_;
  mutable std::string memo_key_;
  // compute()'s working space, kept between calls.
  void matched_into(dom::NodeId id, std::vector<const Rule*>& out) const;
  mutable std::vector<const Rule*> matched_;
  mutable MatchScratch candidates_;
};

}  // namespace deckpdf::style
