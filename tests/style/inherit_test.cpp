// Inheritance: which properties a child takes from its parent. The cascade
// copies style::inherited_properties and keys its memo of computed styles
// by them; these tests fail when a property reaches the child by one path
// and not the other (a memo that returns a style computed under another
// parent), or when the list is not CSS's.
#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <tuple>
#include <vector>

#include "style/style.h"
#include "support/random.h"

using namespace deckpdf;

namespace {

using style::ComputedStyle;

// Each property of ComputedStyle (a new one must be added here), whether a
// child inherits it, and a change of its value.
struct Property {
  const char* name;
  bool inherited;
  void (*change)(ComputedStyle&);
};

const Property properties[] = {
    {"display", false, [](ComputedStyle& s) { s.display = style::Display::None; }},
    {"font-family", true, [](ComputedStyle& s) { s.font_family = "serif"; }},
    {"font-weight", true, [](ComputedStyle& s) { s.font_weight = 300; }},
    {"font-style", true, [](ComputedStyle& s) { s.italic = !s.italic; }},
    {"font-size", true, [](ComputedStyle& s) { s.font_size = 31; }},
    {"line-height", true, [](ComputedStyle& s) { s.line_height = 50; }},
    {"color", true,
     [](ComputedStyle& s) {
       s.color = {0.2f, 0.4f, 0.6f, 1};
     }},
    {"text-align", true, [](ComputedStyle& s) { s.text_align = style::TextAlign::Justify; }},
    {"text-transform", true,
     [](ComputedStyle& s) { s.text_transform = style::TextTransform::Uppercase; }},
    {"white-space", true, [](ComputedStyle& s) { s.white_space = style::WhiteSpace::Pre; }},
    {"list-style", true, [](ComputedStyle& s) { s.list_style = style::ListStyle::Square; }},
    {"vertical-align", false,
     [](ComputedStyle& s) { s.vertical_align = style::VerticalAlign::Super; }},
    {"underline", true, [](ComputedStyle& s) { s.underline = !s.underline; }},
    {"line-through", true, [](ComputedStyle& s) { s.line_through = !s.line_through; }},
    {"margin", false, [](ComputedStyle& s) { s.margin = {1, 2, 3, 4, true, false}; }},
    {"padding", false, [](ComputedStyle& s) { s.padding = {5, 6, 7, 8, false, false}; }},
    {"background", false,
     [](ComputedStyle& s) {
       s.background = style::Color{1, 0, 0, 1};
     }},
    {"width", false, [](ComputedStyle& s) { s.width = 100; }},
    {"width%", false, [](ComputedStyle& s) { s.width_pct = 50; }},
    {"max-width", false, [](ComputedStyle& s) { s.max_width = 200; }},
    {"max-width%", false, [](ComputedStyle& s) { s.max_width_pct = 70; }},
    {"height", false, [](ComputedStyle& s) { s.height = 40; }},
    {"max-height", false, [](ComputedStyle& s) { s.max_height = 60; }},
    {"max-height%", false, [](ComputedStyle& s) { s.max_height_pct = 30; }},
    {"border-width", false, [](ComputedStyle& s) { s.border_width = 2; }},
    {"border-color", false,
     [](ComputedStyle& s) {
       s.border_color = {0, 1, 0, 1};
     }},
    {"border-bottom-width", false, [](ComputedStyle& s) { s.border_bottom_width = 3; }},
    {"border-bottom-color", false,
     [](ComputedStyle& s) {
       s.border_bottom_color = {0, 0, 1, 1};
     }},
    {"background-image", false,
     [](ComputedStyle& s) {
       s.background_gradient = style::parse_gradient("linear-gradient(red, blue)", 16, 16);
     }},
    {"border-radius", false,
     [](ComputedStyle& s) {
       s.border_radius.corner[2] = {5, false};
     }},
    {"box-shadow", false,
     [](ComputedStyle& s) {
       s.box_shadow.push_back({1, 2, 3, 0, {}});
     }},
    {"text-shadow", true,
     [](ComputedStyle& s) {
       s.text_shadow = {1, 1, 0, {0, 0, 0, 1}};
     }},
    {"opacity", false, [](ComputedStyle& s) { s.opacity = 0.5f; }},
    {"text-decoration-style", true, [](ComputedStyle& s) { s.decoration_dotted = true; }},
};

dom::NodeId element(dom::Document& doc, dom::NodeId parent, const std::string& tag,
                    std::vector<std::string> classes = {}) {
  dom::Node n;
  n.tag = tag;
  n.classes = std::move(classes);
  return doc.add(std::move(n), parent);
}

}  // namespace

TEST_CASE("inheritance: the list is CSS's", "[style]") {
  size_t inherited = 0;
  for (const Property& p : properties) inherited += p.inherited;
  CHECK(std::tuple_size_v<decltype(style::inherited_properties)> == inherited);
  // Every change above changes the style, so that the next test sees it.
  for (const Property& p : properties) {
    INFO(p.name);
    ComputedStyle s;
    p.change(s);
    CHECK_FALSE(s == ComputedStyle{});
  }
}

TEST_CASE("inheritance: a parent's inherited values reach the child, no other", "[style]") {
  std::vector<style::CssProblem> problems;
  style::Theme theme = style::Theme::parse("section { color: #123 }", "t", problems);
  dom::Document doc;
  auto section = element(doc, doc.root, "section");
  auto span = element(doc, section, "span");  // no rule sets anything on it
  Diagnostics diags;
  style::Resolver memo(theme, doc, diags);
  ComputedStyle before = memo.compute(section, memo.root_style());
  ComputedStyle child_before = memo.compute(span, before);
  for (const Property& p : properties) {
    INFO(p.name);
    ComputedStyle parent = before;
    p.change(parent);
    // The memo has seen the child under `before`: it must tell the parents
    // apart exactly when the child inherits the property.
    ComputedStyle child = memo.compute(span, parent);
    style::Resolver fresh(theme, doc, diags);
    CHECK(child == fresh.compute(span, parent));
    if (p.inherited)
      CHECK_FALSE(child == child_before);
    else
      CHECK(child == child_before);
  }
}

TEST_CASE("inheritance: the memo equals a fresh compute under random parents", "[style]") {
  const char* const tags[] = {"span", "p", "li", "em", "h2", "sub", "strong", "pre", "div"};
  const char* const classes[] = {"a", "b", "c"};
  std::vector<style::CssProblem> problems;
  style::Theme theme = style::Theme::parse(
      ".a { font-size: 1.5em; line-height: 1.4; font-weight: bolder; }\n"
      ".b { font-size: smaller; margin: 1em auto; font-weight: lighter; }\n"
      ".c { line-height: 2em; text-align: right; width: 50%; }\n"
      "li { list-style: upper-roman; padding-left: 2rem; }\n"
      "p .a { color: red; white-space: pre-wrap; }\n",
      "random", problems);
  REQUIRE(problems.empty());
  test::Lcg rng{15};
  dom::Document doc;
  std::vector<dom::NodeId> ids{element(doc, doc.root, "section")};
  for (int e = 0; e < 60; ++e) {
    std::vector<std::string> cls;
    if (rng.below(2)) cls.push_back(classes[rng.below(std::size(classes))]);
    ids.push_back(
        element(doc, ids[rng.below(ids.size())], tags[rng.below(std::size(tags))], std::move(cls)));
  }
  Diagnostics diags;
  style::Resolver memo(theme, doc, diags);
  // A few parents, each a root style with some properties changed, so that
  // the memo sees each element under several of them.
  std::vector<ComputedStyle> parents;
  for (int k = 0; k < 12; ++k) {
    ComputedStyle parent = memo.root_style();
    for (const Property& p : properties) {
      if (rng.below(3) == 0) p.change(parent);
    }
    parents.push_back(parent);
  }
  for (int round = 0; round < 2000; ++round) {
    dom::NodeId id = ids[rng.below(ids.size())];
    const ComputedStyle& parent = parents[rng.below(parents.size())];
    style::Resolver fresh(theme, doc, diags);
    CHECK(memo.compute(id, parent) == fresh.compute(id, parent));
  }
}
