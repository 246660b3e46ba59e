#include <catch2/catch.hpp>

#include "deck/deck.h"
#include "pug/parse.h"
#include "support/paths.h"

using namespace deckpdf;

namespace {
struct Parsed {
  Source source;
  dom::Document doc;
  deck::Deck deck;
  Diagnostics diags;
};

std::unique_ptr<Parsed> parse(const std::string& text) {
  auto p = std::unique_ptr<Parsed>(new Parsed{Source("t.pug", text), {}, {}, {}});
  uint32_t body = 0;
  FrontMatter fm = source_parse_front_matter(p->source, p->diags, body);
  p->doc = pug::parse(p->source, body, p->diags);
  p->deck = deck::deck_build(p->doc, fm, p->diags);
  return p;
}

std::vector<std::string> fragment_texts(const Parsed& p, const deck::Slide& s) {
  std::vector<std::string> out;
  for (const auto& f : s.fragments) out.push_back(p.doc.text_content(f.node));
  return out;
}
}  // namespace

TEST_CASE("the seed deck: six slides, titles, notes and fragment steps", "[deck]") {
  auto p = parse(test::read_file(test::source_dir() + "/samples/beam.pug"));
  REQUIRE(p->deck.slides.size() == 6);
  std::vector<std::string> titles;
  std::vector<int> steps;
  for (const auto& s : p->deck.slides) {
    titles.push_back(s.title);
    steps.push_back(s.step_count);
    CHECK(s.notes != dom::no_node);
  }
  CHECK(titles == std::vector<std::string>{"BEAM", "The ErlangVM", "Processes and messages",
                                           "Concurrency", "Performance", "Other Cool Stuff"});
  // Slides 2..6 have 3, 0, 6, 1 and 2 fragments: 1+4+1+7+2+3 = 18 build pages.
  CHECK(steps == std::vector<int>{0, 3, 0, 6, 1, 2});
  const deck::Slide& s4 = p->deck.slides[3];
  CHECK(fragment_texts(*p, s4)[0] == "WhatsApp 2 million");
  CHECK(s4.label() == "4");
  CHECK(p->source.line_col(s4.span.begin).line == 46);
}

TEST_CASE("data-fragment-index groups and reorders; the rest follow in order", "[deck]") {
  auto p = parse(
      "section\n"
      "  p.fragment(data-fragment-index=\"2\") late\n"
      "  p.fragment plain\n"
      "  p.fragment(data-fragment-index=\"1\") early\n"
      "  p.fragment(data-fragment-index=\"2\") late too\n"
      "  aside.notes\n"
      "    p.fragment not a fragment in notes\n");
  REQUIRE(p->deck.slides.size() == 1);
  const deck::Slide& s = p->deck.slides[0];
  CHECK(s.step_count == 3);
  REQUIRE(s.fragments.size() == 4);
  CHECK(fragment_texts(*p, s) ==
        std::vector<std::string>{"early", "late", "late too", "plain"});
  CHECK(s.fragments[0].step == 1);
  CHECK(s.fragments[1].step == 2);
  CHECK(s.fragments[2].step == 2);
  CHECK(s.fragments[3].step == 3);
}

TEST_CASE("vertical stacks give h.v labels", "[deck]") {
  auto p = parse(
      "section\n  h1 One\n"
      "section\n  section\n    h2 Two A\n  section\n    h2 Two B\n"
      "section\n  h2 Three\n");
  REQUIRE(p->deck.slides.size() == 4);
  CHECK(p->deck.slides[0].label() == "1");
  CHECK(p->deck.slides[1].label() == "2.1");
  CHECK(p->deck.slides[2].label() == "2.2");
  CHECK(p->deck.slides[2].title == "Two B");
  CHECK(p->deck.slides[3].label() == "3");
}

TEST_CASE("fragment styles are read from their classes", "[deck]") {
  auto p = parse(
      "section\n"
      "  p.fragment.fade-out a\n"
      "  p.fragment.highlight-red b\n"
      "  p.fragment.current-visible c\n"
      "  p.fragment.strike d\n");
  const auto& f = p->deck.slides[0].fragments;
  REQUIRE(f.size() == 4);
  CHECK(f[0].style == deck::FragmentStyle::FadeOut);
  CHECK(f[1].style == deck::FragmentStyle::Highlight);
  CHECK(f[1].highlight == "red");
  CHECK(f[2].style == deck::FragmentStyle::FadeInThenOut);
  CHECK(f[3].style == deck::FragmentStyle::Strike);
}

TEST_CASE("a bad data-fragment-index is a warning", "[deck]") {
  auto p = parse("section\n  p.fragment(data-fragment-index=\"x\") a\n");
  CHECK(p->diags.has_code("deck.fragment-index"));
  CHECK_FALSE(p->diags.has_errors());
  CHECK(p->deck.slides[0].step_count == 1);
}

TEST_CASE("front matter gives the deck's metadata", "[deck]") {
  auto p = parse("---\ntitle: My Talk\nauthor: Ada\n---\nsection\n  h1 Hi\n");
  CHECK(p->deck.meta.title == "My Talk");
  CHECK(p->deck.meta.author == "Ada");
}
