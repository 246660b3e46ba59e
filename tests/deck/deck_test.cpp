#include "deck/deck.h"

#include <catch2/catch.hpp>

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

TEST_CASE("data-fragment-index groups and reorders, and the rest follow in order", "[deck]") {
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
  CHECK(fragment_texts(*p, s) == std::vector<std::string>{"early", "late", "late too", "plain"});
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

TEST_CASE("a bad data-fragment-index is a warning and never shown, as in reveal.js", "[deck]") {
  // reveal.js's sort() files parseInt(value) as an array index: NaN and
  // negative numbers are no index, so the fragment drops out of the steps.
  auto p = parse(
      "section\n"
      "  p.fragment(data-fragment-index=\"x\") a\n"
      "  p.fragment(data-fragment-index=\"-1\") b\n"
      "  p.fragment c\n");
  CHECK(p->diags.has_code("deck.fragment-index"));
  CHECK_FALSE(p->diags.has_errors());
  const deck::Slide& s = p->deck.slides[0];
  CHECK(s.step_count == 1);
  REQUIRE(s.fragments.size() == 3);
  CHECK(fragment_texts(*p, s) == std::vector<std::string>{"c", "a", "b"});
  CHECK(s.fragments[0].step == 1);
  CHECK(s.fragments[1].step == deck::never_step);
  CHECK(s.fragments[2].step == deck::never_step);
}

TEST_CASE("data-fragment-index is read as parseInt reads it", "[deck]") {
  auto p = parse(
      "section\n"
      "  p.fragment(data-fragment-index=\" 2\") two-space\n"
      "  p.fragment(data-fragment-index=\"1.9\") one-point-nine\n"
      "  p.fragment(data-fragment-index=\"02\") two-zero\n"
      "  p.fragment(data-fragment-index=\"7px\") seven\n");
  CHECK_FALSE(p->diags.has_code("deck.fragment-index"));
  const deck::Slide& s = p->deck.slides[0];
  CHECK(fragment_texts(*p, s) ==
        std::vector<std::string>{"one-point-nine", "two-space", "two-zero", "seven"});
  CHECK(s.step_count == 3);
  CHECK(s.fragments[1].step == 2);
  CHECK(s.fragments[2].step == 2);
}

TEST_CASE("nested fragments and index groups follow reveal.js's order", "[deck]") {
  auto p = parse(test::read_file(test::source_dir() + "/tests/pdf/decks/order.pug"));
  REQUIRE(p->deck.slides.size() == 1);
  const deck::Slide& s = p->deck.slides[0];
  CHECK(s.step_count == 5);
  std::vector<std::string> got;
  for (const auto& f : s.fragments) {
    std::string text = p->doc.text_content(f.node);
    if (text.rfind("outer-two", 0) == 0) text = "outer-two ...";
    got.push_back(text + "@" +
                  (f.step == deck::never_step ? std::string("never") : std::to_string(f.step)));
  }
  CHECK(got == std::vector<std::string>{"nested-zero@1", "idx-one@2", "outer-two ...@3",
                                        "idx-three-a@4", "idx-three-b@4", "plain-one@5",
                                        "never-shown@never"});
}

TEST_CASE("in-deck links resolve as reveal.js reads its URL hash", "[deck]") {
  auto p = parse(
      "section#intro\n  h1 One\n  p.fragment x\n  p.fragment y\n"
      "section\n  section\n    h2 Two A\n  section\n    h2 Two B\n    p#deep deep\n"
      "section\n  h2 Three\n");
  const deck::Deck& d = p->deck;
  REQUIRE(d.slides.size() == 4);
  auto at = [&](const char* href) {
    auto t = d.link_resolve(href);
    return t ? std::make_pair(static_cast<int>(t->slide), t->step) : std::make_pair(-1, -9);
  };
  CHECK(at("#deep") == std::make_pair(2, -1));
  CHECK(at("#/deep") == std::make_pair(2, -1));
  CHECK(at("#intro") == std::make_pair(0, -1));
  CHECK(at("#/intro/1") == std::make_pair(0, 2));  // fragment index 1 = step 2
  CHECK(at("#/0") == std::make_pair(0, -1));       // 0-based, as reveal.js writes it
  CHECK(at("#/1") == std::make_pair(1, -1));
  CHECK(at("#/1/1") == std::make_pair(2, -1));
  CHECK(at("#/2") == std::make_pair(3, -1));
  CHECK(at("#/9/9") == std::make_pair(3, -1));  // clamped like Reveal.slide()
  CHECK(at("#/0/0/0") == std::make_pair(0, 1));
  CHECK(at("#nowhere") == std::make_pair(-1, -9));
  CHECK(at("https://example.com/#/1") == std::make_pair(-1, -9));
}

TEST_CASE("front matter gives the deck's metadata", "[deck]") {
  auto p = parse("---\ntitle: My Talk\nauthor: Ada\n---\nsection\n  h1 Hi\n");
  CHECK(p->deck.meta.title == "My Talk");
  CHECK(p->deck.meta.author == "Ada");
}
