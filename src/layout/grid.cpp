// layout/grid — the grid formatting context for the grids decks write:
// grid-template-columns/rows of fixed lengths, percentages, `fr`, `auto`,
// min-content, max-content and minmax(), repeat(N, ...) (read in style/),
// gaps, items placed by line numbers or spans (`grid-column: 1 / 3`,
// `span 2`, grid-area) or auto-placed row by row (the sparse algorithm),
// implicit rows and columns (grid-auto-rows, grid-auto-columns). Track
// sizing after CSS Grid §11, simplified: intrinsic tracks take their items'
// min- and max-content widths (an item spanning several tracks spreads
// what it needs evenly over the intrinsic ones), free space grows them to
// their limits, `fr` tracks share what is left (never below their
// minimum), and auto tracks stretch when no `fr` track takes it. Items are
// aligned in their area by justify-/align-self and -items and by auto
// margins (reveal.js's .r-stack centres its overlaid children with
// `margin: auto`). Not read: named lines and areas, auto-fill/auto-fit,
// dense packing and column flow, subgrid, baseline alignment (start).
#include <algorithm>
#include <limits>

#include "layout/engine.h"

namespace deckpdf::layout {

using style::Align;
using style::ComputedStyle;
using style::GridTrack;

namespace {

constexpr int max_rows = 1000;  // an implicit grid is bounded by the deck's elements anyway

struct Area {
  int col = 0, row = 0, col_span = 1, row_span = 1;  // 0-based
};

// A line of grid-column or grid-row as a 0-based track index and span;
// start < 0 when auto. `count` is the explicit grid's track count.
void resolve_lines(const style::GridLines& g, int count, int& start, int& span) {
  auto index = [&](int line) { return line > 0 ? line - 1 : std::max(0, count + 1 + line); };
  span = std::max(1, g.span);
  start = -1;
  if (g.start != 0) {
    start = index(g.start);
    if (g.end != 0) {
      int end = index(g.end);
      if (end < start) std::swap(start, end);
      span = std::max(1, end - start);
    }
  } else if (g.end != 0) {
    start = std::max(0, index(g.end) - span);
  }
}

struct Track {
  GridTrack spec;
  float base = 0, limit = 0;  // min and max sizes, px
  float size = 0, pos = 0;
};

// Sizes `tracks` in `space` (< 0: indefinite) given what each item needs:
// (first track, span, min-content, max-content) per item.
struct Need {
  int first, span;
  float min, max;
};

void size_tracks(std::vector<Track>& tracks, const std::vector<Need>& needs, float space, float gap,
                 Align justify) {
  using K = GridTrack::Kind;
  auto fixed = [&](K k, const style::Length& len) {
    return k == K::Fixed
               ? std::optional<float>(len.pct ? (space >= 0 ? len.resolve(space) : 0) : len.value)
               : std::nullopt;
  };
  for (Track& t : tracks) {
    t.base = fixed(t.spec.min, t.spec.min_len).value_or(0);
    t.limit = fixed(t.spec.max, t.spec.max_len).value_or(0);
  }
  // Single-span items first, then spanning ones over what is left.
  for (int pass = 0; pass < 2; ++pass) {
    for (const Need& n : needs) {
      if ((n.span == 1) != (pass == 0)) continue;
      float have_base = 0, have_limit = 0;
      std::vector<Track*> open;
      for (int k = n.first; k < n.first + n.span; ++k) {
        Track& t = tracks[static_cast<size_t>(k)];
        have_base += t.base;
        have_limit += std::max(t.base, t.limit);
        if (t.spec.min != K::Fixed || t.spec.max != K::Fixed) open.push_back(&t);
      }
      if (open.empty()) continue;
      float gaps = gap * static_cast<float>(n.span - 1);
      float add_base = std::max(0.0f, n.min - gaps - have_base) / static_cast<float>(open.size());
      float add_limit = std::max(0.0f, n.max - gaps - have_limit) / static_cast<float>(open.size());
      for (Track* t : open) {
        float old_limit = std::max(t->base, t->limit);
        bool min_content = t->spec.min == K::Auto || t->spec.min == K::MinContent;
        if (min_content) t->base += add_base;
        if (t->spec.min == K::MaxContent) t->base = std::max(t->base, old_limit + add_limit);
        if (t->spec.max == K::Auto || t->spec.max == K::MaxContent) {
          t->limit = std::max(t->base, old_limit + add_limit);
        } else if (t->spec.max == K::MinContent) {
          t->limit = std::max(t->limit, t->base);
        }
      }
    }
  }
  for (Track& t : tracks) {
    if (t.spec.max != K::Fr) t.limit = std::max(t.limit, t.base);
    t.size = t.base;
  }
  float gaps = tracks.empty() ? 0 : gap * static_cast<float>(tracks.size() - 1);
  auto used = [&] {
    float u = gaps;
    for (const Track& t : tracks) u += t.size;
    return u;
  };
  if (space < 0) {  // indefinite: intrinsic tracks at their limits, fr as max-content
    for (Track& t : tracks) t.size = std::max(t.size, t.limit);
    return;
  }
  // Grow intrinsic tracks toward their limits, evenly.
  for (size_t round = 0; round <= tracks.size(); ++round) {
    float free = space - used();
    std::vector<Track*> growing;
    for (Track& t : tracks) {
      if (t.spec.max != K::Fr && t.size < t.limit) growing.push_back(&t);
    }
    if (free <= 0.01f || growing.empty()) break;
    float share = free / static_cast<float>(growing.size());
    for (Track* t : growing) t->size = std::min(t->limit, t->size + share);
  }
  // fr tracks share the rest; one whose share is below its minimum keeps
  // its minimum and leaves the others the rest.
  std::vector<Track*> flexible;
  for (Track& t : tracks) {
    if (t.spec.max == K::Fr) flexible.push_back(&t);
  }
  if (!flexible.empty()) {
    std::vector<bool> fixed_min(flexible.size(), false);
    for (size_t round = 0; round <= flexible.size(); ++round) {
      float left = space - gaps, frs = 0;
      for (const Track& t : tracks) {
        if (t.spec.max != K::Fr) left -= t.size;
      }
      for (size_t k = 0; k < flexible.size(); ++k) {
        if (fixed_min[k])
          left -= flexible[k]->base;
        else
          frs += flexible[k]->spec.fr;
      }
      float per = frs > 0 ? std::max(0.0f, left) / std::max(1.0f, frs) : 0;
      bool changed = false;
      for (size_t k = 0; k < flexible.size(); ++k) {
        if (fixed_min[k]) continue;
        flexible[k]->size = flexible[k]->spec.fr * per;
        if (flexible[k]->size < flexible[k]->base) {
          fixed_min[k] = true;
          changed = true;
        }
      }
      for (size_t k = 0; k < flexible.size(); ++k) {
        if (fixed_min[k]) flexible[k]->size = flexible[k]->base;
      }
      if (!changed) break;
    }
  } else if (justify == Align::Normal || justify == Align::Stretch) {
    // Auto tracks stretch to fill the container.
    std::vector<Track*> autos;
    for (Track& t : tracks) {
      if (t.spec.max == K::Auto) autos.push_back(&t);
    }
    float free = space - used();
    if (free > 0 && !autos.empty()) {
      for (Track* t : autos) t->size += free / static_cast<float>(autos.size());
    }
  }
}

// Track positions from `origin`, content distribution by `justify`.
void position_tracks(std::vector<Track>& tracks, float origin, float space, float gap,
                     Align justify) {
  float used = tracks.empty() ? 0 : gap * static_cast<float>(tracks.size() - 1);
  for (const Track& t : tracks) used += t.size;
  float free = space >= 0 ? space - used : 0;
  float start = 0, between = 0;
  size_t n = tracks.size();
  if (free > 0) distribute(justify, free, n, start, between);
  float at = origin + start;
  for (Track& t : tracks) {
    t.pos = at;
    at += t.size + gap + between;
  }
}

float span_size(const std::vector<Track>& tracks, int first, int span, float gap) {
  float s = gap * static_cast<float>(span - 1);
  for (int k = first; k < first + span; ++k) s += tracks[static_cast<size_t>(k)].size;
  return s;
}

}  // namespace

Extent Engine::grid(dom::NodeId id, const ComputedStyle& s, int tag, float x, float y, float width,
                    std::vector<Item>& out) {
  const style::BoxPlacement& gp = s.place;
  std::vector<BoxItem> items = box_items(id, s, tag, x, y);
  int explicit_cols = static_cast<int>(gp.columns.size());
  int explicit_rows = static_cast<int>(gp.rows.size());
  int cols = std::max(1, explicit_cols);

  // Placement: definite areas first, then the auto-placed ones in order.
  std::vector<Area> areas(items.size());
  std::vector<int> col_start(items.size()), row_start(items.size());
  for (size_t k = 0; k < items.size(); ++k) {
    const style::BoxPlacement& p = items[k].style->place;
    resolve_lines(p.column, explicit_cols, col_start[k], areas[k].col_span);
    resolve_lines(p.row, explicit_rows, row_start[k], areas[k].row_span);
    areas[k].col_span = std::min(areas[k].col_span, 64);
    areas[k].row_span = std::min(areas[k].row_span, 64);
    cols = std::max(cols, (col_start[k] >= 0 ? col_start[k] : 0) + areas[k].col_span);
  }
  cols = std::min(cols, 128);
  std::vector<std::vector<bool>> used;  // [row][col]
  auto fits = [&](int r, int c, const Area& a) {
    if (c + a.col_span > cols) return false;
    for (int i = r; i < r + a.row_span; ++i) {
      if (i >= static_cast<int>(used.size())) return true;
      for (int j = c; j < c + a.col_span; ++j) {
        if (used[static_cast<size_t>(i)][static_cast<size_t>(j)]) return false;
      }
    }
    return true;
  };
  auto occupy = [&](const Area& a) {
    while (static_cast<int>(used.size()) < a.row + a.row_span) used.emplace_back(cols, false);
    for (int i = a.row; i < a.row + a.row_span; ++i) {
      for (int j = a.col; j < std::min(cols, a.col + a.col_span); ++j) {
        used[static_cast<size_t>(i)][static_cast<size_t>(j)] = true;
      }
    }
  };
  for (size_t k = 0; k < items.size(); ++k) {
    if (col_start[k] < 0 || row_start[k] < 0) continue;
    areas[k].col = std::min(col_start[k], cols - 1);
    areas[k].row = std::min(row_start[k], max_rows);
    areas[k].col_span = std::min(areas[k].col_span, cols - areas[k].col);
    occupy(areas[k]);
  }
  int cur_r = 0, cur_c = 0;
  for (size_t k = 0; k < items.size(); ++k) {
    if (col_start[k] >= 0 && row_start[k] >= 0) continue;
    Area& a = areas[k];
    a.col_span = std::min(a.col_span, cols);
    if (row_start[k] >= 0) {  // a definite row: the first column that fits
      a.row = std::min(row_start[k], max_rows);
      a.col = 0;
      while (a.col + a.col_span < cols && !fits(a.row, a.col, a)) ++a.col;
    } else if (col_start[k] >= 0) {  // a definite column: the next row where it fits
      a.col = std::min(col_start[k], cols - a.col_span);
      if (a.col < cur_c) ++cur_r;
      while (cur_r < max_rows && !fits(cur_r, a.col, a)) ++cur_r;
      a.row = cur_r;
      cur_c = a.col;
    } else {
      while (cur_r < max_rows && !fits(cur_r, cur_c, a)) {
        if (++cur_c + a.col_span > cols) {
          cur_c = 0;
          ++cur_r;
        }
      }
      a.row = cur_r;
      a.col = cur_c;
    }
    occupy(a);
  }
  int rows = std::max(explicit_rows, static_cast<int>(used.size()));

  // Columns: the items' min- and max-content widths.
  float col_gap = gp.column_gap.resolve(width);
  std::optional<float> height = s.height;
  float row_gap = gp.row_gap.resolve(height.value_or(0));
  std::vector<Track> ctracks(static_cast<size_t>(cols));
  for (int c = 0; c < cols; ++c) {
    ctracks[static_cast<size_t>(c)].spec =
        c < explicit_cols ? gp.columns[static_cast<size_t>(c)] : gp.auto_columns;
  }
  std::vector<Need> col_needs;
  for (size_t k = 0; k < items.size(); ++k) {
    const ComputedStyle& is = *items[k].style;
    float m = items[k].text.empty() ? is.margin.left + is.margin.right : 0;
    float mn = item_width(items[k], width, true) + m;
    float mx = item_width(items[k], width, false) + m;
    col_needs.push_back({areas[k].col, areas[k].col_span, mn, mx});
  }
  size_tracks(ctracks, col_needs, width, col_gap, gp.justify_content);
  position_tracks(ctracks, x, width, col_gap, gp.justify_content);

  // Each item's width in its area, then the rows from their heights.
  auto self_align = [](Align self, Align items_align) {
    Align a = self != Align::Auto ? self : items_align;
    return a == Align::Normal ? Align::Stretch : a;
  };
  std::vector<float> widths(items.size());
  std::vector<float> heights(items.size());
  std::vector<Need> row_needs;
  for (size_t k = 0; k < items.size(); ++k) {
    const ComputedStyle& is = *items[k].style;
    bool anon = !items[k].text.empty();
    float ml = anon ? 0 : is.margin.left, mr = anon ? 0 : is.margin.right;
    float cell = span_size(ctracks, areas[k].col, areas[k].col_span, col_gap);
    float room = std::max(1.0f, cell - ml - mr);
    Align j = self_align(is.place.justify_self, gp.justify_items);
    bool autos = !anon && (is.margin.auto_left || is.margin.auto_right);
    bool given = !anon && (is.width || is.width_pct);
    Extent e;
    if (is_picture(items[k])) {
      e = item_measure(items[k], std::nullopt, std::nullopt, room);
    } else if (given) {
      e = item_measure(items[k], std::nullopt, std::nullopt, cell);
    } else if (j == Align::Stretch && !autos) {
      e = item_measure(items[k], room, std::nullopt, room);
    } else {
      float w = std::min(room, item_width(items[k], room, false));
      e = item_measure(items[k], w, std::nullopt, room);
    }
    widths[k] = e.used_width;
    if (given) widths[k] = e.used_width;
    heights[k] = e.height;
    float mv = anon ? 0 : is.margin.top + is.margin.bottom;
    row_needs.push_back({areas[k].row, areas[k].row_span, heights[k] + mv, heights[k] + mv});
  }
  std::vector<Track> rtracks(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    rtracks[static_cast<size_t>(r)].spec =
        r < explicit_rows ? gp.rows[static_cast<size_t>(r)] : gp.auto_rows;
  }
  size_tracks(rtracks, row_needs, height.value_or(-1), row_gap, gp.align_content);
  position_tracks(rtracks, y, height.value_or(-1), row_gap, gp.align_content);

  // The items in their areas.
  for (size_t k = 0; k < items.size(); ++k) {
    const ComputedStyle& is = *items[k].style;
    bool anon = !items[k].text.empty();
    const Area& a = areas[k];
    float cx = ctracks[static_cast<size_t>(a.col)].pos;
    float cy = rtracks[static_cast<size_t>(a.row)].pos;
    float cw = span_size(ctracks, a.col, a.col_span, col_gap);
    float ch = span_size(rtracks, a.row, a.row_span, row_gap);
    const style::Edges& m = anon ? style::Edges{} : is.margin;
    bool pic = is_picture(items[k]);
    Align j = self_align(is.place.justify_self, gp.justify_items);
    Align al = self_align(is.place.align_self, gp.align_items);
    if (pic && is.place.justify_self == Align::Auto && gp.justify_items == Align::Normal)
      j = Align::Start;
    if (pic && is.place.align_self == Align::Auto && gp.align_items == Align::Normal)
      al = Align::Start;
    float w = widths[k], h = heights[k];
    float hfree = cw - m.left - m.right - w;
    float vfree = ch - m.top - m.bottom - h;
    bool stretch_h = al == Align::Stretch && !pic && !is.height && !m.auto_top && !m.auto_bottom;
    if (stretch_h && vfree > 0) {
      h += vfree;
      vfree = 0;
    }
    float ox = m.auto_left && m.auto_right ? hfree / 2
               : m.auto_left               ? hfree
               : m.auto_right              ? 0
               : j == Align::Center        ? hfree / 2
               : j == Align::End           ? hfree
                                           : 0;
    float oy = m.auto_top && m.auto_bottom ? vfree / 2
               : m.auto_top                ? vfree
               : m.auto_bottom             ? 0
               : al == Align::Center       ? vfree / 2
               : al == Align::End          ? vfree
                                           : 0;
    std::optional<float> pw = pic ? std::nullopt : std::optional<float>(w);
    item_place(items[k], cx + m.left + ox, cy + m.top + oy, pw,
               pic ? std::nullopt : std::optional<float>(h), std::max(1.0f, cw - m.left - m.right),
               out);
  }
  Extent r;
  float total_h = rtracks.empty() ? 0 : row_gap * static_cast<float>(rows - 1);
  for (const Track& t : rtracks) total_h += t.size;
  r.height = total_h;
  float total_w = ctracks.empty() ? 0 : col_gap * static_cast<float>(cols - 1);
  for (const Track& t : ctracks) total_w += std::max(t.base, t.limit);
  r.used_width = std::min(width, total_w);
  return r;
}

}  // namespace deckpdf::layout
