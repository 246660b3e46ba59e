// style/apply_layout — the declarations that place boxes beyond the block
// and inline flow: flex and grid containers and items, floats and
// positioned boxes, into ComputedStyle::place (see computed.h).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "source/strings.h"
#include "style/apply.h"
#include "style/value.h"

namespace deckpdf::style {

namespace {

constexpr KeywordTable<FlexDirection> direction_keywords[] = {
    {"row", FlexDirection::Row},
    {"row-reverse", FlexDirection::RowReverse},
    {"column", FlexDirection::Column},
    {"column-reverse", FlexDirection::ColumnReverse}};
// The alignment keywords of every alignment property; the flex-* and
// self-* spellings mean what the plain ones mean for the boxes deckpdf lays
// out (no writing modes), and left/right are start/end.
constexpr KeywordTable<Align> align_keywords[] = {{"auto", Align::Auto},
                                                  {"normal", Align::Normal},
                                                  {"stretch", Align::Stretch},
                                                  {"start", Align::Start},
                                                  {"flex-start", Align::Start},
                                                  {"self-start", Align::Start},
                                                  {"left", Align::Start},
                                                  {"end", Align::End},
                                                  {"flex-end", Align::End},
                                                  {"self-end", Align::End},
                                                  {"right", Align::End},
                                                  {"center", Align::Center},
                                                  {"baseline", Align::Baseline},
                                                  {"first baseline", Align::Baseline},
                                                  {"last baseline", Align::Baseline},
                                                  {"space-between", Align::SpaceBetween},
                                                  {"space-around", Align::SpaceAround},
                                                  {"space-evenly", Align::SpaceEvenly}};
constexpr KeywordTable<Float> float_keywords[] = {{"none", Float::None},
                                                  {"left", Float::Left},
                                                  {"right", Float::Right},
                                                  {"inline-start", Float::Left},
                                                  {"inline-end", Float::Right}};
constexpr KeywordTable<Clear> clear_keywords[] = {
    {"none", Clear::None}, {"left", Clear::Left}, {"right", Clear::Right}, {"both", Clear::Both}};
// `sticky` stays in the flow: a printed slide does not scroll.
constexpr KeywordTable<Position> position_keywords[] = {{"static", Position::Static},
                                                        {"relative", Position::Relative},
                                                        {"absolute", Position::Absolute},
                                                        {"fixed", Position::Absolute},
                                                        {"sticky", Position::Static}};

std::optional<Align> align_value(std::string_view v) {
  // Overflow safety changes nothing when content fits, and is assumed to.
  if (v.rfind("safe ", 0) == 0) v.remove_prefix(5);
  if (v.rfind("unsafe ", 0) == 0) v.remove_prefix(7);
  return keyword(align_keywords, trim(v));
}

// Numbers and lengths beyond what a slide can hold (and NaN, infinity) are
// refused: a deck's `flex: 1e30` or `top: 1e30px` must not put NaN and
// infinity into item positions.
constexpr float max_magnitude = 1e6f;

std::optional<float> number(std::string_view v) {
  v = trim(v);
  float f = 0;
  auto r = std::from_chars(v.data(), v.data() + v.size(), f);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size()) return std::nullopt;
  if (!(std::abs(f) <= max_magnitude)) return std::nullopt;
  return f;
}

std::optional<int> integer(std::string_view v) {
  v = trim(v);
  int n = 0;
  auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size()) return std::nullopt;
  return n;
}

// Track lists are capped: a deck's `repeat(100000, 1fr)` is not a budget.
constexpr size_t max_tracks = 64;

}  // namespace

std::optional<Length> Applier::length_or_pct(std::string_view v) const {
  if (is_percentage(v)) {
    auto n = number(v.substr(0, v.size() - 1));
    if (!n) return std::nullopt;
    return Length{*n, true};
  }
  if (auto l = length(v, 0); l && std::abs(*l) <= max_magnitude) return Length{*l, false};
  return std::nullopt;
}

std::optional<GridTrack> Applier::track(std::string_view v) const {
  GridTrack t;
  auto one = [&](std::string_view part, GridTrack::Kind& kind, Length& len) {
    part = trim(part);
    if (part == "auto") {
      kind = GridTrack::Kind::Auto;
    } else if (part == "min-content") {
      kind = GridTrack::Kind::MinContent;
    } else if (part == "max-content") {
      kind = GridTrack::Kind::MaxContent;
    } else if (part.size() > 2 && part.substr(part.size() - 2) == "fr") {
      auto n = number(part.substr(0, part.size() - 2));
      if (!n || *n < 0) return false;
      kind = GridTrack::Kind::Fr;
      t.fr = *n;
    } else if (auto l = length_or_pct(part)) {
      kind = GridTrack::Kind::Fixed;
      len = *l;
    } else {
      return false;
    }
    return true;
  };
  if (v.rfind("minmax(", 0) == 0 && v.back() == ')') {
    auto args = split_commas(v.substr(7, v.size() - 8));
    if (args.size() != 2) return std::nullopt;
    if (!one(args[0], t.min, t.min_len) || !one(args[1], t.max, t.max_len)) return std::nullopt;
    if (t.min == GridTrack::Kind::Fr) return std::nullopt;  // a flexible minimum is invalid
    return t;
  }
  if (!one(v, t.max, t.max_len)) return std::nullopt;
  // A plain size is its own minimum, except a flexible one: `1fr` is
  // minmax(auto, 1fr).
  if (t.max == GridTrack::Kind::Fr) {
    t.min = GridTrack::Kind::Auto;
  } else {
    t.min = t.max;
    t.min_len = t.max_len;
  }
  return t;
}

std::optional<std::vector<GridTrack>> Applier::track_list(std::string_view v) const {
  std::vector<GridTrack> out;
  if (v == "none") return out;
  for (const std::string& part : split_values(v)) {
    if (part.front() == '[') continue;  // line names: lines are counted, not named
    if (part.rfind("repeat(", 0) == 0 && part.back() == ')') {
      std::string inner = part.substr(7, part.size() - 8);
      size_t comma = inner.find(',');
      if (comma == std::string::npos) return std::nullopt;
      auto count = integer(inner.substr(0, comma));  // auto-fill and auto-fit: not read
      if (!count || *count < 1) return std::nullopt;
      auto inner_tracks = track_list(trim(std::string_view(inner).substr(comma + 1)));
      if (!inner_tracks || inner_tracks->empty()) return std::nullopt;
      for (int k = 0; k < *count && out.size() < max_tracks; ++k) {
        for (const GridTrack& t : *inner_tracks) out.push_back(t);
      }
      continue;
    }
    auto t = track(part);
    if (!t) return std::nullopt;
    out.push_back(*t);
  }
  if (out.size() > max_tracks) out.resize(max_tracks);
  return out;
}

// `span 2`, `2`, `-1`, `auto`: one line of a grid-column or grid-row.
static bool grid_line(std::string_view v, int& line, int& span) {
  v = trim(v);
  if (v == "auto") return true;
  if (v.rfind("span", 0) == 0) {
    auto n = integer(v.substr(4));
    if (!n || *n < 1) return false;
    span = std::min(*n, static_cast<int>(max_tracks));
    return true;
  }
  auto n = integer(v);
  if (!n || *n == 0) return false;
  line = std::clamp(*n, -static_cast<int>(max_tracks), static_cast<int>(max_tracks));
  return true;
}

static bool grid_lines(std::string_view v, GridLines& g) {
  GridLines r;
  size_t slash = v.find('/');
  int start_span = 1, end_span = 1;
  if (!grid_line(v.substr(0, slash), r.start, start_span)) return false;
  if (slash != std::string_view::npos && !grid_line(v.substr(slash + 1), r.end, end_span)) {
    return false;
  }
  r.span = r.start == 0 ? start_span : end_span;
  g = r;
  return true;
}

std::optional<bool> Applier::placement(const Declaration& d, const std::string& v) {
  const std::string& p = d.property;
  BoxPlacement& pl = s.place;
  if (p == "flex-direction") {
    auto k = keyword(direction_keywords, v);
    if (k) pl.direction = *k;
    return k.has_value();
  }
  if (p == "flex-wrap" || p == "flex-flow") {
    bool ok = false;
    for (const std::string& part : split_values(v)) {
      if (auto k = keyword(direction_keywords, part)) {
        pl.direction = *k;
        ok = true;
      } else if (part == "nowrap" || part == "wrap" || part == "wrap-reverse") {
        pl.wrap = part != "nowrap";
        pl.wrap_reverse = part == "wrap-reverse";
        ok = true;
      } else {
        return false;
      }
    }
    return ok;
  }
  Align* align = p == "justify-content" ? &pl.justify_content
                 : p == "align-items"   ? &pl.align_items
                 : p == "align-self"    ? &pl.align_self
                 : p == "align-content" ? &pl.align_content
                 : p == "justify-items" ? &pl.justify_items
                 : p == "justify-self"  ? &pl.justify_self
                                        : nullptr;
  if (align) {
    auto k = align_value(v);
    if (k) *align = *k;
    return k.has_value();
  }
  if (p == "place-items" || p == "place-content" || p == "place-self") {
    auto parts = split_values(v);
    if (parts.empty() || parts.size() > 2) return false;
    auto a = align_value(parts[0]);
    auto j = align_value(parts.back());
    if (!a || !j) return false;
    if (p == "place-items") {
      pl.align_items = *a;
      pl.justify_items = *j;
    } else if (p == "place-content") {
      pl.align_content = *a;
      pl.justify_content = *j;
    } else {
      pl.align_self = *a;
      pl.justify_self = *j;
    }
    return true;
  }
  if (p == "flex") {
    if (v == "none" || v == "auto" || v == "initial") {
      pl.grow = v == "auto" ? 1 : 0;
      pl.shrink = v == "none" ? 0 : 1;
      pl.basis.reset();
      return true;
    }
    // `flex: 1` is `1 1 0`: a number alone leaves the basis at zero.
    auto parts = split_values(v);
    if (parts.empty() || parts.size() > 3) return false;
    float grow = 0, shrink = 1;
    std::optional<Length> basis = Length{};
    size_t numbers = 0;
    for (const std::string& part : parts) {
      if (auto n = number(part); n && numbers < 2 && *n >= 0) {
        (numbers++ == 0 ? grow : shrink) = *n;
      } else if (part == "auto" || part == "content") {
        basis.reset();
      } else if (auto l = length_or_pct(part)) {
        basis = l;
      } else {
        return false;
      }
    }
    pl.grow = grow;
    pl.shrink = shrink;
    pl.basis = basis;
    return true;
  }
  if (p == "flex-grow" || p == "flex-shrink") {
    auto n = number(v);
    if (!n || *n < 0) return false;
    (p == "flex-grow" ? pl.grow : pl.shrink) = *n;
    return true;
  }
  if (p == "flex-basis") {
    if (v == "auto" || v == "content") {
      pl.basis.reset();
      return true;
    }
    auto l = length_or_pct(v);
    if (l) pl.basis = l;
    return l.has_value();
  }
  if (p == "order") {
    auto n = integer(v);
    if (n) pl.order = *n;
    return n.has_value();
  }
  if (p == "gap" || p == "grid-gap" || p == "row-gap" || p == "column-gap" || p == "grid-row-gap" ||
      p == "grid-column-gap") {
    auto parts = split_values(v);
    if (parts.empty() || parts.size() > 2) return false;
    std::optional<Length> first =
        parts[0] == "normal" ? std::optional<Length>(Length{}) : length_or_pct(parts[0]);
    std::optional<Length> second = parts.size() == 2 ? length_or_pct(parts[1]) : first;
    if (!first || !second) return false;
    if (p == "gap" || p == "grid-gap") {
      pl.row_gap = *first;
      pl.column_gap = *second;
    } else if (parts.size() == 1) {
      (p.find("row") != std::string::npos ? pl.row_gap : pl.column_gap) = *first;
    } else {
      return false;
    }
    return true;
  }
  if (p == "grid-template-columns" || p == "grid-template-rows") {
    auto list = track_list(v);
    if (list) (p == "grid-template-columns" ? pl.columns : pl.rows) = std::move(*list);
    return list.has_value();
  }
  if (p == "grid-auto-rows" || p == "grid-auto-columns") {
    auto t = track(v);
    if (t) (p == "grid-auto-rows" ? pl.auto_rows : pl.auto_columns) = *t;
    return t.has_value();
  }
  if (p == "grid-auto-flow") return v == "row";  // column and dense packing: not read
  if (p == "inset") {
    // top, right, bottom, left as margin's one to four values.
    auto parts = split_values(v);
    if (parts.empty() || parts.size() > 4) return false;
    std::optional<Length> vals[4];
    for (size_t k = 0; k < parts.size(); ++k) {
      if (parts[k] == "auto") continue;
      vals[k] = length_or_pct(parts[k]);
      if (!vals[k]) return false;
    }
    static const int idx[5][4] = {
        {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 1, 0, 1}, {0, 1, 2, 1}, {0, 1, 2, 3}};
    const int* m = idx[parts.size()];
    pl.top = vals[m[0]];
    pl.right = vals[m[1]];
    pl.bottom = vals[m[2]];
    pl.left = vals[m[3]];
    return true;
  }
  if (p == "grid-column" || p == "grid-row") {
    return grid_lines(v, p == "grid-column" ? pl.column : pl.row);
  }
  if (p == "grid-column-start" || p == "grid-row-start" || p == "grid-column-end" ||
      p == "grid-row-end") {
    GridLines& g = p.rfind("grid-column", 0) == 0 ? pl.column : pl.row;
    int line = 0, span = 1;
    if (!grid_line(v, line, span)) return false;
    if (p.size() > 4 && p.substr(p.size() - 4) == "-end") {
      g.end = line;
      if (line == 0 && g.start != 0) g.span = span;
    } else {
      g.start = line;
      if (line == 0) g.span = span;
    }
    return true;
  }
  if (p == "grid-area") {
    // row-start / column-start / row-end / column-end
    auto parts = split_values(v);
    std::string joined;
    for (const std::string& part : parts) joined += part;
    std::vector<std::string> lines;
    size_t at = 0;
    while (true) {
      size_t slash = joined.find('/', at);
      lines.push_back(joined.substr(at, slash == std::string::npos ? slash : slash - at));
      if (slash == std::string::npos) break;
      at = slash + 1;
    }
    if (lines.size() > 4) return false;
    GridLines row, col;
    int span = 1;
    if (!grid_line(lines[0], row.start, row.span)) return false;
    if (lines.size() > 1 && !grid_line(lines[1], col.start, col.span)) return false;
    if (lines.size() > 2 && !grid_line(lines[2], row.end, span)) return false;
    if (lines.size() > 3 && !grid_line(lines[3], col.end, span)) return false;
    pl.row = row;
    pl.column = col;
    return true;
  }
  if (p == "float") {
    auto k = keyword(float_keywords, v);
    if (k) pl.floating = *k;
    return k.has_value();
  }
  if (p == "clear") {
    auto k = keyword(clear_keywords, v);
    if (k) pl.clear = *k;
    return k.has_value();
  }
  if (p == "position") {
    auto k = keyword(position_keywords, v);
    if (k) pl.position = *k;
    return k.has_value();
  }
  std::optional<Length>* offset = p == "top"          ? &pl.top
                                  : p == "right"      ? &pl.right
                                  : p == "bottom"     ? &pl.bottom
                                  : p == "left"       ? &pl.left
                                  : p == "min-width"  ? &pl.min_width
                                  : p == "min-height" ? &pl.min_height
                                                      : nullptr;
  if (offset) {
    if (v == "auto") {
      offset->reset();
      return true;
    }
    auto l = length_or_pct(v);
    if (l) *offset = l;
    return l.has_value();
  }
  return std::nullopt;
}

}  // namespace deckpdf::style
