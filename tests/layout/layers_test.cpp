// Layers: layout groups a list's items by (step, until, effects), in the
// order of their first items, for every list it makes.
#include "layout/layers.h"

#include <catch2/catch.hpp>

#include "deck/deck.h"
#include "layout/layout.h"
#include "support/laid_out.h"
#include "support/paths.h"

using namespace deckpdf;

using test::lay_out;

namespace {

// The texts a layer draws, in item order.
std::vector<std::string> texts(const layout::DisplayList& list, const layout::Layer& layer) {
  std::vector<std::string> out;
  for (uint32_t i : layer.items) {
    if (auto* t = std::get_if<layout::TextItem>(&list.items[i].v)) out.push_back(t->run->text);
  }
  return out;
}

// Every item is in exactly one layer, the one with its (step, until,
// effects); each layer's items ascend; layers follow their first items.
void check_partition(const layout::DisplayList& list) {
  std::vector<int> layer_of(list.items.size(), -1);
  uint32_t previous_first = 0;
  for (size_t l = 0; l < list.layers.size(); ++l) {
    const layout::Layer& layer = list.layers[l];
    REQUIRE_FALSE(layer.items.empty());
    if (l > 0) CHECK(layer.items.front() > previous_first);
    previous_first = layer.items.front();
    for (size_t k = 0; k < layer.items.size(); ++k) {
      uint32_t i = layer.items[k];
      REQUIRE(i < list.items.size());
      if (k > 0) CHECK(i > layer.items[k - 1]);
      CHECK(layer_of[i] == -1);
      layer_of[i] = static_cast<int>(l);
      const layout::Item& item = list.items[i];
      CHECK(item.step == layer.step);
      CHECK(item.until == layer.until);
      CHECK(item.effects == layer.effects);
    }
  }
  for (size_t i = 0; i < list.items.size(); ++i) {
    CAPTURE(i);
    CHECK(layer_of[i] >= 0);
  }
  // Distinct keys: two layers never share (step, until, effects).
  for (size_t a = 0; a < list.layers.size(); ++a) {
    for (size_t b = a + 1; b < list.layers.size(); ++b) {
      const layout::Layer &x = list.layers[a], &y = list.layers[b];
      CHECK_FALSE((x.step == y.step && x.until == y.until && x.effects == y.effects));
    }
  }
}

}  // namespace

TEST_CASE("a slide's fragments become layers with their steps and effects", "[layout][layers]") {
  auto l = lay_out(
      "section\n"
      "  h3 Title\n"
      "  p.fragment.fade-in one\n"
      "  p.fragment.fade-out two\n"
      "  p.fragment.semi-fade-out three\n"
      "  p.fragment.highlight-red four\n"
      "  p.fragment.grow five\n"
      "  p plain six\n");
  REQUIRE(l->lists.size() == 1);
  const layout::DisplayList& list = l->lists[0];
  check_partition(list);
  REQUIRE(list.layers.size() == 6);
  using Kind = layout::Effect::Kind;
  auto effects = [&](const layout::Layer& layer) {
    return list.effects[static_cast<size_t>(layer.effects)];
  };
  // What is always there is one layer, though the layout drew "six" last.
  const layout::Layer& base = list.layers[0];
  CHECK(texts(list, base) == std::vector<std::string>{"TITLE", "plain six"});  // h3 is upper-cased
  CHECK(base.step == 0);
  CHECK(base.until == layout::never);
  CHECK(effects(base).empty());
  // .fade-in: from its step.
  CHECK(texts(list, list.layers[1]) == std::vector<std::string>{"one"});
  CHECK(list.layers[1].step == 1);
  CHECK(list.layers[1].until == layout::never);
  // .fade-out: shown from the start, hidden from its step.
  CHECK(texts(list, list.layers[2]) == std::vector<std::string>{"two"});
  CHECK(list.layers[2].step == 0);
  CHECK(list.layers[2].until == 2);
  // The effects: always shown, changed from their step on.
  struct Expect {
    const char* text;
    Kind kind;
    int from;
  };
  const Expect expect[] = {
      {"three", Kind::Dim, 3}, {"four", Kind::Color, 4}, {"five", Kind::Scale, 5}};
  for (size_t k = 0; k < 3; ++k) {
    const layout::Layer& layer = list.layers[3 + k];
    CAPTURE(expect[k].text);
    CHECK(texts(list, layer) == std::vector<std::string>{expect[k].text});
    CHECK(layer.step == 0);
    CHECK(layer.until == layout::never);
    REQUIRE(effects(layer).size() == 1);
    CHECK(effects(layer)[0].kind == expect[k].kind);
    CHECK(effects(layer)[0].from == expect[k].from);
  }
  CHECK(effects(list.layers[5])[0].scale == Approx(1.3f));
  // Visibility follows the layer's steps, as its items' does.
  CHECK_FALSE(list.layers[1].visible_at(0));
  CHECK(list.layers[1].visible_at(1));
  CHECK(list.layers[2].visible_at(1));
  CHECK_FALSE(list.layers[2].visible_at(2));
  CHECK(list.layers[2].visible_at(layout::print_state));
}

TEST_CASE("nested fragments: the effects add up into one layer of their own", "[layout][layers]") {
  auto l = lay_out(
      "section\n"
      "  p.fragment.semi-fade-out\n"
      "    | dimmed\n"
      "    span.fragment.highlight-red  and red\n"
      "  p after\n");
  const layout::DisplayList& list = l->lists[0];
  check_partition(list);
  REQUIRE(list.layers.size() == 3);
  // "dimmed" (Dim), " and red" (Dim and Color), then "after" with nothing.
  const auto& dim = list.effects[static_cast<size_t>(list.layers[0].effects)];
  const auto& both = list.effects[static_cast<size_t>(list.layers[1].effects)];
  REQUIRE(dim.size() == 1);
  CHECK(dim[0].kind == layout::Effect::Kind::Dim);
  REQUIRE(both.size() == 2);
  CHECK(both[0].kind == layout::Effect::Kind::Dim);
  CHECK(both[1].kind == layout::Effect::Kind::Color);
  CHECK(list.layers[2].effects == 0);
}

TEST_CASE("the sample decks and their slide numbers are laid out in layers", "[layout][layers]") {
  for (const char* sample : {"beam.pug", "deckpdf-tour.pug"}) {
    CAPTURE(sample);
    auto l = lay_out(test::read_file(test::source_dir() + "/samples/" + sample));
    REQUIRE_FALSE(l->lists.empty());
    for (const auto& list : l->lists) check_partition(list);
    for (const auto& number : l->numbers) {
      check_partition(number);
      CHECK(number.layers.size() == 1);  // its box and its label, always shown
      CHECK(number.layers[0].items.size() == number.items.size());
    }
  }
}

TEST_CASE("grouping again follows changed items", "[layout][layers]") {
  layout::DisplayList list;
  list.items.resize(5);
  list.items[1].step = 2;
  list.items[3].step = 2;
  list.items[4].until = 3;
  layout::layers_group(list);
  REQUIRE(list.layers.size() == 3);
  CHECK(list.layers[0].items == std::vector<uint32_t>{0, 2});
  CHECK(list.layers[1].items == std::vector<uint32_t>{1, 3});
  CHECK(list.layers[2].items == std::vector<uint32_t>{4});
  // A list that changes is grouped anew, not added to.
  list.items[0].step = 2;
  list.items.pop_back();
  layout::layers_group(list);
  REQUIRE(list.layers.size() == 2);
  CHECK(list.layers[0].step == 2);
  CHECK(list.layers[0].items == std::vector<uint32_t>{0, 1, 3});
  CHECK(list.layers[1].items == std::vector<uint32_t>{2});
  check_partition(list);
}
