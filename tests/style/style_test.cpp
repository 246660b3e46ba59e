#include "style/style.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/paths.h"

using namespace deckpdf;

namespace {
dom::NodeId element(dom::Document& doc, dom::NodeId parent, const std::string& tag,
                    std::vector<std::string> classes = {}, std::string style = "") {
  dom::Node n;
  n.tag = tag;
  n.classes = std::move(classes);
  if (!style.empty()) n.attrs.push_back({"style", style, false, {}});
  return doc.add(std::move(n), parent);
}
}  // namespace

TEST_CASE("colours: names, #rgb, #rrggbb, rgb() and rgba()", "[style]") {
  CHECK(*style::parse_color("#fff") == style::Color{1, 1, 1, 1});
  CHECK(*style::parse_color("#ff0000") == style::Color{1, 0, 0, 1});
  CHECK(*style::parse_color("red") == style::Color{1, 0, 0, 1});
  auto c = *style::parse_color("rgba(0, 0, 255, 0.5)");
  CHECK(c.b == 1);
  CHECK(c.a == Approx(0.5));
  CHECK_FALSE(style::parse_color("#ggg"));
  CHECK_FALSE(style::parse_color("nocolour"));
}

TEST_CASE("declarations: a semicolon inside quotes and parentheses does not split", "[style]") {
  auto d = style::parse_declarations("font-family: \"a;b\", sans-serif; color: rgb(1,2,3)");
  REQUIRE(d.size() == 2);
  CHECK(d[0].property == "font-family");
  CHECK(d[0].value == "\"a;b\", sans-serif");
  CHECK(d[1].value == "rgb(1,2,3)");
}

TEST_CASE("the cascade: defaults < theme by specificity < inline style", "[style]") {
  std::vector<style::CssProblem> errors;
  style::Theme theme = style::Theme::parse(
      ":root { --slide-width: 1024px; }\n"
      "section { font-size: 40px; color: #222; text-align: center; }\n"
      "h2 { font-size: 1.5em; text-transform: uppercase; }\n"
      ".big { font-size: 80px; }\n"
      "ul li { color: blue; }\n",
      "test", errors);
  CHECK(errors.empty());
  CHECK(theme.slide_width == 1024);
  dom::Document doc;
  auto section = element(doc, doc.root, "section");
  auto h2 = element(doc, section, "h2");
  auto big = element(doc, section, "h2", {"big"});
  auto inl = element(doc, section, "h2", {"big"}, "font-size: 10px; color: red");
  auto ul = element(doc, section, "ul");
  auto li = element(doc, ul, "li");
  auto bare_li = element(doc, section, "li");
  Diagnostics diags;
  style::Resolver r(theme, doc, diags);
  auto root = r.root_style();
  auto s_section = r.compute(section, root);
  CHECK(s_section.display == style::Display::Block);
  CHECK(s_section.font_size == 40);
  auto s_h2 = r.compute(h2, s_section);
  CHECK(s_h2.font_size == 60);     // 1.5em of the section's 40px
  CHECK(s_h2.font_weight == 700);  // from the element defaults
  CHECK(s_h2.text_transform == style::TextTransform::Uppercase);
  CHECK(s_h2.text_align == style::TextAlign::Center);  // inherited
  CHECK(r.compute(big, s_section).font_size == 80);    // class beats element
  auto s_inl = r.compute(inl, s_section);
  CHECK(s_inl.font_size == 10);  // inline beats everything
  CHECK(s_inl.color == style::Color{1, 0, 0, 1});
  auto s_ul = r.compute(ul, s_section);
  CHECK(r.compute(li, s_ul).color == style::Color{0, 0, 1, 1});  // descendant selector
  CHECK(r.compute(bare_li, s_section).color.b < 0.2f);           // not inside ul
  CHECK(r.compute(li, s_ul).display == style::Display::ListItem);
}

TEST_CASE("unsupported inline style gets a warning, never an error", "[style]") {
  std::vector<style::CssProblem> errors;
  style::Theme theme = style::Theme::parse("", "empty", errors);
  dom::Document doc;
  auto p = element(doc, doc.root, "p", {}, "colour: red; color: nonsense");
  Diagnostics diags;
  style::Resolver r(theme, doc, diags);
  r.compute(p, r.root_style());
  CHECK_FALSE(diags.has_errors());
  CHECK(diags.items().size() == 2);
  CHECK(diags.has_code("style.unsupported"));  // color: nonsense, where it is
  CHECK(diags.has_code("style.not-drawn"));    // colour: said once for the deck
}

TEST_CASE("an inline style property deckpdf does not draw is said once, a bad value each time",
          "[style]") {
  std::vector<style::CssProblem> errors;
  style::Theme theme = style::Theme::parse("", "empty", errors);
  dom::Document doc;
  auto a = element(doc, doc.root, "p", {}, "zoom: 2; color: nonsense");
  auto b = element(doc, doc.root, "p", {}, "zoom: 3; color: rubbish");
  Diagnostics diags;
  style::Resolver r(theme, doc, diags);
  r.compute(a, r.root_style());
  r.compute(b, r.root_style());
  size_t not_drawn = 0, bad = 0;
  for (const Diagnostic& d : diags.items()) {
    not_drawn += d.code == "style.not-drawn";
    bad += d.code == "style.unsupported";
  }
  CHECK(not_drawn == 1);
  CHECK(bad == 2);
}

TEST_CASE("a theme with an unsupported selector keeps its other rules", "[style]") {
  std::vector<style::CssProblem> errors;
  style::Theme theme =
      style::Theme::parse("a:hover { color: red }\np { color: blue }", "t", errors);
  CHECK(errors.size() == 1);
  CHECK(theme.rules.size() == 1);
}

TEST_CASE("the bundled themes load", "[style]") {
  std::string error;
  Diagnostics warnings;
  auto theme =
      style::theme_load(deckpdf::test::source_dir() + "/layouts", "white", error, warnings);
  REQUIRE(theme);
  CHECK(warnings.items().empty());
  CHECK(theme->slide_width == 960);
  CHECK(theme->slide_height == 700);
}

TEST_CASE("a theme may @import another and override its rules", "[style]") {
  std::string dir = deckpdf::test::temp_dir() + "/themes";
  std::filesystem::create_directories(dir + "/sub");
  deckpdf::test::write_file(dir + "/mine.css",
                            "/* @import \"ignored.css\"; in a comment */\n"
                            "@import \"white.css\";\n"
                            ":root { --slide-width: 800px; }\n"
                            "h2 { color: red; }\n");
  deckpdf::test::write_file(dir + "/sub/escape.css", "@import \"../../../../etc/x.css\";\np { }\n");
  std::string layouts = deckpdf::test::source_dir() + "/layouts";
  std::string error;
  Diagnostics warnings;
  auto theme = style::theme_load(layouts, dir + "/mine.css", error, warnings);
  REQUIRE(theme);
  CHECK(warnings.items().empty());
  CHECK(theme->slide_width == 800);   // own variable
  CHECK(theme->slide_height == 700);  // from white.css
  dom::Document doc;
  auto section = element(doc, doc.root, "section");
  auto h2 = element(doc, section, "h2");
  Diagnostics diags;
  style::Resolver r(*theme, doc, diags);
  auto s_section = r.compute(section, r.root_style());
  auto s_h2 = r.compute(h2, s_section);
  CHECK(s_section.font_size == 42);                               // white's rule
  CHECK(s_h2.color == style::Color{1, 0, 0, 1});                  // the override wins
  CHECK(s_h2.text_transform == style::TextTransform::Uppercase);  // white's, kept

  Diagnostics escape_warnings;
  auto escape = style::theme_load(layouts, dir + "/sub/escape.css", error, escape_warnings);
  REQUIRE(escape);
  REQUIRE(escape_warnings.items().size() == 1);
  CHECK(escape_warnings.items()[0].code == "theme.import-refused");
}
