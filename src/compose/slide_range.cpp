// compose/slide_range — --slides by reveal.js labels (see slide_range.h).
#include "compose/slide_range.h"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace deckpdf::compose {

namespace {

// A label as written: "4" (h = 4, v = 0: all of slide or stack 4) or
// "4.2". False for anything else ("0", "4.", "x").
bool label_read(std::string_view t, int& h, int& v) {
  auto number = [](std::string_view s, int& n) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), n);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size() && n > 0;
  };
  size_t dot = t.find('.');
  v = 0;
  if (dot == std::string_view::npos) return number(t, h);
  return number(t.substr(0, dot), h) && number(t.substr(dot + 1), v);
}

// The first (or, `last`, the last) slide index with label h[.v]; false with
// `error` when the deck has none.
bool label_find(const deck::Deck& deck, int h, int v, bool last, size_t& at, std::string& error) {
  bool found = false;
  int last_h = 0, stack_v = 0;
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    const deck::Slide& s = deck.slides[i];
    last_h = std::max(last_h, s.h);
    if (s.h == h) stack_v = std::max(stack_v, s.v);
    if (s.h != h || (v > 0 && s.v != v)) continue;
    if (!found || last) at = i;
    found = true;
  }
  if (found) return true;
  std::string label = std::to_string(h) + (v > 0 ? "." + std::to_string(v) : "");
  error = "--slides: there is no slide " + label + "; ";
  if (h > last_h && last_h == 1) {
    int v_last = deck.slides.back().v;
    error += v_last > 0 ? "the deck is one vertical stack, 1.1 to 1." + std::to_string(v_last)
                        : std::string("the deck has one slide");
  } else if (h > last_h) {
    error += last_h == 0 ? std::string("the deck has no slides")
                         : "the deck's slides are 1 to " + std::to_string(last_h);
  } else if (stack_v == 0) {
    error +=
        "slide " + std::to_string(h) + " is not a vertical stack (write " + std::to_string(h) + ")";
  } else {
    error += "the slides of stack " + std::to_string(h) + " are " + std::to_string(h) + ".1 to " +
             std::to_string(h) + "." + std::to_string(stack_v);
  }
  return false;
}

}  // namespace

bool slides_parse(const std::string& text, const deck::Deck& deck, std::vector<size_t>& out,
                  std::string& error) {
  out.clear();
  std::vector<bool> chosen(deck.slides.size(), false);
  size_t at = 0;
  while (true) {
    size_t comma = text.find(',', at);
    std::string_view part(text.data() + at,
                          (comma == std::string::npos ? text.size() : comma) - at);
    size_t dash = part.find('-');
    std::string_view from = part.substr(0, dash);
    std::string_view to = dash == std::string_view::npos ? from : part.substr(dash + 1);
    int h1 = 0, v1 = 0, h2 = 0, v2 = 0;
    bool open_end = dash != std::string_view::npos && to.empty();
    if (!label_read(from, h1, v1) || (!open_end && !label_read(to, h2, v2))) {
      error = "--slides: '" + std::string(part) +
              "' is not a slide or a range like 3, 4.2, 3-7 or 3-4.2 (in '" + text + "')";
      return false;
    }
    size_t first = 0, last = deck.slides.size() - 1;
    if (!label_find(deck, h1, v1, false, first, error)) return false;
    if (!open_end && !label_find(deck, h2, v2, true, last, error)) return false;
    if (last < first) {
      error = "--slides: '" + std::string(part) + "' runs backwards (in '" + text + "')";
      return false;
    }
    for (size_t i = first; i <= last; ++i) chosen[i] = true;
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  for (size_t i = 0; i < chosen.size(); ++i) {
    if (chosen[i]) out.push_back(i);
  }
  return true;
}

}  // namespace deckpdf::compose
