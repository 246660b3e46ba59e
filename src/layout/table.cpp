// layout/table — the table formatting context, for tables from Markdown or
// Pug: rows of cells in a grid. Columns are as wide as their widest cell's
// content (max-content), shrunk in proportion when the table would be
// wider than its container; a row is as tall as its tallest cell. The
// table is centred when its margins are auto (the themes' choice), else
// placed at the left. A cell's content is laid out as a block container.
#include <algorithm>

#include "layout/engine.h"

namespace deckpdf::layout {

using style::ComputedStyle;

namespace {

// A table's rows in order: straight in it or in its row groups.
std::vector<dom::NodeId> table_rows(const dom::Document& doc, dom::NodeId table) {
  std::vector<dom::NodeId> rows;
  for (dom::NodeId c : doc[table].children) {
    const dom::Node& n = doc[c];
    if (n.kind != dom::NodeKind::Element) continue;
    if (n.tag == "tr") rows.push_back(c);
    if (n.tag != "thead" && n.tag != "tbody" && n.tag != "tfoot") continue;
    for (dom::NodeId r : n.children) {
      if (doc[r].kind == dom::NodeKind::Element && doc[r].tag == "tr") rows.push_back(r);
    }
  }
  return rows;
}

// A line-highlight step's copy of a code block: the step it shows at and
// the rows of its line-number table.
struct CopyRows {
  int step = 0;
  std::vector<dom::NodeId> rows;
};

// The copies of the code block that holds `table`, when it has
// line-highlight steps (deck.h); none otherwise.
std::vector<CopyRows> step_copy_rows(const dom::Document& doc, const deck::Slide* slide,
                                     dom::NodeId table) {
  if (!slide || slide->code_steps.empty()) return {};
  auto it = slide->code_steps.find(doc[table].parent);
  if (it == slide->code_steps.end()) return {};
  std::vector<CopyRows> out;
  for (const deck::Slide::CodeStep& step : it->second) {
    CopyRows copy{step.step, {}};
    for (dom::NodeId c : doc[step.copy].children) {
      if (doc[c].kind == dom::NodeKind::Element && doc[c].tag == "table") {
        copy.rows = table_rows(doc, c);
        break;
      }
    }
    out.push_back(std::move(copy));
  }
  return out;
}

// Row `index`'s opacity at each step: its own until the first copy shows,
// then that of its counterpart in the copy on top (`.hljs.has-highlights
// tr:not(.highlight-line)` dims the lines a step does not highlight).
std::vector<Effect> step_opacities(const style::Resolver& styles, const ComputedStyle& parent,
                                   float own, const std::vector<CopyRows>& copies, size_t index) {
  std::vector<Effect> out;
  auto add = [&](float alpha, int from, int until) {
    if (alpha >= 1 || from >= until) return;
    if (!out.empty() && out.back().until == from && out.back().alpha == alpha) {
      out.back().until = until;  // dim on both steps: one effect, one layer
      return;
    }
    Effect e;
    e.kind = Effect::Kind::Opacity;
    e.alpha = alpha;
    e.from = from;
    e.until = until;
    out.push_back(e);
  };
  int from = 0;
  float alpha = own;
  for (const CopyRows& copy : copies) {
    add(alpha, from, copy.step);
    from = copy.step;
    if (index < copy.rows.size()) alpha = styles.compute(copy.rows[index], parent).opacity;
  }
  add(alpha, from, never);
  return out;
}

}  // namespace

Extent Engine::table(dom::NodeId id, const ComputedStyle& s, int tag, float x, float y, float avail,
                     std::vector<Item>& out) {
  struct Cell {
    dom::NodeId node;
    const ComputedStyle* style;
    int tag;
  };
  std::vector<std::vector<Cell>> rows;
  // The last row of each tbody, explicit or the one HTML makes around rows
  // written straight into the table: reveal.js's themes draw no rule under
  // it (`.reveal table tbody tr:last-child td { border-bottom: none }`).
  std::vector<size_t> body_ends;
  // A code block's line-number table under line-highlight steps: each row
  // as its counterpart in the copy on top at each step (deck.h).
  const std::vector<CopyRows> copy_rows = step_copy_rows(ctx_.doc, slide_, id);
  size_t row_index = 0;
  auto add_row = [&](dom::NodeId tr, const ComputedStyle& tr_parent, int parent_tag) {
    const ComputedStyle* trs = keep(ctx_.styles.compute(tr, tr_parent));
    int tr_tag;
    if (copy_rows.empty()) {
      tr_tag = tag_for(tr, *trs, parent_tag);
    } else {
      ComputedStyle opaque = *trs;
      opaque.opacity = 1;
      tr_tag = tag_with(tag_for(tr, opaque, parent_tag),
                        step_opacities(ctx_.styles, tr_parent, trs->opacity, copy_rows, row_index));
    }
    ++row_index;
    std::vector<Cell> row;
    for (dom::NodeId c : ctx_.doc[tr].children) {
      const dom::Node& cn = ctx_.doc[c];
      if (cn.kind != dom::NodeKind::Element || (cn.tag != "td" && cn.tag != "th")) continue;
      const ComputedStyle* cs = keep(ctx_.styles.compute(c, *trs));
      row.push_back({c, cs, tag_for(c, *cs, tr_tag)});
    }
    if (!row.empty()) rows.push_back(std::move(row));
  };
  bool bare_rows = false;  // rows straight in the table since the last group
  for (dom::NodeId c : ctx_.doc[id].children) {
    const dom::Node& n = ctx_.doc[c];
    if (n.kind != dom::NodeKind::Element) continue;
    if (n.tag == "tr") {
      add_row(c, s, tag);
      bare_rows = true;
    } else if (n.tag == "thead" || n.tag == "tbody" || n.tag == "tfoot") {
      if (bare_rows && !rows.empty()) body_ends.push_back(rows.size() - 1);
      bare_rows = false;
      const ComputedStyle* gs = keep(ctx_.styles.compute(c, s));
      int gtag = tag_for(c, *gs, tag);
      size_t before = rows.size();
      for (dom::NodeId r : n.children) {
        if (ctx_.doc[r].kind == dom::NodeKind::Element && ctx_.doc[r].tag == "tr") {
          add_row(r, *gs, gtag);
        }
      }
      if (n.tag == "tbody" && rows.size() > before) body_ends.push_back(rows.size() - 1);
    }
  }
  if (bare_rows && !rows.empty()) body_ends.push_back(rows.size() - 1);
  if (rows.empty()) return {};
  size_t cols = 0;
  for (const auto& row : rows) cols = std::max(cols, row.size());
  // Max-content widths, measured with the cell's text left-aligned. A
  // left-aligned cell of text only that gets at least that width would be
  // laid out the same again: its measured items are kept and moved into
  // place (code's line-number tables are hundreds of such cells).
  struct Measured {
    std::vector<Item> items;
    Extent extent;
    bool reusable = false;
  };
  std::vector<std::vector<Measured>> measured(rows.size());
  std::vector<float> widths(cols, 0);
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    measured[r].resize(row.size());
    for (size_t k = 0; k < row.size(); ++k) {
      // Kept, not a local: styles are cached by their parent's address.
      ComputedStyle left_aligned = *row[k].style;
      left_aligned.text_align = style::TextAlign::Left;
      const ComputedStyle* measure_style = keep(left_aligned);
      Measured& m = measured[r][k];
      ListMarker saved = marker_;
      const size_t chunks = positioned_.size(), frames = abs_frames_.size();
      const size_t floats = floats_.size(), pending = pending_floats_.size();
      m.extent = children(row[k].node, *measure_style, row[k].tag, 0, 0, 1e6f, m.items);
      m.reusable = row[k].style->text_align == style::TextAlign::Left &&
                   positioned_.size() == chunks && abs_frames_.size() == frames &&
                   floats_.size() == floats && pending_floats_.size() == pending &&
                   !marker_.pending && !saved.pending &&
                   std::all_of(m.items.begin(), m.items.end(), [](const Item& it) {
                     // Text only: a box's background would be as wide as
                     // the measure's room, not the cell.
                     return std::holds_alternative<TextItem>(it.v);
                   });
      marker_ = saved;
      if (!m.reusable) m.items.clear();
      float pad = row[k].style->padding.left + row[k].style->padding.right;
      widths[k] = std::max(widths[k], m.extent.used_width + pad + 1);
    }
  }
  float total = 0;
  for (float w : widths) total += w;
  float room = avail - s.margin.left - s.margin.right;
  if (total > room && total > 0) {
    for (float& w : widths) w *= room / total;
    total = room;
  }
  float left = x + s.margin.left;
  if (s.margin.auto_left && s.margin.auto_right) left = x + (avail - total) / 2;
  float cursor = y;
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    bool body_end = std::find(body_ends.begin(), body_ends.end(), r) != body_ends.end();
    float cx = left;
    float row_h = 0;
    std::vector<std::vector<Item>> cell_items(row.size());
    std::vector<float> heights(row.size(), 0);
    for (size_t k = 0; k < row.size(); ++k) {
      const ComputedStyle& cs = *row[k].style;
      float inner_w = std::max(1.0f, widths[k] - cs.padding.left - cs.padding.right);
      Measured& m = measured[r][k];
      Extent cr;
      if (m.reusable && inner_w >= m.extent.used_width) {
        cr = m.extent;
        cell_items[k] = std::move(m.items);
        translate(cell_items[k], 0, cx + cs.padding.left, cursor + cs.padding.top);
      } else {
        cr = children(row[k].node, cs, row[k].tag, cx + cs.padding.left, cursor + cs.padding.top,
                      inner_w, cell_items[k]);
      }
      heights[k] = cr.height + cs.padding.top + cs.padding.bottom;
      row_h = std::max(row_h, heights[k]);
      cx += widths[k];
    }
    cx = left;
    for (size_t k = 0; k < row.size(); ++k) {
      const ComputedStyle& cs = *row[k].style;
      if (cs.background && cs.background->a > 0) {
        Item bg;
        bg.x = cx;
        bg.y = cursor;
        bg.v = RectItem{widths[k], row_h, *cs.background, 0, {}};
        bg.tag = row[k].tag;
        bg.span = ctx_.doc[row[k].node].span;
        out.push_back(bg);
      }
      for (Item& it : cell_items[k]) out.push_back(std::move(it));
      float rule = body_end ? 0 : std::max(cs.border_bottom_width, cs.border_width);
      if (rule > 0) {
        Item b;
        b.x = cx;
        b.y = cursor + row_h - rule / 2;
        b.v = LineItem{cx + widths[k], b.y, rule,
                       cs.border_bottom_width > 0 ? cs.border_bottom_color : cs.border_color};
        b.tag = row[k].tag;
        b.span = ctx_.doc[row[k].node].span;
        out.push_back(b);
      }
      cx += widths[k];
    }
    cursor += row_h;
  }
  return {cursor - y, left - x + total};
}

}  // namespace deckpdf::layout
