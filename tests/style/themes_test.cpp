// Every reveal.js theme in layouts/: it loads without a warning, and its
// text, headings, links and background are reveal.js 6's (dist/theme/*.css).
#include <algorithm>
#include <catch2/catch.hpp>

#include "style/style.h"
#include "support/paths.h"

using namespace deckpdf;

namespace {

struct Expect {
  const char* name;
  const char* background;
  const char* text;
  const char* heading;
  const char* link;
  float size;             // px
  float h1;               // em
  const char* text_font;  // the first family of the list
  const char* head_font;  // of the headings'
  bool uppercase;         // headings
  const char* contrast;   // the colour of the other background's text
  bool dark;              // whether the theme's own background is dark
};

constexpr Expect kThemes[] = {
    {"black", "#191919", "#fff", "#fff", "#42affa", 42, 2.5f, "Source Sans 3", "Source Sans 3",
     true, "#222", true},
    {"white", "#fff", "#222", "#222", "#2a76dd", 42, 2.5f, "Source Sans 3", "Source Sans 3", true,
     "#fff", false},
    {"league", "#1c1e20", "#eee", "#eee", "#13daec", 40, 3.77f, "Lato", "League Gothic", true,
     "#222", true},
    {"beige", "#f7f3de", "#333", "#333", "#8b743d", 42, 2.5f, "Source Sans 3", "Source Sans 3",
     true, "#fff", false},
    {"night", "#111", "#fff", "#fff", "#e7ad52", 40, 3.77f, "Open Sans", "Montserrat", false,
     "#222", true},
    {"serif", "#f0f1eb", "#000", "#383d3d", "#51483d", 42, 3.77f, "Palatino Linotype",
     "Palatino Linotype", false, "#fff", false},
    {"simple", "#fff", "#000", "#000", "#00008b", 40, 2.5f, "Lato", "News Cycle", true, "#fff",
     false},
    {"solarized", "#fdf6e3", "#657b83", "#586e75", "#268bd2", 40, 3.77f, "Lato", "League Gothic",
     true, "#fff", false},
    {"moon", "#002b36", "#93a1a1", "#eee8d5", "#268bd2", 40, 3.77f, "Lato", "League Gothic", true,
     "#222", true},
    {"dracula", "#191919", "#f8f8f2", "#bd93f9", "#ff79c6", 42, 2.5f, "-apple-system",
     "-apple-system", false, "#282a36", true},
    {"sky", "#f7fbfc", "#333", "#333", "#2a76dd", 40, 3.77f, "Open Sans", "Quicksand", true, "#fff",
     false},
    {"blood", "#222", "#eee", "#eee", "#a23", 40, 3.77f, "Ubuntu", "Ubuntu", true, "#222", true},
    {"black-contrast", "#000", "#fff", "#fff", "#42affa", 42, 2.5f, "Source Sans 3",
     "Source Sans 3", true, "#000", true},
    {"white-contrast", "#fff", "#000", "#000", "#2a76dd", 42, 2.5f, "Source Sans 3",
     "Source Sans 3", true, "#fff", false},
};

style::Color color(const char* css) {
  return *style::parse_color(css);
}

std::string first_family(const std::string& list) {
  std::string f = list.substr(0, list.find(','));
  if (!f.empty() && (f.front() == '"' || f.front() == '\'')) f = f.substr(1, f.size() - 2);
  return f;
}

dom::NodeId element(dom::Document& doc, dom::NodeId parent, const char* tag,
                    std::vector<std::string> classes = {}) {
  dom::Node n;
  n.tag = tag;
  n.classes = std::move(classes);
  return doc.add(std::move(n), parent);
}

}  // namespace

TEST_CASE("layouts/ holds every reveal.js theme, and only themes by name", "[style]") {
  std::vector<std::string> names = style::theme_names(test::source_dir() + "/layouts");
  std::vector<std::string> want;
  for (const Expect& e : kThemes) want.push_back(e.name);
  std::sort(want.begin(), want.end());
  CHECK(names == want);
}

TEST_CASE("each reveal.js theme: reveal.js 6's colours, fonts and sizes", "[style]") {
  for (const Expect& e : kThemes) {
    CAPTURE(e.name);
    std::string error;
    Diagnostics warnings;
    auto theme = style::theme_load(test::source_dir() + "/layouts", e.name, error, warnings);
    REQUIRE(theme);
    CHECK(warnings.items().empty());
    CHECK(theme->background == color(e.background));
    CHECK((style::color_brightness(theme->background) < 128) == e.dark);
    dom::Document doc;
    auto section = element(doc, doc.root, "section");
    auto h1 = element(doc, section, "h1");
    auto a = element(doc, section, "a");
    // A slide of the other brightness gets the theme's contrast colour.
    auto other = element(doc, doc.root, "section",
                         {e.dark ? "has-light-background" : "has-dark-background"});
    auto other_h1 = element(doc, other, "h1");
    Diagnostics diags;
    style::Resolver r(*theme, doc, diags);
    auto s = r.compute(section, r.root_style());
    auto s_h1 = r.compute(h1, s);
    auto s_a = r.compute(a, s);
    auto s_other = r.compute(other, r.root_style());
    auto s_other_h1 = r.compute(other_h1, s_other);
    CHECK(s.color == color(e.text));
    CHECK(s.font_size == e.size);
    CHECK(first_family(s.font_family) == e.text_font);
    CHECK(s_h1.color == color(e.heading));
    CHECK(s_h1.font_size == Approx(e.size * e.h1));
    CHECK(first_family(s_h1.font_family) == e.head_font);
    CHECK((s_h1.text_transform == style::TextTransform::Uppercase) == e.uppercase);
    CHECK(s_a.color == color(e.link));
    CHECK(s_other.color == color(e.contrast));
    CHECK(s_other_h1.color == color(e.contrast));
    CHECK(diags.items().empty());
  }
}
