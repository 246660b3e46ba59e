// layout/flex — the flex formatting context, after CSS Flexible Box Layout
// §9: items in `order`, their flex base and hypothetical main sizes, lines
// collected (flex-wrap), flexible lengths resolved line by line (grow or
// shrink, items frozen at their min and max sizes, the automatic minimum
// being the min-content width), cross sizes and `stretch`, then main-axis
// placement by auto margins or justify-content and cross-axis placement by
// align-self/align-items (and align-content between lines). Not read:
// `baseline` (placed as flex-start), aspect-ratio stretching of pictures
// (a picture keeps its ratio and is not stretched), percentages of an
// indefinite height (0).
#include <algorithm>
#include <limits>

#include "layout/engine.h"

namespace deckpdf::layout {

using style::Align;
using style::ComputedStyle;

namespace {

constexpr float inf = std::numeric_limits<float>::infinity();

struct Flexed {
  const BoxItem* item;
  float base = 0, hypo = 0, min = 0, max = inf, target = 0;
  float m_before = 0, m_after = 0;  // main-axis margins
  bool auto_before = false, auto_after = false;
  float c_before = 0, c_after = 0;  // cross-axis margins
  bool c_auto_before = false, c_auto_after = false;
  float cross = 0;    // border-box cross size
  float width = 0;    // border-box width (the cross size in a column)
  float natural = 0;  // a column item's width unstretched: what a shrinking column needs
  bool frozen = false;
  float outer_target() const { return target + m_before + m_after; }
  float outer_hypo() const { return hypo + m_before + m_after; }
};

struct FlexLine {
  size_t begin, end;
  float cross = 0;
  float offset = 0;  // cross position from the container's cross start
};

// §9.7: the items' target main sizes in a line with `space` for them.
void resolve_flexible(std::vector<Flexed>& f, const FlexLine& line, float space, float gaps) {
  float sum_hypo = gaps;
  for (size_t k = line.begin; k < line.end; ++k) sum_hypo += f[k].outer_hypo();
  bool grow = sum_hypo < space;
  for (size_t k = line.begin; k < line.end; ++k) {
    Flexed& it = f[k];
    const style::BoxPlacement& p = it.item->style->place;
    float factor = grow ? p.grow : p.shrink;
    it.frozen = factor == 0 || (grow && it.base > it.hypo) || (!grow && it.base < it.hypo);
    it.target = it.hypo;
  }
  auto free_space = [&] {
    float used = gaps;
    for (size_t k = line.begin; k < line.end; ++k) {
      const Flexed& it = f[k];
      used += (it.frozen ? it.target : it.base) + it.m_before + it.m_after;
    }
    return space - used;
  };
  float initial = free_space();
  // Each round freezes at least one item.
  for (size_t round = line.begin; round <= line.end; ++round) {
    float sum_factors = 0;
    bool open = false;
    for (size_t k = line.begin; k < line.end; ++k) {
      if (f[k].frozen) continue;
      open = true;
      const style::BoxPlacement& p = f[k].item->style->place;
      sum_factors += grow ? p.grow : p.shrink;
    }
    if (!open) break;
    float free = free_space();
    if (sum_factors < 1 && std::abs(initial * sum_factors) < std::abs(free)) {
      free = initial * sum_factors;
    }
    float scaled_sum = 0;
    for (size_t k = line.begin; k < line.end; ++k) {
      if (!f[k].frozen) scaled_sum += f[k].item->style->place.shrink * f[k].base;
    }
    float violation = 0;
    for (size_t k = line.begin; k < line.end; ++k) {
      Flexed& it = f[k];
      if (it.frozen) continue;
      const style::BoxPlacement& p = it.item->style->place;
      if (grow) {
        it.target = it.base + (sum_factors > 0 ? free * p.grow / sum_factors : 0);
      } else {
        float scaled = p.shrink * it.base;
        it.target = it.base + (scaled_sum > 0 ? free * scaled / scaled_sum : 0);
      }
      float clamped = std::clamp(it.target, it.min, std::max(it.min, it.max));
      violation += clamped - it.target;
      it.target = clamped;
    }
    for (size_t k = line.begin; k < line.end; ++k) {
      Flexed& it = f[k];
      if (it.frozen) continue;
      float lo = it.min, hi = std::max(it.min, it.max);
      if (violation == 0 || (violation > 0 && it.target <= lo) ||
          (violation < 0 && it.target >= hi)) {
        it.frozen = true;
      }
    }
  }
}

}  // namespace

void distribute(style::Align a, float free, size_t n, float& start, float& between) {
  start = 0;
  between = 0;
  if (n == 0) return;
  if (free < 0) {  // overflow: the distributed alignments fall back
    if (a == Align::SpaceBetween) a = Align::Start;
    if (a == Align::SpaceAround || a == Align::SpaceEvenly) a = Align::Center;
  }
  switch (a) {
    case Align::End: start = free; break;
    case Align::Center: start = free / 2; break;
    case Align::SpaceBetween: between = n > 1 ? free / static_cast<float>(n - 1) : 0; break;
    case Align::SpaceAround:
      between = free / static_cast<float>(n);
      start = between / 2;
      break;
    case Align::SpaceEvenly:
      between = free / static_cast<float>(n + 1);
      start = between;
      break;
    default: break;
  }
}

Extent Engine::flex(dom::NodeId id, const ComputedStyle& s, int tag, float x, float y, float width,
                    std::vector<Item>& out) {
  const style::BoxPlacement& cp = s.place;
  bool row =
      cp.direction == style::FlexDirection::Row || cp.direction == style::FlexDirection::RowReverse;
  bool reverse = cp.direction == style::FlexDirection::RowReverse ||
                 cp.direction == style::FlexDirection::ColumnReverse;
  std::optional<float> height = s.height;  // content box (a definite height)
  std::vector<BoxItem> items = box_items(id, s, tag, x, y);
  float main_space = row ? width : height.value_or(inf);
  float main_gap = row ? cp.column_gap.resolve(width) : cp.row_gap.resolve(height.value_or(0));
  float cross_gap = row ? cp.row_gap.resolve(height.value_or(0)) : cp.column_gap.resolve(width);

  // Sizes: the flex base size and the hypothetical main size (§9.2).
  std::vector<Flexed> f(items.size());
  for (size_t k = 0; k < items.size(); ++k) {
    Flexed& it = f[k];
    it.item = &items[k];
    const ComputedStyle& is = *items[k].style;
    const style::BoxPlacement& p = is.place;
    float pad_w = is.padding.left + is.padding.right + 2 * is.border_width;
    float pad_h = is.padding.top + is.padding.bottom + 2 * is.border_width;
    const style::Edges& m = is.margin;
    bool anon = !items[k].text.empty();  // no box of its own: no margins, padding, border
    if (anon) pad_w = pad_h = 0;
    if (row) {
      it.m_before = anon ? 0 : m.left;
      it.m_after = anon ? 0 : m.right;
      it.auto_before = !anon && m.auto_left;
      it.auto_after = !anon && m.auto_right;
      it.c_before = anon ? 0 : m.top;
      it.c_after = anon ? 0 : m.bottom;
      it.c_auto_before = !anon && m.auto_top;
      it.c_auto_after = !anon && m.auto_bottom;
    } else {
      it.m_before = anon ? 0 : m.top;
      it.m_after = anon ? 0 : m.bottom;
      it.auto_before = !anon && m.auto_top;
      it.auto_after = !anon && m.auto_bottom;
      it.c_before = anon ? 0 : m.left;
      it.c_after = anon ? 0 : m.right;
      it.c_auto_before = !anon && m.auto_left;
      it.c_auto_after = !anon && m.auto_right;
    }
    float cross_room = std::max(1.0f, width - it.c_before - it.c_after);
    // (A percentage is auto in a min-content measure: see block.cpp.)
    std::optional<float> given_w =
        anon ? std::nullopt
        : is.width_pct
            ? (min_content_
                   ? std::nullopt
                   : std::optional<float>(width * *is.width_pct / 100 + is.width_pct_px + pad_w))
        : is.width ? std::optional<float>(*is.width + pad_w)
                   : std::nullopt;
    if (row) {
      float room = std::max(1.0f, width - it.m_before - it.m_after);
      if (p.basis) {
        it.base = p.basis->resolve(width) + pad_w;
      } else if (given_w) {
        it.base = *given_w;
      } else {
        // Measuring the container's min-content width: its items' own.
        it.base = item_width(items[k], room, min_content_);
      }
      float max = is.max_width_pct ? width * *is.max_width_pct / 100 + pad_w
                  : is.max_width   ? *is.max_width + pad_w
                                   : inf;
      float min = 0;
      if (p.min_width) {
        min = p.min_width->resolve(width) + pad_w;
      } else {
        // The automatic minimum: the min-content width, at most the
        // specified width, at most the maximum.
        min = item_width(items[k], room, true);
        if (given_w) min = std::min(min, *given_w);
        min = std::min(min, max);
      }
      it.min = min;
      it.max = max;
    } else {
      // The cross size first: a column's items are as wide as it
      // (stretch), or as their content, or as they say.
      Align a = p.align_self != Align::Auto ? p.align_self : cp.align_items;
      bool stretch = (a == Align::Normal || a == Align::Stretch) && !it.c_auto_before &&
                     !it.c_auto_after && !is_picture(items[k]);
      // (Measuring the column's min-content width: its items' min-content.)
      it.natural =
          given_w ? *given_w : std::min(cross_room, item_width(items[k], cross_room, min_content_));
      it.width = stretch && !given_w ? cross_room : it.natural;
      float content_h =
          item_measure(items[k],
                       is_picture(items[k]) && !given_w ? std::nullopt : std::optional(it.width),
                       std::nullopt, cross_room)
              .height;
      if (is_picture(items[k]) && !given_w) {
        it.width = item_measure(items[k], std::nullopt, std::nullopt, cross_room).used_width;
        it.natural = it.width;
      }
      if (p.basis && !(p.basis->pct && !height)) {
        it.base = p.basis->resolve(height.value_or(0)) + pad_h;
      } else if (is.height) {
        it.base = *is.height + pad_h;
      } else {
        it.base = content_h;
      }
      it.max = is.max_height ? *is.max_height + pad_h : inf;
      it.min = p.min_height ? p.min_height->resolve(height.value_or(0)) + pad_h
                            : std::min(content_h, it.max);
    }
    it.hypo = std::clamp(it.base, it.min, std::max(it.min, it.max));
  }

  // Lines (§9.3).
  std::vector<FlexLine> lines;
  {
    size_t begin = 0;
    float used = 0;
    for (size_t k = 0; k < f.size(); ++k) {
      float need = f[k].outer_hypo() + (k > begin ? main_gap : 0);
      if (cp.wrap && k > begin && used + need > main_space + 0.01f) {
        lines.push_back({begin, k});
        begin = k;
        used = f[k].outer_hypo();
      } else {
        used += need;
      }
    }
    if (begin < f.size() || lines.empty()) lines.push_back({begin, f.size()});
  }

  // Main sizes, then cross sizes (§9.4).
  float max_content_main = 0;  // what a shrink-to-fit container needs
  for (FlexLine& line : lines) {
    size_t n = line.end - line.begin;
    float gaps = n > 1 ? main_gap * static_cast<float>(n - 1) : 0;
    float sum = gaps;
    for (size_t k = line.begin; k < line.end; ++k) sum += f[k].outer_hypo();
    max_content_main = std::max(max_content_main, sum);
    if (main_space < inf) {
      resolve_flexible(f, line, main_space, gaps);
    } else {
      for (size_t k = line.begin; k < line.end; ++k) f[k].target = f[k].hypo;
    }
    for (size_t k = line.begin; k < line.end; ++k) {
      Flexed& it = f[k];
      if (row) {
        it.width = it.target;
        Extent e = item_measure(*it.item, it.target, std::nullopt, it.target);
        it.cross = e.height;
      } else {
        it.cross = it.width;
      }
      line.cross = std::max(line.cross, it.cross + it.c_before + it.c_after);
    }
  }
  float cross_space = row ? height.value_or(-1) : width;
  if (lines.size() == 1 && cross_space >= 0) lines[0].cross = cross_space;
  // align-content: the lines in the cross space, when it is definite.
  float lines_cross = 0;
  for (size_t l = 0; l < lines.size(); ++l) {
    lines_cross += lines[l].cross + (l > 0 ? cross_gap : 0);
  }
  float lc_start = 0, lc_between = 0;
  if (cross_space >= 0 && lines.size() > 1) {
    float free = cross_space - lines_cross;
    Align ac = cp.align_content;
    if ((ac == Align::Normal || ac == Align::Stretch) && free > 0) {
      for (FlexLine& line : lines) line.cross += free / static_cast<float>(lines.size());
      lines_cross = cross_space;
    } else {
      distribute(ac, free, lines.size(), lc_start, lc_between);
    }
  }
  {
    float at = lc_start;
    for (size_t l = 0; l < lines.size(); ++l) {
      lines[l].offset = at;
      at += lines[l].cross + cross_gap + lc_between;
    }
    if (cp.wrap_reverse) {
      float total = cross_space >= 0 ? cross_space : lines_cross;
      for (FlexLine& line : lines) line.offset = total - line.offset - line.cross;
    }
  }

  // Placement (§9.5, §9.6) and the final layout of each item.
  for (const FlexLine& line : lines) {
    size_t n = line.end - line.begin;
    float used = n > 1 ? main_gap * static_cast<float>(n - 1) : 0;
    int autos = 0;
    for (size_t k = line.begin; k < line.end; ++k) {
      used += f[k].outer_target();
      autos += f[k].auto_before + f[k].auto_after;
    }
    float free = (main_space < inf ? main_space : used) - used;
    float start = 0, between = 0, per_auto = 0;
    if (autos > 0 && free > 0)
      per_auto = free / static_cast<float>(autos);
    else
      distribute(cp.justify_content, free, n, start, between);
    float pos = start;
    float main_total = main_space < inf ? main_space : used;
    for (size_t k = line.begin; k < line.end; ++k) {
      Flexed& it = f[k];
      pos += it.m_before + (it.auto_before ? per_auto : 0);
      float main_pos = reverse ? main_total - pos - it.target : pos;
      pos += it.target + it.m_after + (it.auto_after ? per_auto : 0) + main_gap + between;

      const style::BoxPlacement& p = it.item->style->place;
      Align a = p.align_self != Align::Auto ? p.align_self : cp.align_items;
      float room = line.cross - it.c_before - it.c_after;
      bool given_cross = row ? it.item->style->height.has_value()
                             : (it.item->style->width || it.item->style->width_pct);
      std::optional<float> stretch_to;
      if ((a == Align::Normal || a == Align::Stretch) && !given_cross && !is_picture(*it.item) &&
          !it.c_auto_before && !it.c_auto_after) {
        stretch_to = std::max(it.cross, room);
        it.cross = *stretch_to;
      }
      float cross_pos = 0;
      float cfree = room - it.cross;
      if (it.c_auto_before && it.c_auto_after)
        cross_pos = cfree / 2;
      else if (it.c_auto_before)
        cross_pos = cfree;
      else if (it.c_auto_after)
        cross_pos = 0;
      else if (a == Align::End)
        cross_pos = cfree;
      else if (a == Align::Center)
        cross_pos = cfree / 2;
      cross_pos += line.offset + it.c_before;
      float ix = row ? x + main_pos : x + cross_pos;
      float iy = row ? y + cross_pos : y + main_pos;
      if (row) {
        item_place(*it.item, ix, iy, it.target, stretch_to, it.target, out);
      } else {
        bool pic = is_picture(*it.item);
        item_place(*it.item, ix, iy, pic ? std::optional<float>(it.width) : it.width,
                   pic ? std::nullopt : std::optional<float>(it.target), it.width, out);
      }
    }
  }
  Extent r;
  if (row) {
    r.height = lines_cross;
    r.used_width = std::min(width, max_content_main);
  } else {
    float main_used = 0;
    for (const FlexLine& line : lines) {
      float used = 0;
      for (size_t k = line.begin; k < line.end; ++k) used += f[k].outer_target();
      size_t n = line.end - line.begin;
      used += n > 1 ? main_gap * static_cast<float>(n - 1) : 0;
      main_used = std::max(main_used, used);
    }
    r.height = main_used;
    float widest = 0;
    for (const Flexed& it : f) widest = std::max(widest, it.natural + it.c_before + it.c_after);
    r.used_width = std::min(width, widest);
  }
  return r;
}

}  // namespace deckpdf::layout
