// reveal.js's slide visibility (data-visibility), notes in data-notes, and
// the warnings for near misses of reveal.js's class names.
#include <catch2/catch.hpp>

#include "deck/classes.h"
#include "deck/deck.h"
#include "pug/parse.h"

using namespace deckpdf;

namespace {

struct Built {
  Source source;
  dom::Document doc;
  deck::Deck deck;
  Diagnostics diags;
};

std::unique_ptr<Built> build(const std::string& text) {
  auto b = std::unique_ptr<Built>(new Built{Source("t.pug", text), {}, {}, {}});
  uint32_t body = 0;
  FrontMatter fm = source_parse_front_matter(b->source, b->diags, body);
  b->doc = pug::parse(b->source, body, b->diags);
  deck::data_notes_apply(b->doc);
  b->deck = deck::deck_build(b->doc, fm, b->diags);
  return b;
}

std::vector<std::string> labels(const deck::Deck& d) {
  std::vector<std::string> out;
  for (const auto& s : d.slides)
    out.push_back(s.label() + (s.uncounted ? "u" : "") + " " + s.title);
  return out;
}

std::vector<std::string> codes(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items()) out.push_back(d.code);
  return out;
}

}  // namespace

TEST_CASE("hidden slides are left out and not counted, uncounted ones are kept", "[deck]") {
  auto b = build(
      "section\n  h2 One\n"
      "section(data-visibility=\"hidden\")\n  h2 Hidden\n"
      "section\n"
      "  section\n    h2 Top\n"
      "  section(data-visibility=\"hidden\")\n    h2 Hidden inner\n"
      "  section\n    h2 Below\n"
      "section(data-visibility=\"hidden\")\n  section\n    h2 Hidden stack\n"
      "section\n  section(data-visibility=\"hidden\")\n    h2 All hidden\n"
      "section(data-visibility=\"uncounted\")\n  h2 Bonus\n"
      "section\n  h2 Last\n");
  CHECK(labels(b->deck) ==
        std::vector<std::string>{"1 One", "2.1 Top", "2.2 Below", "3u Bonus", "4 Last"});
  CHECK(b->diags.items().empty());
  // Links into a hidden slide go nowhere.
  auto c =
      build("section\n  a(href=\"#gone\") x\nsection#gone(data-visibility=\"hidden\")\n  p y\n");
  CHECK_FALSE(c->deck.link_resolve("#gone"));
}

TEST_CASE("data-notes is the slide's notes, over an aside.notes", "[deck]") {
  auto b = build(
      "section(data-notes=\"From the attribute.\")\n  h2 One\n"
      "section(data-notes=\"Wins.\")\n  h2 Two\n  aside.notes Loses.\n"
      "section\n  h2 Three\n  aside.notes Aside only.\n"
      "section(data-notes=\"\")\n  h2 Four\n");
  REQUIRE(b->deck.slides.size() == 4);
  auto notes = [&](size_t i) {
    const deck::Slide& s = b->deck.slides[i];
    return s.notes == dom::no_node ? std::string("-") : b->doc.text_content(s.notes);
  };
  CHECK(notes(0) == "From the attribute.");
  CHECK(notes(1) == "Wins.");
  CHECK(notes(2) == "Aside only.");
  CHECK(notes(3) == "-");
  CHECK(b->doc[b->deck.slides[0].notes].tag == "aside");
  // The notes are not part of the slide: its title stays its heading.
  CHECK(b->deck.slides[0].title == "One");
}

TEST_CASE("near misses of reveal.js class names are warnings with did you mean", "[deck]") {
  auto b = build(
      "section\n"
      "  ul\n    li.fragmnet a\n    li.fragmnet b\n    li.fragments c\n    li.fragment d\n"
      "  aside.note Meant as notes\n"
      "  div.note A callout of the deck's own\n"
      "  p.fade-inn e\n  p.highlight-gren f\n  p.r-fit-txt g\n"
      "  p.grow h\n  p.big i\n  p.node j\n");
  std::vector<std::string> messages;
  for (const auto& d : b->diags.items()) messages.push_back(d.message);
  CHECK(codes(b->diags) == std::vector<std::string>(6, "deck.class-typo"));
  REQUIRE(messages.size() == 6);
  CHECK(messages[0].find("'fragmnet'") != std::string::npos);
  CHECK(messages[0].find("did you mean 'fragment'?") != std::string::npos);  // once for both
  CHECK(messages[1].find("'fragments'") != std::string::npos);
  CHECK(messages[2].find("'aside.note'") != std::string::npos);
  CHECK(messages[2].find("'aside.notes'") != std::string::npos);
  CHECK(messages[3].find("did you mean 'fade-in'?") != std::string::npos);
  CHECK(messages[4].find("did you mean 'highlight-green'?") != std::string::npos);
  CHECK(messages[5].find("did you mean 'r-fit-text'?") != std::string::npos);
  // At the element.
  CHECK(b->source.line_col(b->diags.items()[0].span.begin).line == 3);
}

TEST_CASE("name_distance counts a swap of neighbours as one edit", "[deck]") {
  CHECK(deck::name_distance("fragmnet", "fragment") == 1);
  CHECK(deck::name_distance("fragment", "fragment") == 0);
  CHECK(deck::name_distance("note", "notes") == 1);
  CHECK(deck::name_distance("", "abc") == 3);
  CHECK(deck::name_distance("kitten", "sitting") == 3);
}
