// The rule index (style::RuleIndex) and the Resolver's memo of computed
// styles must give exactly what matching every rule against every element
// and computing every style afresh give.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "style/style.h"
#include "support/paths.h"
#include "support/random.h"

using namespace deckpdf;

namespace {

using test::Lcg;

const char* const tags[] = {"section", "div", "p", "ul", "ol", "li", "h2", "span", "a", "em"};
const char* const classes[] = {"a", "b", "c", "fragment", "notes"};
const char* const ids[] = {"x", "y", "z"};

// A random compound selector: tag or *, classes, maybe an id.
std::string compound(Lcg& rng) {
  std::string s;
  switch (rng.below(4)) {
    case 0: break;
    case 1: s = "*"; break;
    default: s = tags[rng.below(std::size(tags))];
  }
  size_t n = rng.below(3);
  for (size_t k = 0; k < n; ++k) s += std::string(".") + classes[rng.below(std::size(classes))];
  if (rng.below(5) == 0) s += std::string("#") + ids[rng.below(std::size(ids))];
  if (s.empty()) s = "*";
  return s;
}

// A random theme: selectors of one to three compounds joined by ' ' or
// '>', several selectors sharing specificities (ties decided by order).
std::string random_css(Lcg& rng, size_t rules) {
  std::string css;
  for (size_t r = 0; r < rules; ++r) {
    size_t parts = 1 + rng.below(3);
    std::string sel = compound(rng);
    for (size_t k = 1; k < parts; ++k) sel += (rng.below(2) ? " > " : " ") + compound(rng);
    if (rng.below(4) == 0) sel += ", " + compound(rng);  // a selector list
    css += sel + " { color: #" + std::to_string(100 + r % 900) +
           "; font-size: " + std::to_string(10 + r % 7) + "px; }\n";
  }
  return css;
}

// A random element tree under a section.
dom::Document random_doc(Lcg& rng, size_t elements) {
  dom::Document doc;
  std::vector<dom::NodeId> open{doc.root};
  for (size_t e = 0; e < elements; ++e) {
    dom::Node n;
    n.tag = tags[rng.below(std::size(tags))];
    size_t c = rng.below(4);
    for (size_t k = 0; k < c; ++k) n.classes.push_back(classes[rng.below(std::size(classes))]);
    if (rng.below(6) == 0) n.attrs.push_back({"id", ids[rng.below(std::size(ids))], false, {}});
    dom::NodeId parent = open[rng.below(open.size())];
    dom::NodeId id = doc.add(std::move(n), parent);
    open.push_back(id);
    if (rng.below(3) == 0) {
      dom::Node t;
      t.kind = dom::NodeKind::Text;
      t.text = "text";
      doc.add(std::move(t), id);
    }
  }
  return doc;
}

// What the cascade did before the index: every rule tried, in order.
std::vector<const style::Rule*> brute_force(const std::vector<style::Rule>& rules,
                                            const dom::Document& doc, dom::NodeId id) {
  std::vector<const style::Rule*> out;
  for (const style::Rule& r : rules) {
    if (style::selector_matches(r.selector, doc, id)) out.push_back(&r);
  }
  std::stable_sort(out.begin(), out.end(), [](const style::Rule* a, const style::Rule* b) {
    return a->selector.specificity < b->selector.specificity;
  });
  return out;
}

}  // namespace

TEST_CASE("the rule index offers every rule that matches, in source order", "[style]") {
  Lcg rng{7};
  for (int round = 0; round < 60; ++round) {
    std::vector<style::CssProblem> errors;
    style::Theme theme = style::Theme::parse(random_css(rng, 40), "random", errors);
    REQUIRE(errors.empty());
    dom::Document doc = random_doc(rng, 60);
    style::RuleIndex index(theme.rules);
    std::vector<uint32_t> candidates;
    for (dom::NodeId id = 0; id < doc.nodes.size(); ++id) {
      index.candidates(doc[id], candidates);
      CHECK(std::is_sorted(candidates.begin(), candidates.end()));
      CHECK(std::adjacent_find(candidates.begin(), candidates.end()) == candidates.end());
      std::vector<const style::Rule*> indexed;
      for (uint32_t k : candidates) {
        if (style::selector_matches(theme.rules[k].selector, doc, id)) {
          indexed.push_back(&theme.rules[k]);
        }
      }
      std::vector<const style::Rule*> all;
      for (const style::Rule& r : theme.rules) {
        if (style::selector_matches(r.selector, doc, id)) all.push_back(&r);
      }
      CHECK(indexed == all);
    }
  }
}

TEST_CASE("matched rules: the theme's part equals trying every rule", "[style]") {
  Lcg rng{99};
  for (int round = 0; round < 40; ++round) {
    std::vector<style::CssProblem> errors;
    style::Theme theme = style::Theme::parse(random_css(rng, 30), "random", errors);
    dom::Document doc = random_doc(rng, 50);
    Diagnostics diags;
    style::Resolver r(theme, doc, diags);
    for (dom::NodeId id = 1; id < doc.nodes.size(); ++id) {
      if (doc[id].kind != dom::NodeKind::Element) continue;
      std::vector<const style::Rule*> got = r.matched_rules(id);
      // The built-in defaults come first; the theme's rules are the tail.
      std::vector<const style::Rule*> theirs;
      for (const style::Rule* rule : got) {
        if (std::any_of(theme.rules.begin(), theme.rules.end(),
                        [&](const style::Rule& t) { return &t == rule; })) {
          theirs.push_back(rule);
        }
      }
      CHECK(theirs == brute_force(theme.rules, doc, id));
      CHECK(std::equal(theirs.begin(), theirs.end(), got.end() - static_cast<long>(theirs.size())));
    }
  }
}

TEST_CASE("the rule index: ids, several classes, universal and combinators", "[style]") {
  std::vector<style::CssProblem> errors;
  style::Theme theme = style::Theme::parse(
      "#x { color: red }\n"          // 0: by id
      ".a.b { color: red }\n"        // 1: by its first class, needs both
      "li.b { color: red }\n"        // 2: by class, needs the tag too
      "li { color: red }\n"          // 3: by tag
      "* { color: red }\n"           // 4: universal
      ".a { color: red }\n"          // 5
      "ul > li { color: red }\n"     // 6: child
      "section li { color: red }\n"  // 7: descendant
      "*.b#x { color: red }\n"       // 8: id wins the bucket
      "div > .a { color: red }\n",   // 9
      "t", errors);
  REQUIRE(errors.empty());
  dom::Document doc;
  auto add = [&](dom::NodeId parent, std::string tag, std::vector<std::string> cls,
                 std::string id = "") {
    dom::Node n;
    n.tag = std::move(tag);
    n.classes = std::move(cls);
    if (!id.empty()) n.attrs.push_back({"id", id, false, {}});
    return doc.add(std::move(n), parent);
  };
  auto section = add(doc.root, "section", {});
  auto ul = add(section, "ul", {});
  auto li = add(ul, "li", {"b", "a", "b"}, "x");  // a class named twice
  auto div = add(section, "div", {});
  auto span = add(div, "span", {"a"});
  style::RuleIndex index(theme.rules);
  std::vector<uint32_t> c;
  index.candidates(doc[li], c);
  CHECK(c == std::vector<uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  index.candidates(doc[span], c);
  CHECK(c == std::vector<uint32_t>{1, 4, 5, 9});
  index.candidates(doc[div], c);
  CHECK(c == std::vector<uint32_t>{4});
  Diagnostics diags;
  style::Resolver r(theme, doc, diags);
  std::vector<const style::Rule*> m = r.matched_rules(span);
  REQUIRE(m.size() >= 3);
  // By specificity, then order: *, .a, div > .a.
  CHECK(m[m.size() - 3] == &theme.rules[4]);
  CHECK(m[m.size() - 2] == &theme.rules[5]);
  CHECK(m[m.size() - 1] == &theme.rules[9]);
}

TEST_CASE("computed styles from the memo equal styles computed afresh", "[style]") {
  Lcg rng{2024};
  for (int round = 0; round < 30; ++round) {
    std::vector<style::CssProblem> errors;
    std::string css = random_css(rng, 25) +
                      "li { line-height: 1.5; font-weight: bolder; }\n"
                      "p { font-size: 2em; line-height: 20px; }\n"
                      ".c { font-size: smaller; text-transform: uppercase; }\n";
    style::Theme theme = style::Theme::parse(css, "random", errors);
    dom::Document doc = random_doc(rng, 50);
    // Some elements with a style attribute: never taken from the memo, their
    // warnings given each time.
    for (dom::NodeId id = 1; id < doc.nodes.size(); id += 7) {
      if (doc[id].kind == dom::NodeKind::Element) {
        doc[id].attrs.push_back({"style", "font-size: 1.2em; frobnicate: 3", false, {id, id + 1}});
      }
    }
    Diagnostics memo_diags, fresh_diags;
    style::Resolver memo(theme, doc, memo_diags);
    // Each element's style under its parent's, twice over (the second
    // pass reads the memo), against a new Resolver for every element.
    for (int pass = 0; pass < 2; ++pass) {
      std::vector<style::ComputedStyle> styles(doc.nodes.size(), memo.root_style());
      for (dom::NodeId id = 1; id < doc.nodes.size(); ++id) {
        if (doc[id].kind != dom::NodeKind::Element) continue;
        const style::ComputedStyle& parent = styles[doc[id].parent];
        styles[id] = memo.compute(id, parent);
        style::Resolver fresh(theme, doc, fresh_diags);
        CHECK(styles[id] == fresh.compute(id, parent));
      }
    }
    CHECK(memo_diags.items().size() == fresh_diags.items().size());
    CHECK(memo_diags.has_code("style.not-drawn"));
  }
}

TEST_CASE("a Resolver's copy shares its rules and reports where it is told", "[style]") {
  std::vector<style::CssProblem> errors;
  style::Theme theme = style::Theme::parse("p { color: red }", "t", errors);
  dom::Document doc;
  dom::Node p;
  p.tag = "p";
  p.attrs.push_back({"style", "colour: blue", false, {3, 9}});
  auto id = doc.add(std::move(p), doc.root);
  Diagnostics a, b, c;
  style::Resolver r(theme, doc, a);
  style::Resolver copy(r, b);
  CHECK(copy.compute(id, copy.root_style()) == r.compute(id, r.root_style()));
  CHECK(a.items().size() == 1);
  CHECK(b.items().size() == 1);
  copy.diagnostics(c);
  copy.compute(id, copy.root_style());
  CHECK(b.items().size() == 1);
  CHECK(c.items().size() == 1);
  CHECK(copy.compute(id, copy.root_style()).color == style::Color{1, 0, 0, 1});
}
