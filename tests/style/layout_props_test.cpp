// The flex, grid, float and position properties as style/ reads them into
// ComputedStyle::place: shorthands expanded, track lists and grid lines
// resolved, bad values refused (and the field kept).
#include <catch2/catch.hpp>

#include "style/apply.h"

using namespace deckpdf;
using style::Align;
using style::GridTrack;

namespace {

struct Apply {
  style::ComputedStyle parent;
  style::ComputedStyle s;
  style::Applier ap{s, parent, 16};
  bool operator()(const char* p, const char* v) { return ap.apply({p, v, 0}); }
};

}  // namespace

TEST_CASE("flex: the shorthand and its parts", "[style]") {
  Apply a;
  REQUIRE(a("flex", "1"));
  CHECK(a.s.place.grow == 1);
  CHECK(a.s.place.shrink == 1);
  REQUIRE(a.s.place.basis);
  CHECK(a.s.place.basis->value == 0);  // `flex: 1` is 1 1 0
  REQUIRE(a("flex", "2 3 30%"));
  CHECK(a.s.place.grow == 2);
  CHECK(a.s.place.shrink == 3);
  CHECK(a.s.place.basis->pct);
  CHECK(a.s.place.basis->resolve(200) == Approx(60));
  REQUIRE(a("flex", "none"));
  CHECK(a.s.place.grow == 0);
  CHECK(a.s.place.shrink == 0);
  CHECK_FALSE(a.s.place.basis);
  REQUIRE(a("flex", "auto"));
  CHECK(a.s.place.grow == 1);
  REQUIRE(a("flex", "0 0 2em"));
  CHECK(a.s.place.basis->value == Approx(32));
  CHECK_FALSE(a("flex", "1 2 3 4"));
  CHECK_FALSE(a("flex-grow", "-1"));
  REQUIRE(a("flex-flow", "column-reverse wrap-reverse"));
  CHECK(a.s.place.direction == style::FlexDirection::ColumnReverse);
  CHECK(a.s.place.wrap);
  CHECK(a.s.place.wrap_reverse);
  REQUIRE(a("order", "-2"));
  CHECK(a.s.place.order == -2);
}

TEST_CASE("alignment keywords, gaps and place-* shorthands", "[style]") {
  Apply a;
  REQUIRE(a("justify-content", "space-evenly"));
  CHECK(a.s.place.justify_content == Align::SpaceEvenly);
  REQUIRE(a("align-items", "flex-end"));
  CHECK(a.s.place.align_items == Align::End);
  REQUIRE(a("align-self", "safe center"));
  CHECK(a.s.place.align_self == Align::Center);
  CHECK_FALSE(a("align-items", "middle"));
  CHECK(a.s.place.align_items == Align::End);  // kept
  REQUIRE(a("place-items", "start end"));
  CHECK(a.s.place.align_items == Align::Start);
  CHECK(a.s.place.justify_items == Align::End);
  REQUIRE(a("gap", "10px 5%"));
  CHECK(a.s.place.row_gap.resolve(0) == 10);
  CHECK(a.s.place.column_gap.resolve(200) == Approx(10));
  REQUIRE(a("column-gap", "1em"));
  CHECK(a.s.place.column_gap.resolve(0) == 16);
}

TEST_CASE("grid: track lists with repeat, fr, minmax, and lines and spans", "[style]") {
  Apply a;
  REQUIRE(a("grid-template-columns", "[a] 100px repeat(2, 1fr) minmax(50px, 2fr) auto"));
  const auto& c = a.s.place.columns;
  REQUIRE(c.size() == 5);
  CHECK(c[0].min == GridTrack::Kind::Fixed);
  CHECK(c[0].max_len.value == 100);
  CHECK(c[1].max == GridTrack::Kind::Fr);
  CHECK(c[1].min == GridTrack::Kind::Auto);  // 1fr is minmax(auto, 1fr)
  CHECK(c[2].fr == 1);
  CHECK(c[3].min == GridTrack::Kind::Fixed);
  CHECK(c[3].min_len.value == 50);
  CHECK(c[3].fr == 2);
  CHECK(c[4].max == GridTrack::Kind::Auto);
  REQUIRE(a("grid-template-columns", "repeat(100000, 10px)"));
  CHECK(a.s.place.columns.size() == 64);  // capped
  CHECK_FALSE(a("grid-template-columns", "repeat(auto-fill, 100px)"));
  CHECK_FALSE(a("grid-template-columns", "minmax(1fr, 100px)"));
  REQUIRE(a("grid-column", "2 / 4"));
  CHECK(a.s.place.column.start == 2);
  CHECK(a.s.place.column.end == 4);
  REQUIRE(a("grid-column", "span 3"));
  CHECK(a.s.place.column.start == 0);
  CHECK(a.s.place.column.span == 3);
  REQUIRE(a("grid-row", "1 / span 2"));
  CHECK(a.s.place.row.start == 1);
  CHECK(a.s.place.row.span == 2);
  REQUIRE(a("grid-area", "1/1"));
  CHECK(a.s.place.row.start == 1);
  CHECK(a.s.place.column.start == 1);
  CHECK_FALSE(a("grid-column", "0"));
}

TEST_CASE("float, clear, position and offsets", "[style]") {
  Apply a;
  REQUIRE(a("float", "right"));
  CHECK(a.s.place.floating == style::Float::Right);
  REQUIRE(a("clear", "both"));
  CHECK(a.s.place.clear == style::Clear::Both);
  REQUIRE(a("position", "fixed"));
  CHECK(a.s.place.position == style::Position::Absolute);
  REQUIRE(a("position", "sticky"));
  CHECK(a.s.place.position == style::Position::Static);
  REQUIRE(a("top", "10%"));
  CHECK(a.s.place.top->resolve(700) == Approx(70));
  REQUIRE(a("left", "2em"));
  CHECK(a.s.place.left->resolve(0) == 32);
  REQUIRE(a("left", "auto"));
  CHECK_FALSE(a.s.place.left);
  CHECK_FALSE(a("position", "floating"));
  // Beyond any slide, NaN and infinity: refused, never laid out.
  CHECK_FALSE(a("top", "1e30px"));
  CHECK_FALSE(a("left", "nanpx"));
  CHECK_FALSE(a("flex-grow", "1e30"));
  CHECK_FALSE(a("gap", "infpx"));
  CHECK_FALSE(a("grid-template-columns", "1e30px 1fr"));
  REQUIRE(a("inset", "10px auto 5%"));
  CHECK(a.s.place.top->resolve(0) == 10);
  CHECK_FALSE(a.s.place.right);
  CHECK(a.s.place.bottom->resolve(100) == 5);
  CHECK_FALSE(a.s.place.left);
  CHECK(a("grid-auto-flow", "row"));
  CHECK_FALSE(a("grid-auto-flow", "column dense"));
  REQUIRE(a("grid-auto-columns", "120px"));
  CHECK(a.s.place.auto_columns.max_len.value == 120);
  REQUIRE(a("margin", "auto"));
  CHECK(a.s.margin.auto_top);
  CHECK(a.s.margin.auto_bottom);
  CHECK(a.s.margin.auto_left);
}
