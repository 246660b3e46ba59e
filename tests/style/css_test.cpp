// The pieces of the style stage on their own: CSS values (value.h), the
// CSS reader (css.h), the defaults (defaults.h), one declaration applied
// (apply.h) and reading theme files (theme.h).
#include <catch2/catch.hpp>
#include <filesystem>

#include "style/apply.h"
#include "style/defaults.h"
#include "style/style.h"
#include "style/value.h"
#include "support/paths.h"

using namespace deckpdf;

TEST_CASE("values: parts outside parentheses, lengths in px, numbers", "[style]") {
  CHECK(style::split_values("1px  solid rgb(1, 2, 3)") ==
        std::vector<std::string>{"1px", "solid", "rgb(1, 2, 3)"});
  CHECK(*style::parse_length("12px", 10, 16, 200) == 12);
  CHECK(*style::parse_length(" 2EM ", 10, 16, 200) == 20);  // units in any case
  CHECK(*style::parse_length("2rem", 10, 16, 200) == 32);
  CHECK(*style::parse_length("50%", 10, 16, 200) == 100);
  CHECK(*style::parse_length("72pt", 10, 16, 200) == Approx(96));
  CHECK(*style::parse_length("1in", 10, 16, 200) == 96);
  CHECK(*style::parse_length("0", 10, 16, 200) == 0);
  CHECK_FALSE(style::parse_length("12", 10, 16, 200));  // only 0 may omit its unit
  CHECK_FALSE(style::parse_length("10vw", 10, 16, 200));
  CHECK_FALSE(style::parse_length("wide", 10, 16, 200));
  CHECK(style::is_percentage(" 40% "));
  CHECK_FALSE(style::is_percentage("40px"));
  CHECK(style::parse_number("0.75", 1) == Approx(0.75));
  CHECK(style::parse_number("x", 0.5f) == 0.5f);
}

TEST_CASE("values: calc() sums lengths and keeps percentages apart", "[style]") {
  auto c = style::parse_calc("calc(100% - 1em)", 10, 16);
  REQUIRE(c);
  CHECK(c->has_pct);
  CHECK(c->pct == 100);
  CHECK(c->px == -10);
  c = style::parse_calc("CALC( 2 * 100px + 1rem - 50% / 2 )", 10, 16);
  REQUIRE(c);
  CHECK(c->px == 216);
  CHECK(c->pct == -25);
  c = style::parse_calc("calc(3em)", 10, 16);
  REQUIRE(c);
  CHECK_FALSE(c->has_pct);
  CHECK(c->px == 30);
  CHECK_FALSE(style::parse_calc("calc()", 10, 16));
  CHECK_FALSE(style::parse_calc("calc(10px +)", 10, 16));
  CHECK_FALSE(style::parse_calc("calc(10px 20px)", 10, 16));
  CHECK_FALSE(style::parse_calc("calc(100vw - 10px)", 10, 16));
  CHECK_FALSE(style::parse_calc("calc(10px / 0)", 10, 16));
  CHECK_FALSE(style::parse_calc("10px", 10, 16));
}

TEST_CASE("css: @media print and all apply, other at-rules are passed over", "[style]") {
  std::vector<style::CssProblem> problems;
  uint32_t order = 0;
  auto rules = style::parse_rules(
      "@charset \"utf-8\";\n"
      "@media print { a { color: red } .b { color: red } }\n"
      "@media screen { c { color: blue } }\n"
      "@media only screen, print { d { color: red } }\n"
      "@media (max-width: 600px) { e { color: blue } }\n"
      "@font-face { font-family: X; src: url(\"x}.woff\") }\n"
      "@keyframes k { from { opacity: 0 } to { opacity: 1 } }\n"
      "@supports (display: grid) { f { color: blue } }\n"
      "g { color: green }\n",
      nullptr, problems, order);
  CHECK(problems.empty());
  std::string tags;
  for (const style::Rule& r : rules) {
    tags +=
        r.selector.parts[0].tag.empty() ? r.selector.parts[0].classes[0] : r.selector.parts[0].tag;
  }
  CHECK(tags == "abdg");
  // An at-rule block never closed is reported, and ends the sheet.
  problems.clear();
  CHECK(style::parse_rules("h1 { color: red }\n@media print { a { }", nullptr, problems, order)
            .size() == 1);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "theme.unclosed-brace");
}

TEST_CASE("css: comments keep line numbers, selector lists, :root variables", "[style]") {
  style::Uncommented plain = style::strip_comments("a /* x\ny */ b /**/c");
  CHECK(plain.text == "a \n b c");
  CHECK(plain.origin(1) == 1);
  CHECK(plain.origin(2) == 2);   // the newline kept from a comment: where that began
  CHECK(plain.origin(4) == 12);  // "b", after the first comment
  CHECK(plain.origin(6) == 18);  // "c", after both
  std::vector<style::Declaration> root;
  std::vector<style::CssProblem> errors;
  uint32_t order = 5;
  std::string_view css =
      "/* one\n two */\n"
      ":root { --accent: red }\n"
      "h1, .x > #y { color: blue; margin: 0 !important }\n"
      "p:hover { color: red }\n"
      "trailing";
  auto rules = style::parse_rules(css, &root, errors, order);
  REQUIRE(rules.size() == 2);  // one per selector of the list
  REQUIRE(root.size() == 1);
  CHECK(root[0].property == "--accent");
  CHECK(root[0].value == "red");
  CHECK(rules[0].order == 5);
  CHECK(rules[1].order == 6);
  CHECK(order == 7);
  CHECK(rules[0].selector.specificity == 1);
  CHECK(rules[1].selector.specificity == 10100);
  REQUIRE(rules[1].selector.parts.size() == 2);
  CHECK(rules[1].selector.parts[0].id == "y");  // the subject first
  CHECK(rules[1].selector.parts[0].child);      // its parent must be .x
  CHECK(rules[1].selector.parts[1].classes == std::vector<std::string>{"x"});
  REQUIRE(rules[0].declarations.size() == 2);
  // Spans are in the CSS given, comments included.
  auto text = [&](Span s) { return css.substr(s.begin, s.end - s.begin); };
  CHECK(text(rules[0].declarations[0].span) == "color: blue");
  CHECK(rules[0].declarations[1].value == "0");
  CHECK(text(root[0].span) == "--accent: red");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].code == "theme.unsupported-selector");
  CHECK(errors[0].message == "selector 'p:hover' is not supported; its rule is ignored");
  CHECK(text(errors[0].span) == "p:hover");
  CHECK(errors[1].code == "theme.trailing-text");
  CHECK(text(errors[1].span) == "trailing");
}

TEST_CASE("the element defaults: headings are bold blocks, notes are hidden", "[style]") {
  const auto& rules = style::default_rules();
  auto sets = [&](const std::string& tag, const std::string& property) {
    for (const style::Rule& r : rules) {
      if (r.selector.parts.size() != 1 || r.selector.parts[0].tag != tag) continue;
      for (const auto& d : r.declarations) {
        if (d.property == property) return d.value;
      }
    }
    return std::string();
  };
  CHECK(sets("h1", "font-weight") == "bold");
  CHECK(sets("h1", "display") == "block");
  CHECK(sets("li", "display") == "list-item");
  dom::Document doc;
  dom::Node aside;
  aside.tag = "aside";
  aside.classes = {"notes"};
  dom::NodeId id = doc.add(std::move(aside), doc.root);
  style::MatchScratch scratch;
  std::vector<const style::Rule*> matched;
  style::matches_append(rules, style::default_index(), doc, id, scratch, matched);
  bool hidden = false;
  for (const style::Rule* r : matched) {
    for (const auto& d : r->declarations) hidden |= d.property == "display" && d.value == "none";
  }
  CHECK(hidden);
}

TEST_CASE("structural pseudo-classes: first, last, only, nth and not", "[style]") {
  // ul > (li.a, text, li.b, li.c, li.d, li.e); p alone in a div.
  dom::Document doc;
  auto element = [&](const char* tag, std::vector<std::string> classes, dom::NodeId parent) {
    dom::Node node;
    node.tag = tag;
    node.classes = std::move(classes);
    return doc.add(std::move(node), parent);
  };
  const dom::NodeId ul = element("ul", {}, doc.root);
  std::vector<dom::NodeId> li;
  li.push_back(element("li", {"a"}, ul));
  dom::Node space;
  space.kind = dom::NodeKind::Text;
  space.text = " ";
  doc.add(std::move(space), ul);  // text between elements does not count
  for (const char* cls : {"b", "c", "d", "e"}) li.push_back(element("li", {cls}, ul));
  const dom::NodeId p = element("p", {}, element("div", {}, doc.root));

  auto matching = [&](const std::string& selector) {
    std::vector<style::CssProblem> problems;
    uint32_t order = 0;
    auto rules = style::parse_rules(selector + " { color: red }", nullptr, problems, order);
    REQUIRE(problems.empty());
    REQUIRE(rules.size() == 1);
    std::string out;
    style::SiblingPositions siblings;
    for (size_t k = 0; k < li.size(); ++k) {
      if (style::selector_matches(rules[0].selector, doc, li[k], siblings)) out += "abcde"[k];
    }
    if (style::selector_matches(rules[0].selector, doc, p, siblings)) out += 'p';
    return out;
  };
  CHECK(matching("li:first-child") == "a");
  CHECK(matching(":last-child") == "ep");
  CHECK(matching(":only-child") == "p");
  CHECK(matching("li:nth-child(2)") == "b");
  CHECK(matching("li:nth-child(odd)") == "ace");
  CHECK(matching("li:nth-child(even)") == "bd");
  CHECK(matching("li:nth-child(n+3):nth-child(-n+4)") == "cd");  // the plugin's line range
  CHECK(matching("li:nth-child( 2n + 1 )") == "ace");
  CHECK(matching("li:nth-last-child(2)") == "d");
  CHECK(matching("li:not(.c)") == "abde");
  CHECK(matching(":not(:first-child)") == "bcde");
  CHECK(matching("ul > li:not(:nth-child(odd))") == "bd");

  // Specificity: a pseudo-class counts as a class, :not() as its argument.
  std::vector<style::CssProblem> problems;
  uint32_t order = 0;
  auto rules = style::parse_rules(
      "li:first-child {} li:not(#x) {} p:hover {} li::before {} li:nth-child(x) {}", nullptr,
      problems, order);
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].selector.specificity == 101);
  CHECK(rules[1].selector.specificity == 10001);
  REQUIRE(problems.size() == 3);  // states, pseudo-elements and bad arguments are refused
  CHECK(problems[2].message == "selector 'li:nth-child(x)' is not supported; its rule is ignored");
}

TEST_CASE("one declaration: shorthands, auto margins, what is ignored", "[style]") {
  style::ComputedStyle parent;
  style::ComputedStyle s;
  s.font_size = 20;
  style::Applier ap{s, parent, 16};
  CHECK(ap.apply({"margin", "1px 2em 3px", 0}));
  CHECK(s.margin == style::Edges{1, 40, 3, 40, false, false});
  CHECK(ap.apply({"margin", "0 auto", 0}));
  CHECK(s.margin == style::Edges{0, 0, 0, 0, true, true});
  CHECK_FALSE(ap.apply({"padding", "auto", 0}));  // auto is for margins only
  CHECK(ap.apply({"width", "50%", 0}));
  CHECK(*s.width_pct == 50);
  CHECK_FALSE(s.width);
  CHECK(ap.apply({"line-height", "1.5", 0}));
  CHECK(ap.line_height_factor == 1.5f);
  CHECK(ap.apply({"font-family", "\"Fira Sans\", serif", 0}));
  CHECK(s.font_family == "\"Fira Sans\", serif");       // as written, not lower-cased
  CHECK(ap.apply({"box-shadow", "0 0 2px black", 0}));  // accepted, not drawn
  CHECK(ap.apply({"--accent", "red", 0}));
  CHECK_FALSE(ap.apply({"colour", "red", 0}));
  CHECK_FALSE(ap.apply({"display", "sideways", 0}));
}

TEST_CASE("keyword properties: every keyword, and what is not one", "[style]") {
  style::ComputedStyle parent;
  parent.font_weight = 700;
  style::ComputedStyle s;
  style::Applier ap{s, parent, 16};
  auto text_align = [&](const char* v) {
    s.text_align = style::TextAlign::Justify;
    return ap.apply({"text-align", v, 0}) ? s.text_align : std::optional<style::TextAlign>();
  };
  CHECK(text_align("start") == style::TextAlign::Left);
  CHECK(text_align("END") == style::TextAlign::Right);  // values are read in lower case
  CHECK(text_align("center") == style::TextAlign::Center);
  CHECK_FALSE(text_align("middle"));
  CHECK(s.text_align == style::TextAlign::Justify);  // an unknown keyword keeps the value
  CHECK(ap.apply({"display", "inline-flex", 0}));
  CHECK(s.display == style::Display::InlineFlex);
  CHECK(ap.apply({"display", "table-cell", 0}));
  CHECK(s.display == style::Display::Block);
  CHECK(ap.apply({"white-space", "pre-line", 0}));
  CHECK(s.white_space == style::WhiteSpace::PreLine);
  CHECK(ap.apply({"text-transform", "capitalize", 0}));
  CHECK(s.text_transform == style::TextTransform::Capitalize);
  CHECK(ap.apply({"list-style", "inside upper-latin", 0}));
  CHECK(s.list_style == style::ListStyle::UpperAlpha);
  CHECK(ap.apply({"list-style", "inside", 0}));  // the shorthand without a type
  CHECK_FALSE(ap.apply({"list-style-type", "inside", 0}));
  CHECK(ap.apply({"font-style", "oblique", 0}));
  CHECK(s.italic);
  CHECK_FALSE(ap.apply({"font-style", "slanted", 0}));
  CHECK_FALSE(s.italic);  // not taken, and yet normal
  CHECK(ap.apply({"font-weight", "normal", 0}));
  CHECK(s.font_weight == 400);
  CHECK(ap.apply({"font-weight", "bolder", 0}));
  CHECK(s.font_weight == 900);  // from the parent's 700
  CHECK(ap.apply({"font-size", "x-large", 0}));
  CHECK(s.font_size == 24);
  CHECK(ap.apply({"vertical-align", "super", 0}));
  CHECK(s.vertical_align == style::VerticalAlign::Super);
  CHECK(ap.apply({"vertical-align", "middle", 0}));
  CHECK(s.vertical_align == style::VerticalAlign::Middle);
  CHECK(ap.apply({"vertical-align", "text-bottom", 0}));
  CHECK(s.vertical_align == style::VerticalAlign::TextBottom);
  CHECK(ap.apply({"vertical-align", "-0.5em", 0}));
  CHECK(s.vertical_align == style::VerticalAlign::Length);
  CHECK(s.vertical_align_by == -12);  // of the 24 px font size
  CHECK(ap.apply({"vertical-align", "25%", 0}));
  CHECK(s.vertical_align == style::VerticalAlign::Percent);
  CHECK(s.vertical_align_by == Approx(0.25f));
  CHECK(ap.apply({"vertical-align", "sideways", 0}));  // anything else: the baseline
  CHECK(s.vertical_align == style::VerticalAlign::Baseline);
  CHECK(s.vertical_align_by == 0);
}

TEST_CASE("a theme must be a readable file", "[style]") {
  std::string dir = deckpdf::test::temp_dir() + "/theme-folder.css";
  std::filesystem::create_directories(dir);
  std::string error;
  Diagnostics warnings;
  std::string layouts = deckpdf::test::source_dir() + "/layouts";
  CHECK_FALSE(style::theme_load(layouts, dir, error, warnings));
  CHECK(error.find("cannot read theme") != std::string::npos);
  error.clear();
  CHECK_FALSE(style::theme_load(layouts, "no-such-theme", error, warnings));
  CHECK(error.find("no-such-theme.css") != std::string::npos);
}

TEST_CASE("values split at spaces or commas outside parentheses", "[style]") {
  using V = std::vector<std::string>;
  CHECK(style::split_values("  1px solid rgb(1, 2, 3) ") == V{"1px", "solid", "rgb(1, 2, 3)"});
  CHECK(style::split_commas("red, rgb(0, 0, 0) 50%,,blue") ==
        V{"red", " rgb(0, 0, 0) 50%", "", "blue"});
  CHECK(style::split_commas("") == V{""});
}
