#include "compose/page.h"

#include <algorithm>
#include <charconv>

namespace deckpdf::compose {

namespace {

// The slide fills the page as reveal.js scales it: uniformly, centred.
Placement fit(const layout::DisplayList& list, int step, const PageSize& size) {
  Placement p;
  p.list = &list;
  p.up_to_step = step;
  float s = std::min(size.width / list.width, size.height / list.height);
  p.t.scale = s;
  p.t.tx = (size.width - list.width * s) / 2;
  p.t.ty = (size.height - list.height * s) / 2;
  return p;
}

Page slide_page(const deck::Deck& deck, const std::vector<layout::DisplayList>& lists, size_t i,
                int step, const PageSize& size) {
  Page page;
  page.width = size.width;
  page.height = size.height;
  page.background = lists[i].background;
  page.label = deck.slides[i].label();
  page.slide = static_cast<int>(i);
  page.placed.push_back(fit(lists[i], step, size));
  return page;
}

}  // namespace

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

std::vector<Page> compose_slides(const deck::Deck& deck,
                                 const std::vector<layout::DisplayList>& lists, PageSize size) {
  std::vector<Page> pages;
  pages.reserve(lists.size());
  for (size_t i = 0; i < lists.size(); ++i) {
    pages.push_back(slide_page(deck, lists, i, lists[i].step_count, size));
  }
  return pages;
}

std::vector<Page> compose_builds(const deck::Deck& deck,
                                 const std::vector<layout::DisplayList>& lists, PageSize size) {
  std::vector<Page> pages;
  for (size_t i = 0; i < lists.size(); ++i) {
    for (int step = 0; step <= lists[i].step_count; ++step) {
      pages.push_back(slide_page(deck, lists, i, step, size));
    }
  }
  return pages;
}

}  // namespace deckpdf::compose
