// reveal.js's has-dark-background / has-light-background classes: which
// slides get one, as backgrounds.js's getContrastClass decides, and what
// the themes' rules for them do.
#include "style/contrast.h"

#include <catch2/catch.hpp>

#include "deck/deck.h"
#include "style/style.h"
#include "support/paths.h"

using namespace deckpdf;

namespace {

dom::NodeId section(dom::Document& doc, dom::NodeId parent,
                    std::vector<std::pair<std::string, std::string>> attrs) {
  dom::Node n;
  n.tag = "section";
  for (auto& [k, v] : attrs) n.attrs.push_back({k, v, false, {}});
  return doc.add(std::move(n), parent);
}

bool has(const dom::Node& n, const char* cls) {
  return std::find(n.classes.begin(), n.classes.end(), cls) != n.classes.end();
}

}  // namespace

TEST_CASE("contrast: the slide's own background colour decides, brightness < 128 is dark",
          "[style]") {
  dom::Document doc;
  struct Case {
    std::vector<std::pair<std::string, std::string>> attrs;
    const char* want;  // the class, or nullptr for none
  };
  const Case cases[] = {
      {{{"data-background-color", "#002b36"}}, "has-dark-background"},
      {{{"data-background-color", "#fdf6e3"}}, "has-light-background"},
      {{{"data-background-color", "navy"}}, "has-dark-background"},
      {{{"data-background-color", "hsl(0 0% 60%)"}}, "has-light-background"},  // 153
      {{{"data-background-color", "rgb(127 127 127)"}}, "has-dark-background"},
      {{{"data-background-color", "rgb(128 128 128)"}}, "has-light-background"},
      {{{"data-background-color", "transparent"}}, nullptr},
      {{{"data-background-color", "rgba(0, 0, 0, 0)"}}, nullptr},
      {{{"data-background-color", "not a colour"}}, nullptr},
      {{{"data-background", "#111"}}, "has-dark-background"},
      {{{"data-background", "white url(x.png) no-repeat"}}, "has-light-background"},
      {{{"data-background", "img/photo.jpg"}}, nullptr},  // a picture
      {{{"data-background", "https://example.com/x"}}, nullptr},
      {{{"data-background-image", "img/dark.png"}}, nullptr},
      // reveal.js sets a gradient as the background element's image; its
      // colour stays transparent, so no class.
      {{{"data-background-gradient", "linear-gradient(#000, #111)"}}, nullptr},
      {{}, nullptr},
  };
  std::vector<dom::NodeId> ids;
  for (const Case& c : cases) ids.push_back(section(doc, doc.root, c.attrs));
  // A stack with a dark background, one slide inside it with none.
  dom::NodeId stack = section(doc, doc.root, {{"data-background-color", "black"}});
  dom::NodeId inner = section(doc, stack, {});
  deck::Deck deck;
  for (dom::NodeId id : ids) deck.slides.push_back({.section = id});
  deck.slides.push_back({.section = inner, .v = 1});
  style::contrast_classes(doc, deck);
  for (size_t k = 0; k < std::size(cases); ++k) {
    CAPTURE(k);
    const dom::Node& n = doc[ids[k]];
    if (cases[k].want) {
      CHECK(n.classes == std::vector<std::string>{cases[k].want});
    } else {
      CHECK(n.classes.empty());
    }
  }
  CHECK(has(doc[stack], "has-dark-background"));
  CHECK(doc[inner].classes.empty());
}

TEST_CASE("contrast: white's text turns white on a dark slide, moon's dark on a light one",
          "[style]") {
  for (const char* theme_name : {"white", "moon"}) {
    CAPTURE(theme_name);
    std::string error;
    Diagnostics diags;
    auto theme = style::theme_load(test::source_dir() + "/layouts", theme_name, error, diags);
    REQUIRE(theme);
    dom::Document doc;
    dom::NodeId plain = section(doc, doc.root, {});
    dom::NodeId dark = section(doc, doc.root, {{"data-background-color", "#123"}});
    dom::NodeId light = section(doc, doc.root, {{"data-background-color", "lavender"}});
    std::vector<dom::NodeId> headings;
    for (dom::NodeId s : {plain, dark, light}) {
      dom::Node h;
      h.tag = "h2";
      headings.push_back(doc.add(std::move(h), s));
    }
    deck::Deck deck;
    for (dom::NodeId s : {plain, dark, light}) deck.slides.push_back({.section = s});
    style::contrast_classes(doc, deck);
    style::Resolver r(*theme, doc, diags);
    auto text = [&](size_t k) {
      auto s = r.compute(deck.slides[k].section, r.root_style());
      return std::pair{s.color, r.compute(headings[k], s).color};
    };
    bool is_white = std::string(theme_name) == "white";
    style::Color own_text = *style::parse_color(is_white ? "#222" : "#93a1a1");
    style::Color own_heading = *style::parse_color(is_white ? "#222" : "#eee8d5");
    CHECK(text(0) == std::pair{own_text, own_heading});
    if (is_white) {
      style::Color white{1, 1, 1, 1};
      CHECK(text(1) == std::pair{white, white});
      CHECK(text(2) == std::pair{own_text, own_heading});  // white has no light rule
    } else {
      style::Color dark_text = *style::parse_color("#222");
      CHECK(text(1) == std::pair{own_text, own_heading});  // moon has no dark rule
      CHECK(text(2) == std::pair{dark_text, dark_text});
    }
    CHECK(diags.items().empty());
  }
}
