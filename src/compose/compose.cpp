// compose — the slides and builds modes as pages (see page.h), and the
// links and outline entries every mode places on its pages.
#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include "compose/internal.h"
#include "compose/layers.h"
#include "compose/page.h"

namespace deckpdf::compose {

namespace {

// The slide fills the page as reveal.js scales it: uniformly, centred.
Placement fit(const layout::DisplayList& list, int step, const PageSize& size) {
  Placement p;
  p.list = &list;
  p.step = step;
  float s = std::min(size.width / list.width, size.height / list.height);
  p.t.scale = s;
  p.t.tx = (size.width - list.width * s) / 2;
  p.t.ty = (size.height - list.height * s) / 2;
  return p;
}

Page slide_page(const deck::Deck& deck, const std::vector<layout::DisplayList>& lists, size_t i,
                int step, const PageSize& size, const Options& options) {
  Page page;
  page.width = size.width;
  page.height = size.height;
  page.background = lists[i].background;
  page.label = deck.slides[i].label();
  page.slide = static_cast<int>(i);
  page.step = step;
  page.placed.push_back(fit(lists[i], step, size));
  if (options.numbers && i < options.numbers->size() && (*options.numbers)[i].width > 0) {
    page.placed.push_back(fit((*options.numbers)[i], step, size));
  }
  return page;
}

std::vector<size_t> selection(const deck::Deck& deck, const std::vector<layout::DisplayList>& lists,
                              const Options& options) {
  std::vector<size_t> out;
  if (options.slides.empty()) {
    for (size_t i = 0; i < lists.size() && i < deck.slides.size(); ++i) out.push_back(i);
  } else {
    for (size_t i : options.slides) {
      if (i < lists.size() && i < deck.slides.size()) out.push_back(i);
    }
  }
  return out;
}

// Outline entries on each slide's first page, then the links of every page
// in page space, in-deck ones resolved to the page they open.
void pages_finish(const deck::Deck& deck, std::vector<Page>& pages) {
  std::map<std::pair<int, int>, int> page_of;  // (slide, step) -> page
  std::map<int, int> first_page;               // slide -> its first page
  int prev_h = -1;
  for (size_t p = 0; p < pages.size(); ++p) {
    Page& page = pages[p];
    page_of.emplace(std::make_pair(page.slide, page.step), static_cast<int>(p));
    if (!first_page.emplace(page.slide, static_cast<int>(p)).second) continue;
    const deck::Slide& s = deck.slides[static_cast<size_t>(page.slide)];
    page.outline_title = s.title.empty() ? "Slide " + s.label() : s.title;
    page.outline_level = s.v > 1 && prev_h == s.h ? 1 : 0;
    prev_h = s.h;
  }
  links_collect(deck, pages, page_of, first_page);
}

}  // namespace

void links_collect(const deck::Deck& deck, std::vector<Page>& pages,
                   const std::map<std::pair<int, int>, int>& page_of,
                   const std::map<int, int>& first_page) {
  for (Page& page : pages) {
    for (const Placement& pl : page.placed) {
      const layout::DisplayList& list = *pl.list;
      for (const layout::Item& item : list.items) {
        auto* link = std::get_if<layout::LinkItem>(&item.v);
        if (!link || !item.visible_at(pl.step)) continue;
        Link out;
        out.list = &list;
        out.item = static_cast<uint32_t>(&item - list.items.data());
        // list space -> content placement (scale, dx, dy) -> page.
        float k = pl.t.scale * list.scale;
        out.x = pl.t.tx + pl.t.scale * list.dx + k * item.x;
        out.y = pl.t.ty + pl.t.scale * list.dy + k * item.y;
        out.width = k * link->width;
        out.height = k * link->height;
        if (link->href.empty()) continue;
        if (link->href[0] == '#') {
          std::optional<deck::LinkTarget> target = deck.link_resolve(link->href);
          if (!target) continue;
          int slide = static_cast<int>(target->slide);
          auto at = page_of.find({slide, target->step});
          if (target->step >= 0 && at != page_of.end()) {
            out.page = at->second;
          } else if (auto first = first_page.find(slide); first != first_page.end()) {
            out.page = first->second;
          } else {
            continue;  // the slide is not printed (--slides)
          }
        } else {
          out.uri = link->href;
        }
        page.links.push_back(std::move(out));
      }
    }
  }
}

bool page_size_parse(const std::string& text, PageSize& out) {
  auto parse_pair = [&](char sep, float& a, float& b) {
    size_t at = text.find(sep);
    if (at == std::string::npos) return false;
    auto r1 = std::from_chars(text.data(), text.data() + at, a);
    auto r2 = std::from_chars(text.data() + at + 1, text.data() + text.size(), b);
    return r1.ec == std::errc() && r1.ptr == text.data() + at && r2.ec == std::errc() &&
           r2.ptr == text.data() + text.size() && a > 0 && b > 0 && a <= 20000 && b <= 20000;
  };
  float a = 0, b = 0;
  if (parse_pair(':', a, b)) {
    // An aspect ratio: 13.333 in wide, like PowerPoint's widescreen slides.
    out.width = 960;
    out.height = 960 * b / a;
    return true;
  }
  if (parse_pair('x', a, b)) {
    out.width = a * 0.75f;  // CSS px to pt
    out.height = b * 0.75f;
    return true;
  }
  return false;
}

namespace {

// A page per selected slide (`builds` false: at the print state) or per
// step of each selected slide, with links, outline entries and layers.
std::vector<Page> compose_pages(const deck::Deck& deck,
                                const std::vector<layout::DisplayList>& lists, PageSize size,
                                const Options& options, bool builds) {
  std::vector<Page> pages;
  for (size_t i : selection(deck, lists, options)) {
    if (!builds) {
      pages.push_back(slide_page(deck, lists, i, layout::print_state, size, options));
      continue;
    }
    for (int step = 0; step <= lists[i].step_count; ++step) {
      pages.push_back(slide_page(deck, lists, i, step, size, options));
    }
  }
  pages_finish(deck, pages);
  layers_show(pages);
  return pages;
}

}  // namespace

std::vector<Page> compose_slides(const deck::Deck& deck,
                                 const std::vector<layout::DisplayList>& lists, PageSize size,
                                 const Options& options) {
  return compose_pages(deck, lists, size, options, false);
}

std::vector<Page> compose_builds(const deck::Deck& deck,
                                 const std::vector<layout::DisplayList>& lists, PageSize size,
                                 const Options& options) {
  return compose_pages(deck, lists, size, options, true);
}

}  // namespace deckpdf::compose
