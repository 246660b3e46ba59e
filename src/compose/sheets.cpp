// compose/sheets — a handout's pages (see sheets.h):
//   STEP 1  geometry: the paper (A4 or Letter, turned for landscape), the
//           margins, header and footer, the grid of cells.
//   ...     the grid (handout.cpp) or the script (script.cpp) fills pages.
//   STEP 4  finish: the header (the deck's title, author, event and date)
//           and footer ("3 / 12") on every page, an outline entry on the
//           page where a slide first appears, links in slides and notes as
//           annotations.
#include "compose/sheets.h"

#include <algorithm>

#include "compose/ink.h"
#include "compose/internal.h"
#include "layout/layers.h"
#include "layout/notes.h"

namespace deckpdf::compose {

Rect cell_box(const CellBox& b, const Rect& cell) {
  Rect r;
  r.x = cell.x + (b.x_mm ? b.x * pt_per_mm : b.x * cell.width);
  r.y = cell.y + (b.y_mm ? b.y * pt_per_mm : b.y * cell.height);
  r.width = b.width_mm ? b.width * pt_per_mm : b.width * cell.width;
  r.height = b.height_mm ? b.height * pt_per_mm : b.height * cell.height;
  r.width = std::min(r.width, cell.x + cell.width - r.x);
  r.height = std::min(r.height, cell.y + cell.height - r.y);
  return r;
}

Sheets::Sheets(const deck::Deck& deck_, const std::vector<layout::DisplayList>& slides_,
               const HandoutLayout& layout_, layout::NotesLayout& notes_,
               const HandoutOptions& options_, Handout& out_)
    : deck(deck_), slides(slides_), layout(layout_), notes(notes_), options(options_), out(out_) {
  page_w = options.paper.width;
  page_h = options.paper.height;
  if (layout.landscape && !options.notes_only) std::swap(page_w, page_h);
  content.x = layout.margin_left * pt_per_mm;
  content.y = (layout.margin_top + layout.header) * pt_per_mm;
  content.width = page_w - (layout.margin_left + layout.margin_right) * pt_per_mm;
  content.height =
      page_h -
      (layout.margin_top + layout.header + layout.footer + layout.margin_bottom) * pt_per_mm;
  content.width = std::max(content.width, 72.0f);
  content.height = std::max(content.height, 72.0f);
  float gap = layout.gap * pt_per_mm;
  cell_w = (content.width - gap * static_cast<float>(layout.columns - 1)) /
           static_cast<float>(layout.columns);
  cell_h = (content.height - gap * static_cast<float>(layout.rows - 1)) /
           static_cast<float>(layout.rows);
  cell_w = std::max(cell_w, 36.0f);
  cell_h = std::max(cell_h, 36.0f);
}

std::vector<size_t> Sheets::selection() const {
  std::vector<size_t> sel;
  if (options.slides.empty()) {
    for (size_t i = 0; i < deck.slides.size() && i < slides.size(); ++i) sel.push_back(i);
  } else {
    for (size_t i : options.slides) {
      if (i < deck.slides.size() && i < slides.size()) sel.push_back(i);
    }
  }
  return sel;
}

Rect Sheets::cell_rect(size_t k) const {
  size_t col = k % static_cast<size_t>(layout.columns);
  size_t row = k / static_cast<size_t>(layout.columns);
  float gap = layout.gap * pt_per_mm;
  return {content.x + static_cast<float>(col) * (cell_w + gap),
          content.y + static_cast<float>(row) * (cell_h + gap), cell_w, cell_h};
}

layout::DisplayList& Sheets::keep(layout::DisplayList list) {
  out.lists.push_back(std::move(list));
  return out.lists.back();
}

Page& Sheets::page_new() {
  Page page;
  page.width = page_w;
  page.height = page_h;
  page.step = layout::print_state;
  out.pages.push_back(std::move(page));
  layout::DisplayList chrome;
  chrome.width = page_w;
  chrome.height = page_h;
  chrome.background = {1, 1, 1, 0};
  chrome_ = &keep(std::move(chrome));
  chromes_.push_back(chrome_);
  Placement pl;
  pl.list = chrome_;
  pl.step = layout::print_state;
  out.pages.back().placed.push_back(pl);
  return out.pages.back();
}

void Sheets::place(Page& page, const layout::DisplayList& list, float x, float y, float scale) {
  Placement pl;
  pl.list = &list;
  pl.step = layout::print_state;
  pl.t.scale = scale;
  pl.t.tx = x;
  pl.t.ty = y;
  page.placed.push_back(pl);
}

void Sheets::rect(float x, float y, float w, float h, layout::Color fill, float stroke_width,
                  layout::Color stroke) {
  layout::Item it;
  it.x = x;
  it.y = y;
  it.v = layout::RectItem{w, h, fill, stroke_width, stroke};
  chrome_->items.push_back(std::move(it));
}

void Sheets::rule(float x, float y, float x2, float width, layout::Color color) {
  layout::Item it;
  it.x = x;
  it.y = y;
  it.v = layout::LineItem{x2, y, width, color};
  chrome_->items.push_back(std::move(it));
}

void Sheets::first_appears(size_t slide, float y) {
  if (first_page_.emplace(static_cast<int>(slide), static_cast<int>(out.pages.size() - 1)).second) {
    first_y_[static_cast<int>(slide)] = y;
  }
}

const layout::DisplayList& Sheets::slide_list(size_t i) {
  if (!options.ink_saving) return slides[i];
  auto [at, added] = printed_.emplace(i, &slides[i]);
  if (added) {
    if (auto copy = ink_saving(deck.slides[i], slides[i])) at->second = &keep(std::move(*copy));
  }
  return *at->second;
}

float Sheets::caption_line_h() {
  if (caption_line_h_ < 0) caption_line_h_ = notes.label("slide-caption", "3 Ag", 500).height;
  return caption_line_h_;
}

void Sheets::finish() {
  size_t total = out.pages.size();
  float header_w = page_w - (layout.margin_left + layout.margin_right) * pt_per_mm;
  const layout::DisplayList* header = nullptr;
  // The header: what the talk is, by whom, where and when (front matter).
  std::string header_text;
  for (const std::string* part :
       {&options.title, &deck.meta.author, &deck.meta.event, &deck.meta.date}) {
    if (part->empty()) continue;
    header_text += (header_text.empty() ? "" : "  \u00b7  ") + *part;
  }
  if (layout.header > 0 && !header_text.empty()) {
    header = &keep(notes.label("handout-header", header_text, header_w));
  }
  if (layout.footer > 0) {
    std::vector<std::string> texts;
    for (size_t p = 0; p < total; ++p) {
      texts.push_back(std::to_string(p + 1) + " / " + std::to_string(total));
    }
    notes.labels_prefetch("handout-footer", texts, header_w);
  }
  for (size_t p = 0; p < total; ++p) {
    Page& page = out.pages[p];
    page.label = std::to_string(p + 1);
    chrome_ = chromes_[p];
    float left = layout.margin_left * pt_per_mm;
    if (header) {
      float hy = layout.margin_top * pt_per_mm;
      place(page, *header, left, hy, pt_per_px);
      float ry = (layout.margin_top + layout.header) * pt_per_mm - 2.5f * pt_per_mm;
      ry = std::max(ry, hy + header->height * pt_per_px + 1);
      rule(left, ry, left + header_w, 0.5f, {0.6f, 0.6f, 0.6f, 1});
    }
    if (layout.footer > 0) {
      const layout::DisplayList& footer = keep(notes.labels_next());
      float fy = page_h - (layout.margin_bottom + layout.footer) * pt_per_mm +
                 std::max(0.0f, layout.footer * pt_per_mm - footer.height * pt_per_px);
      place(page, footer, left, fy, pt_per_px);
    }
  }
  // The outline: an entry per slide on the page where it first appears,
  // in slide order (first_page_ is ordered by slide); the page's first
  // opens the whole page, the others the page at their place.
  int prev_h = -1;
  for (const auto& [slide, page] : first_page_) {
    if (page < 0 || static_cast<size_t>(page) >= total) continue;
    Page& pg = out.pages[static_cast<size_t>(page)];
    const deck::Slide& s = deck.slides[static_cast<size_t>(slide)];
    std::string number = s.uncounted ? "" : s.label();
    std::string title = s.title.empty() ? "Slide " + s.label() : s.title;
    title = number.empty() || s.title.empty() ? title : number + "  " + title;
    int level = s.v > 1 && prev_h == s.h ? 1 : 0;
    prev_h = s.h;
    if (pg.outline_title.empty()) {
      pg.outline_title = std::move(title);
      pg.outline_level = level;
    } else {
      pg.outline_more.push_back({std::move(title), level, first_y_[slide]});
    }
  }
  // The chrome lists are complete only now (rects and rules added page by page).
  for (layout::DisplayList* chrome : chromes_) layout::layers_group(*chrome);
  links_collect(deck, out.pages, {}, first_page_);
}

}  // namespace deckpdf::compose
